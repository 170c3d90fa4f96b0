"""The search's index: every system, organization and capability by name and id, as a script
the search page loads (a JSON file could not be read from a file share: browsers refuse
`fetch` on file:// pages, but run a script beside the page).

Names are folded the way eacheck makes ids from names (SPEC §7): lower case, and å, ä, ö, é, ü
without their marks, so "lon", "lön" and "LÖN" all find Lönesystem. The script folds the query
the same way (Unicode NFD, marks removed), so both sides meet.
"""

from __future__ import annotations

import json
import unicodedata

from eacheck.output.site.views import Views
from eacheck.safe_text import printable

# The kinds the search finds, in the order results of equal rank are listed.
KINDS = ("system", "organization", "capability")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def entries(views: Views) -> list[list[str]]:
    """[kind, id, name, folded name and id, page] for each entity the search finds."""
    found = []
    collections = {"system": views.systems, "organization": views.organizations, "capability": views.capabilities}
    for kind in KINDS:
        for entity in collections[kind]:
            name = printable(entity.name)  # as the pages show it: control characters as escapes
            found.append([kind, entity.id, name, fold(f"{name} {entity.id}"), f"{kind}/{entity.id}.html"])
    return found


def script(views: Views) -> str:
    """The index as a script that sets ``window.EACHECK_SEARCH``.

    ``ensure_ascii`` keeps the file plain ASCII (å as \\u00e5); ``<`` is escaped too, so that no
    name can close a script element wherever the file is included.
    """
    data = json.dumps(entries(views), ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.EACHECK_SEARCH={data};\n"
