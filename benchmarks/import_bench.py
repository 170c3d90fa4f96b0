"""`eacheck import` against `eacheck check` on what it imported (issue #15's target: at most 3×).

    .venv/bin/python benchmarks/import_bench.py [--systems 10000] [--runs 3]

Writes a workbook like a group's inventory, scaled up: one sheet of systems (owner and users
by name, capabilities by name, status, amounts as "1 200 000 kr" text or numbers, dates, yes and
no, confidentiality levels), with sheets of the organizations and capabilities they name, and
its mapping. Then, each command as its own process (interpreter start-up counted), median of
--runs runs: the import into an empty repository, the import again into the repository it
made (nothing to change), and `check` on the result with no cache and with a warm cache. Peak
memory is the largest resident set of any run. Prints a Markdown table for RESULTS.md.
Deterministic: seed 1.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
AS_OF = "2026-11-27"
AREAS = ["Ekonomi", "Personal", "Utbildning", "Omsorg", "Samhällsbyggnad", "Fastighet", "Teknik",
         "Kultur", "Invånarservice", "Information", "Infrastruktur", "Ledning"]
STATUSES = ["I drift"] * 8 + ["Under avveckling", "Planerad"]

MAPPING = """\
tables:
  - sheet: Organisationer
    kind: organization
    id: {from: Kortnamn}
    fields:
      name: Namn
      type: {from: Typ, map: {Förvaltning: administration, Bolag: company, Moderbolag: holding}}
      parent: {from: Ingår i, lookup: organization}
  - sheet: Förmågor
    kind: capability
    id: {from: Förmåga, slug: true}
    fields:
      name: Förmåga
  - sheet: System
    kind: system
    id: {from: Id, slug_from: Systemnamn}
    fields:
      name: Systemnamn
      owner: {from: Ägare, lookup: organization}
      system_owner: Systemägare
      used_by: {from: Används av, split: ",", lookup: organization}
      capabilities: {from: Förmågor, split: ";", lookup: capability}
      lifecycle.status: {from: Status, map: {I drift: active, Under avveckling: phase-out, Planerad: planned}}
      lifecycle.retire_by: {from: Avvecklas senast, type: date}
      hosting.model: {from: Driftform, map: {Egen drift: on-premises, SaaS: saas}}
      hosting.provider_jurisdiction: Leverantörsland
      hosting.data_location: {from: Datalagring, split: ","}
      contract.end: {from: Avtalsslut, type: date}
      cost.annual: {from: Årskostnad, type: money}
      group_common: {from: Koncerngemensamt, type: boolean}
      data.confidentiality: {from: Konfidentialitet, map: {K0: 0, K1: 1, K2: 2, K3: 3}}
