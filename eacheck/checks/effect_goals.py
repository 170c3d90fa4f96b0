"""Measurable effect goals: every procurement says what should get better, how much, and by when.

Finds a procurement (by default `proposed` or `approved`) without effect goals (effektmål), and
each goal that lacks a `metric`, a `target` or a date (`by`). Without them, nobody can follow up
whether the money bought the benefit (nyttorealisering).
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import CheckContext, Violation, gated_statuses_param, params_schema
from eacheck.i18n import msg
from eacheck.i18n.formats import Quoted

NAME = "effect-goals"
PARAMS = params_schema({"gated_statuses": gated_statuses_param()})


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
                    msg("{subject} has an effect goal that cannot be measured (number {number}); "
                        "add {keys}", number=index + 1, keys=Quoted(tuple(missing))),
                    f"incomplete-goal:{index}",
                    ("effect_goals", index),
                )
