"""The report as JSON: the report dict itself (SPEC §5, documented in docs/report.md)."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    # The dict is built in a fixed order with sorted lists; sorting keys here would scatter the
    # sections that belong together.
    # Compact: with an indent, json falls back to its pure-Python encoder, several times slower
    # on a national-scale report. `python -m json.tool` or `jq .` pretty-prints it.
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
