"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright.

It must render without errors, fetch nothing, show the key figures as a reader sees them, fit a
projector's width, print on A4, and run nothing that came from the YAML.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

AS_OF = "2026-11-27"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The flags the project's browser tests run Chromium with: quiet, offline, nothing persisted.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _missing_tool() -> str | None:
    if not Path(CHROMIUM).is_file():
        return "chromium is not installed (scripts/install-test-tools.sh installs it)"
    if importlib.util.find_spec("playwright") is None:
        return "the Python package playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser_context():
    missing = _missing_tool()
    if missing:
        if os.environ.get("EACHECK_REQUIRE_TOOLS"):
            pytest.fail(f"{missing}, and EACHECK_REQUIRE_TOOLS is set")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        # A persistent context on a fresh folder is how Playwright takes --user-data-dir.
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800}, locale="sv-SE",
        )
        try:
            yield context
        finally:
            context.close()


class Opened:
    """A report opened in a new tab, with everything the page said and asked for."""

    def __init__(self, context, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda message: message.type in ("error", "warning")
                     and self.errors.append(f"console {message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(path.as_uri(), wait_until="load")

    def text(self, selector: str) -> str:
        return self.page.inner_text(selector)


def write_html(run, root: Path, out: Path, *args: str) -> Path:
    result = run("report", root, "--as-of", AS_OF, "--format", "html", "--out", out, *args)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def example(browser_context, run, tmp_path):
    opened = Opened(browser_context, write_html(run, PROJECT_ROOT, tmp_path / "rapport.html"))
    yield opened
    opened.page.close()


def test_renders_without_errors_and_fetches_nothing(example):
    assert example.errors == []
    assert len(example.requests) == 1 and example.requests[0].startswith("file://")
    assert example.page.evaluate("document.documentElement.lang") == "sv"


def test_shows_the_key_figures(example):
    card = example.text("#metric-shared_use_index")
    # Babel's Swedish forms: a no-break space before % and between thousands
    assert "Delningsindex" in card and "47\u00a0%" in card and "Mål kvartal 4 2026: 50\u00a0%" in card
    assert "68\u00a0%" in example.text("#metric-spend_index")
    assert "Målet nått" in example.text("#metric-cross_boundary_index")
    assert ("3\u00a0270\u00a0000\u00a0kr per år. System som inte behålls: 7; förmågor med dubblerade system: 6"
            in example.text("#duplication"))
    assert "Ekonomisystem Kustlundahem" in example.text("#decommissioning")
    assert re.search(r"Totalt\s+13\s+10\s+0", example.text("#findings"))
    # the chart is drawn: one bar per organization inside the group (14 in the example)
    assert example.page.locator("#organizations svg.chart text.bar-label").count() == 14


def test_figures_stay_on_one_line(example):
    white_space = example.page.evaluate(
        "getComputedStyle(document.querySelector('#metric-shared_use_index .value')).whiteSpace"
    )
    assert white_space == "nowrap"


def test_fits_the_width_of_a_projector(browser_context, example):
    for width in (1280, 1024):
        example.page.set_viewport_size({"width": width, "height": 768})
        overflow = example.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"scrolls sideways by {overflow}px at {width}px"


def test_prints_on_a4(example):
    pdf = example.page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    for width, height in boxes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2


def test_english_report(browser_context, run, tmp_path):
    opened = Opened(browser_context, write_html(run, PROJECT_ROOT, tmp_path / "report.html", "--lang", "en"))
    assert opened.errors == []
    assert opened.page.evaluate("document.documentElement.lang") == "en"
    assert "47%" in opened.text("#metric-shared_use_index")
    assert "SEK\u00a03,270,000 a year" in opened.text("#duplication")
    assert "27 November 2026" in opened.text("header")
    opened.page.close()


def test_text_from_the_yaml_is_shown_never_run(browser_context, repository, run, tmp_path):
    root = repository({
        "eacheck.yaml": 'name: "<img src=x onerror=alert(2)>"\n',
        "architecture/systems/elak.yaml": """\
            kind: system
            id: elak
            name: "<script>alert(1)</script>"
            owner: ks
            used_by: [bostad]
            capabilities: [ekonomi]
            lifecycle: {status: phase-out, retire_by: 2027-06-30}
            """,
    })
    opened = Opened(browser_context, write_html(run, root, tmp_path / "elak.html"))
    assert opened.dialogs == [] and opened.errors == []
    assert opened.page.locator("script").count() == 0 and opened.page.locator("main img").count() == 0
    assert "<script>alert(1)</script>" in opened.text("#decommissioning")
    assert "<img src=x onerror=alert(2)>" in opened.text("header")
    opened.page.close()


def test_the_trend_over_the_quarters(browser_context, run, tmp_path):
    """`--history`: one line chart per index, drawn inside its box, the targets marked, and the
    page still fits a projector."""
    import shutil

    from gitrepo import GitRepository

    repo = GitRepository(tmp_path / "kustlunda")
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, repo.root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", repo.root / "eacheck.yaml")
    repo.commit("Läget")
    for quarter in ("2026-Q1", "2026-Q2", "2026-Q3"):
        repo.git("tag", f"report-{quarter}")
    opened = Opened(browser_context, write_html(run, repo.root, tmp_path / "historik.html", "--history"))
    assert opened.errors == [] and len(opened.requests) == 1
    charts = opened.page.locator("#history svg.chart")
    assert charts.count() == 3
    for index in range(3):
        chart = charts.nth(index).bounding_box()
        line = charts.nth(index).locator("polyline.trend").bounding_box()
        assert chart["width"] > 200 and line["width"] > 100  # drawn, and across the quarters
        assert chart["x"] <= line["x"] and line["x"] + line["width"] <= chart["x"] + chart["width"]
    assert opened.page.locator("#history line.target-mark").count() >= 3  # 2026-Q4's targets
    assert "kvartal 1 2026" in opened.text("#history table")
    overflow = opened.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    opened.page.close()
