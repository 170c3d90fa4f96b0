#!/usr/bin/env python3
"""Regenerate docs/cli.md from the commands' --help; with --check, only report whether it is stale."""

from __future__ import annotations

import sys
from pathlib import Path

from eacheck.cli.reference import cli_reference

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def main(argv: list[str]) -> int:
    text = cli_reference()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"{TARGET} is out of date; run: python scripts/generate-cli-docs.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
