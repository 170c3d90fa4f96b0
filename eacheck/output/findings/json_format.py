"""Findings for machines, exactly as SPEC §5 describes `check --format json`."""

from __future__ import annotations

import json

from eacheck.findings import FindingsResult


def render(result: FindingsResult, **context) -> str:
    document = {
        "as_of": result.as_of.isoformat(),
        "findings": [finding.to_json() for finding in result.findings],
        "summary": result.summary(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
