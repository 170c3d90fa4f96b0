"""The quarterly shared-use report in HTML, Markdown or JSON, rendered from the report dict of
:mod:`eacheck.analysis.report_data` and written atomically."""

from __future__ import annotations

import os
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from eacheck.errors import UsageError

FORMATS = ("html", "md", "json")
REPORTS_DIR = "reports"
STDOUT = "-"


def render(format_name: str, report: dict[str, Any]) -> str:
    """The whole report as text, in memory."""
    if format_name not in FORMATS:
        raise UsageError(f"unknown report format '{format_name}'; use one of: {', '.join(FORMATS)}")
    return import_module(f"eacheck.output.report.{format_name}_format").render(report)


def default_path(root: str | os.PathLike[str], report: dict[str, Any], format_name: str) -> Path:
    """``reports/<year>-Q<n>-shared-use.<ext>`` under the repository, for the as-of quarter."""
    return Path(root) / REPORTS_DIR / f"{report['quarter']}-shared-use.{format_name}"


def render_report(
    path: str | os.PathLike[str] = ".",
    format_name: str = "html",
    *,
    as_of: date | None = None,
    compare_to: str | None = None,
    language: str | None = None,
) -> str:
    """The report of the repository at ``path`` as text (what `--out -` prints)."""
    from eacheck.analysis.report_data import build_report

    return render(format_name, build_report(path, as_of, compare_to, language))


def write_report(
    path: str | os.PathLike[str] = ".",
    format_name: str = "html",
    out: str | os.PathLike[str] | None = None,
    *,
    as_of: date | None = None,
    compare_to: str | None = None,
    language: str | None = None,
) -> Path:
    """Build, render and write the report; returns the file written.

    Without ``out`` the file goes to ``reports/`` under ``path`` (created if needed). The text
    is rendered in full before anything touches the disk, and then written by
    :mod:`eacheck.safe_write`: a regular file is replaced atomically, so a failure never leaves a
    partial report behind, nor replaces a good one; a link is never replaced, and the default
    place must stay inside the repository.
    """
    from eacheck import safe_write
    from eacheck.analysis.report_data import build_report

    if format_name not in FORMATS:
        raise UsageError(f"unknown report format '{format_name}'; use one of: {', '.join(FORMATS)}")
    report = build_report(path, as_of, compare_to, language)
    text = render(format_name, report)
    # The default place is in the repository, where a pull request may have committed a link
    # to anywhere; a place the caller names is theirs to choose.
    inside = None
    if out is None:
        target = default_path(path, report, format_name)
        inside = path
        if target.parent.exists() and not target.parent.is_dir():
            raise UsageError(f"{target.parent}: is a file, not a folder; move it, or give --out")
    else:
        target = Path(out)
        if target.is_dir() and not target.is_symlink():
            raise UsageError(f"{out}: is a folder; give a file name for the report")
        if not target.parent.is_dir():
            raise UsageError(f"{out}: the folder {target.parent} does not exist; create it first")
    try:
        if out is None:
            safe_write.make_folder(target.parent, inside=inside)
        safe_write.write(target, text, inside=inside)
    except OSError as error:
        raise UsageError(f"{target}: cannot write the report: {error.strerror or error}") from None
    return target
