"""The site of a group unlike the example: what a reviewer builds to try SPEC §9 on other data.

A capability map nine levels deep, a capability nobody serves, an organization that owns
nothing, an organization and a capability whose id is written twice (findings on their pages),
systems without integrations, a retired system, names with å, ä, ö, with the characters HTML
gives meaning to and of 200 characters, an exception in force and an expired one; and a
repository whose architecture/ is empty. Every page kind is opened in Chromium in both
languages and passes axe-core; the whole site is crawled; the keyboard alone finds a system
through the search.
"""

from __future__ import annotations

import html
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import write_repository
from eacheck import api
from test_report_browser import browser_context  # noqa: F401  (the shared browser)
from test_site_browser import axe_script, build, crawl, open_page, outside, serious_violations  # noqa: F401

GROUP = 'Åsa & Östra <kommun> "koncernen"'
LONG_NAME = "Tomma nämnden " + "som har ett mycket långt namn " * 6 + "och äger inget"
DEPTH = 9
SYSTEM = 'Lönesystem <b>Lön</b> & "Co"'

FILES = {
    "eacheck.yaml": f"""\
        name: '{GROUP}'
        targets:
          shared_use_index: {{2026-Q4: 0.4, 2027-Q2: 0.5}}
        """,
    "architecture/organizations.yaml": f"""\
        kind: organization
        id: ks
        name: Kommunledningsförvaltningen & <stab>
        type: administration
        ---
        kind: organization
        id: moder
        name: Östra Stadshus AB
        type: holding
        ---
        kind: organization
        id: alvbolaget
        name: Älvbolaget
        type: company
        parent: moder
        ---
        kind: organization
        id: tom
        name: {LONG_NAME}
        type: administration
        ---
        kind: organization
        id: region
        name: Region Öst
        type: external
        ---
        kind: organization
        id: region
        name: Region Öst, skriven två gånger
        type: external
        """,
    "architecture/capabilities.yaml": "\n---\n".join(
        [f"kind: capability\nid: niva-{level}\nname: \"Nivå {level} <i>&amp;</i>\""
         + (f"\nparent: niva-{level - 1}" if level else "") for level in range(DEPTH)]
        + ["kind: capability\nid: ingen\nname: Förmåga som ingen stöder",
           "kind: capability\nid: lokal\nname: Lokalt behov\nsharing: local",
           "kind: capability\nid: dubbel\nname: Dubbel förmåga",
           "kind: capability\nid: en-gang\nname: Förmåga med bara en lösning",
           "kind: capability\nid: integration-platform\nname: Integrationsplattform",
           # Its id again: a finding on the capability (and on the organization above).
           "kind: capability\nid: ingen\nname: Förmåga som ingen stöder, skriven två gånger"]) + "\n",
    "architecture/systems/lon.yaml": f"""\
        kind: system
        id: lonesystem
        name: '{SYSTEM}'
        description: Beskrivning med "citat" & <tagg>
        owner: ks
        system_owner: Lönechef <ö>
        used_by: [alvbolaget, region]
        capabilities: [niva-{DEPTH - 1}, dubbel]
        group_common: true
        lifecycle: {{status: active, since: 2015-03-01}}
        hosting: {{model: saas, provider: Molnbolaget & Co, provider_jurisdiction: SE, data_location: [SE, FI]}}
        data: {{personal_data: ordinary, confidentiality: 1}}
        cost: {{annual: 1234567}}
        contract: {{supplier: Åkes Lön AB, start: 2015-03-01, end: 2027-01-31}}
        user_count: 12345
        assessment: {{functional_fit: 1, technical_fit: 2, criticality: vital}}
        """,
    "architecture/systems/others.yaml": """\
        kind: system
        id: dubblett
        name: Dubblettsystemet
        owner: alvbolaget
        capabilities: [dubbel]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        ---
        kind: system
        id: ensamt
        name: Ensamt system utan integrationer
        owner: moder
        system_owner: VD
        capabilities: [lokal]
        lifecycle: {status: planned}
        ---
        kind: system
        id: pensionerat
        name: Pensionerat system
        owner: ks
        capabilities: [ingen]
        lifecycle: {status: retired, since: 2001-01-01}
        ---
        kind: system
        id: en-gang-system
        name: Ett enda system
        owner: alvbolaget
        system_owner: IT-chef
        capabilities: [en-gang]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        ---
        kind: system
        id: plattform
        name: Plattformen
        owner: ks
        system_owner: IT-chef
        capabilities: [integration-platform]
        lifecycle: {status: phase-out, retire_by: 2026-06-30}
        hosting: {model: on-premises}
        """,
    "architecture/integrations.yaml": """\
        kind: integration
        id: lon-till-dubblett
        from: lonesystem
        to: dubblett
        via: plattform
        method: api
        ---
        kind: integration
        id: pensionerat-till-lon
        from: pensionerat
        to: lonesystem
        method: file
        status: retired
        ---
        kind: integration
        id: dubblett-till-en-gang
        from: dubblett
        to: en-gang-system
        via: plattform
        status: planned
        """,
    "architecture/procurements.yaml": """\
        kind: procurement
        id: ny-lon
        title: Nytt lönesystem <för> bolagen
        requested_by: tom
        capabilities: [dubbel]
        effect_goals:
          - {goal: Kortare ledtid, metric: dagar, target: 0.5, by: 2027-06-30}
        alternatives_considered:
          - {system: lonesystem, reason: För dyrt & för gammalt}
        """,
    "architecture/exceptions.yaml": """\
        kind: exception
        id: undantag-i-kraft
        principle: lifecycle
        subject: plattform
        reason: Flytten tar tid <år>
        decided_by: Koncernledningen
        decision_ref: KS 2026/12
        expires: 2027-12-31
        ---
        kind: exception
        id: undantag-utgatt
        principle: clear-ownership
        subject: dubblett
        reason: Väntar på ny chef
        decided_by: Koncernledningen
        expires: 2026-01-31
        """,
}

