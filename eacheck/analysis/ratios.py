"""The one division every index makes."""

from __future__ import annotations


def ratio(part: float, whole: float) -> float:
    """``part / whole``, and 0 when there is nothing to divide by.

    SPEC §4 wants index 0, not an error or a missing value, for an organization with no systems
    or a group with no known cost.
    """
    return part / whole if whole else 0.0
