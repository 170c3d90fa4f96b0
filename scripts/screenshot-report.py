#!/usr/bin/env python3
"""Regenerate docs/report-screenshot.png: the top of the example group's HTML report as a
reader sees it in a browser (the indexes against their targets and shared use per organization).

Needs Debian's chromium and the Python package playwright (the `test` extra); Playwright drives
the installed browser and downloads nothing. Run from the project root:

    .venv/bin/python scripts/screenshot-report.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The date the example's documented figures are computed for; a fixed date keeps the picture stable.
AS_OF = date(2026, 11, 27)
WIDTH, HEIGHT = 1280, 1560


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-screenshot.png")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from eacheck.output.report import render_report

    html = render_report(ROOT, "html", as_of=AS_OF, language=args.lang)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "report.html"
        page_file.write_text(html, encoding="utf-8")
        context = playwright.chromium.launch_persistent_context(
            Path(folder) / "profile", executable_path=args.chromium, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
            viewport={"width": WIDTH, "height": HEIGHT},
        )
        try:
            page = context.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.screenshot(path=str(args.out), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        finally:
            context.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
