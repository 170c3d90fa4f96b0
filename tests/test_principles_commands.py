"""`eacheck principles`, `eacheck explain`, and the generated principle reference."""

from __future__ import annotations

import importlib.util

from conftest import PROJECT_ROOT


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_principles_docs", PROJECT_ROOT / "scripts" / "generate-principles-docs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_principle_reference_is_up_to_date():
    generator = _generator()
    for language, target in generator.TARGETS.items():
        assert target.read_text(encoding="utf-8") == generator.render(language), (
            f"{target.name} is stale: run `.venv/bin/python scripts/generate-principles-docs.py`"
        )


def test_principles_lists_every_principle_in_force(run, repository):
    result = run("principles", PROJECT_ROOT, "--lang", "en")
    assert result.exit_code == 0
    rows = result.output.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [
        "clear-ownership", "cloud-and-legal", "effect-goals", "integration-platform",
        "lifecycle", "reuse-across-group", "shared-over-unique",
    ]
    assert "Shared before unique" in result.output


def test_principles_shows_a_repository_own_principles(run, repository):
    root = repository({
        "principles/strict.yaml": """\
            kind: principle
            id: strict-ownership
            title: {sv: Strikt ägarskap, en: Strict ownership}
            statement: Every system has an owner.
            rationale: Accountability.
            implications: Name one.
            check: clear-ownership
            severity: error
            enabled: false
            """,
    })
    result = run("principles", root)
    assert result.exit_code == 0
    assert "strict-ownership" in result.output and "avstängd (fel)" in result.output
    assert "Strikt ägarskap" in result.output  # Swedish by default


def test_explain_prints_the_principle_in_the_chosen_language(run):
    english = run("explain", "lifecycle", PROJECT_ROOT, "--lang", "en")
    swedish = run("explain", "lifecycle", PROJECT_ROOT)
    assert english.exit_code == swedish.exit_code == 0
    assert "# Lifecycle management of systems and contracts" in english.output
    assert "## Rationale" in english.output and "`contract_months` = `12`" in english.output
    assert "## Motivering" in swedish.output


def test_explain_unknown_principle_suggests_a_close_one(run):
    result = run("explain", "lifecycel", PROJECT_ROOT, "--lang", "en")
    assert result.exit_code == 2
    assert "no principle 'lifecycel' is in force; did you mean 'lifecycle'?" in result.output
    swedish = run("explain", "lifecycel", PROJECT_ROOT, "--lang", "sv")
    assert "ingen princip med id 'lifecycel' gäller; menade du 'lifecycle'?" in swedish.output
    nothing_close = run("explain", "xyz", PROJECT_ROOT, "--lang", "sv")
    assert nothing_close.exit_code == 2
    assert "kör `eacheck principles` för att se vilka som gäller" in nothing_close.output


def test_unknown_check_and_bad_params_are_errors_in_the_principle_file(run, repository):
    root = repository({
        "principles/bad.yaml": """\
            kind: principle
            id: bad-check
            title: Bad
            statement: s
            rationale: r
            implications: i
            check: shared-over-uniq
            ---
            kind: principle
            id: bad-params
            title: Bad params
            statement: s
            rationale: r
            implications: i
            check: lifecycle
            params:
              contract_months: twelve
              contract_month: 12
            """,
    })
    result = run("validate", root, "--lang", "en")
    assert result.exit_code == 1
    assert "principles/bad.yaml:7:1: error [schema] there is no built-in check 'shared-over-uniq'" in result.output
    assert ("principles/bad.yaml:17:3: error [schema] 'contract_months' in the params of principle 'bad-params' must "
            "be a whole number") in result.output
    assert ("principles/bad.yaml:18:3: error [schema] unknown key 'contract_month' in the params of principle "
            "'bad-params'; did you mean 'contract_months'?") in result.output
