"""The landscape site in a real browser: Debian's headless Chromium, driven by Playwright.

The start page, the capability map, an organization, a system and a search result open without
console errors, ask for nothing outside the site, and pass axe-core (injected from its npm
package, installed by scripts/install-test-tools.sh; never from a CDN) without a serious or
critical violation. A crawl from the start page follows every link and reaches every page.
Text from the YAML is shown, never run.
"""

from __future__ import annotations

import os
import re
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import PROJECT_ROOT
from test_report_browser import Opened, browser_context  # noqa: F401  (the shared browser)

AS_OF = "2026-11-27"
AXE_VERSIONS = "4."
AXE_DIR = Path(os.environ.get("EACHECK_TEST_TOOLS")
               or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eacheck-test-tools")
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, the level the Swedish accessibility law asks of public-sector services.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        missing = f"axe-core is not installed at {AXE_SCRIPT} (scripts/install-test-tools.sh installs it)"
        if os.environ.get("EACHECK_REQUIRE_TOOLS"):
            pytest.fail(f"{missing}, and EACHECK_REQUIRE_TOOLS is set")
        pytest.skip(missing)
    return AXE_SCRIPT


def build(root: Path, out: Path, *args: str) -> Path:
    from click.testing import CliRunner

    from eacheck.cli import main

    result = CliRunner().invoke(main, ["site", str(root), "--out", str(out), "--as-of", AS_OF, *args])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    return build(PROJECT_ROOT, tmp_path_factory.mktemp("site") / "site")


def open_page(context, site: Path, page: str) -> Opened:
    path, _, query = page.partition("?")
    opened = Opened.__new__(Opened)
    opened.errors, opened.requests, opened.dialogs = [], [], []
    opened.page = context.new_page()
    opened.page.on("console", lambda message: message.type in ("error", "warning")
                   and opened.errors.append(f"console {message.type}: {message.text}"))
    opened.page.on("pageerror", lambda error: opened.errors.append(f"page error: {error}"))
    opened.page.on("request", lambda request: opened.requests.append(request.url))
    opened.page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    opened.page.goto((site / path).as_uri() + (f"?{query}" if query else ""), wait_until="load")
    return opened


def outside(site: Path, urls: list[str]) -> list[str]:
    """The requests that leave the site's folder."""
    root = site.resolve().as_uri() + "/"
    return [url for url in urls if not url.startswith(root)]


def serious_violations(page, axe: Path) -> list[str]:
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    assert result["testEngine"]["version"].startswith(AXE_VERSIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


PAGES = [
    "index.html",
    "capabilities.html",
    "organization/ksf.html",
    "system/ekonomisystem.html",
    "system/integrationsplattform.html",
    "search.html?q=l%C3%B6n",
]


@pytest.mark.parametrize("page", PAGES)
def test_pages_open_cleanly_offline_and_pass_axe(browser_context, example_site, axe_script, page):  # noqa: F811
    opened = open_page(browser_context, example_site, page)
    try:
        assert opened.errors == []
        assert outside(example_site, opened.requests) == []
        assert opened.page.evaluate("document.documentElement.lang") == "sv"
        headings = opened.page.evaluate(
            "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
        assert headings[0] == 1 and headings.count(1) == 1
        assert all(after <= before + 1 for before, after in zip(headings, headings[1:])), headings
        assert opened.page.locator("header.banner").count() == 1
        assert opened.page.locator("main").count() == 1 and opened.page.locator("footer").count() == 1
        assert serious_violations(opened.page, axe_script) == []
    finally:
        opened.page.close()


def test_the_start_page_shows_the_indexes_against_their_targets(browser_context, example_site):  # noqa: F811
    opened = open_page(browser_context, example_site, "index.html")
    text = opened.page.inner_text("main").replace("\u00a0", " ")
    assert "Delningsindex" in text and "47 %" in text and "Målet för kvartalet är 50 %." in text
    assert "Nästa mål: 55 % kvartal 2 2027." in text
    assert "3 270 000 kr" in text  # the alternative cost, as the report has it
    opened.page.close()


def test_the_capability_map_says_every_colour_in_words(browser_context, example_site):  # noqa: F811
    opened = open_page(browser_context, example_site, "capabilities.html")
    page = opened.page
    boxes = page.locator(".cap")
    assert boxes.count() == 74  # every capability of the example, nested
    states = (("duplicated", "Dubblerad"), ("group-common", "Koncerngemensamt system"),
              ("served-once", "Stöds en gång"), ("through-parts", "Stöds genom sina delar"))
    for state, words in states:
        box = page.locator(f".cap.state-{state}").first
        assert words in box.locator(".cap-state").first.inner_text()
    colours = {page.locator(f".cap.state-{state}").first.evaluate("e => getComputedStyle(e).backgroundColor")
               for state, _ in states}
    assert len(colours) == 4  # four different colours, each also said in words
    assert "system i drift" in page.locator(".cap").first.inner_text()
    # the legend table counts them
    assert page.locator("table.legend-table tbody tr").count() == 6
    opened.page.close()


def test_a_system_page_draws_its_integrations(browser_context, example_site):  # noqa: F811
    opened = open_page(browser_context, example_site, "system/ekonomisystem.html")
    page = opened.page
    rows = page.locator("#h-integrations ~ table tbody tr").count()
    assert rows > 0
    drawn = page.locator("figure.diagram svg line.flow").count()
    assert drawn == rows  # the ekonomisystem is from or to of each, never a platform it passes
    # the diagram is laid out inside its own box: nothing drawn outside the SVG's view
    inside = page.evaluate("""() => {
        const svg = document.querySelector('figure.diagram svg');
        const box = svg.viewBox.baseVal;
        return [...svg.querySelectorAll('rect, line')].every(e => {
            const b = e.getBBox();
            return b.x >= 0 && b.y >= 0 && b.x + b.width <= box.width + 1 && b.y + b.height <= box.height + 1;
        });
    }""")
    assert inside
    assert "Ekonomichef, kommunstyrelseförvaltningen" in page.inner_text("main")
    opened.page.close()


def test_search_by_keyboard_finds_a_system_by_part_of_a_swedish_word(browser_context, example_site):  # noqa: F811
    opened = open_page(browser_context, example_site, "index.html")
    page = opened.page
    page.focus("#site-search")
    page.keyboard.type("lönesys")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_selector("#search-results li")
    results = page.locator("#search-results li a")
    assert "Lönesystem (avvecklat)" in results.all_inner_texts()
    assert "träff" in page.inner_text("#search-status")
    # the same results without the marks: "lon" finds Lön
    page.fill("#search-query", "lon")
    assert "Lön" in page.locator("#search-results li a").all_inner_texts()
    # and by id
    page.fill("#search-query", "ekonomisystem")
    first = page.locator("#search-results li a").first
    assert first.inner_text() == "Ekonomisystem Kassaboken"
    # keyboard only: from the field, Tab reaches the button and then the first result
    page.focus("#search-query")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Ekonomisystem Kassaboken"
    page.keyboard.press("Enter")
    page.wait_for_url("**/system/ekonomisystem.html")
    assert page.inner_text("h1") == "Ekonomisystem Kassaboken"
    assert opened.errors == [] and outside(example_site, opened.requests) == []
    opened.page.close()


def crawl(context, site: Path) -> tuple[dict[str, int], list[str]]:
    """Crawl the whole site from its start page: the depth (clicks from index.html) of every
    page reached, and every broken link. The browser parses every page and resolves every
    link (its own HTML parser and URL rules, one call for the whole site, as opening hundreds
    of pages one by one would take minutes); the crawl follows them from index.html. A link
    that leaves the site's folder fails at once."""
    root = site.resolve()
    pages = {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in root.rglob("*.html")}
    page = context.new_page()
    page.goto((root / "index.html").as_uri())
    links = page.evaluate("""([base, pages]) => {
        const parser = new DOMParser();
        const found = {};
        for (const [path, html] of Object.entries(pages)) {
            const doc = parser.parseFromString(html, 'text/html');
            const url = new URL(path, base);
            found[path] = {
                ids: [...doc.querySelectorAll('[id]')].map(e => e.id),
                links: [...doc.querySelectorAll('a[href], link[href], script[src], form[action], [src], [href]')].map(e => {
                    const value = e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action');
                    return [value, new URL(value, url).href];
                }),
            };
        }
        return found;
    }""", [root.as_uri() + "/", pages])
    page.close()
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    broken = []
    while queue:
        current = queue.popleft()
        for written, href in links[current]["links"]:
            # Relative links only: no scheme, no host, no path from the server's root.
            assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|/)", written, re.IGNORECASE), \
                f"{current} has a link that is not relative: {written}"
            url = urlsplit(href)
            assert url.scheme == "file", f"{current} links outside the site: {href}"
            target = Path(unquote(url.path))
            if root not in target.parents or not target.is_file():
                broken.append(f"{current} -> {href}")
                continue
            relative = target.relative_to(root).as_posix()
            if url.fragment and url.fragment not in links.get(relative, {"ids": []})["ids"]:
                broken.append(f"{current} -> {relative}#{url.fragment}")
            if relative in pages and relative not in depth:
                depth[relative] = depth[current] + 1
                queue.append(relative)
    assert set(pages) - set(depth) == set(), "pages no link reaches"
    return depth, broken


def test_every_link_resolves_and_every_system_is_three_clicks_away(browser_context, example_site):  # noqa: F811
    depth, broken = crawl(browser_context, example_site)
    assert broken == []
    systems = [path for path in depth if path.startswith("system/") and path.count(".") == 1]
    assert len(systems) == 70 and max(depth[path] for path in systems) <= 3


def test_text_from_the_yaml_is_shown_never_run(browser_context, repository, tmp_path):  # noqa: F811
    root = repository({
        "eacheck.yaml": 'name: "<img src=x onerror=alert(2)>"\n',
        "architecture/organizations-evil.yaml": """\
            kind: organization
            id: elak-org
            name: "<script>alert(3)</script>"
            type: company
            parent: stadshus
            """,
        "architecture/capabilities-evil.yaml": """\
            kind: capability
            id: elak-formaga
            name: "\\"><svg onload=alert(4)>"
            parent: ekonomi
            """,
        "architecture/systems/elak.yaml": """\
            kind: system
            id: elak
            name: "<script>alert(1)</script>"
            description: "</p><iframe src=javascript:alert(5)></iframe>"
            owner: elak-org
            system_owner: "<b onmouseover=alert(6)>chef</b>"
            used_by: [bostad]
            capabilities: [elak-formaga]
            lifecycle: {status: phase-out, retire_by: 2027-06-30}
            hosting: {model: saas, provider: "<style>body{display:none}</style>", provider_jurisdiction: SE, data_location: [SE]}
            """,
        "architecture/integrations.yaml": """\
            kind: integration
            id: elak-till-ekonomi
            name: "<a href=javascript:alert(7)>x</a>"
            from: elak
            to: ekonomisystem
            """,
    })
    site = build(root, tmp_path / "site")
    for page_path in ("index.html", "system/elak.html", "organization/elak-org.html", "capabilities.html",
                      "capability/elak-formaga.html", "integration/elak-till-ekonomi.html",
                      "search.html?q=script"):
        opened = open_page(browser_context, site, page_path)
        page = opened.page
        page.wait_for_load_state("load")
        assert opened.dialogs == [] and opened.errors == [], page_path
        assert page.locator("main script, main iframe, main img, main style, main b").count() == 0, page_path
        assert page.locator("main svg[onload]").count() == 0
        assert page.evaluate("getComputedStyle(document.body).display") == "block"
        assert "<img src=x onerror=alert(2)>" in page.inner_text("header")
        if page_path == "system/elak.html":
            text = page.inner_text("main")
            assert "<script>alert(1)</script>" in text
            assert "</p><iframe src=javascript:alert(5)></iframe>" in text
            assert "<b onmouseover=alert(6)>chef</b>" in text
        if page_path.startswith("search"):
            page.wait_for_selector("#search-results li")
            assert "<script>alert(1)</script>" in page.locator("#search-results").inner_text()
            assert page.locator("#search-results script").count() == 0
        page.close()


def test_axe_sees_a_violation_when_there_is_one(browser_context, example_site, axe_script):  # noqa: F811
    """The control for the accessibility test: the same check fails a page with a flaw."""
    opened = open_page(browser_context, example_site, "index.html")
    opened.page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    assert any(found.startswith("label ") for found in serious_violations(opened.page, axe_script))
    opened.page.close()
