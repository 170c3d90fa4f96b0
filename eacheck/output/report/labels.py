"""The report's names for codes the report dict holds (reason codes, TIME classes, fields,
lifecycle statuses, metrics), marked for the catalogue and translated where they are shown.

The dict keeps the codes (they are the machine-facing part, SPEC §6); a reader sees these.
Running text lives in the templates, one `{% trans %}` per sentence.
"""

from __future__ import annotations

from eacheck.i18n import N_, _, ngettext

ORGANIZATION_TYPES = {
    "administration": N_("Administration"),
    "company": N_("Company"),
    "holding": N_("Holding company"),
    "external": N_("External"),
}

METRICS = {
    "shared_use_index": N_("Shared-use index"),
    "spend_index": N_("Spend-weighted index"),
    "cross_boundary_index": N_("Cross-boundary index"),
}

REASONS = {
    "phase-out": N_("being phased out"),
    "retire-by-passed": N_("retire-by date passed"),
    "covered-by-group-common": N_("covered by a group-common system"),
    "time-eliminate": N_("TIME: eliminate"),
    "contract-ending": N_("contract ends soon or has ended"),
    "single-organization": N_("used by a single organization"),
}

TIME_CLASSES = {
    "invest": N_("Invest"),
    "tolerate": N_("Tolerate"),
    "migrate": N_("Migrate"),
    "eliminate": N_("Eliminate"),
    "unassessed": N_("Not assessed"),
}

TIME_HELP = {
    "invest": N_("high functional and high technical fit"),
    "tolerate": N_("low functional, high technical fit"),
    "migrate": N_("high functional, low technical fit"),
    "eliminate": N_("low functional and low technical fit"),
    "unassessed": N_("one or both fits missing"),
}

FIELDS = {
    "system_owner": N_("System owner"),
    "annual_cost": N_("Annual cost"),
    "hosting": N_("Hosting (model, location, jurisdiction)"),
    "assessment": N_("Assessment (both fits)"),
}

# Column headings: how many findings of each severity.
SEVERITY_COLUMNS = {
    "error": N_("Errors"),
    "warning": N_("Warnings"),
    "info": N_("Info"),
}

# One finding's severity, as a word in a table cell.
SEVERITIES = {
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
}

STATUSES = {
    "planned": N_("planned"),
    "active": N_("active"),
    "phase-out": N_("phase-out"),
    "retired": N_("retired"),
}

FIGURES = {
    "active_systems": N_("Active systems"),
    "shared_systems": N_("Shared systems"),
    "cross_boundary_systems": N_("Cross-boundary systems"),
    "annual_cost": N_("Known annual cost of active systems"),
    "duplicated_capabilities": N_("Capabilities with duplicates"),
    "alternative_cost": N_("Alternative cost"),
    "decommission_candidates": N_("Decommissioning candidates"),
    "completeness": N_("Complete system records"),
}

# Findings that come from no principle file; the report names them.
PSEUDO_PRINCIPLES = {
    "schema": N_("File format and references"),
    "exception-expired": N_("Expired exceptions"),
    "exception-too-long": N_("Exceptions that run too long"),
    "principles-in-force": N_("The principles in force"),
}

TABLES = {
    "type": ORGANIZATION_TYPES,
    "metric": METRICS,
    "reason": REASONS,
    "time": TIME_CLASSES,
    "time_help": TIME_HELP,
    "field": FIELDS,
    "severity_column": SEVERITY_COLUMNS,
    "severity": SEVERITIES,
    "status": STATUSES,
    "figure": FIGURES,
    "principle": PSEUDO_PRINCIPLES,
}


def translated_tables() -> dict[str, dict[str, str]]:
    """Every table in the language of the run in progress."""
    return {name: {code: _(text) for code, text in table.items()} for name, table in TABLES.items()}



def reason_words(contract_months: int) -> dict[str, str]:
    """The decommissioning reasons in the language of the run, for the report and the site
    alike. The contract horizon is the lifecycle principle's own ``contract_months``, so what
    the reader sees agrees with what `check` applies."""
    words = {code: _(text) for code, text in REASONS.items()}
    words["contract-ending"] = ngettext(
        "contract ends within {n} month or has ended", "contract ends within {n} months or has ended",
        contract_months,
    ).format(n=contract_months)
    return words
