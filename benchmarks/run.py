"""Benchmarks, side by side in one run on the same files. Writes benchmarks/measured.md.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000 100000] [--runs 3] [--large-runs 1]

For each size it generates a synthetic group (benchmarks/generate.py) in three layouts of the
same landscape: grouped the way architects keep files (integrations several to a file), many
small files (the integrations in one file per source system), and one document per file, the
only layout check-jsonschema reads. Each layout has its own floor. Each command runs as its own
process, so interpreter start-up is counted for every tool alike. Wall time is the median of
--runs runs (--large-runs for 100,000 systems and more); peak memory is the largest resident set
of any one run (eacheck's worker processes included via wait4).

eacheck's bytecode is compiled first, as an installed eacheck has it: without it (an editable
checkout under PYTHONDONTWRITEBYTECODE) every run would compile eacheck from source.
"""

from __future__ import annotations

import argparse
import json
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


def rows_for(size: int, work: Path, runs: int, with_peer: bool,
             before: Path | None = None) -> list[tuple[str, str, float, float, int]]:
    """(label, layout, median seconds, peak MB, exit code) of every command at ``size``; with
    ``before`` (a checkout of an earlier eacheck), its check and report too, on the same files."""
    grouped, small, single = work / f"{size}-grouped", work / f"{size}-small", work / f"{size}-single"
    generate.generate(grouped, size)
    generate.generate(small, size, small_files=True)
    if with_peer:
        generate.generate(single, size, single_document_files=True)
    eacheck = str(BIN / "eacheck")
    base = {**os.environ, "EACHECK_CACHE_DIR": "off"}
    warm = {**os.environ, "EACHECK_CACHE_DIR": str(work / "cache")}
    serial = {**base, "EACHECK_JOBS": "1"}

    def check(root: Path) -> list[str]:
        return [eacheck, "check", str(root), "--as-of", AS_OF, "--format", "json"]

    def report(root: Path) -> list[str]:
        return [eacheck, "report", str(root), "--as-of", AS_OF, "--format", "json", "--out", "-"]

    for root in (grouped, small):  # fill the cache
        subprocess.run(check(root), env=warm, stdout=subprocess.DEVNULL, check=False)
        subprocess.run(report(root), env=warm, stdout=subprocess.DEVNULL, check=False)
    earlier: list = []
    if before is not None:
        # The earlier eacheck from its checkout, with a cache folder of its own (its cache is
        # another format, and the two would evict each other).
        old = [sys.executable, "-m", "eacheck"]
        old_base = {**base, "PYTHONPATH": str(before)}
        old_warm = {**warm, "PYTHONPATH": str(before), "EACHECK_CACHE_DIR": str(work / "cache-before")}
        for root in (grouped, small):
            subprocess.run(old + check(root)[1:], env=old_warm, stdout=subprocess.DEVNULL, check=False)
        subprocess.run(old + report(grouped)[1:], env=old_warm, stdout=subprocess.DEVNULL, check=False)
        earlier = [
            ("before: eacheck check (no cache, both cores)", "grouped", old + check(grouped)[1:], old_base),
            ("before: eacheck check (warm cache)", "grouped", old + check(grouped)[1:], old_warm),
            ("before: eacheck report --format json (no cache)", "grouped", old + report(grouped)[1:], old_base),
            ("before: eacheck report --format json (warm cache)", "grouped", old + report(grouped)[1:], old_warm),
            ("before: eacheck check (no cache), many small files", "small", old + check(small)[1:], old_base),
            ("before: eacheck check (warm cache), many small files", "small", old + check(small)[1:], old_warm),
        ]

    def floor(root: Path) -> list[str]:
        return [sys.executable, str(HERE / "floor.py"), str(root)]

    plan = [
        ("floor: CSafeLoader parse, one process", "grouped", floor(grouped), base),
        ("eacheck validate", "grouped", [eacheck, "validate", str(grouped)], base),
        ("eacheck check (no cache, both cores)", "grouped", check(grouped), base),
        ("eacheck check (no cache, one core)", "grouped", check(grouped), serial),
        ("eacheck check (warm cache)", "grouped", check(grouped), warm),
        ("eacheck report --format json (no cache)", "grouped", report(grouped), base),
        ("eacheck report --format json (warm cache)", "grouped", report(grouped), warm),
        ("floor, many small files", "small", floor(small), base),
        ("eacheck check (no cache), many small files", "small", check(small), base),
        ("eacheck check (warm cache), many small files", "small", check(small), warm),
    ]
    if with_peer:
        schemas = work / "schemas"
        if not schemas.exists():
            subprocess.run([eacheck, "schema", "--out", str(schemas)], check=True, stdout=subprocess.DEVNULL)
        peer = work / f"peer-{size}.sh"
        # check-jsonschema takes files as arguments; xargs keeps each command line within limits.
        peer.write_text(
            f"find {single / 'architecture'} -name '*.yaml' -print0 | sort -z | xargs -0 -n 20000 "
            f"{BIN / 'check-jsonschema'} --schemafile {schemas / 'entity.schema.json'} >/dev/null\n"
        )
        plan += [
            ("floor, one document per file", "single", floor(single), base),
            ("eacheck validate, one document per file", "single", [eacheck, "validate", str(single)], base),
            ("check-jsonschema, one document per file", "single", ["sh", str(peer)], base),
        ]
    plan += earlier
    rows = []
    for label, layout, command, env in plan:
        seconds, peak, code = measure(command, env, runs)
        rows.append((label, layout, seconds, peak, code))
        print(f"  {size:,} {label}: {seconds:.2f} s", flush=True)
    return rows


