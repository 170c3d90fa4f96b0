"""The entities of an architecture repository (SPEC §2), with every default applied.

Entities are built only from documents that passed their schema, so the constructors here can
trust types and required keys. Each entity remembers where it was written (:class:`Origin`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

ACTIVE_STATUSES = frozenset({"active", "phase-out"})
GATED_PROCUREMENT_STATUSES = ("proposed", "approved")


@dataclass(frozen=True, slots=True)
class Origin:
    """The file and document an entity was read from; ``line`` is where the document begins."""

    file: str
    document: int
    line: int
    column: int = 1


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    type: str
    parent: str | None
    origin: Origin

    kind = "organization"

    @property
    def is_external(self) -> bool:
        return self.type == "external"

    @property
    def is_company_side(self) -> bool:
        """Companies and the holding company: the 'bolag' side of the group."""
        return self.type in ("company", "holding")


@dataclass(frozen=True, slots=True)
class Capability:
    id: str
    name: str
    parent: str | None
    sharing: str
    origin: Origin

    kind = "capability"


@dataclass(frozen=True, slots=True)
class Hosting:
    model: str | None = None
    provider: str | None = None
    provider_jurisdiction: str | None = None
    data_location: tuple[str, ...] = ()
    customer_managed_keys: bool = False
    transfer_basis: str | None = None

    @classmethod
    def from_yaml(cls, raw: dict[str, Any] | None, home_country: str) -> "Hosting":
        raw = raw or {}
        model = raw.get("model")
        on_premises = model == "on-premises"
        locations = raw.get("data_location")
        return cls(
            model=model,
            provider=raw.get("provider"),
            provider_jurisdiction=raw.get("provider_jurisdiction")
            or (home_country if on_premises else None),
            data_location=tuple(locations) if locations else ((home_country,) if on_premises else ()),
            customer_managed_keys=raw.get("customer_managed_keys", False),
            transfer_basis=raw.get("transfer_basis"),
        )

    @property
    def is_known(self) -> bool:
        """Model, locations and jurisdiction all known (after defaults)."""
        return bool(self.model and self.data_location and self.provider_jurisdiction)


@dataclass(frozen=True, slots=True)
class DataClassification:
    personal_data: str = "none"
    confidentiality: int = 0
    secrecy: bool = False

    @classmethod
    def from_yaml(
        cls, raw: dict[str, Any] | None, inherit: "DataClassification | None" = None
    ) -> "DataClassification":
        base = inherit or cls()
        raw = raw or {}
        return cls(
            personal_data=raw.get("personal_data", base.personal_data),
            confidentiality=raw.get("confidentiality", base.confidentiality),
            secrecy=raw.get("secrecy", base.secrecy),
        )


@dataclass(frozen=True, slots=True)
class System:
    id: str
    name: str
    owner: str
    capabilities: tuple[str, ...]
    status: str
    origin: Origin
    system_owner: str | None = None
    used_by: tuple[str, ...] = ()
    group_common: bool = False
    since: date | None = None
    retire_by: date | None = None
    hosting: Hosting = field(default_factory=Hosting)
    data: DataClassification = field(default_factory=DataClassification)
    annual_cost: int | None = None
    contract_supplier: str | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    user_count: int | None = None
    functional_fit: int | None = None
    technical_fit: int | None = None
    criticality: str | None = None
    description: str | None = None

    kind = "system"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def organizations(self) -> tuple[str, ...]:
        """Owner first, then the other users, each once (external ones included)."""
        return tuple(dict.fromkeys((self.owner, *self.used_by)))

    @property
    def is_assessed(self) -> bool:
        return self.functional_fit is not None and self.technical_fit is not None

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], origin: Origin, home_country: str) -> "System":
        lifecycle = raw["lifecycle"]
        contract = raw.get("contract") or {}
        assessment = raw.get("assessment") or {}
        return cls(
            id=raw["id"],
            name=raw["name"],
            owner=raw["owner"],
            capabilities=tuple(raw["capabilities"]),
            status=lifecycle["status"],
            origin=origin,
            system_owner=raw.get("system_owner"),
            used_by=tuple(raw.get("used_by") or ()),
            group_common=raw.get("group_common", False),
            since=_date(lifecycle.get("since")),
            retire_by=_date(lifecycle.get("retire_by")),
            hosting=Hosting.from_yaml(raw.get("hosting"), home_country),
            data=DataClassification.from_yaml(raw.get("data")),
            annual_cost=(raw.get("cost") or {}).get("annual"),
            contract_supplier=contract.get("supplier"),
            contract_start=_date(contract.get("start")),
            contract_end=_date(contract.get("end")),
            user_count=raw.get("user_count"),
            functional_fit=assessment.get("functional_fit"),
            technical_fit=assessment.get("technical_fit"),
            criticality=assessment.get("criticality"),
            description=raw.get("description"),
        )


@dataclass(frozen=True, slots=True)
class Integration:
    id: str
    source: str
    target: str
    origin: Origin
    via: str | None = None
    method: str | None = None
    status: str = "active"
    # Only the keys written on the integration; the rest come from the source system.
    data_overrides: dict[str, Any] | None = None
    name: str | None = None

    kind = "integration"

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], origin: Origin) -> "Integration":
        return cls(
            id=raw["id"],
            source=raw["from"],
            target=raw["to"],
            origin=origin,
            via=raw.get("via"),
            method=raw.get("method"),
            status=raw.get("status", "active"),
            data_overrides=raw.get("data"),
            name=raw.get("name"),
        )


@dataclass(frozen=True, slots=True)
class EffectGoal:
    goal: str | None
    metric: str | None
    target: str | float | None
    by: date | None

    @property
    def is_measurable(self) -> bool:
        return bool(self.metric) and self.target not in (None, "") and self.by is not None


@dataclass(frozen=True, slots=True)
class AlternativeConsidered:
    system: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class Procurement:
    id: str
    title: str
    requested_by: str
    capabilities: tuple[str, ...]
    origin: Origin
    status: str = "proposed"
    hosting: Hosting = field(default_factory=Hosting)
    data: DataClassification = field(default_factory=DataClassification)
    has_hosting: bool = False
    estimated_annual_cost: int | None = None
    effect_goals: tuple[EffectGoal, ...] = ()
    alternatives_considered: tuple[AlternativeConsidered, ...] = ()

    kind = "procurement"

    @property
    def is_gated(self) -> bool:
        return self.status in GATED_PROCUREMENT_STATUSES

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], origin: Origin, home_country: str) -> "Procurement":
        return cls(
            id=raw["id"],
            title=raw["title"],
            requested_by=raw["requested_by"],
            capabilities=tuple(raw["capabilities"]),
            origin=origin,
            status=raw.get("status", "proposed"),
            hosting=Hosting.from_yaml(raw.get("hosting"), home_country),
            data=DataClassification.from_yaml(raw.get("data")),
            has_hosting="hosting" in raw,
            estimated_annual_cost=raw.get("estimated_annual_cost"),
            effect_goals=tuple(
                EffectGoal(g.get("goal"), g.get("metric"), g.get("target"), _date(g.get("by")))
                for g in raw.get("effect_goals") or ()
            ),
            alternatives_considered=tuple(
                AlternativeConsidered(a["system"], a.get("reason"))
                for a in raw.get("alternatives_considered") or ()
            ),
        )


@dataclass(frozen=True, slots=True)
class Waiver:
    """An `exception` document: a decided, time-limited waiver of one principle for one subject."""

    id: str
    principle: str
    subject: str
    reason: str
    decided_by: str
    expires: date
    origin: Origin
    decision_ref: str | None = None

    kind = "exception"

    def holds_on(self, day: date) -> bool:
        return day <= self.expires

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], origin: Origin) -> "Waiver":
        ref = raw.get("decision_ref")
        return cls(
            id=raw["id"],
            principle=raw["principle"],
            subject=raw["subject"],
            reason=raw["reason"],
            decided_by=raw["decided_by"],
            expires=date.fromisoformat(raw["expires"]),
            origin=origin,
            decision_ref=None if ref is None else str(ref),
        )


Text = str | dict[str, str]


def localized(text: Text, language: str) -> str:
    """Text in ``language``, falling back to the other language rather than to nothing."""
    if isinstance(text, str):
        return text
    return text.get(language) or next(iter(text.values()))


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    title: Text
    statement: Text
    rationale: Text
    implications: Text
    check: str
    origin: Origin
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"
    enabled: bool = True

    kind = "principle"

    @classmethod
    def from_yaml(cls, raw: dict[str, Any], origin: Origin) -> "Principle":
        return cls(
            id=raw["id"],
            title=raw["title"],
            statement=raw["statement"],
            rationale=raw["rationale"],
            implications=raw["implications"],
            check=raw["check"],
            origin=origin,
            params=raw.get("params") or {},
            severity=raw.get("severity", "error"),
            enabled=raw.get("enabled", True),
        )


@dataclass(frozen=True, slots=True)
class Settings:
    name: str | None = None
    language: str = "sv"
    currency: str = "SEK"
    home_country: str = "SE"
    targets: dict[str, dict[str, float]] = field(default_factory=dict)
    # The severity of a finding that a change weakens a principle (check --baseline).
    principle_change_severity: str = "warning"
    # An exception is a time-limited decision: one that expires further ahead than this is a
    # finding (`exception-too-long`) at its `expires` line.
    max_exception_months: int = 36

    @classmethod
    def from_yaml(cls, raw: dict[str, Any] | None) -> "Settings":
        raw = raw or {}
        return cls(
            name=raw.get("name"),
            language=raw.get("language", "sv"),
            currency=raw.get("currency", "SEK"),
            home_country=raw.get("home_country", "SE"),
            principle_change_severity=raw.get("principle_change_severity", "warning"),
            targets={metric: dict(by_quarter) for metric, by_quarter in (raw.get("targets") or {}).items()},
            max_exception_months=raw.get("max_exception_months", 36),
        )


Entity = Organization | Capability | System | Integration | Procurement | Waiver | Principle
