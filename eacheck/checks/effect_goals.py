"""Measurable effect goals: every procurement says what should get better, how much, and by when.

Finds a procurement (by default `proposed` or `approved`) without effect goals (effektmål), and
each goal that lacks a `metric`, a `target` or a date (`by`). Without them, nobody can follow up
whether the money bought the benefit (nyttorealisering). A goal whose date has already passed
while the procurement is still only proposed or approved is found too: nothing bought yet can
reach it, so the goal needs a new date or the procurement a new status.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eacheck.checks.base import FEWER, CheckContext, Violation, gated_statuses_param, params_schema
from eacheck.i18n import Message, msg
from eacheck.i18n.formats import Quoted

NAME = "effect-goals"
PARAMS = params_schema({"gated_statuses": gated_statuses_param()})
LOOSENED_BY = {"gated_statuses": FEWER}


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    for procurement in context.landscape.procurements.values():
        if procurement.status not in params["gated_statuses"]:
            continue
        if not procurement.effect_goals:
            yield Violation(
                procurement,
                msg("{subject} has no effect goals; add effect_goals, each with goal, metric, "
                    "target and by (a date)"),
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
                    msg("{subject} has an effect goal (number {number}) that cannot be measured; "
                        "add {keys}", number=index + 1, keys=Quoted(tuple(missing))),
                    f"incomplete-goal:{index}",
                    ("effect_goals", index),
                )
            elif goal.by < context.as_of:
                yield Violation(
                    procurement,
                    _date_passed(procurement.status, index + 1, goal.by),
                    f"goal-date-passed:{index}",
                    ("effect_goals", index, "by"),
                )


def _date_passed(status: str, number: int, by: date) -> Message:
    if status == "proposed":
        return msg(
            "{subject} has an effect goal (number {number}) whose date, {by}, has passed while the "
            "procurement is still only proposed; give the goal a date that can still be reached, "
            "or update the procurement's status", number=number, by=by,
        )
    if status == "approved":
        return msg(
            "{subject} has an effect goal (number {number}) whose date, {by}, has passed while the "
            "procurement is still only approved; give the goal a date that can still be reached, "
            "or update the procurement's status", number=number, by=by,
        )
    return msg(
        "{subject} has an effect goal (number {number}) whose date, {by}, has passed while the "
        "procurement's status is '{status}'; give the goal a date that can still be reached, or "
        "update the procurement's status", number=number, by=by, status=status,
    )
