"""The report as one self-contained HTML page: inline CSS and SVG, nothing fetched."""

from __future__ import annotations

from typing import Any

from eacheck.output.report.context import template_context
from eacheck.output.report.templating import environment


def render(report: dict[str, Any]) -> str:
    return environment("html").get_template("report/report.html.j2").render(template_context(report))
