#!/usr/bin/env python3
"""Regenerate docs/site-screenshot.png and docs/site-capability-map.png: the example group's
landscape site as a reader sees it in a browser (the start page, and the capability map).

Needs Debian's chromium and the Python package playwright (the `test` extra); Playwright drives
the installed browser and downloads nothing. Run from the project root:

    .venv/bin/python scripts/screenshot-site.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The date the example's documented figures are computed for; a fixed date keeps the pictures stable.
AS_OF = date(2026, 11, 27)
WIDTH = 1280
SHOTS = (("index.html", "site-screenshot.png", 1180), ("capabilities.html", "site-capability-map.png", 1100))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from eacheck import api

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = api.write_site(ROOT, Path(folder) / "site", as_of=AS_OF, language=args.lang)
        context = playwright.chromium.launch_persistent_context(
            Path(folder) / "profile", executable_path=args.chromium, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
            viewport={"width": WIDTH, "height": 800},
        )
        try:
            page = context.new_page()
            for source, name, height in SHOTS:
                page.set_viewport_size({"width": WIDTH, "height": height})
                page.goto((site / source).as_uri(), wait_until="load")
                page.screenshot(path=str(args.out / name), clip={"x": 0, "y": 0, "width": WIDTH, "height": height})
                print(args.out / name)
        finally:
            context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
