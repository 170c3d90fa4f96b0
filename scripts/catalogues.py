"""Extract, update and compile eacheck's translation catalogues (`make i18n`).

Messages come from the Python code (``_``, ``ngettext``, ``pgettext``, ``N_``, ``msg``,
``msg_n``), from the Jinja templates (``{% trans %}`` and ``_()``), from click, whose
usage and error texts ("Usage:", "Missing argument …") eacheck shows too, from the help of
every command and option, and from each built-in check's documentation (its docstring and
its parameters' descriptions, which `eacheck explain` shows), and from the texts of files
eacheck writes (the titles and descriptions of the JSON Schemas, the comments of the
principles `eacheck init` writes). Each language's
``.po`` is updated from them — new messages added, vanished ones dropped, nothing fuzzy — sorted
by message id so that two changes merge cleanly, and compiled to the ``.mo`` eacheck reads.

``--check`` changes nothing and fails when a catalogue is out of date or a Swedish message is
untranslated; tests/test_i18n.py runs the same check.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "eacheck"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "eacheck"
LANGUAGES = ("sv", "en")
# The catalogues' dates are fixed: a date that changed on every run would make every update a
# change, and the bytes of the compiled catalogue depend on the header.
FIXED_DATE = datetime(2026, 11, 30, tzinfo=timezone.utc)

KEYWORDS = {**DEFAULT_KEYWORDS, "msg": None, "msg_n": (1, 2)}
METHODS = [
    ("**/templates/**.j2", "jinja2"),
    ("**/defaults/**.j2", "jinja2"),
    ("**.py", "python"),
]
# As the templates are rendered (eacheck/output/report/templating.py): trimmed, newstyle (a
# literal % in a {% trans %} block is then %% in the message id, as at run time).
OPTIONS = {
    "**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true", "newstyle_gettext": "true"},
    "**/defaults/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true", "newstyle_gettext": "true"},
}
CLICK_METHODS = [("**.py", "python")]


def template() -> Catalog:
    """Every message of eacheck and click, each with the files it comes from."""
    import click

    catalog = Catalog(domain=DOMAIN, project="eacheck", creation_date=FIXED_DATE, fuzzy=False)
    sources = [
        (PACKAGE, METHODS, OPTIONS, "eacheck"),
        (Path(click.__file__).parent, CLICK_METHODS, {}, "click"),
    ]
    for folder, methods, options, prefix in sources:
        for filename, _lineno, message, comments, context in extract_from_dir(
            str(folder), methods, options, KEYWORDS, strip_comment_tags=True
        ):
            if prefix == "click" and filename.startswith("_winconsole"):
                continue
            catalog.add(message, locations=[(f"{prefix}/{filename}", None)],
                        auto_comments=comments, context=context)
    # The help of every command and option, exactly as click holds it: the commands keep
    # their help in docstrings and `help=` arguments, which no extractor reads.
    from eacheck.cli import main
    from eacheck.cli.localized import help_texts

    for text in help_texts(main):
        catalog.add(text, locations=[("eacheck/cli (--help)", None)])
    for text, location in check_documentation():
        catalog.add(text, locations=[(location, None)])
    for text, location in written_file_texts():
        catalog.add(text, locations=[(location, None)])
    return catalog


def check_documentation() -> Iterator[tuple[str, str]]:
    """Each built-in check's user documentation: its module docstring and the description of
    each parameter, as `eacheck explain` and docs/principles*.md show them (translated there)."""
    import inspect

    from eacheck import checks

    for name in checks.names():
        module = checks.get(name)
        location = f"eacheck/checks/{module.__name__.rpartition('.')[2]}.py"
        if module.__doc__:
            yield inspect.cleandoc(module.__doc__), f"{location} (docstring)"
        for spec in module.PARAMS.get("properties", {}).values():
            if spec.get("description"):
                yield spec["description"], f"{location} (PARAMS)"


def written_file_texts() -> Iterator[tuple[str, str]]:
    """Texts of files eacheck writes, which no extractor reads: every title and description of
    the packaged JSON Schemas (`eacheck schema` and `init` write them for editors' hover help;
    the checks' parameters come from check_documentation), and the comments of the shipped
    principles (`eacheck init` writes them in the chosen language)."""
    import json

    from eacheck.scaffold.editor_schemas import texts
    from eacheck.scaffold.starter_repository import principle_comments, shipped_principles

    for path in sorted((PACKAGE / "model" / "schemas").glob("*.json")):
        location = path.relative_to(ROOT).as_posix()
        for text in texts(json.loads(path.read_text(encoding="utf-8"))):
            yield text, location
    for name, text in shipped_principles().items():
        for comment in principle_comments(text):
            yield comment, f"eacheck/defaults/principles/{name} (comment)"


def updated(language: str, source: Catalog) -> Catalog:
    """The catalogue of ``language`` brought up to date with ``source``."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="eacheck")
    catalog.update(source, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    catalog.last_translator = "eacheck developers"
    catalog.language_team = {"sv": "Swedish", "en": "English"}[language]
    catalog.copyright_holder = "eacheck developers"
    catalog.msgid_bugs_address = ""
    catalog.version = ""
    catalog.header_comment = (
        f"# {'Swedish' if language == 'sv' else 'English'} texts of eacheck. Maintained with "
        "`make i18n` (scripts/catalogues.py):\n"
        "# translate each empty msgstr; never edit the msgids, they are the English source."
    )
    return catalog


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _entries(po: bytes, language: str) -> list[tuple]:
    catalog = read_po(io.BytesIO(po), locale=language, domain=DOMAIN)
    return sorted(
        (str(message.id), str(message.string), str(message.context), message.fuzzy)
        for message in catalog if message.id
    )


def _compiled(mo: bytes) -> dict:
    import gettext

    return {key: value for key, value in gettext.GNUTranslations(io.BytesIO(mo))._catalog.items() if key}


def problems(language: str, catalog: Catalog) -> list[str]:
    """Untranslated or fuzzy messages (English needs none: its ids are the text)."""
    if language == "en":
        return []
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            shown = message.id if isinstance(message.id, str) else message.id[0]
            where = ", ".join(sorted({file for file, _ in message.locations}))
            found.append(f"{language}: untranslated: {shown!r} ({where})")
    return found


def run(check: bool) -> int:
    source = template()
    failures: list[str] = []
    for language in LANGUAGES:
        catalog = updated(language, source)
        failures += problems(language, catalog)
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        po_file, mo_file = po_path(language), po_path(language).with_suffix(".mo")
        if check:
            # Compared by content, not bytes: another Babel release may write other headers.
            if not po_file.exists() or _entries(po_file.read_bytes(), language) != _entries(po, language):
                failures.append(f"{po_file.relative_to(ROOT)} is out of date: run `make i18n`")
            if not mo_file.exists() or _compiled(mo_file.read_bytes()) != _compiled(mo):
                failures.append(f"{mo_file.relative_to(ROOT)} is out of date: run `make i18n`")
        else:
            po_file.parent.mkdir(parents=True, exist_ok=True)
            po_file.write_bytes(po)
            mo_file.write_bytes(mo)
            print(f"{po_file.relative_to(ROOT)}: {len(catalog)} messages")
    for failure in failures:
        print(failure, file=sys.stderr)
    # Updating succeeds with messages still to translate (they are listed); the check fails.
    return 1 if failures and check else 0


if __name__ == "__main__":
    sys.exit(run(check="--check" in sys.argv[1:]))
