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

from eacheck.model.graph import flow_legs
from eacheck.checks.base import CheckContext, Violation, gated_statuses_param, params_schema
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

_CLOSED_MODELS = ("on-premises", "private-cloud")


def is_protected(data: DataClassification, params: dict) -> bool:
    return (
        (params["sensitive_personal_data"] and data.personal_data == "sensitive")
        or data.confidentiality >= params["confidentiality_threshold"]
        or (params["secrecy"] and data.secrecy)
    )


def hosting_problems(
    hosting: Hosting, data: DataClassification, params: dict
) -> Iterator[tuple[str, str, tuple]]:
    """(code, what is wrong, path) for each hosting rule that ``data`` on ``hosting`` breaks."""
    protected = is_protected(data, params)
    locations = hosting.data_location
    if protected:
        if not hosting.model or not locations or not hosting.provider_jurisdiction:
            unknown = [
                key
                for key, value in (
                    ("model", hosting.model),
                    ("data_location", locations),
                    ("provider_jurisdiction", hosting.provider_jurisdiction),
                )
                if not value
            ]
            yield (
                "unknown-hosting",
                f"has protected data but unknown hosting (no hosting.{', hosting.'.join(unknown)}); "
                "find out where the data is and under which law the provider stands",
                ("hosting",),
            )
        for index, country in enumerate(locations):
            if country not in params["allowed_locations"]:
                yield (
                    f"location:{country}",
                    f"stores protected data in {country}, outside the allowed locations; "
                    "keep it inside the EU/EEA",
                    ("hosting", "data_location", index),
                )
        jurisdiction = hosting.provider_jurisdiction
        if jurisdiction in params["restricted_jurisdictions"] and not hosting.customer_managed_keys:
            yield (
                f"jurisdiction:{jurisdiction}",
                f"has protected data with a provider under {jurisdiction} law, which can be "
                "compelled to hand it over; use customer-managed keys the provider cannot reach, "
                "or a provider outside that jurisdiction",
                ("hosting", "provider_jurisdiction"),
            )
    if (
        data.confidentiality >= params["on_premises_only_confidentiality"]
        and hosting.model
        and hosting.model not in _CLOSED_MODELS
    ):
        yield (
            "confidentiality-outside-own-operation",
            f"keeps data of confidentiality level {data.confidentiality} in {hosting.model} hosting; "
            "this level belongs on-premises or in a private cloud",
            ("hosting", "model"),
        )
    if data.personal_data != "none" and not hosting.transfer_basis:
        outside = [country for country in locations if country not in EU_EEA]
        if outside:
            yield (
                "transfer-basis",
                f"processes personal data in {', '.join(outside)}, outside the EU/EEA, without a "
                "transfer_basis; record adequacy, dpf, scc or bcr, or keep the data in the EU/EEA",
                ("hosting", "data_location", locations.index(outside[0])),
            )


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape = context.landscape
    for system in landscape.systems.values():
        if system.status == "retired":
            continue
        for code, message, path in hosting_problems(system.hosting, system.data, params):
            yield Violation(system, message, code, path)
    for procurement in landscape.procurements.values():
        if procurement.status not in params["gated_statuses"]:
            continue
        for code, message, path in hosting_problems(procurement.hosting, procurement.data, params):
            yield Violation(procurement, message, code, path)
    # The data-flow rule walks the integration graph: each active leg brings the integration's
    # data into the system at its head, the `to` or the `via` platform (eacheck.model.graph).
    # Both are looked up once: an integration has up to two legs, and a receiver (a platform
    # above all) meets the same few classifications over and over.
    protected_data: dict[str, DataClassification | None] = {}
    refusals: dict[tuple[str, DataClassification], list[str]] = {}
    for _, receiver_id, leg in flow_legs(landscape.graph, status="active"):
        integration_id = leg["integration"]
        if integration_id not in protected_data:
            integration = landscape.integrations[integration_id]
            data = DataClassification.from_yaml(
                integration.data_overrides, inherit=landscape.systems[leg["source"]].data
            )
            protected_data[integration_id] = data if is_protected(data, params) else None
        data = protected_data[integration_id]
        if data is None:
            continue
        integration = landscape.integrations[integration_id]
        receiver = landscape.systems[receiver_id]
        if (receiver_id, data) not in refusals:
            refusals[receiver_id, data] = [
                code for code, _, _ in hosting_problems(receiver.hosting, data, params)
            ]
        refused = refusals[receiver_id, data]
        if refused:
            key = leg["into"]
            yield Violation(
                integration,
                f"carries protected data into '{receiver.id}', whose hosting is not allowed "
                f"for it ({', '.join(refused)}); stop the flow, reduce what it carries "
                "(data: on the integration), or move the receiving system",
                f"flow-into:{key}:{receiver.id}",
                (key,),
            )
