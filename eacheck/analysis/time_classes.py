"""TIME classes (SPEC §4): Gartner's tolerate / invest / migrate / eliminate from the two fits."""

from __future__ import annotations

from dataclasses import dataclass, field

from eacheck.model.entities import System
from eacheck.model.landscape import Landscape
from eacheck.model.plain import key

CLASSES = ("invest", "tolerate", "migrate", "eliminate")
UNASSESSED = "unassessed"

# (functional fit high, technical fit high) -> class
_BY_FITS = {
    (True, True): "invest",
    (False, True): "tolerate",
    (True, False): "migrate",
    (False, False): "eliminate",
}


def is_high(fit: int) -> bool:
    """The fits run 1-4; 3 (appropriate / adequate) and 4 are high."""
    return fit >= 3


def time_class(system: System) -> str | None:
    """The class of an assessed system (both fits given); None when it is not assessed."""
    if not system.is_assessed:
        return None
    return _BY_FITS[(is_high(system.functional_fit), is_high(system.technical_fit))]


@dataclass(frozen=True, slots=True)
class TimeAssessment:
    system: str
    time_class: str = field(metadata=key("class"))
    functional_fit: int
    technical_fit: int


@dataclass(frozen=True, slots=True)
class TimeOverview:
    systems: tuple[TimeAssessment, ...]  # the assessed active systems, by id
    unassessed: tuple[str, ...]  # active systems lacking one or both fits, by id

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CLASSES, 0)
        for assessment in self.systems:
            counts[assessment.time_class] += 1
        return {**counts, UNASSESSED: len(self.unassessed)}


def time_overview(landscape: Landscape) -> TimeOverview:
    assessed, unassessed = [], []
    for system in sorted(landscape.active_systems, key=lambda s: s.id):
        klass = time_class(system)
        if klass is None:
            unassessed.append(system.id)
        else:
            assessed.append(TimeAssessment(system.id, klass, system.functional_fit, system.technical_fit))
    return TimeOverview(tuple(assessed), tuple(unassessed))
