"""How much more one look-up costs when a landscape is ten times larger, with eacheck left out.

    .venv/bin/python benchmarks/memory_scaling.py [--sizes 1000 10000 100000] [--runs 5]

The checks and figures join integrations to systems by id: for each integration, find its
`from` and `to` systems and compare something about them. This script does exactly that on
plain Python objects shaped like eacheck's (a slotted dataclass per system, a dict by id, three
integrations per system pointing at systems chosen at random), at each size, and reports the
time per integration. eacheck's own stages that work this way scale 13-17x from 10,000 to
100,000 systems (benchmarks/RESULTS.md); if this loop, with nothing of eacheck in it, scales
the same, the excess is the machine's (the maps no longer fit the processor's caches), not an
algorithm's.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class System:
    id: str
    owner: str
    status: str


@dataclass(frozen=True, slots=True)
class Integration:
    id: str
    source: str
    target: str


def landscape(size: int, seed: int = 1) -> tuple[dict[str, System], list[Integration]]:
    chooser = random.Random(seed)
    owners = [f"org-{index}" for index in range(max(size // 25, 1))]
    systems = {}
    for index in range(size):
        system_id = f"system-{index:06d}"
        systems[system_id] = System(system_id, chooser.choice(owners), chooser.choice(("active", "planned")))
    ids = list(systems)
    integrations = [Integration(f"flow-{index:07d}", chooser.choice(ids), chooser.choice(ids))
                    for index in range(3 * size)]
    return systems, integrations


def join(systems: dict[str, System], integrations: list[Integration]) -> int:
    crossing = 0
    for integration in integrations:
        source = systems.get(integration.source)
        target = systems.get(integration.target)
        if source is not None and target is not None and source.owner != target.owner:
            crossing += 1
    return crossing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    gc.disable()  # as the installed eacheck runs
    per_flow = {}
    for size in arguments.sizes:
        systems, integrations = landscape(size)
        times = []
        for _ in range(arguments.runs):
            start = time.perf_counter()
            join(systems, integrations)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        per_flow[size] = median / len(integrations)
        print(f"{size:>9,} systems, {len(integrations):>9,} integrations: {median:.3f} s, "
              f"{per_flow[size] * 1e9:.0f} ns per integration")
        del systems, integrations
    sizes = sorted(per_flow)
    for smaller, larger in zip(sizes, sizes[1:]):
        print(f"{larger:,} against {smaller:,}: {per_flow[larger] / per_flow[smaller] * larger / smaller:.1f}x the time "
              f"for {larger / smaller:.0f}x the integrations")


if __name__ == "__main__":
    main()
