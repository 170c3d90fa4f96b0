"""Write the sample inventory of docs/getting-started.md and docs/import.md.

    .venv/bin/python scripts/make-import-examples.py

docs/examples/systemforteckning.xlsx is a system inventory (systemförteckning) as a Swedish
municipal group keeps it in Excel, with its usual mess: a title above the table, owners written
as names or short names, amounts as numbers or as "1 200 000 kr", no-break spaces, yes written
"Ja" or "x", users separated by commas or line breaks, blank rows. docs/examples/
systemforteckning.csv is its system sheet saved by a Swedish Excel as CSV (semicolons,
Windows-1252). docs/examples/mapping.yaml (written by hand) imports the workbook,
docs/examples/mapping-csv.yaml the CSV file. The same input gives the same bytes.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eacheck.output.workbook import deterministic  # noqa: E402

EXAMPLES = ROOT / "docs" / "examples"
DATED = datetime.date(2026, 11, 27)
NBSP = "\u00a0"

ORGANISATIONER = [
    ["Kortnamn", "Namn", "Typ", "Ingår i"],
    ["ksf", "Kommunstyrelseförvaltningen", "Förvaltning", None],
    ["sof", "Socialförvaltningen", "Förvaltning", None],
    ["buf", "Barn- och utbildningsförvaltningen", "Förvaltning", None],
    ["sbf", "Samhällsbyggnadsförvaltningen", "Förvaltning", None],
    ["stadshus", "Norrvik Stadshus AB", "Moderbolag", None],
    ["bostader", "Norrviks Bostäder AB", "Bolag", "Norrvik Stadshus AB"],
    ["energi", "Norrvik Energi AB", "Bolag", "Norrvik Stadshus AB"],
    ["region", "Region Mittland", "Extern", None],
]

FORMAGOR = [
    ["Id", "Förmåga", "Överordnad", "Behov"],
    [None, "Ekonomi", None, "Koncerngemensamt"],
    [None, "Redovisning", "Ekonomi", "Koncerngemensamt"],
    [None, "Lön och personal", None, "Koncerngemensamt"],
    [None, "Ärende- och dokumenthantering", None, "Koncerngemensamt"],
    [None, "Individ- och familjeomsorg", None, "Koncerngemensamt"],
    [None, "Fastighetsförvaltning", None, "Koncerngemensamt"],
    [None, "Fjärrvärmestyrning", None, "Lokalt"],
    # the id the integration-platform principle looks for; the system has the same name
    ["integration-platform", "Integrationsplattform", None, "Koncerngemensamt"],
]

SYSTEM_HEADER = ["Id", "Systemnamn", "Beskrivning", "Ägare", "Systemägare", "Används av", "Förmågor",
                 "Status", "I drift sedan", "Driftform", "Leverantör", "Avtalsslut", "Årskostnad (kr)",
                 "Koncerngemensamt", "Personuppgifter", "Konfidentialitet", "Antal användare", "Kommentar"]
D = datetime.datetime
SYSTEM = [
    ["Systemförteckning Norrviks kommunkoncern", *[None] * 17],
    ["Uppdaterad 2026-11-27 av koncernens arkitekturforum", *[None] * 17],
    SYSTEM_HEADER,
    ["ekonomisystem", "Ekonomisystem", "Koncernens ekonomisystem: redovisning, reskontror, budget.",
     "ksf", "Ekonomichef", "sof, buf, sbf, Norrvik Stadshus AB", "Ekonomi; Redovisning", "I drift",
     D(2019, 1, 1), "Egen drift", "Ekonomi Norden AB", D(2028, 12, 31), 1850000, "Ja", "Vanliga", "K2", 420, None],
    [None, "Lönesystem", None, "Kommunstyrelseförvaltningen", "HR-chef", "sof\nbuf\nsbf",
     "Lön och personal", "I drift", D(2017, 9, 1), "Privat moln", "Lönepartner AB", D(2027, 6, 30),
     f"1{NBSP}200{NBSP}000 kr", "x", "Känsliga", "K2", 3900, "Förnyelse utreds"],
    [None, f"Ärendehantering{NBSP}Soc", "Verksamhetssystem för individ- och familjeomsorgen.",
     " Socialförvaltningen ", "Socialchef", None, "Individ- och familjeomsorg; Ärende- och dokumenthantering",
     "I drift", D(2015, 3, 1), "Egen drift", "Omsorgssystem AB", D(2026, 12, 31), 2400000, None, "Känsliga",
     "K3", 650, None],
    [None, "Diarium", None, "ksf", "Kanslichef", "sof, buf, sbf, bostader, energi", "Ärende- och dokumenthantering",
     "I drift", D(2021, 1, 1), "Egen drift", "Dokumentsystem Norden AB", D(2028, 12, 31), 950000, "Ja",
     "Vanliga", "K2", 1200, None],
    [],
    ["bostader-ekonomi", "Ekonomisystem Norrviks Bostäder", None, "Norrviks Bostäder AB", "Ekonomichef, Norrviks Bostäder AB",
     None, "Ekonomi", "Under avveckling", D(2012, 5, 1), "SaaS", "Fastighetsekonomi AB", D(2027, 6, 30),
     "640 000 kr", "Nej", "Vanliga", "K1", 35, "Går över till koncernens ekonomisystem"],
    [None, "Fastighetssystem", None, "bostader", "Fastighetschef", "sbf", "Fastighetsförvaltning", "I drift",
     D(2020, 2, 1), "SaaS", "Fastighetsdata AB", D(2029, 1, 31), 780000, None, "Vanliga", "K1", 140, None],
    [None, "Driftövervakning fjärrvärme", None, "Norrvik Energi AB", "Driftchef", None, "Fjärrvärmestyrning",
     "I drift", D(2018, 10, 1), "Egen drift", "Processautomation AB", None, 520000, None, "Inga", "K3", 25, None],
    [None, "Integrationsplattform", "Koncernens plattform för integrationer.", "ksf", "IT-chef",
     "sof, buf, sbf, bostader, energi", "Integrationsplattform", "I drift", D(2022, 4, 1), "Privat moln",
     "Kommunens IT-enhet", None, 1200000, "Ja", "Inga", "K1", None, None],
    [None, "E-tjänsteplattform", None, "ksf", None, "sof, buf", "Ärende- och dokumenthantering", "Planerad",
     None, "SaaS", None, None, None, None, "Vanliga", "K1", None, "Upphandlas 2027"],
]

INTEGRATIONER = [
    ["Från", "Till", "Via", "Metod"],
    ["Lönesystem", "Ekonomisystem", "Integrationsplattform", "Fil"],
    ["Fastighetssystem", "Ekonomisystem Norrviks Bostäder", None, "API"],
    [f"Ärendehantering{NBSP}Soc", "Diarium", "Integrationsplattform", "API"],
]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()  # a Swedish Excel writes dates in ISO in CSV
    text = str(value)
    if any(mark in text for mark in ";\"\n"):
        text = '"' + text.replace('"', '""') + '"'
    return text


def main() -> None:
    from openpyxl import Workbook

    EXAMPLES.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.remove(book.active)
    for title, rows in (("Organisationer", ORGANISATIONER), ("Förmågor", FORMAGOR), ("System", SYSTEM),
                        ("Integrationer", INTEGRATIONER)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime.datetime):
                    cell.number_format = "yyyy-mm-dd"
    (EXAMPLES / "systemforteckning.xlsx").write_bytes(deterministic(book, DATED))
    lines = [";".join(_cell_text(cell) for cell in row) for row in SYSTEM]
    (EXAMPLES / "systemforteckning.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    print("wrote docs/examples/systemforteckning.xlsx and docs/examples/systemforteckning.csv")


if __name__ == "__main__":
    main()
