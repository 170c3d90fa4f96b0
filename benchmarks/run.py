"""Benchmarks, side by side in one run on the same files. Writes benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000 100000] [--runs 3]

For each size it generates a synthetic group (benchmarks/generate.py) twice: grouped the way
architects keep files (integrations several to a file), and one document per file, the only
layout check-jsonschema reads. Each command runs as its own process, so interpreter start-up is
counted for every tool alike. Wall time is the median of --runs runs; peak memory is the largest
resident set of any one run (eacheck's worker processes included via wait4).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

AS_OF = "2026-11-27"
BIN = Path(sys.executable).parent


def measure(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float, int]:
    """(median seconds, peak MB, exit code) over ``runs`` runs."""
    times, peaks, code = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
        process.returncode = code
    return statistics.median(times), max(peaks), code


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import yaml
    from yaml import _yaml

    return (f"{cpu}, {cores} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; PyYAML {yaml.__version__} with libyaml "
            f"{_yaml.get_version_string()}")


def rows_for(size: int, work: Path, runs: int, with_peer: bool) -> list[tuple[str, float, float, int]]:
    grouped, single = work / f"{size}-grouped", work / f"{size}-single"
    generate.generate(grouped, size)
    if with_peer:
        generate.generate(single, size, single_document_files=True)
    eacheck = str(BIN / "eacheck")
    base = {**os.environ, "EACHECK_CACHE_DIR": "off"}
    warm = {**os.environ, "EACHECK_CACHE_DIR": str(work / "cache")}
    serial = {**base, "EACHECK_JOBS": "1"}
    check = [eacheck, "check", str(grouped), "--as-of", AS_OF, "--format", "json"]
    report = [eacheck, "report", str(grouped), "--as-of", AS_OF, "--format", "json", "--out", "-"]
    subprocess.run(check, env=warm, stdout=subprocess.DEVNULL, check=False)  # fill the cache
    subprocess.run(report, env=warm, stdout=subprocess.DEVNULL, check=False)

    if not with_peer:
        plan = plan_for(grouped, single, check, report, base, warm, serial, None)
        return [(label, *measure(command, env, runs)) for label, command, env in plan]
    schemas = work / "schemas"
    if not schemas.exists():
        subprocess.run([eacheck, "schema", "--out", str(schemas)], check=True, stdout=subprocess.DEVNULL)
    peer = work / f"peer-{size}.sh"
    # check-jsonschema takes files as arguments; xargs keeps each command line within limits.
    peer.write_text(
        f"find {single / 'architecture'} -name '*.yaml' -print0 | sort -z | xargs -0 -n 20000 "
        f"{BIN / 'check-jsonschema'} --schemafile {schemas / 'entity.schema.json'} >/dev/null\n"
    )

    plan = plan_for(grouped, single, check, report, base, warm, serial, peer)
    return [(label, *measure(command, env, runs)) for label, command, env in plan]


def plan_for(grouped, single, check, report, base, warm, serial, peer):
    eacheck = str(BIN / "eacheck")
    plan = [
        ("floor: CSafeLoader parse, one process", [sys.executable, str(HERE / "floor.py"), str(grouped)], base),
        ("eacheck validate", [eacheck, "validate", str(grouped)], base),
        ("eacheck check (no cache, both cores)", check, base),
        ("eacheck check (no cache, one core)", check, serial),
        ("eacheck check (warm cache)", check, warm),
        ("eacheck report --format json (no cache)", report, base),
        ("eacheck report --format json (warm cache)", report, warm),
    ]
    if peer is not None:
        plan += [
            ("floor, one document per file", [sys.executable, str(HERE / "floor.py"), str(single)], base),
            ("eacheck validate, one document per file", [eacheck, "validate", str(single)], base),
            ("check-jsonschema, one document per file", ["sh", str(peer)], base),
        ]
    return plan


def table(size: int, rows) -> list[str]:
    floors = {False: rows[0][1], True: rows[7][1] if len(rows) > 7 else rows[0][1]}
    lines = [f"### {size:,} systems", "",
             "| command | median wall time | × floor | peak memory | exit |", "|---|---:|---:|---:|---:|"]
    for index, (label, seconds, peak, code) in enumerate(rows):
        floor = floors[index >= 7]
        lines.append(f"| {label} | {seconds:.2f} s | {seconds / floor:.2f} | {peak:,.0f} MB | {code} |")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-up-to", type=int, default=10000,
                        help="compare with check-jsonschema up to this size (it needs one file per document)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eacheck-bench")
    parser.add_argument("--out", type=Path, default=HERE / "measured.md")
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    help_time, help_peak, _ = measure([str(BIN / "eacheck"), "--help"], dict(os.environ), 9)
    lines = ["# Measured", "", f"Machine: {machine()}", "",
             f"Command: `{' '.join(['.venv/bin/python', 'benchmarks/run.py', '--sizes', *map(str, arguments.sizes), '--runs', str(arguments.runs)])}`", "",
             f"`eacheck --help`: {help_time:.3f} s (median of 9), {help_peak:.0f} MB", ""]
    for size in arguments.sizes:
        rows = rows_for(size, arguments.work, arguments.runs, size <= arguments.peer_up_to)
        lines += table(size, rows)
        print("\n".join(table(size, rows)), flush=True)
    arguments.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {arguments.out}")
    shutil.rmtree(arguments.work / "cache", ignore_errors=True)


if __name__ == "__main__":
    main()
