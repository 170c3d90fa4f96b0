"""The words for the values the files hold (a status, a hosting model, a reason code), marked for
the catalogue here and translated where a template shows them (``_(labels.status[x])``).

The codes themselves (``phase-out``, ``saas``) stay as written in the files; they are what the
reader types in YAML, so pages show them beside the words where that helps.
"""

from __future__ import annotations

from eacheck.i18n import N_
from eacheck.output.report.labels import METRICS, TIME_CLASSES, TIME_HELP

kind = {
    "organization": N_("Organization"),
    "capability": N_("Capability"),
    "system": N_("System"),
    "integration": N_("Integration"),
    "procurement": N_("Procurement"),
    "exception": N_("Exception"),
    "principle": N_("Principle"),
}

organization_type = {
    "administration": N_("Administration"),
    "company": N_("Company"),
    "holding": N_("Holding company"),
    "external": N_("External organization"),
}

status = {
    "planned": N_("Planned"),
    "active": N_("Active"),
    "phase-out": N_("Being phased out"),
    "retired": N_("Retired"),
}

integration_status = {
    "planned": N_("Planned"),
    "active": N_("Active"),
    "retired": N_("Retired"),
}

procurement_status = {
    "proposed": N_("Proposed"),
    "approved": N_("Approved"),
    "rejected": N_("Rejected"),
    "awarded": N_("Awarded"),
}

method = {
    "api": N_("API"),
    "file": N_("File transfer"),
    "event": N_("Events"),
    "database": N_("Database"),
    "manual": N_("Manual"),
}

hosting_model = {
    "on-premises": N_("Own data centre"),
    "private-cloud": N_("Private cloud"),
    "public-cloud": N_("Public cloud"),
    "saas": N_("SaaS (software as a service)"),
}

transfer_basis = {
    "adequacy": N_("Adequacy decision"),
    "dpf": N_("EU–US Data Privacy Framework"),
    "scc": N_("Standard contractual clauses"),
    "bcr": N_("Binding corporate rules"),
}

personal_data = {
    "none": N_("No personal data"),
    "ordinary": N_("Personal data"),
    "sensitive": N_("Sensitive personal data"),
}

confidentiality = {
    0: N_("Level 0: negligible"),
    1: N_("Level 1: moderate"),
    2: N_("Level 2: significant"),
    3: N_("Level 3: serious"),
    4: N_("Level 4: extremely serious"),
}

functional_fit = {
    1: N_("1: unreasonable"),
    2: N_("2: insufficient"),
    3: N_("3: appropriate"),
    4: N_("4: perfect"),
}

technical_fit = {
    1: N_("1: inappropriate"),
    2: N_("2: unreasonable"),
    3: N_("3: adequate"),
    4: N_("4: fully appropriate"),
}

criticality = {
    "administrative": N_("Administrative"),
    "operational": N_("Operational"),
    "critical": N_("Critical"),
    "vital": N_("Vital"),
}


# The report's words where the site says the same thing: one wording per figure and class.
# (The decommissioning reasons too: eacheck.output.report.labels.reason_words.)
time_class = TIME_CLASSES
time_help = TIME_HELP
metric = METRICS

severity = {
    "error": N_("Error"),
    "warning": N_("Warning"),
    "info": N_("Info"),
}

sharing = {
    "group": N_("Met once for the whole group"),
    "local": N_("Local: unique solutions are accepted"),
}

service_state = {
    "group-common": N_("Group-common system"),
    "duplicated": N_("Duplicated"),
    "served-once": N_("Served once"),
    "not-served": N_("Not served"),
    "through-parts": N_("Served through its parts"),
    "local": N_("Local capability"),
}

service_help = {
    "group-common": N_("One active system serves it, and it is the group-common one."),
    "duplicated": N_("More than one active system serves it: the group pays more than once."),
    "served-once": N_("One active system serves it, but it is not designated group-common."),
    "not-served": N_("No active system serves it."),
    "through-parts": N_("No active system serves it as a whole; systems serve the capabilities below it."),
    "local": N_("Unique solutions are accepted here, so how it is served is not judged."),
}


metric_help = {
    "shared_use_index": N_("The share of active systems used by at least two organizations in the group."),
    "spend_index": N_("The share of the known annual cost of active systems that lies in shared systems."),
    "cross_boundary_index": N_("The share of active systems used by both administrations and companies."),
}
