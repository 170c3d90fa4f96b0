"""The report as Markdown, for a wiki page or a pull-request comment."""

from __future__ import annotations

from typing import Any

from eacheck.output.report.context import template_context
from eacheck.output.report.templating import environment


def render(report: dict[str, Any]) -> str:
    return environment("md").get_template("report/report.md.j2").render(template_context(report))
