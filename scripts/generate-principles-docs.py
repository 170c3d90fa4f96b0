"""Write docs/principles.md (English) and docs/principles.sv.md (Swedish) from the shipped
default principles and the checks' own documentation.

Run: .venv/bin/python scripts/generate-principles-docs.py
"""

from pathlib import Path

from eacheck import api
from eacheck.output.principles_text import principles_reference

DOCS = Path(__file__).resolve().parent.parent / "docs"
TARGETS = {"en": DOCS / "principles.md", "sv": DOCS / "principles.sv.md"}


def render(language: str) -> str:
    return principles_reference(api.principles_in_force(None), language)


if __name__ == "__main__":
    for language, target in TARGETS.items():
        target.write_text(render(language), encoding="utf-8")
        print(f"wrote {target}")
