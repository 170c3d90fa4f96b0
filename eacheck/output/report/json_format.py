"""The report as JSON: the report dict itself (SPEC §5, documented in docs/report.md)."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    # The dict is built in a fixed order with sorted lists; sorting keys here would scatter the
    # sections that belong together.
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