"""


def workbook(path: Path, systems: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(1)
    book = Workbook(write_only=True)
    organizations = max(8, systems // 25)
    orgs = book.create_sheet("Organisationer")
    orgs.append(["Kortnamn", "Namn", "Typ", "Ingår i"])
    orgs.append(["stadshus", "Stadshus AB", "Moderbolag", None])
    names = []
    for number in range(organizations):
        company = number % 5 == 0
        name = f"{'Bolag' if company else 'Förvaltning'} {number:04d}{' AB' if company else ''}"
        names.append(name)
        orgs.append([f"org-{number:04d}", name, "Bolag" if company else "Förvaltning", "Stadshus AB" if company else None])
    sheet_capabilities = book.create_sheet("Förmågor")
    sheet_capabilities.append(["Förmåga"])
    capability_names = [f"{area} {number:02d}" for area in AREAS for number in range(max(2, systems // 600))]
    for name in capability_names:
        sheet_capabilities.append([name])
    sheet = book.create_sheet("System")
    sheet.append(["Id", "Systemnamn", "Ägare", "Systemägare", "Används av", "Förmågor", "Status",
                  "Avvecklas senast", "Driftform", "Leverantörsland", "Datalagring", "Avtalsslut", "Årskostnad",
                  "Koncerngemensamt", "Konfidentialitet"])
    for number in range(systems):
        status = rng.choice(STATUSES)
        on_premises = rng.random() < 0.5
        cost = rng.randrange(50, 3000) * 1000
        sheet.append([
            f"system-{number:05d}" if number % 3 else None,
            f"System {number:05d}",
            rng.choice(names),
            "Systemägare" if rng.random() < 0.8 else None,
            ", ".join(sorted(set(rng.sample(names, rng.randrange(0, 4))))) or None,
            "; ".join(sorted(set(rng.sample(capability_names, rng.randrange(1, 3))))),
            status,
            datetime.datetime(2027, 6, 30) if status == "Under avveckling" else None,
            "Egen drift" if on_premises else "SaaS",
            None if on_premises else "SE",
            None if on_premises else "SE, FI",
            datetime.datetime(2026 + number % 6, 12, 31),
            f"{cost:,} kr".replace(",", "\u00a0") if number % 2 else cost,
            "Ja" if number % 97 == 0 else None,
            f"K{rng.randrange(0, 4)}",
        ])
    book.save(path)


def measure(command: list[str], env: dict[str, str], runs: int, before=None) -> tuple[float, float, float, int]:
    """(median wall seconds, median CPU seconds, peak MB, exit code). CPU time (user and
    system, worker processes included) says more than wall time on a machine others share."""
    times, cpu, peaks, code = [], [], [], 0
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
    return statistics.median(times), statistics.median(cpu), max(peaks), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eacheck-import-bench-"))
    try:
        source, mapping, repo = work / "inventering.xlsx", work / "mapping.yaml", work / "repo"
        workbook(source, options.systems)
        mapping.write_text(MAPPING, encoding="utf-8")
        eacheck = str(BIN / "eacheck")
        base = {**os.environ, "EACHECK_CACHE_DIR": "off"}
        warm = {**os.environ, "EACHECK_CACHE_DIR": str(work / "cache")}

        def fresh() -> None:
            shutil.rmtree(repo, ignore_errors=True)
            (repo / "architecture").mkdir(parents=True)

        rows = []
        imported = measure([eacheck, "import", str(source), "--mapping", str(mapping), str(repo)], base,
                           options.runs, fresh)
        rows.append(("import into an empty repository (no cache)", *imported))
        assert imported[3] == 0, "the import failed; run it by hand to see why"
        again = measure([eacheck, "import", str(source), "--mapping", str(mapping), str(repo), "--update"], base,
                        options.runs)
        rows.append(("import again: nothing to change (no cache)", *again))
        check_cold = measure([eacheck, "check", str(repo), "--as-of", AS_OF], base, options.runs)
        rows.append(("check on the result (no cache)", *check_cold))
        measure([eacheck, "check", str(repo), "--as-of", AS_OF], warm, 1)
        check_warm = measure([eacheck, "check", str(repo), "--as-of", AS_OF], warm, options.runs)
        rows.append(("check on the result (warm cache)", *check_warm))
        files = sum(1 for _ in (repo / "architecture").rglob("*.yaml"))
        print(f"{options.systems:,} systems, {files:,} files written; workbook {source.stat().st_size / 2**20:.1f} MB; "
              f"median of {options.runs}\n")
        print("| command | wall s | CPU s | peak MB | exit |\n|---|---|---|---|---|")
        for name, seconds, cpu, peak, code in rows:
            print(f"| {name} | {seconds:.2f} | {cpu:.2f} | {peak:.0f} | {code} |")
        print(f"\nimport ÷ check, no cache: {imported[0] / check_cold[0]:.2f}× wall, {imported[1] / check_cold[1]:.2f}× CPU; "
              f"against a warm check: {imported[0] / check_warm[0]:.2f}× wall, {imported[1] / check_warm[1]:.2f}× CPU")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
