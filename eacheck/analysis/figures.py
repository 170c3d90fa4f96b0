"""Every figure of SPEC §4 for one state of a repository, computed once.

The report shows one `Figures`; movement compares two (then and now) computed the same way with
the same as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eacheck.analysis.completeness import Completeness, completeness
from eacheck.analysis.decommissioning import Candidate, candidates
from eacheck.analysis.duplication import Duplication, duplication
from eacheck.analysis.shared_use import SharedUse, shared_use
from eacheck.analysis.time_classes import TimeOverview, time_overview
from eacheck.checks.engine import CheckOutcome
from eacheck.findings import Finding
from eacheck.model.landscape import Landscape


@dataclass(frozen=True)
class Figures:
    landscape: Landscape
    as_of: date
    shared_use: SharedUse
    duplication: Duplication
    time: TimeOverview
    completeness: Completeness
    candidates: tuple[Candidate, ...]
    findings: list[Finding]
    waived: int
    # The lifecycle principle's horizon for contracts that end soon, which the candidates follow.
    contract_months: int = 12

    @property
    def indexes(self) -> dict[str, float]:
        """The three target metrics (SPEC §4 targets), by metric name."""
        group = self.shared_use
        return {
            "shared_use_index": group.index,
            "spend_index": group.spend_index,
            "cross_boundary_index": group.cross_boundary_index,
        }


def figures_of(landscape: Landscape, outcome: CheckOutcome, as_of: date) -> Figures:
    """The figures of ``landscape`` as of ``as_of``; ``outcome`` is what its principles found,
    and where a figure follows a principle's rule (a contract that ends soon) it takes that
    principle's parameters."""
    contract_months = outcome.params_of("lifecycle")["contract_months"]
    return Figures(
        landscape=landscape,
        as_of=as_of,
        shared_use=shared_use(landscape),
        duplication=duplication(landscape),
        time=time_overview(landscape),
        completeness=completeness(landscape),
        candidates=candidates(landscape, as_of, contract_months),
        findings=outcome.findings,
        waived=outcome.waived,
        contract_months=contract_months,
    )
