"""The Python API behind every command: the one door the CLI uses.

Each function takes a repository path (and options), opens the repository, runs the layers below
(checks, analysis, output, scaffold, importing) and returns a result or text; the CLI only parses
arguments, calls one of these and prints. Layers below never open a repository themselves:
analysis takes loaded landscapes, output takes figures (docs/architecture.md).

One module per concern, each name re-exported here so that callers write ``api.check(...)``:

- :mod:`.repository` — opening a repository (working tree or git revision), running its principles;
- :mod:`.checking` — `validate`, `check`, the findings formats, the principles in force;
- :mod:`.reporting` — the figures, the quarterly report and its history across tagged quarters;
- :mod:`.site` — the landscape site;
- :mod:`.diagrams` — `graph` and `impact`;
- :mod:`.starting` — `init` (also from an inventory), `new`, editor schemas;
- :mod:`.exchange` — `import` and `export`.

Heavy modules (jsonschema, networkx, jinja2, openpyxl) are imported inside the functions that
need them, so that a command pays only for what it uses.
"""

from eacheck.api.checking import (
    check,
    explain,
    link_base,
    principles_in_force,
    principles_table,
    render_findings,
    validate,
)
from eacheck.api.diagrams import Answer, graph, impact, render_impact
from eacheck.api.exchange import (
    DEFAULT_EXPORT,
    EXPORT_FORMATS,
    MODEL_SUFFIXES,
    SPREADSHEET_SUFFIXES,
    Exported,
    Imported,
    export,
    import_source,
    render_import,
)
from eacheck.api.reporting import figures, history_notes, left_out_notes, render_report, report, write_report
from eacheck.api.repository import (
    PathLike,
    check_revision,
    open_repository,
    repository_language,
    run_checks,
    settings_problems,
)
from eacheck.api.site import SITE_DIR, render_site, write_site
from eacheck.api.starting import editor_schemas_module, init, init_from, new_entity_module

__all__ = [
    "DEFAULT_EXPORT", "EXPORT_FORMATS", "MODEL_SUFFIXES", "SITE_DIR", "SPREADSHEET_SUFFIXES",
    "Answer", "Exported", "Imported", "PathLike",
    "check", "check_revision", "editor_schemas_module", "explain", "export", "figures", "graph",
    "history_notes", "impact", "import_source", "init", "init_from", "left_out_notes", "link_base", "new_entity_module",
    "open_repository", "principles_in_force", "principles_table", "render_findings", "render_impact",
    "render_import", "render_report", "render_site", "repository_language", "report", "run_checks",
    "settings_problems", "validate", "write_report", "write_site",
]
