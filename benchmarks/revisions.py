"""Figures across revisions (SPEC §8, issue #14), side by side in one run on the same files.

    .venv/bin/python benchmarks/revisions.py --today DIR [--pr-systems 10000] [--history-systems 1000] [--runs 5]

Two questions, each answered in one git repository built from benchmarks/generate.py:

1. What the pull-request comment costs. A generated group is committed as `main`; a branch adds
   a duplicate system with a cost (what a pull request looks like). Measured:
   `check --baseline main --format json` as it is on `--today` (a checkout of eacheck before
   the figure changes existed, given as a folder; default: the merge base with main is not
   guessed, so pass it), and on this tree `check --baseline main --format markdown` and
   `--format json` (which now carries the figure changes too).
2. What the history costs. A generated group grows over 8 quarters (new systems each quarter,
   a tag `report-YYYY-Qn` on each); `report --history` against one `report`.

Every command is its own process, as in benchmarks/run.py (whose `measure` this uses); no
cache (EACHECK_CACHE_DIR=off) and a warm cache, each in its own folder per eacheck (today's
and this tree's caches differ in format and would otherwise evict each other). The commands
compared are run in turns — A, B, C, A, B, C… — and each one's median taken, so that a load
that comes and goes on a shared machine falls on all of them alike. Writes
benchmarks/measured-revisions.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from run import machine, measure  # noqa: E402

AS_OF = "2027-01-15"
GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_DATE": "2027-01-01T12:00:00+01:00", "GIT_COMMITTER_DATE": "2027-01-01T12:00:00+01:00"}
QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]

DUPLICATE = """\
kind: system
id: {id}
name: Ny {id}
owner: org-1
system_owner: Systemägare
capabilities: [{capability}]
lifecycle: {{status: active}}
cost: {{annual: 900000}}
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=b", "-c", "user.email=b@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=root, env=GIT_ENV, check=True, capture_output=True)


def a_capability(root: Path) -> str:
    path = sorted((root / "architecture" / "capabilities").glob("*.yaml"))[1]
    return path.read_text(encoding="utf-8").split("---")[1].split("\nid: ", 1)[1].split("\n", 1)[0]


def pull_request(root: Path, systems: int) -> None:
    generate.generate(root, systems)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "main")
    git(root, "checkout", "--quiet", "-b", "change")
    (root / "architecture" / "systems" / "ny-dubblett.yaml").write_text(
        DUPLICATE.format(id="ny-dubblett", capability=a_capability(root)), encoding="utf-8")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "a duplicate with a cost")