# The pages whose subject has findings of its own (its id written twice), beyond the systems'.
FINDINGS_PAGES = ("organization/region.html", "capability/ingen.html")

# One page of every kind the site has.
PAGE_KINDS = [
    "index.html", "capabilities.html", "search.html?q=l%C3%B6n", "systems.html", "organizations.html",
    "integrations.html", "procurements.html", "exceptions.html", "principles.html",
    "organization/ks.html", "organization/tom.html", "organization/region.html",
    "capability/niva-3.html", f"capability/niva-{DEPTH - 1}.html", "capability/ingen.html", "capability/dubbel.html",
    "system/lonesystem.html", "system/ensamt.html", "system/pensionerat.html", "system/plattform.html",
    "integration/lon-till-dubblett.html", "procurement/ny-lon.html", "exception/undantag-i-kraft.html",
    "exception/undantag-utgatt.html", "principle/clear-ownership.html", "principle/exception-expired.html",
]


@pytest.fixture(scope="module")
def group(tmp_path_factory) -> Path:
    return write_repository(tmp_path_factory.mktemp("other-group") / "koncern", FILES, base=False)


@pytest.fixture(scope="module")
def sites(group, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("other-sites")
    return {language: build(group, folder / language, "--lang", language) for language in ("sv", "en")}


def text_of(site: Path, page: str) -> str:
    """What a reader sees of the page's main content: the text without markup, entities read."""
    content = (site / page).read_text(encoding="utf-8")
    main = content[content.index("<main"):content.index("</main>")]
    return html.unescape(re.sub(r"<[^>]+>", " ", main)).replace("\u00a0", " ")


# -- in the browser -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("page", PAGE_KINDS)
def test_every_page_kind_passes_axe_in_both_languages(browser_context, sites, axe_script, language, page):  # noqa: F811
    site = sites[language]
    opened = open_page(browser_context, site, page)
    try:
        assert opened.errors == [] and opened.dialogs == []
        assert outside(site, opened.requests) == []
        assert opened.page.evaluate("document.documentElement.lang") == language
        headings = opened.page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
        assert headings[0] == 1 and headings.count(1) == 1
        assert all(after <= before + 1 for before, after in zip(headings, headings[1:])), headings
        for landmark in ("header.banner", "nav", "form[role=search]", "main", "footer"):
            assert opened.page.locator(landmark).count() >= 1, landmark
        if page in FINDINGS_PAGES:  # axe reads the findings' table too
            assert opened.page.locator("section[aria-labelledby=h-findings] table.findings tbody tr").count() == 2
        assert serious_violations(opened.page, axe_script) == []
    finally:
        opened.page.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_link_of_another_group_resolves(browser_context, sites, language):  # noqa: F811
    depth, broken = crawl(browser_context, sites[language])
    assert broken == []
    assert all(page in depth for page in FINDINGS_PAGES)  # and their findings' links were followed
    systems = [path for path in depth if path.startswith("system/") and path.count(".") == 1]
    assert len(systems) == 6 and max(depth[path] for path in systems) <= 3


def test_an_empty_architecture_gives_a_site_that_works(browser_context, axe_script, tmp_path):  # noqa: F811
    root = write_repository(tmp_path / "tom", {}, base=False)
    site = build(root, tmp_path / "site")
    depth, broken = crawl(browser_context, site)
    assert broken == [] and "capabilities.html" in depth
    for page in ("index.html", "capabilities.html", "systems.html"):
        opened = open_page(browser_context, site, page)
        assert opened.errors == [] and serious_violations(opened.page, axe_script) == [], page
        opened.page.close()


def test_the_capability_map_says_each_state_in_words_and_colour(browser_context, sites):  # noqa: F811
    opened = open_page(browser_context, sites["sv"], "capabilities.html")
    page = opened.page
    expected = {
        f"niva-{DEPTH - 1}": ("group-common", "Koncerngemensamt system", 1),
        "dubbel": ("duplicated", "Dubblerad", 2),
        "en-gang": ("served-once", "Stöds en gång", 1),
        "ingen": ("not-served", "Stöds inte", 0),  # its only system is retired
    }
    colours = set()
    for capability, (state, words, count) in expected.items():
        box = page.locator(f".cap:has(> .cap-name a[href='capability/{capability}.html'])")
        assert box.get_attribute("class") == f"cap state-{state}"
        said = box.locator("> .cap-state").inner_text()
        assert words in said and f"{count} system i drift" in said, said
        colours.add(box.evaluate("e => getComputedStyle(e).backgroundColor"))
    assert len(colours) == 4
    # nested as deep as the hierarchy goes, the deepest inside all the others
    deepest = page.locator(f"a[href='capability/niva-{DEPTH - 1}.html']")
    assert deepest.evaluate("a => { let n = 0; for (let e = a; e; e = e.parentElement) "
                            "if (e.classList.contains('cap')) n++; return n; }") == DEPTH
    # the legend: a row per colour, each said in words and counted
    legend = page.locator("table.legend-table tbody tr")
    rows = {legend.nth(i).inner_text() for i in range(legend.count())}
    for _, words, _ in expected.values():
        assert any(row.startswith(words) for row in rows), words
    opened.page.close()


def test_the_pages_reflow_to_320_pixels(browser_context, sites):  # noqa: F811
    """WCAG 1.4.10: at 320 CSS pixels nothing but a table or the diagram is wider than the
    screen, with a long name, a name without spaces, or a deep capability map."""
    for page_path in ("index.html", "capabilities.html", "organization/tom.html", "system/lonesystem.html",
                      f"capability/niva-{DEPTH - 1}.html"):
        opened = open_page(browser_context, sites["sv"], page_path)
        page = opened.page
        page.set_viewport_size({"width": 320, "height": 640})
        wider = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('table, figure.diagram, .skip'))
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + '.' + e.className)""")
        assert wider == [], page_path
        page.close()


def test_the_keyboard_alone_finds_a_system(browser_context, sites):  # noqa: F811
    """Tab to the search box, type part of a Swedish word in capitals, Enter; then the arrow
    keys to a result and Enter opens it. The number of results is in a live region."""
    site = sites["sv"]
    opened = open_page(browser_context, site, "index.html")
    page = opened.page
    for _ in range(3):  # the skip link, the group's name, the search box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search":
            break
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("LÖNES")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_selector("#search-results li")
    assert page.evaluate("document.activeElement.id") == "search-query"
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == "1 träff."
    # arriving with the cursor in the field, a screen reader reads the count as its description
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "search-status"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == SYSTEM
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-query"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/system/lonesystem.html")
    assert page.inner_text("h1") == SYSTEM
    assert opened.errors == [] and outside(site, opened.requests) == []
    page.close()


def _luminance(rgb: list[float]) -> float:
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: list[float], second: list[float]) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("page_path", ["index.html", "capabilities.html", "system/lonesystem.html"])
def test_the_focus_is_visible_on_everything_the_keyboard_reaches(browser_context, sites, page_path):  # noqa: F811
    """Each element Tab reaches gets a ring of 2 px at least whose colour stands out 3:1 from
    the background around it (WCAG 2.4.7 and 1.4.11)."""
    opened = open_page(browser_context, sites["sv"], page_path)
    page = opened.page
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        ring = page.evaluate(r"""() => {
            const e = document.activeElement;
            if (e === document.body) return null;
            const style = getComputedStyle(e);
            let around = e.parentElement, background = 'rgba(0, 0, 0, 0)';
            while (around && (background = getComputedStyle(around).backgroundColor) === 'rgba(0, 0, 0, 0)')
                around = around.parentElement;
            if (!around) background = 'rgb(255, 255, 255)';
            const rgb = text => text.match(/[\d.]+/g).slice(0, 3).map(Number);
            return {what: e.tagName + ' ' + e.textContent.slice(0, 30), style: style.outlineStyle,
                    width: parseFloat(style.outlineWidth), colour: rgb(style.outlineColor), background: rgb(background)};
        }""")
        if ring is None:
            break
        seen += 1
        assert ring["style"] == "solid" and ring["width"] >= 2, ring
        assert _contrast(ring["colour"], ring["background"]) >= 3, ring
    assert seen >= 10
    page.close()


@pytest.mark.parametrize(("query", "found"), [
    ("nivå 3", "Nivå 3 <i>&amp;</i>"),  # a capability, by its name with å
    ("NIVA 3", "Nivå 3 <i>&amp;</i>"),  # without the ring, in capitals
    ("en-gang-system", "Ett enda system"),  # by id
    ("älvbol", "Älvbolaget"),  # an organization, by part of its name
    ("alvbol", "Älvbolaget"),
    ("<b>", SYSTEM),  # markup in a name is text to search
])
def test_the_search_finds_by_name_id_and_part_of_a_word(browser_context, sites, query, found):  # noqa: F811
    opened = open_page(browser_context, sites["sv"], "search.html")
    page = opened.page
    page.fill("#search-query", query)
    assert found in page.locator("#search-results li a").all_inner_texts()
    assert page.locator("#search-results b").count() == 0
    page.close()


# -- in the files ---------------------------------------------------------------------------------


def test_the_system_page_has_every_fact_and_what_eacheck_makes_of_it(sites):
    text = text_of(sites["sv"], "system/lonesystem.html")
    for fact in (SYSTEM, 'Beskrivning med "citat" & <tagg>', "Lönechef <ö>",
                 "Kommunledningsförvaltningen & <stab>", "Älvbolaget", "Region Öst",  # owner and users by name
                 "Nivå 8 <i>&amp;</i>", "Dubbel förmåga", "1 mars 2015", "31 januari 2027", "1 234 567 kr",
                 "Åkes Lön AB", "Molnbolaget & Co", "Sverige och Finland", "Personuppgifter", "Nivå 1: måttlig",
                 "12 345", "1: orimlig", "2: orimlig", "Samhällsviktig",
                 "Avveckla",  # the TIME class of low functional and low technical fit
                 "time-eliminate", "contract-ending",  # the reasons it is a decommissioning candidate
                 "Dubblettsystemet",  # depends on it: an active integration (via the platform)
                 "architecture/systems/lon.yaml:1"):
        assert fact in text, fact
    diagram = (sites["sv"] / "system/lonesystem.html").read_text(encoding="utf-8")
    svg = diagram[diagram.index("<svg"):diagram.index("</svg>")]
    assert svg.count('class="flow flow-active"') == 1 and svg.count('class="flow flow-retired"') == 1
    assert "Pensionerat system" in svg and "&lt;b&gt;Lön" in svg and "<b>" not in svg


def test_findings_exceptions_and_dependents_are_on_their_pages(sites):
    site = sites["sv"]
    duplicate = text_of(site, "system/dubblett.html")
    assert "saknar systemägare" in duplicate  # its finding
    assert "undantag-utgatt" in duplicate and "nej, har gått ut" in duplicate  # the expired exception
    platform = text_of(site, "system/plattform.html")
    assert "undantag-i-kraft" in platform and "31 december 2027" in platform
    assert "Inga." in text_of(site, "system/ensamt.html")  # no integrations, no dependents
    retired = text_of(site, "system/pensionerat.html")
    assert "Avvecklad" in retired and "Beroende system" not in retired  # a retired system has none
    nothing = text_of(site, "organization/tom.html")
    assert nothing.count("Inga.") >= 4  # owns, uses, duplicates, candidates: none
    assert "Nytt lönesystem <för> bolagen" in nothing  # but it asked for a procurement
    procurement = text_of(site, "procurement/ny-lon.html")
    assert "0,5" in procurement and "30 juni 2027" in procurement and "För dyrt & för gammalt" in procurement


@pytest.mark.parametrize(("language", "heading", "caption", "repeated"), [
    ("sv", "Avvikelser", "Avvikelser för {name}", "används redan av"),
    ("en", "Findings", "Findings on {name}", "is also used by"),
])
def test_an_organization_and_a_capability_list_their_own_findings(sites, language, heading, caption, repeated):
    """The findings whose subject is the organization or the capability are on its page, as on
    a system's: a table under the heading "Findings", each row saying what is wrong and where."""
    for page, name, file in (("organization/region.html", "Region Öst", "architecture/organizations.yaml"),
                             ("capability/ingen.html", "Förmåga som ingen stöder", "architecture/capabilities.yaml")):
        content = (sites[language] / page).read_text(encoding="utf-8")
        found = content[content.index('<section aria-labelledby="h-findings">'):]
        found = html.unescape(found[:found.index("</section>")])
        assert f'<h2 id="h-findings">{heading}</h2>' in found, page
        assert f"<caption>{caption.format(name=name)}</caption>" in found, page
        assert found.count(repeated) == 2 and found.count(f'class="where">{file}:') == 2, page
    # a page whose subject has none says so
    assert "Inga." in text_of(sites["sv"], "organization/ks.html").split("Avvikelser")[-1]