def findings_count(size: int, work: Path) -> int:
    """How many findings `check` reports on the grouped landscape (the work grows with them)."""
    output = subprocess.run(
        [str(BIN / "eacheck"), "check", str(work / f"{size}-grouped"), "--as-of", AS_OF, "--format", "json"],
        env={**os.environ, "EACHECK_CACHE_DIR": str(work / "cache")}, capture_output=True, check=False,
    ).stdout
    return len(json.loads(output)["findings"])


def table(size: int, rows, findings: int) -> list[str]:
    floors = {layout: seconds for label, layout, seconds, _, _ in rows if label.startswith("floor")}
    lines = [f"### {size:,} systems ({findings:,} findings)", "",
             "| command | median wall time | × floor | peak memory | exit |", "|---|---:|---:|---:|---:|"]
    for label, layout, seconds, peak, code in rows:
        lines.append(f"| {label} | {seconds:.2f} s | {seconds / floors[layout]:.2f} | {peak:,.0f} MB | {code} |")
    return lines + [""]


def scaling(measured: dict[int, list]) -> list[str]:
    """Each command's time at every size against its time at the next smaller size."""
    sizes = sorted(measured)
    lines = []
    for smaller, larger in zip(sizes, sizes[1:]):
        times = {label: seconds for label, _, seconds, _, _ in measured[smaller]}
        lines += [f"### {larger:,} systems against {smaller:,}", "",
                  "| command | time ratio |", "|---|---:|"]
        for label, _, seconds, _, _ in measured[larger]:
            if label in times:
                lines.append(f"| {label} | {seconds / times[label]:.2f}× |")
        lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-runs", type=int, default=None,
                        help="runs at 100,000 systems and more (default: --runs); each takes minutes")
    parser.add_argument("--peer-up-to", type=int, default=10000,
                        help="compare with check-jsonschema up to this size (it needs one file per document)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eacheck-bench")
    parser.add_argument("--out", type=Path, default=HERE / "measured.md")
    parser.add_argument("--before", type=Path, default=None,
                        help="a checkout of an earlier eacheck (e.g. git worktree add /tmp/before REV): "
                             "its check and report are measured beside, on the same files")
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    for checkout in (HERE.parent, arguments.before):
        if checkout is not None:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "eacheck")],
                           env={key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
                           check=True, stdout=subprocess.DEVNULL)
    large_runs = arguments.large_runs or arguments.runs
    help_time, help_peak, _ = measure([str(BIN / "eacheck"), "--help"], dict(os.environ), 9)
    command = [".venv/bin/python", "benchmarks/run.py", "--sizes", *map(str, arguments.sizes),
               "--runs", str(arguments.runs)]
    if arguments.large_runs:
        command += ["--large-runs", str(arguments.large_runs)]
    if arguments.before:
        command += ["--before", str(arguments.before)]
    lines = ["# Measured", "", f"Machine: {machine()}", "", f"Command: `{' '.join(command)}`", "",
             f"`eacheck --help`: {help_time:.3f} s (median of 9), {help_peak:.0f} MB", ""]
    measured = {}
    for size in arguments.sizes:
        runs = large_runs if size >= 100_000 else arguments.runs
        rows = rows_for(size, arguments.work, runs, size <= arguments.peer_up_to, arguments.before)
        measured[size] = rows
        lines += table(size, rows, findings_count(size, arguments.work))
        if runs != arguments.runs:
            lines[-1:-1] = [f"(median of {runs} run{'s' if runs > 1 else ''} each)"]
        print("\n".join(lines[-len(rows) - 5:]), flush=True)
    lines += ["## Scaling", ""] + scaling(measured)
    arguments.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {arguments.out}")
    shutil.rmtree(arguments.work / "cache", ignore_errors=True)
    shutil.rmtree(arguments.work / "cache-before", ignore_errors=True)


if __name__ == "__main__":
    main()
