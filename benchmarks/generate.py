"""Deterministic synthetic landscapes in the SPEC format, for benchmarks.

    python benchmarks/generate.py OUT_DIR --systems 10000 [--seed 1]

The mix follows the example group scaled up: about one organization per 25 systems (a fifth of
them companies, a few external), a capability map of 12 areas, three integrations per system
(most through a platform), one procurement per 50 systems and one exception per 100. Files are
spread the way architects keep them: one file per system under systems/<owner>/, integrations
grouped per owning organization, capabilities per area. ``--small-files`` keeps the
integrations in one file per source system instead (many small files, as a group that splits
its repository finely would); ``--single`` writes every document to a file of its own (the only
layout check-jsonschema reads). Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

AREAS = ["ledning", "ekonomi", "personal", "utbildning", "omsorg", "samhallsbyggnad",
         "fastighet", "teknik", "kultur", "invanarservice", "information", "infrastruktur"]
MODELS = ["on-premises", "private-cloud", "public-cloud", "saas"]
PROVIDERS = [("Svensk Drift AB", "SE", ["SE"]), ("Nordisk Moln Oy", "FI", ["FI", "SE"]),
             ("Europa Cloud GmbH", "DE", ["DE", "IE"]), ("Global Cloud Inc", "US", ["SE", "IE"]),
             ("Survey Corp", "US", ["US"])]


def _quoted(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _write(folder: Path, name: str, documents: list[str], single: bool) -> None:
    """Several documents to one file, or (single) each document to a file of its own."""
    if not single:
        (folder / f"{name}.yaml").write_text("---\n".join(documents), encoding="utf-8")
        return
    for document in documents:
        entity_id = document.split("\nid: ", 1)[1].split("\n", 1)[0]
        (folder / f"{entity_id}.yaml").write_text(document, encoding="utf-8")


def generate(out: Path, systems: int, seed: int = 1, single_document_files: bool = False,
             small_files: bool = False) -> dict[str, int]:
    """Write a synthetic group of ``systems`` systems to ``out`` (replacing it). The landscape
    is the same in every layout; only how its documents are spread over files differs."""
    rng = random.Random(seed)
    single = single_document_files
    if out.exists():
        shutil.rmtree(out)
    arch = out / "architecture"
    for folder in ("organizations", "capabilities", "systems", "integrations", "procurements", "exceptions"):
        (arch / folder).mkdir(parents=True)
    (out / "eacheck.yaml").write_text(
        "name: Syntetisk koncern\nlanguage: sv\ntargets:\n  shared_use_index: {2027-Q2: 0.5, 2027-Q4: 0.6}\n",
        encoding="utf-8",
    )

    org_count = max(12, systems // 25)
    orgs: list[tuple[str, str]] = [("holding-0", "holding")]
    for index in range(1, org_count):
        kind = "external" if index % 29 == 0 else ("company" if index % 5 == 0 else "administration")
        orgs.append((f"org-{index}", kind))
    internal = [org for org, kind in orgs if kind != "external"]
    docs = []
    for org, kind in orgs:
        parent = "\nparent: holding-0" if kind == "company" else ""
        docs.append(f"kind: organization\nid: {org}\nname: Organisation {org}\ntype: {kind}{parent}\n")
    for start in range(0, len(docs), 20):
        _write(arch / "organizations", f"organizations-{start // 20:03d}", docs[start : start + 20], single)

    capabilities: list[str] = []
    per_area = max(6, systems // 8 // len(AREAS))
    for area in AREAS:
        children = [f"{area}-{i}" for i in range(per_area)]
        docs = [f"kind: capability\nid: {area}\nname: Område {area}\n"]
        for index, child in enumerate(children):
            sharing = "\nsharing: local" if index % 9 == 8 else ""
            docs.append(f"kind: capability\nid: {child}\nname: Förmåga {child}\nparent: {area}{sharing}\n")
        capabilities.extend(children)
        _write(arch / "capabilities", area, docs, single)
    (arch / "capabilities" / "plattform.yaml").write_text(
        "kind: capability\nid: integration-platform\nname: Integrationsplattform\nparent: infrastruktur\n",
        encoding="utf-8")
    # A fifth of the needs have a designated group-common system; most other systems serve
    # the other needs, so shared-over-unique finds the duplicates a real group carries.
    common_caps = capabilities[::5]
    common_set = set(common_caps)  # made once: a set per test would make this quadratic
    other_caps = [cap for cap in capabilities if cap not in common_set]

    owners_of: dict[str, str] = {}
    status_of: dict[str, str] = {}
    platforms = [f"platform-{i}" for i in range(max(1, systems // 5000))]
    commons = [f"common-{i}" for i in range(min(len(common_caps), systems // 10))]
    system_ids = platforms + commons + [f"sys-{i}" for i in range(systems - len(platforms) - len(commons))]
    companies = [org for org, kind in orgs if kind in ("company", "holding")]
    for index, system in enumerate(system_ids):
        is_platform, is_common = system in platforms, system.startswith("common-")
        owner = internal[index % len(internal)] if is_platform else rng.choice(internal)
        owners_of[system] = owner
        if is_platform:
            caps = ["integration-platform"]
        elif is_common:
            caps = [common_caps[index - len(platforms)]]
        else:
            caps = rng.sample(other_caps if rng.random() < 0.93 else capabilities, rng.choice([1, 1, 2, 3]))
        if is_platform or is_common:
            used_by = sorted(set(rng.sample(internal, 6) + rng.sample(companies, 1)) - {owner})
        else:
            used_by = sorted(set(rng.sample(internal, rng.choice([0, 0, 0, 1, 2, 4]))) - {owner})
        status = "active" if (is_platform or is_common) else rng.choices(
            ["active", "phase-out", "planned", "retired"], [88, 5, 3, 4])[0]
        status_of[system] = status
        lines = [f"kind: system", f"id: {system}", f"name: System {system}",
                 f"description: Stöd för {', '.join(caps)} hos {owner}.", f"owner: {owner}"]
        if rng.random() < 0.97:
            lines.append(f"system_owner: Systemägare {owner}")
        if used_by:
            lines.append(f"used_by: {_quoted(used_by)}")
        lines.append(f"capabilities: {_quoted(caps)}")
        if is_platform or is_common:
            lines.append("group_common: true")
        lines += ["lifecycle:", f"  status: {status}", f"  since: 20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-15"]
        if status == "phase-out" and rng.random() < 0.8:
            lines.append(f"  retire_by: 202{rng.randint(7, 9)}-12-31")
        personal = rng.choices(["none", "ordinary", "sensitive"], [40, 45, 15])[0]
        confidentiality = rng.choice([0, 1, 1, 2, 2, 3])
        secrecy = rng.random() < 0.2
        protected = personal == "sensitive" or confidentiality >= 2 or secrecy
        if rng.random() < 0.97 or not protected:
            model = rng.choice(MODELS)
            lines += ["hosting:", f"  model: {model}"]
            if model != "on-premises":
                # Protected data mostly stays with European providers; a few percent do not:
                # the debt the cloud-and-legal principle exists to find.
                choices = PROVIDERS[:3] if protected and rng.random() < 0.97 else PROVIDERS
                provider, jurisdiction, locations = rng.choice(choices)
                lines += [f"  provider: {provider}", f"  provider_jurisdiction: {jurisdiction}",
                          f"  data_location: {_quoted(locations)}"]
                if "US" in locations and rng.random() < 0.9:
                    lines.append("  transfer_basis: dpf")
        lines += ["data:", f"  personal_data: {personal}", f"  confidentiality: {confidentiality}"]
        if secrecy:
            lines.append("  secrecy: true")
        if rng.random() < 0.85:
            lines += ["cost:", f"  annual: {rng.randrange(50_000, 5_000_000, 1000)}"]
        if rng.random() < 0.8:
            lines += ["contract:", f"  supplier: Leverantör {rng.randint(1, 300)}",
                      f"  start: 20{rng.randint(15, 25)}-01-01", f"  end: 20{rng.randint(27, 36)}-{rng.randint(1, 12):02d}-28"]
        lines.append(f"user_count: {rng.randint(5, 5000)}")
        if rng.random() < 0.75:
            lines += ["assessment:", f"  functional_fit: {rng.randint(1, 4)}", f"  technical_fit: {rng.randint(1, 4)}",
                      f"  criticality: {rng.choice(['administrative', 'operational', 'critical', 'vital'])}"]
        folder = arch / "systems" / owner
        folder.mkdir(exist_ok=True)
        (folder / f"{system}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    by_file: dict[str, list[str]] = {}
    live = [system for system in system_ids[len(platforms):] if status_of[system] in ("active", "phase-out")]
    live_set = set(live)
    others = [system for system in system_ids[len(platforms):] if system not in live_set]
    for index in range(systems * 3):
        source, target = rng.sample(live if rng.random() < 0.98 else live + others, 2)
        via = f"\nvia: {rng.choice(platforms)}" if rng.random() < 0.97 else ""
        method = rng.choice(["api", "file", "event", "database", "manual"])
        status = rng.choices(["active", "planned", "retired"], [94, 3, 3])[0]
        data = "\ndata: {personal_data: none, confidentiality: 0, secrecy: false}" if rng.random() < 0.3 else ""
        by_file.setdefault(source if small_files else owners_of[source], []).append(
            f"kind: integration\nid: int-{index}\nfrom: {source}\nto: {target}{via}\nmethod: {method}\nstatus: {status}{data}\n")
    for name, docs in sorted(by_file.items()):
        _write(arch / "integrations", name, docs, single)

    for index in range(max(1, systems // 50)):
        capability = rng.choice(other_caps)
        status = rng.choices(["proposed", "approved", "rejected", "awarded"], [15, 15, 20, 50])[0]
        alternatives = "".join(f"  - system: {rng.choice(live)}\n    reason: Saknar funktion.\n" for _ in range(3))
        goals = ("effect_goals:\n  - goal: Kortare ledtider\n    metric: Dagar\n    target: \"-20 %\"\n    by: 2028-06-30\n"
                 if rng.random() < 0.9 else "")
        (arch / "procurements" / f"proc-{index}.yaml").write_text(
            f"kind: procurement\nid: proc-{index}\ntitle: Upphandling {index}\nrequested_by: {rng.choice(internal)}\n"
            f"capabilities: [{capability}]\nstatus: {status}\n"
            f"estimated_annual_cost: {rng.randrange(100_000, 3_000_000, 1000)}\n{goals}"
            f"alternatives_considered:\n{alternatives}",
            encoding="utf-8")
    for index in range(max(1, systems // 100)):
        (arch / "exceptions" / f"exc-{index}.yaml").write_text(
            f"kind: exception\nid: exc-{index}\nprinciple: cloud-and-legal\nsubject: {rng.choice(live)}\n"
            f"reason: Beslutat undantag.\ndecided_by: IT-rådet\ndecision_ref: KS 2026/{index:04d}\n"
            f"expires: 202{rng.randint(6, 8)}-06-30\n", encoding="utf-8")
    return {"organizations": len(orgs), "capabilities": len(capabilities) + len(AREAS) + 1,
            "systems": systems, "integrations": systems * 3}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--systems", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--single", action="store_true", help="one document per file")
    layout.add_argument("--small-files", action="store_true",
                        help="the integrations in one file per source system")
    arguments = parser.parse_args()
    print(generate(arguments.out, arguments.systems, arguments.seed, arguments.single, arguments.small_files))
