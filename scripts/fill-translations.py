"""Fill Swedish translations into eacheck/locale/sv/LC_MESSAGES/eacheck.po from a Python file.

    python scripts/fill-translations.py TRANSLATIONS.py

TRANSLATIONS.py defines ``SV``: English msgid -> Swedish text, or (singular, plural) -> [two
forms]; a message with a context (``pgettext``) is keyed ``"context\x04msgid"``, as gettext
itself stores it. Only existing entries are filled (run `make i18n` first so that they exist); an msgid
that is not in the catalogue is listed, since it usually means a typo. For translators who
prefer writing a table to editing the .po file by hand; `make i18n` afterwards compiles.
"""

from __future__ import annotations

import io
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogues import mo_bytes, po_bytes, po_path  # noqa: E402


def main(table_file: str) -> int:
    table = runpy.run_path(table_file)["SV"]
    path = po_path("sv")
    catalog = read_po(io.BytesIO(path.read_bytes()), locale="sv", domain="eacheck")
    unknown = []
    for key, text in table.items():
        message_id = key[0] if isinstance(key, tuple) else key
        context, _, message_id = message_id.rpartition("\x04")
        message = catalog.get(message_id, context=context or None)
        if message is None:
            unknown.append(message_id)
            continue
        message.string = tuple(text) if isinstance(text, list) else text
        message.flags.discard("fuzzy")
    path.write_bytes(po_bytes(catalog))
    path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
    for message_id in unknown:
        print(f"not in the catalogue: {message_id!r}", file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