def test_the_english_site_has_no_swedish_words(sites):
    """Every word the site itself writes is English with --lang en: no Swedish translation of
    any message appears on a page (the repository's own names are Swedish, and may)."""
    from babel.messages.pofile import read_po

    from eacheck.i18n import LOCALE_DIR

    with open(Path(LOCALE_DIR) / "sv" / "LC_MESSAGES" / "eacheck.po", "rb") as catalogue:
        messages = read_po(catalogue)
    swedish = set()
    for message in messages:
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        for translation in translations:
            for part in re.split(r"%\(\w+\)s|\{\w+\}|'", translation or ""):
                part = part.strip(" .,:;()–")
                # a phrase, or a word no English text has (one with å, ä or ö)
                if len(part) >= 10 and part not in english and (" " in part or re.search("[åäöÅÄÖ]", part)):
                    swedish.add(part)
    assert len(swedish) > 500
    site = sites["en"]
    for path in sorted(site.rglob("*.html")):
        content = path.read_text(encoding="utf-8")
        shown = html.unescape(re.sub(r"<[^>]+>", " ", content))
        for data in re.findall(r"data-[a-z]+=\"([^\"]*)\"", content):  # words the search script shows
            shown += " " + html.unescape(data)
        found = sorted(part for part in swedish if part in shown)
        assert found == [], (path.relative_to(site).as_posix(), found[:5])
    assert "1 March 2015" in text_of(site, "system/lonesystem.html")
    assert "Sweden and Finland" in text_of(site, "system/lonesystem.html")


