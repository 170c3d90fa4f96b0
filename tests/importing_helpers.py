"""Workbooks, CSV files and mappings for the import tests, built in the tests themselves."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path
from typing import Any

SYSTEM_MAPPING = """\
tables:
  - sheet: Organisationer
    kind: organization
    id: {from: Kortnamn}
    fields:
      name: Namn
      type: {from: Typ, map: {Förvaltning: administration, Bolag: company, Moderbolag: holding, Extern: external}}
      parent: {from: Ingår i, lookup: organization}
  - sheet: Förmågor
    kind: capability
    id: {from: Förmåga, slug: true}
    fields:
      name: Förmåga
  - sheet: System
    kind: system
    header_row: 3
    id: {from: Id, slug_from: Systemnamn}
    fields:
      name: Systemnamn
      owner: {from: Ägare, lookup: organization}
      used_by: {from: Används av, split: ",", lookup: organization}
      capabilities: {from: Förmågor, split: ";", lookup: capability}
      lifecycle.status: {from: Status, map: {I drift: active, Under avveckling: phase-out, Avvecklad: retired, Planerad: planned}}
      cost.annual: {from: Årskostnad, type: money}
      contract.end: {from: Avtalsslut, type: date}
      group_common: {from: Koncerngemensamt, type: boolean}
      data.confidentiality: {from: Konfidentialitet, map: {K0: 0, K1: 1, K2: 2, K3: 3, K4: 4}}
"""

# The smallest mapping: organizations from a table of Id and Namn, all administrations.
ORG_MAPPING = """\
    tables:
      - kind: organization
        id: Id
        fields:
          name: Namn
          type: {value: administration}
    """

ORGANIZATIONS = [
    ["Kortnamn", "Namn", "Typ", "Ingår i"],
    ["ksf", "Kommunstyrelseförvaltningen", "Förvaltning", None],
    ["sof", "Socialförvaltningen", "Förvaltning", None],
    ["stadshus", "Norrvik Stadshus AB", "Moderbolag", None],
    ["bostader", "Norrviks Bostäder AB", "Bolag", "Norrvik Stadshus AB"],
]
CAPABILITIES = [["Förmåga"], ["Ekonomi"], ["Lön"], ["Ärendehantering"]]
SYSTEM_HEADER = ["Id", "Systemnamn", "Ägare", "Används av", "Förmågor", "Status", "Årskostnad",
                 "Avtalsslut", "Koncerngemensamt", "Konfidentialitet"]
SYSTEMS = [
    ["Systemförteckning Norrvik 2026"],
    [],
    SYSTEM_HEADER,
    ["ekonomisystem", "Ekonomisystem", "ksf", "sof, Norrviks Bostäder AB", "Ekonomi", "I drift", 1850000,
     "2028-12-31", "Ja", "K1"],
    [None, "Lönesystem", "Kommunstyrelseförvaltningen", "sof", "Lön", "I drift", "1 200 000 kr", None, "x", "K2"],
    [None, "Ärendesystem Soc", " Socialförvaltningen ", None, "Ärendehantering", "Under avveckling", None,
     "2027-06-30", None, "K3"],
]


def workbook(path: Path, sheets: dict[str, list[list[Any]]], merged: dict[str, list[str]] | None = None) -> Path:
    """An .xlsx workbook with ``sheets`` (name -> rows), written by openpyxl."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell_range in (merged or {}).get(name, []):
            sheet.merge_cells(cell_range)
    book.save(path)
    return path


def inventory(folder: Path, systems: list[list[Any]] | None = None) -> Path:
    return workbook(folder / "inventering.xlsx", {
        "Organisationer": ORGANIZATIONS, "Förmågor": CAPABILITIES, "System": systems or SYSTEMS})


def mapping(folder: Path, text: str = SYSTEM_MAPPING, name: str = "mapping.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def empty_repository(root: Path) -> Path:
    (root / "architecture").mkdir(parents=True)
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` with a digest of its bytes: to show that nothing changed."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*")) if path.is_file()
    }
