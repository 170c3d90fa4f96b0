"""Cloud and legal: protected information stays where Swedish and EU law can protect it.

Data is *protected* when it holds sensitive personal data (GDPR art. 9–10), has a KLASSA
confidentiality level at or above `confidentiality_threshold`, or is under secrecy (OSL). The
rules apply to every system that is not retired and to procurements in `gated_statuses`:

- protected data stored or processed outside `allowed_locations` (default: the EU/EEA);
- protected data with a provider under a jurisdiction in `restricted_jurisdictions` (default:
  US, because of the CLOUD Act as eSam reads it: the provider can be compelled to hand data over
  wherever it is stored) unless the data is encrypted with customer-managed keys;
- protected data whose hosting is unknown: no `hosting.model`, or no `data_location` or
  `provider_jurisdiction` where the model gives no default (on-premises defaults to the home
  country);
- confidentiality at or above `on_premises_only_confidentiality` (default 4) anywhere but
  `on-premises` or `private-cloud`;
- personal data processed outside the EU/EEA without a `transfer_basis` (GDPR chapter V);
- an active integration whose data (its own `data`, each key left out taken from its `from`
  system) is protected, into a system — its `to`, or the platform it passes `via` — whose
  hosting would not be allowed for protected data. This follows the data, not the label: a
  system that holds no protected data itself still must not receive it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eacheck.checks.base import FEWER, MORE, OFF, CheckContext, Violation, gated_statuses_param, params_schema
from eacheck.i18n import Message, N_, msg, msg_n
from eacheck.i18n.formats import Country, Either, Quoted
from eacheck.model.graph import leg_heads
from eacheck.model.naming import the
from eacheck.model.countries import EU_EEA
from eacheck.model.entities import DataClassification, Hosting

NAME = "cloud-and-legal"
PARAMS = params_schema(
    {
        "allowed_locations": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "default": list(EU_EEA),
            "description": "Countries where protected data may be stored or processed.",
        },
        "restricted_jurisdictions": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "default": ["US"],
            "description": "Provider jurisdictions that need customer-managed keys for protected data.",
        },
        "sensitive_personal_data": {
            "type": "boolean",
            "default": True,
            "description": "Sensitive personal data counts as protected.",
        },
        "confidentiality_threshold": {
            "type": "integer",
            "minimum": 0,
            "maximum": 5,
            "default": 2,
            "description": "Confidentiality at or above this level counts as protected.",
        },
        "secrecy": {
            "type": "boolean",
            "default": True,
            "description": "Information under secrecy (OSL) counts as protected.",
        },
        "on_premises_only_confidentiality": {
            "type": "integer",
            "minimum": 0,
            "maximum": 5,
            "default": 4,
            "description": "At or above this level: only on-premises or private-cloud.",
        },
        "gated_statuses": gated_statuses_param(),
    }
)
LOOSENED_BY = {
    "allowed_locations": MORE,
    "restricted_jurisdictions": FEWER,
    "sensitive_personal_data": OFF,
    "confidentiality_threshold": MORE,
    "secrecy": OFF,
    "on_premises_only_confidentiality": MORE,
    "gated_statuses": FEWER,
}

_CLOSED_MODELS = ("on-premises", "private-cloud")

# The hosting models as a sentence names them ("keeps … in a public cloud").
_MODEL_PHRASES = {
    "on-premises": N_("the group's own operation"),
    "private-cloud": N_("a private cloud"),
    "public-cloud": N_("a public cloud"),
    "saas": N_("a SaaS service"),
}

_TRANSFER_BASES = ("adequacy", "dpf", "scc", "bcr")


@dataclass(frozen=True, slots=True)
class HostingProblem:
    """One hosting rule broken: a stable ``code``, the finding's ``message`` (about its
    subject), ``path`` to the key at fault, and ``reason``, the same in a few words for a
    message about another entity (the integration that brings data into this hosting)."""

    code: str
    message: Message
    path: tuple
    reason: Message


def is_protected(data: DataClassification, params: dict) -> bool:
    return (
        (params["sensitive_personal_data"] and data.personal_data == "sensitive")
        or data.confidentiality >= params["confidentiality_threshold"]
        or (params["secrecy"] and data.secrecy)
    )


def hosting_problems(
    hosting: Hosting, data: DataClassification, params: dict
) -> Iterator[HostingProblem]:
    """Each hosting rule that ``data`` on ``hosting`` breaks."""
    protected = is_protected(data, params)
    locations = hosting.data_location
    if protected:
        if not hosting.model or not locations or not hosting.provider_jurisdiction:
            unknown = [
                f"hosting.{key}"
                for key, value in (
                    ("model", hosting.model),
                    ("data_location", locations),
                    ("provider_jurisdiction", hosting.provider_jurisdiction),
                )
                if not value
            ]
            yield HostingProblem(
                "unknown-hosting",
                msg_n(
                    "{subject} has protected data but its hosting is unknown: {keys} is missing; "
                    "find out where the data is stored and under which country's law the provider "
                    "stands",
                    "{subject} has protected data but its hosting is unknown: {keys} are missing; "
                    "find out where the data is stored and under which country's law the provider "
                    "stands",
                    len(unknown), keys=Quoted(tuple(unknown)),
                ),
                ("hosting",),
                msg("its hosting is unknown"),
            )
        allowed = params["allowed_locations"]
        for index, country in enumerate(locations):
            if country not in allowed:
                if set(allowed) == set(EU_EEA):
                    message = msg(
                        "{subject} stores protected data in {country}, outside the EU/EEA; keep "
                        "the data inside the EU/EEA",
                        country=Country(country),
                    )
                else:
                    message = msg(
                        "{subject} stores protected data in {country}, outside the countries the "
                        "principle allows; keep the data in {allowed}",
                        country=Country(country),
                        allowed=Either(tuple(Country(code) for code in allowed)),
                    )
                yield HostingProblem(
                    f"location:{country}", message, ("hosting", "data_location", index),
                    msg("the data is stored in {country}", country=Country(country)),
                )
        jurisdiction = hosting.provider_jurisdiction
        if jurisdiction in params["restricted_jurisdictions"] and not hosting.customer_managed_keys:
            yield HostingProblem(
                f"jurisdiction:{jurisdiction}",
                msg(
                    "{subject} has protected data with a provider subject to the laws of another country ({country}), "
                    "which can compel the provider to hand the data over; use customer-managed "
                    "keys that the provider cannot reach, or a provider outside that jurisdiction",
                    country=Country(jurisdiction),
                ),
                ("hosting", "provider_jurisdiction"),
                msg("the provider is subject to the laws of another country ({country}) with keys it can reach",
                    country=Country(jurisdiction)),
            )
    if (
        data.confidentiality >= params["on_premises_only_confidentiality"]
        and hosting.model
        and hosting.model not in _CLOSED_MODELS
    ):
        threshold = params["on_premises_only_confidentiality"]
        model = msg(_MODEL_PHRASES.get(hosting.model, hosting.model))
        yield HostingProblem(
            "confidentiality-outside-own-operation",
            msg(
                "{subject} keeps data of confidentiality level {level} in {model}; data at level "
                "{threshold} or above belongs in the group's own operation or in a private cloud",
                level=data.confidentiality, model=model, threshold=threshold,
            ),
            ("hosting", "model"),
            msg("data of confidentiality level {level} would be in {model}",
                level=data.confidentiality, model=model),
        )
    if data.personal_data != "none" and not hosting.transfer_basis:
        outside = [country for country in locations if country not in EU_EEA]
        if outside:
            countries = tuple(Country(country) for country in outside)
            yield HostingProblem(
                "transfer-basis",
                msg(
                    "{subject} processes personal data in {countries}, outside the EU/EEA, "
                    "without a transfer basis (transfer_basis); record {bases}, or keep the data "
                    "inside the EU/EEA",
                    countries=countries, bases=Either(_TRANSFER_BASES),
                ),
                ("hosting", "data_location", locations.index(outside[0])),
                msg("personal data would go to {countries} without a transfer basis",
                    countries=countries),
            )


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape = context.landscape
    for system in landscape.systems.values():
        if system.status == "retired":
            continue
        for problem in hosting_problems(system.hosting, system.data, params):
            yield Violation(system, problem.message, problem.code, problem.path)
    for procurement in landscape.procurements.values():
        if procurement.status not in params["gated_statuses"]:
            continue
        for problem in hosting_problems(procurement.hosting, procurement.data, params):
            yield Violation(procurement, problem.message, problem.code, problem.path)
    # The data-flow rule follows the integration graph's legs: each active leg brings the
    # integration's data into the system at its head, the `to` or the `via` platform
    # (eacheck.model.graph). A national group has 300,000 integrations, so the loop is kept
    # lean: an integration's data is classified before its legs are looked at (most carry
    # nothing protected), and what a receiver refuses is worked out once per receiver and
    # classification, keyed on the classification's values (a tuple of plain values hashes in
    # C, a dataclass in Python).
    systems = landscape.systems
    refusals: dict[tuple[str, str, int, bool], tuple[Message, ...]] = {}
    for integration in landscape.integrations.values():
        if integration.status != "active":
            continue
        source = systems.get(integration.source)
        if source is None:
            continue  # no legs: nothing can be said about what it carries
        overrides = integration.data_overrides
        data = DataClassification.from_yaml(overrides, inherit=source.data) if overrides else source.data
        if not is_protected(data, params):
            continue
        for receiver_id, key in leg_heads(integration, systems):
            found = (receiver_id, data.personal_data, data.confidentiality, data.secrecy)
            refused = refusals.get(found)
            if refused is None:
                refused = refusals[found] = tuple(
                    problem.reason for problem in hosting_problems(systems[receiver_id].hosting, data, params)
                )
            if not refused:
                continue
            receiver = systems[receiver_id]
            yield Violation(
                integration,
                msg(
                    "{subject} carries protected data into {receiver}, where it may not go: "
                    "{reasons}; stop the flow, reduce what it carries (data: on the integration), "
                    "or move the receiving system",
                    receiver=the("system", receiver.id), reasons=refused,
                ),
                f"flow-into:{key}:{receiver.id}",
                (key,),
            )
