"""Findings for machines, exactly as SPEC §5 describes `check --format json`; with
`--baseline`, also what the change does to the group's figures under ``"figures"`` (SPEC §8,
docs/ci.md)."""

from __future__ import annotations

import json

from eacheck.findings import FindingsResult


def render(result: FindingsResult, **context) -> str:
    # One finding per line: readable and diffable, while each line goes through json's fast C
    # encoder (an indent would switch the whole document to the pure-Python one).
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    findings = ",\n".join(f"    {dumps(finding.to_json())}" for finding in result.findings)
    return (
        "{\n"
        f'  "as_of": {dumps(result.as_of.isoformat())},\n'
        f'  "findings": [{chr(10) + findings + chr(10) + "  " if findings else ""}],\n'
        f'  "summary": {dumps(result.summary())}'
        + (f',\n  "figures": {dumps(result.figures)}' if result.figures is not None else "")
        + "\n}\n"
    )
