"""`eacheck site`: the landscape as a static website for the whole group."""

from __future__ import annotations

from eacheck.cli.common import (
    as_of_option, command, handle_errors, language_option, note, option, path_argument, settings_notes,
)
from eacheck.cli.report import HISTORY_TAGS
from eacheck.i18n import msg


@command("site")
@path_argument
@option("--out", metavar="DIR", default=None,
        help="The folder to write the site to; it is replaced as a whole. Default: site/ under PATH.")
@option("--history", metavar="PATTERN", is_flag=False, flag_value=HISTORY_TAGS, default=None,
        help="Show the indexes quarter by quarter on the start page, from the git tags matching "
             "PATTERN (default report-*), as `eacheck report --history` does.")
@language_option
@as_of_option
@handle_errors
def command(path: str, out: str | None, history: str | None, language: str | None, as_of) -> None:
    """Write the landscape of the repository at PATH as a static website.

    A start page with the indexes against their targets, a page for every organization,
    capability, system, integration, procurement, exception and principle, the capability map
    and a search that works offline. Plain HTML with relative links: publish the folder on an
    intranet server, a file share, GitLab Pages or GitHub Pages. The folder's path is printed
    on standard error.

    Example: eacheck site --history --out public
    """
    from eacheck import api

    written = api.write_site(path, out, as_of=as_of, language=language, history=history)
    note(msg("the site is written to {path}", path=str(written)))
    settings_notes(path)
