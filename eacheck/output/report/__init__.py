"""The quarterly shared-use report in HTML, Markdown or JSON, rendered from the report dict of
:mod:`eacheck.analysis.report_data` and written safely (:mod:`eacheck.safe_write`). Nothing here
opens a repository."""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import Any

from eacheck.errors import UsageError, reason
from eacheck.i18n import msg

FORMATS = ("html", "md", "json")
REPORTS_DIR = "reports"
STDOUT = "-"


def render(format_name: str, report: dict[str, Any]) -> str:
    """The whole report as text, in memory, in the report's language."""
    from eacheck import i18n

    if format_name not in FORMATS:
        raise UsageError(msg("unknown report format '{name}'; use one of: {formats}",
                             name=format_name, formats=", ".join(FORMATS)))
    with i18n.using(report["language"]):
        return import_module(f"eacheck.output.report.{format_name}_format").render(report)


def default_path(root: str | os.PathLike[str], report: dict[str, Any], format_name: str) -> Path:
    """``reports/<year>-Q<n>-shared-use.<ext>`` under the repository, for the as-of quarter."""
    return Path(root) / REPORTS_DIR / f"{report['quarter']}-shared-use.{format_name}"


def write(target: Path, text: str, inside: str | os.PathLike[str] | None = None) -> Path:
    """Write the rendered report to ``target``; ``inside`` is the repository when eacheck chose
    ``reports/`` (created if needed) rather than the user's ``--out``.

    Written by :mod:`eacheck.safe_write`: a regular file is replaced atomically, so a failure
    never leaves a partial report behind, nor replaces a good one; a link is never replaced; and
    the default place must stay inside the repository, where a pull request may have committed
    a link to anywhere. A place the caller names is theirs to choose.
    """
    from eacheck import safe_write

    if inside is not None:
        if target.parent.exists() and not target.parent.is_dir():
            raise UsageError(msg("{path}: is a file, not a folder; move it, or give --out", path=str(target.parent)))
    else:
        if target.is_dir() and not target.is_symlink():
            raise UsageError(msg("{path}: is a folder; give a file name for the report", path=str(target)))
        if not target.parent.is_dir():
            raise UsageError(msg("{path}: the folder {folder} does not exist; create it first",
                                 path=str(target), folder=str(target.parent)))
    try:
        if inside is not None:
            safe_write.make_folder(target.parent, inside=inside)
        safe_write.write(target, text, inside=inside)
    except OSError as error:
        raise UsageError(msg("{path}: cannot write the report: {reason}", path=str(target),
                             reason=reason(error))) from None
    return target