def test_the_same_group_gives_the_same_bytes(group):
    first = api.render_site(group, date(2026, 11, 27))
    assert api.render_site(group, date(2026, 11, 27)) == first


def test_as_of_decides_what_holds(group):
    before = api.render_site(group, date(2026, 1, 15))
    after = api.render_site(group, date(2026, 11, 27))
    held = before["exception/undantag-utgatt.html"].decode("utf-8")
    expired = after["exception/undantag-utgatt.html"].decode("utf-8")
    assert "Gäller: undantaget" in held and "Gick ut den 31 januari 2026" not in held
    assert "Gick ut den 31 januari 2026" in expired
    assert "15 januari 2026" in before["index.html"].decode("utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("href", "src", "action") and value]


def test_nothing_points_at_the_network(group):
    for path, content in api.render_site(group, date(2026, 11, 27)).items():
        if path.endswith(".html"):
            parser = _Links()
            parser.feed(content.decode("utf-8"))
            assert not [link for link in parser.links if re.match(r"^(?:[a-z]+:|//|/)", link)], path


def test_swedish_passages_on_an_english_site_say_they_are_swedish(sites):
    """WCAG 3.1.2: the repository's free text keeps its own language on a site in another one;
    a principle's text given in the site's language needs no mark."""
    english = (sites["en"] / "system/lonesystem.html").read_text(encoding="utf-8")
    assert '<p class="lead"><span lang="sv">Beskrivning med &#34;citat&#34; &amp; &lt;tagg&gt;</span></p>' in english
    reason = (sites["en"] / "exception/undantag-i-kraft.html").read_text(encoding="utf-8")
    assert '<span lang="sv">Flytten tar tid &lt;år&gt;</span>' in reason
    procurement = (sites["en"] / "procurement/ny-lon.html").read_text(encoding="utf-8")
    assert '<span lang="sv">Kortare ledtid</span>' in procurement
    assert '<span lang="sv">För dyrt &amp; för gammalt</span>' in procurement
    principle = (sites["en"] / "principle/clear-ownership.html").read_text(encoding="utf-8")
    assert "<dt>Statement</dt><dd>Every active system" in principle and 'lang="sv"' not in principle
    for page in ("system/lonesystem.html", "exception/undantag-i-kraft.html", "procurement/ny-lon.html"):
        assert "<span lang=" not in (sites["sv"] / page).read_text(encoding="utf-8"), page
