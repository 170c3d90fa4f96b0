"""`eacheck site --history`: the start page shows the indexes quarter by quarter, read from the
report-* tags exactly as `eacheck report --history` reads them (one implementation: the
report's figures and its chart geometry), and the page still passes axe-core."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import BASE_LANDSCAPE
from eacheck import api
from eacheck.i18n import formats
from gitrepo import GitRepository
from test_report_browser import browser_context  # noqa: F401  (the shared browser)
from test_site_browser import axe_script, open_page, outside, serious_violations  # noqa: F401

AS_OF = "2026-11-27"
SECOND = """\
    kind: system
    id: hr
    name: HR-systemet
    owner: ks
    system_owner: HR-chef
    capabilities: [ekonomi]
    lifecycle: {status: active}
    hosting: {model: on-premises}
    """


@pytest.fixture(scope="module")
def tagged(tmp_path_factory) -> GitRepository:
    """Two quarters in git: HR-systemet used by one organization, then shared; now the same."""
    repo = GitRepository(tmp_path_factory.mktemp("site-history") / "koncern")
    repo.write({**BASE_LANDSCAPE, "architecture/systems/hr.yaml": SECOND,
                "eacheck.yaml": "name: Koncernen\ntargets:\n  shared_use_index: {2026-Q3: 0.75, 2027-Q1: 1.0}\n"})
    repo.commit("Läget 2026-Q2")
    repo.git("tag", "report-2026-Q2")
    repo.write({"architecture/systems/hr.yaml": SECOND.rstrip() + "\n    used_by: [bostad]\n"})
    repo.commit("Läget 2026-Q3")
    repo.git("tag", "report-2026-Q3")
    return repo


def test_the_start_page_shows_each_quarter_as_the_report_does(tagged, run, tmp_path):
    result = run("site", tagged.root, "--history", "--out", tmp_path / "site", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="h-history"' in page
    report = api.report(tagged.root, date(2026, 11, 27), history="report-*")
    points = report["history"]
    assert [point["tag"] for point in points] == ["report-2026-Q2", "report-2026-Q3", None]
    assert [point["indexes"]["shared_use_index"] for point in points] == [0.5, 1.0, 1.0]
    table = page[page.index('id="h-history"'):page.index('id="h-counts"')]
    for point in points:
        assert formats.percent(point["indexes"]["shared_use_index"], "sv") in table
    assert "<code>report-2026-Q2</code>" in table and "<code>report-2026-Q3</code>" in table
    assert table.count("<polyline") == 3  # one line per index, each over the three quarters
    assert table.count('class="target-mark"') == 1  # the only target on a tagged quarter: 2026-Q3


def test_without_history_the_start_page_has_no_trend(tagged):
    files = api.render_site(tagged.root, date(2026, 11, 27))
    assert b'id="h-history"' not in files["index.html"]


def test_the_start_page_with_its_trend_passes_axe(browser_context, tagged, axe_script, run, tmp_path):  # noqa: F811
    site = tmp_path / "site"
    assert run("site", tagged.root, "--history", "--out", site, "--as-of", AS_OF).exit_code == 0
    opened = open_page(browser_context, site, "index.html")
    try:
        assert opened.errors == [] and outside(site, opened.requests) == []
        assert opened.page.locator("#h-history ~ .cards svg polyline").count() == 3
        assert serious_violations(opened.page, axe_script) == []
    finally:
        opened.page.close()


def test_with_no_tag_yet_there_is_no_trend_to_show(repository):
    root = repository()
    GitRepository(root).commit("Början")
    files = api.render_site(root, date(2026, 11, 27), history="report-*")
    assert b'id="h-history"' not in files["index.html"]
