"""The landscape site against the HTML report, side by side on the same generated group.

    .venv/bin/python benchmarks/site.py [--sizes 1000 10000] [--runs 3]

For each size it generates a synthetic group (benchmarks/generate.py), then runs, alternately so
that both meet the same load on the machine, `eacheck report --format html` and `eacheck site`
``--runs`` times each. It reports the median wall time, the median CPU time (user + system,
worker processes included, via wait4), the peak memory, the ratio site/report, the number of
pages and files, and the largest page other than the start page and the capability map (the
site's pages must stay under 200 KB however large the group). Writes benchmarks/site-measured.md.
"""

from __future__ import annotations

import argparse
import os
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
from run import machine  # noqa: E402

AS_OF = "2026-11-27"
BIN = Path(sys.executable).parent
EXEMPT = ("index.html", "capabilities.html")  # they grow with organizations and capabilities
LIMIT = 200_000


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, exit code) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def pages(site: Path) -> tuple[int, int, str, int]:
    """(HTML pages, files, largest page other than the exempt ones, its size in bytes)."""
    files = [path for path in site.rglob("*") if path.is_file()]
    html = [path for path in files if path.suffix == ".html"]
    largest = max((path for path in html if path.relative_to(site).as_posix() not in EXEMPT),
                  key=lambda path: path.stat().st_size)
    return len(html), len(files), largest.relative_to(site).as_posix(), largest.stat().st_size


def measure(size: int, work: Path, runs: int) -> list[str]:
    repository = work / f"{size}"
    generate.generate(repository, size)
    env = {**os.environ, "EACHECK_CACHE_DIR": "off"}
    eacheck = str(BIN / "eacheck")
    report = [eacheck, "report", str(repository), "--as-of", AS_OF, "--format", "html", "--out", str(work / "r.html")]
    site_dir = work / "site"
    site = [eacheck, "site", str(repository), "--as-of", AS_OF, "--out", str(site_dir)]
    results: dict[str, list[tuple[float, float, float, int]]] = {"report": [], "site": []}
    for _ in range(runs):
        results["report"].append(timed(report, env))
        results["site"].append(timed(site, env))
    count, files, largest, largest_size = pages(site_dir)
    exempt = {name: (site_dir / name).stat().st_size for name in EXEMPT}
    rows = {}
    for name, runs_of in results.items():
        rows[name] = (statistics.median(r[0] for r in runs_of), statistics.median(r[1] for r in runs_of),
                      max(r[2] for r in runs_of), {r[3] for r in runs_of})
    lines = [f"### {size:,} systems", "",
             "| command | median wall time | median CPU time | peak memory | exit |", "|---|---:|---:|---:|---:|"]
    for name, label in (("report", "`eacheck report --format html`"), ("site", "`eacheck site`")):
        wall, cpu, peak, codes = rows[name]
        lines.append(f"| {label} | {wall:.2f} s | {cpu:.2f} s | {peak:,.0f} MB | {','.join(map(str, sorted(codes)))} |")
    lines += [
        "",
        f"- site / report: **{rows['site'][0] / rows['report'][0]:.2f}×** wall time, "
        f"{rows['site'][1] / rows['report'][1]:.2f}× CPU time",
        f"- {count:,} pages, {files:,} files",
        f"- largest page but the start page and the capability map: `{largest}`, {largest_size / 1000:,.0f} KB"
        f" ({'within' if largest_size <= LIMIT else 'OVER'} the 200 KB limit)",
        f"- start page {exempt['index.html'] / 1000:,.0f} KB, capability map {exempt['capabilities.html'] / 1000:,.0f} KB",
        "",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eacheck-bench-site")
    parser.add_argument("--out", type=Path, default=HERE / "site-measured.md")
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    lines = ["# Measured: the site", "", f"Machine: {machine()}", "",
             f"Command: `.venv/bin/python benchmarks/site.py --sizes {' '.join(map(str, arguments.sizes))} "
             f"--runs {arguments.runs}`", ""]
    for size in arguments.sizes:
        section = measure(size, arguments.work, arguments.runs)
        print("\n".join(section), flush=True)
        lines += section
    arguments.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {arguments.out}")
    shutil.rmtree(arguments.work, ignore_errors=True)


if __name__ == "__main__":
    main()