def quarters(root: Path, systems: int) -> None:
    generate.generate(root, systems)
    git(root, "init", "--quiet", "--initial-branch=main")
    capability = a_capability(root)
    for index, quarter in enumerate(QUARTERS):
        for number in range(systems // 50):  # the group grows by 2 % a quarter
            system_id = f"ny-{index}-{number}"
            (root / "architecture" / "systems" / f"{system_id}.yaml").write_text(
                DUPLICATE.format(id=system_id, capability=capability), encoding="utf-8")
        git(root, "add", "--all")
        git(root, "commit", "--quiet", "-m", quarter)
        git(root, "tag", f"report-{quarter}")


def in_turns(plan: list[tuple[str, list[str], dict]], runs: int) -> list[tuple[str, float, float, int]]:
    """(label, median seconds, peak MB, exit code) of each command, measured in turns."""
    times: list[list[float]] = [[] for _ in plan]
    peaks: list[float] = [0.0 for _ in plan]
    codes = [0 for _ in plan]
    for _ in range(runs):
        for index, (_, command, env) in enumerate(plan):
            seconds, peak, code = measure(command, env, 1)
            times[index].append(seconds)
            peaks[index] = max(peaks[index], peak)
            codes[index] = code
    return [(label, statistics.median(times[index]), peaks[index], codes[index])
            for index, (label, _, _) in enumerate(plan)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pr-systems", type=int, default=10000)
    parser.add_argument("--history-systems", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=Path, required=True,
                        help="a checkout of eacheck without the figure changes (e.g. `git worktree add "
                             "/tmp/today <commit before them>`); its json is the yardstick")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eacheck-bench-revisions")
    parser.add_argument("--out", type=Path, default=HERE / "measured-revisions.md")
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    cold = {**os.environ, "EACHECK_CACHE_DIR": "off"}
    warm = {**os.environ, "EACHECK_CACHE_DIR": str(arguments.work / "cache")}
    today = {**cold, "PYTHONPATH": str(arguments.today)}
    today_warm = {**os.environ, "EACHECK_CACHE_DIR": str(arguments.work / "cache-today"),
                  "PYTHONPATH": str(arguments.today)}
    lines = ["# Measured: figures across revisions", "", f"Machine: {machine()}", "",
             f"Command: `.venv/bin/python benchmarks/revisions.py --pr-systems {arguments.pr_systems} "
             f"--history-systems {arguments.history_systems} --runs {arguments.runs} --today …`", ""]

    repo = arguments.work / f"pr-{arguments.pr_systems}"
    pull_request(repo, arguments.pr_systems)
    check = [python, "-m", "eacheck", "check", str(repo), "--as-of", AS_OF, "--baseline", "main"]
    plan = [
        ("check --baseline main --format json, today's eacheck (no cache)", check + ["--format", "json"], today),
        ("check --baseline main --format json, this tree (no cache)", check + ["--format", "json"], cold),
        ("check --baseline main --format markdown, this tree (no cache)", check + ["--format", "markdown"], cold),
        ("check --baseline main --format json, today's eacheck (warm cache)", check + ["--format", "json"], today_warm),
        ("check --baseline main --format json, this tree (warm cache)", check + ["--format", "json"], warm),
        ("check --baseline main --format markdown, this tree (warm cache)", check + ["--format", "markdown"], warm),
    ]
    for label, command, env in plan[3:]:  # fill the warm caches
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False)
    lines += [f"### The pull-request comment, {arguments.pr_systems:,} systems", "",
              "| command | median wall time | × today's json | peak memory | exit |", "|---|---:|---:|---:|---:|"]
    rows = in_turns(plan[:3], arguments.runs) + in_turns(plan[3:], arguments.runs)
    for index, (label, seconds, peak, code) in enumerate(rows):
        yardstick = rows[0 if index < 3 else 3][1]
        lines.append(f"| {label} | {seconds:.2f} s | {seconds / yardstick:.2f} | {peak:,.0f} MB | {code} |")
        print(lines[-1], flush=True)
    lines.append("")

    repo = arguments.work / f"history-{arguments.history_systems}"
    quarters(repo, arguments.history_systems)
    report = [python, "-m", "eacheck", "report", str(repo), "--as-of", AS_OF, "--format", "json", "--out", "-"]
    plan = [
        ("report --format json (no cache)", report, cold),
        ("report --history --format json, 8 quarters (no cache)", report + ["--history"], cold),
        ("report --format json (warm cache)", report, warm),
        ("report --history --format json, 8 quarters (warm cache)", report + ["--history"], warm),
    ]
    subprocess.run(report + ["--history"], env=warm, stdout=subprocess.DEVNULL, check=False)
    lines += [f"### The history, {arguments.history_systems:,} systems, 8 quarterly tags", "",
              "| command | median wall time | × one report | peak memory | exit |", "|---|---:|---:|---:|---:|"]
    rows = in_turns(plan[:2], arguments.runs) + in_turns(plan[2:], arguments.runs)
    for index, (label, seconds, peak, code) in enumerate(rows):
        yardstick = rows[0 if index < 2 else 2][1]
        lines.append(f"| {label} | {seconds:.2f} s | {seconds / yardstick:.2f} | {peak:,.0f} MB | {code} |")
        print(lines[-1], flush=True)
    arguments.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {arguments.out}")


if __name__ == "__main__":
    main()
