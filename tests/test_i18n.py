"""One catalogue per language, complete, and formats with fixed bytes (SPEC §6)."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from conftest import PROJECT_ROOT
from eacheck import i18n
from eacheck.i18n import formats, msg, msg_n


def _catalogues_script():
    spec = importlib.util.spec_from_file_location("catalogues", PROJECT_ROOT / "scripts" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogues_are_up_to_date_and_the_swedish_one_is_complete(capsys):
    """Every message of the code, the templates, the commands' help and click is in the Swedish
    catalogue with a translation, nothing fuzzy, and the compiled catalogues match (`make i18n`)."""
    result = _catalogues_script().run(check=True)
    assert result == 0, capsys.readouterr().err


def test_an_untranslated_message_fails_the_check(tmp_path, monkeypatch, capsys):
    script = _catalogues_script()
    template = script.template()
    template.add("A sentence nobody has translated yet.", locations=[("eacheck/x.py", None)])
    monkeypatch.setattr(script, "template", lambda: template)
    assert script.run(check=True) == 1
    assert "untranslated: 'A sentence nobody has translated yet.'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", ("1\u00a0234\u00a0567,3", "+2,5", "0,0", "1\u00a0200\u00a0000\u00a0kr", "-900\u00a0000\u00a0kr",
                "47\u00a0%", "68\u00a0%", "27 november 2026", "a, b och c", "a, b eller c")),
        ("en", ("1,234,567.3", "+2.5", "0.0", "SEK\u00a01,200,000", "-SEK\u00a0900,000",
                "47%", "68%", "27 November 2026", "a, b and c", "a, b or c")),
    ],
)
def test_formats_have_fixed_bytes(language, expected):
    assert (
        formats.number(1234567.25, language, 1),
        formats.number(2.5, language, 1, signed=True),
        formats.number(0.0004, language, 1, signed=True),  # no change is neither + nor -
        formats.money(1200000, language),
        formats.money(-900000, language, signed=True),
        formats.percent(0.4712, language),
        formats.percent(0.675, language),  # half up, as people round
        formats.long_date(date(2026, 11, 27), language),
        formats.join(["a", "b", "c"], language),
        formats.join(["a", "b", "c"], language, style="or"),
    ) == expected


def test_a_percentage_rounds_its_decimal_value_not_the_float_product():
    """0.285 × 100 is 28.499999… in floating point; the share is 28.5 %, which rounds to 29 %."""
    assert formats.percent(0.285, "en") == "29%"
    assert formats.percent(0.2985, "sv", decimals=1) == "29,9\u00a0%"
    assert formats.percent(0.2985, "en", decimals=1) == "29.9%"


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("sv", 0, "obs: 0 fel i filerna; det som felen gäller saknas i diagrammet"),
        ("sv", 1, "obs: 1 fel i filerna; det som felet gäller saknas i diagrammet"),
        ("sv", 2, "obs: 2 fel i filerna; det som felen gäller saknas i diagrammet"),
        ("en", 0, "note: 0 problems in the files; what they concern is left out of the diagram"),
        ("en", 1, "note: 1 problem in the files; what it concerns is left out of the diagram"),
        ("en", 2, "note: 2 problems in the files; what they concern is left out of the diagram"),
    ],
)
def test_plural_forms_follow_the_count(language, count, expected):
    message = msg_n(
        "note: {n} problem in the files; what it concerns is left out of the diagram "
        "(run `eacheck validate` to see it)",
        "note: {n} problems in the files; what they concern is left out of the diagram "
        "(run `eacheck validate` to see them)",
        count,
    )
    assert message.render(language).startswith(expected)


def test_a_message_renders_its_values_in_the_language_it_is_shown_in():
    message = msg("'{value}' is not a date; write YYYY-MM-DD", value="30/6")
    assert message.render("sv") == "'30/6' är inget datum; skriv ÅÅÅÅ-MM-DD"
    assert message.render("en") == "'30/6' is not a date; write YYYY-MM-DD"
    with i18n.using("en"):
        assert str(message) == message.render("en")
    assert i18n.current_language() == "sv"  # the default again after the block
    # language-free and hashable: it can stand for a finding's problem in a baseline
    assert message == msg("'{value}' is not a date; write YYYY-MM-DD", value="30/6")
    assert len({message, msg("'{value}' is not a date; write YYYY-MM-DD", value="30/6")}) == 1


def test_a_value_from_the_files_is_cut_in_a_message():
    message = msg("'{value}' is not a date; write YYYY-MM-DD", value="x" * 10_000)
    rendered = message.render("en")
    assert len(rendered) < 300 and rendered.startswith("'" + "x" * 100) and "…'" in rendered


def test_click_speaks_the_language_of_the_run(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no eacheck.yaml here: Swedish
    swedish = run("check", "--help")
    assert swedish.output.startswith("Användning: ") and "Visa den här hjälpen och avsluta." in swedish.output
    assert "Pröva förrådet i SÖKVÄG mot de principer som gäller." in swedish.output
    # The usage line's placeholders are the ones the help texts name, in the same language.
    assert swedish.output.startswith("Användning: main check [FLAGGOR] [SÖKVÄG]\n")
    assert "--as-of ÅÅÅÅ-MM-DD" in swedish.output and "YYYY" not in swedish.output
    assert run("import").output.startswith("Användning: main import [FLAGGOR] KÄLLA [SÖKVÄG]\n")
    assert "Argument saknas 'KÄLLA'" in run("import").output
    assert run("nosuch").output.startswith("Användning: main [FLAGGOR] KOMMANDO [ARGUMENT]...\n")
    english = run("check", "--lang", "en", "--help")
    assert english.output.startswith("Usage: main check [OPTIONS] [PATH]\n") and "Show this message and exit." in english.output
    assert "--as-of YYYY-MM-DD" in english.output
    (tmp_path / "eacheck.yaml").write_text("language: en\n", encoding="utf-8")
    assert run("check", "--help").output.startswith("Usage: ")
    error = run("check", "--format", "pdf")
    assert error.exit_code == 2 and "Invalid value for '--format'" in error.output


def test_every_swedish_translation_uses_only_the_placeholders_of_its_message():
    """A placeholder the message does not fill would make rendering it fail, in Swedish only."""
    import re

    from babel.messages.pofile import read_po

    placeholder = re.compile(r"(?<!\{)\{(\w*)\}(?!\})|%\((\w+)\)s")
    path = PROJECT_ROOT / "eacheck" / "locale" / "sv" / "LC_MESSAGES" / "eacheck.po"
    with path.open("rb") as file:
        catalogue = read_po(file, locale="sv")
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        allowed = {found for text in ids for found in placeholder.findall(text)}
        wrong += [(ids[0], text) for text in texts if set(placeholder.findall(text)) - allowed]
    assert not wrong


def test_a_set_of_values_renders_in_the_same_order_every_time():
    from eacheck.i18n import render

    assert render(frozenset({"c", "a", "b"}), "en") == "a, b and c"


# One English concept, one Swedish term (/work/shared/glossary-sv.md): words a translator reaches
# for that the glossary settles otherwise, and where the glossary's term is to be used instead.
_AGAINST_THE_GLOSSARY = {
    r"\banskaff\w*": "procurement is 'upphandling' (a proposed one: 'planerad upphandling')",
    r"\bfynd\w*": "a finding is an 'avvikelse'",
    r"\bdriftmodell\w*": "the hosting model is the 'driftform'",
    r"\bskulle ska\b": "not Swedish",
    r"\b(?:ett|okänt|vilket|alla|oavsett|per) slag\b": "a kind of entity is a 'sort' (en sort, sorter)",
}


def _swedish_texts():
    import io

    from babel.messages.pofile import read_po

    catalogue = read_po(io.BytesIO((PROJECT_ROOT / "eacheck/locale/sv/LC_MESSAGES/eacheck.po").read_bytes()))
    for message in catalogue:
        if message.id:
            for text in message.string if isinstance(message.string, tuple) else [message.string]:
                yield f"eacheck.po: {message.id!r}", text
    for path in sorted((PROJECT_ROOT / "eacheck/defaults/init/sv").rglob("*")):
        if path.is_file():
            yield str(path.relative_to(PROJECT_ROOT)), path.read_text(encoding="utf-8")


def test_swedish_texts_use_the_glossarys_terms():
    import re

    found = [f"{where}: {re.search(pattern, text, re.IGNORECASE).group(0)!r}: {why}"
             for where, text in _swedish_texts()
             for pattern, why in _AGAINST_THE_GLOSSARY.items() if re.search(pattern, text, re.IGNORECASE)]
    assert not found, "\n".join(found)
