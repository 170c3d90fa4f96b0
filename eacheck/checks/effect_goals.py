"""Measurable effect goals: every procurement says what should get better, how much, and by when.

Finds a procurement (by default `proposed` or `approved`) without effect goals (effektmål), and
each goal that lacks a `metric`, a `target` or a date (`by`). Without them, nobody can follow up
whether the money bought the benefit (nyttorealisering). A goal whose date has already passed
while the procurement is still only proposed or approved is found too: nothing bought yet can
reach it, so the goal needs a new date or the procurement a new status.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import CheckContext, Violation, gated_statuses_param, params_schema

NAME = "effect-goals"
PARAMS = params_schema({"gated_statuses": gated_statuses_param()})


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    for procurement in context.landscape.procurements.values():
        if procurement.status not in params["gated_statuses"]:
            continue
        if not procurement.effect_goals:
            yield Violation(
                procurement,
                "has no effect goals; add effect_goals with goal, metric, target and by (date)",
                "no-effect-goals",
            )
            continue
        for index, goal in enumerate(procurement.effect_goals):
            missing = [
                name
                for name, value in (("metric", goal.metric), ("target", goal.target), ("by", goal.by))
                if value in (None, "")
            ]
            if missing:
                yield Violation(
                    procurement,
                    f"has effect goal {index + 1} that is not measurable: add {', '.join(missing)}",
                    f"incomplete-goal:{index}",
                    ("effect_goals", index),
                )
            elif goal.by < context.as_of:
                yield Violation(
                    procurement,
                    f"has effect goal {index + 1} whose date {goal.by.isoformat()} has passed while "
                    f"the procurement is still {procurement.status}; give the goal a date it can "
                    "still be reached by, or update the procurement's status",
                    f"goal-date-passed:{index}",
                    ("effect_goals", index, "by"),
                )
