"""`eacheck site`: what it writes, where, and that the same input gives the same bytes.

The browser tests (tests/test_site_browser.py) open the pages; these read the files.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from eacheck import api

AS_OF = "2026-11-27"


def digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def build(run, root: Path, out: Path, *args: str):
    return run("site", root, "--out", out, "--as-of", AS_OF, *args)


@pytest.fixture(scope="module")
def example() -> dict[str, bytes]:
    return api.render_site(PROJECT_ROOT, date(2026, 11, 27))


def text_of(files: dict[str, bytes], path: str) -> str:
    return files[path].decode("utf-8")


# -- the same bytes -----------------------------------------------------------------------------


def test_the_same_repository_gives_byte_identical_sites(run, tmp_path):
    first = build(run, PROJECT_ROOT, tmp_path / "a")
    second = build(run, PROJECT_ROOT, tmp_path / "b")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert len(digest(tmp_path / "a")) > 300


def test_the_date_comes_from_as_of_only(example):
    other = api.render_site(PROJECT_ROOT, date(2026, 12, 1))
    assert "27 november 2026" in text_of(example, "index.html")
    assert "1 december 2026" in text_of(other, "index.html")
    assert not re.search(rb"20\d\d-\d\d-\d\dT\d\d:", b"".join(example.values()))  # no timestamps


# -- what is in it ------------------------------------------------------------------------------


def test_a_page_for_every_entity(example):
    from eacheck.loading import WorkingTree, load

    landscape = load(WorkingTree(PROJECT_ROOT)).landscape
    for folder, collection in (("organization", landscape.organizations), ("capability", landscape.capabilities),
                               ("system", landscape.systems), ("integration", landscape.integrations),
                               ("procurement", landscape.procurements), ("exception", landscape.exceptions),
                               ("principle", landscape.principles)):
        assert collection
        for entity_id in collection:
            assert f"{folder}/{entity_id}.html" in example, (folder, entity_id)
    for pseudo in ("schema", "exception-expired"):
        assert f"principle/{pseudo}.html" in example
    for page in ("index.html", "capabilities.html", "search.html", "systems.html", "organizations.html",
                 "integrations.html", "procurements.html", "exceptions.html", "principles.html"):
        assert page in example


def test_one_stylesheet_one_script_and_its_index(example):
    assets = [path for path in example if not path.endswith(".html")]
    assert sorted(assets) == [".eacheck-site", "search-index.js", "search.js", "style.css"]
    for path, content in example.items():
        if path.endswith(".html"):
            page = content.decode("utf-8")
            scripts = re.findall(r"<script[^>]*>", page)
            assert scripts == ([] if path != "search.html"
                               else ['<script src="search-index.js">', '<script src="search.js">']), path
            assert not re.search(r"(?:src|href|action)=\"(?:https?:)?//", page), path
            assert "<style" not in page and " style=" not in page, path


def test_the_system_page_has_every_fact_from_the_yaml(example):
    page = text_of(example, "system/ekonomisystem.html")
    for fact in ("Ekonomisystem Kassaboken", "Koncernens ekonomisystem för redovisning",
                 "Ekonomichef, kommunstyrelseförvaltningen", "../organization/ksf.html",
                 "../organization/turism-naringsliv.html", "../capability/finance.html",
                 "../capability/supplier-invoices.html", "1 januari 2019", "Privat moln",
                 "Kustlandets IT-förbund", "Personuppgifter", "Nivå 1: måttlig",
                 "3\u00a0200\u00a0000\u00a0kr", "Ekonomisystem Norden AB", "31 december 2029", "1\u00a0450",
                 "3: lämplig", "Kritisk", "Investera", "ekonomisystem.yaml:1"):
        assert fact in page, fact


def test_a_candidate_shows_its_reasons_and_dependents(example):
    page = text_of(example, "system/kh-ekonomisystem.html")
    assert "Avvecklingskandidat" in page
    assert "täcks av koncerngemensamt system" in page and "<code>covered-by-group-common</code>" in page


def test_the_organization_page_has_its_systems_indexes_and_duplicates(example):
    page = text_of(example, "organization/kustlundahem.html")
    assert "../system/kh-ekonomisystem.html" in page  # owns
    assert "Dess dubbleringar" in page and "../capability/finance.html" in page
    assert "Delningsindex" in page


def test_english_on_request(tmp_path, run):
    result = build(run, PROJECT_ROOT, tmp_path / "en", "--lang", "en")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "The application landscape" in page and "27 November 2026" in page
    assert "Systemlandskapet" not in page


def test_the_search_index_folds_swedish_letters(example):
    script = text_of(example, "search-index.js")
    assert script.startswith("window.EACHECK_SEARCH=") and script.isascii()
    entries = json.loads(script.removeprefix("window.EACHECK_SEARCH=").rstrip(";\n"))
    by_id = {entry[1]: entry for entry in entries}
    assert by_id["lonesystem"][2] == "Lön- och personalsystem"
    assert "lon- och personalsystem" in by_id["lonesystem"][3]
    assert by_id["lonesystem"][4] == "system/lonesystem.html"
    assert {entry[0] for entry in entries} == {"system", "organization", "capability"}


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def test_headings_are_in_order_on_every_page(example):
    for path, content in example.items():
        if not path.endswith(".html"):
            continue
        parser = _Headings()
        parser.feed(content.decode("utf-8"))
        levels = parser.levels
        assert levels[0] == 1 and levels.count(1) == 1, path
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), (path, levels)


def test_every_page_is_small(example):
    for path, content in example.items():
        if path.endswith(".html") and path not in ("index.html", "capabilities.html"):
            assert len(content) <= 200_000, path


# -- long lists ---------------------------------------------------------------------------------


def many_systems(count: int) -> dict[str, str]:
    """``count`` active systems owned by ks, serving ekonomi: s000, s001, …"""
    return {
        f"architecture/systems/s{index:03d}.yaml": (
            f"kind: system\nid: s{index:03d}\nname: System {index:03d}\nowner: ks\n"
            f"capabilities: [ekonomi]\nlifecycle: {{status: active}}\n"
        )
        for index in range(count)
    }


def test_long_lists_go_on_pages_of_their_own(repository):
    files = api.render_site(repository(many_systems(230)), date(2026, 11, 27))
    owner = files["organization/ks.html"].decode("utf-8")
    owned = owner[owner.index('id="h-owned"'):owner.index('id="h-used"')]
    assert owned.count('<th scope="row">') == 100
    assert 'href="ks.owned.2.html"' in owner and 'href="ks.owned.3.html"' in owner
    # every list on the page is bounded: the duplicates name a few systems, the candidates page
    assert owner.count('href="../system/s') < 300
    assert "organization/ks.candidates.3.html" in files
    third = files["organization/ks.owned.3.html"].decode("utf-8")
    assert third.count('href="../system/s') == 31  # 231 systems: ekonomisystem and the 230
    assert 'href="ks.html"' in third
    assert "systems.3.html" in files and "systems.4.html" not in files
    assert "capability/ekonomi.serving.3.html" in files


def test_the_pager_links_the_ends_and_the_neighbours_not_every_page():
    """A list of 40 pages: page 20 links to 1, 18–22 and 40, with a gap marked on either side,
    so that a pager does not grow with the list (every page linking every other was quadratic)."""
    from eacheck.output.site.paging import split

    pages = split("systems", list(range(3_950)), "systems.html", "systems")
    assert len(pages) == 40
    middle = pages[19].pager()
    assert [entry and entry[0] for entry in middle] == [1, None, 18, 19, 20, 21, 22, None, 40]
    assert middle[0] == (1, "systems.html") and middle[-1] == (40, "systems.40.html")
    assert [entry and entry[0] for entry in pages[0].pager()] == [1, 2, 3, None, 40]
    assert [entry and entry[0] for entry in pages[3].pager()] == [1, 2, 3, 4, 5, 6, None, 40]
    assert [entry and entry[0] for entry in pages[-1].pager()] == [1, None, 38, 39, 40]
    assert split("systems", [1], "systems.html", "systems")[0].pager() == [(1, "systems.html")]


def test_an_entitys_long_list_of_findings_goes_on_pages_of_its_own(repository):
    """A finding (or more) per document that repeats an id: 150 of them on one organization, and
    as many on a system, continue on numbered pages like every other list."""
    again = {
        "architecture/zz-again.yaml": "\n---\n".join(
            [f"kind: organization\nid: ks\nname: Igen {index}\ntype: administration" for index in range(150)]
            + [f"kind: system\nid: ekonomisystem\nname: Igen {index}\nowner: ks" for index in range(150)]) + "\n",
    }
    files = api.render_site(repository(again), date(2026, 11, 27))
    for page, stem in (("organization/ks.html", "ks"), ("system/ekonomisystem.html", "ekonomisystem")):
        content = text_of(files, page)
        found = content[content.index('id="h-findings"'):]
        found = found[:found.index("</section>")]
        assert found.count('<td class="where">') == 100, page
        assert f'href="{stem}.findings.2.html"' in found, page
        folder = page.split("/")[0]
        # the first definition's finding, the 150 repeats' and (for the system) what the checks found
        total = int(re.search(r"Rad 1–100 av (\d+)\.", found).group(1))
        assert total >= 151
        pages = -(-total // 100)
        last = text_of(files, f"{folder}/{stem}.findings.{pages}.html")
        assert last.count('<td class="where">') == total - 100 * (pages - 1), page
        assert f'href="{stem}.html"' in last
        assert f"{folder}/{stem}.findings.{pages + 1}.html" not in files


# -- where it is written ------------------------------------------------------------------------


def test_the_default_folder_is_site_under_the_repository(repository, run):
    root = repository()
    result = run("site", root, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert (root / "site" / "index.html").is_file()
    assert str(root / "site") in result.output


def test_a_rebuild_replaces_the_site_and_leaves_no_stale_page(repository, run, tmp_path):
    root = repository({"architecture/systems/gammalt.yaml": (
        "kind: system\nid: gammalt\nname: Gammalt\nowner: ks\ncapabilities: [ekonomi]\n"
        "lifecycle: {status: retired}\n")})
    out = tmp_path / "public"
    assert build(run, root, out).exit_code == 0
    assert (out / "system" / "gammalt.html").is_file()
    (root / "architecture/systems/gammalt.yaml").unlink()
    assert build(run, root, out).exit_code == 0
    assert not (out / "system" / "gammalt.html").exists()
    assert (out / "system" / "ekonomisystem.html").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["public", "repo"]  # nothing left beside it


def test_a_folder_eacheck_did_not_write_is_refused_untouched(repository, run, tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "handbok.md").write_text("Egen text\n", encoding="utf-8")
    result = build(run, repository(), out)
    assert result.exit_code == 2
    assert "docs" in result.output and "--out" in result.output
    assert [path.name for path in out.iterdir()] == ["handbok.md"]


def test_an_empty_folder_is_used(repository, run, tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    assert build(run, repository(), out).exit_code == 0
    assert (out / "index.html").is_file() and (out / ".eacheck-site").is_file()


def test_a_file_in_the_way_is_a_usage_error(repository, run, tmp_path):
    out = tmp_path / "site"
    out.write_text("not a folder\n", encoding="utf-8")
    result = build(run, repository(), out)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "mapp" in result.output
    assert out.read_text(encoding="utf-8") == "not a folder\n"


def test_a_symbolic_link_is_refused(repository, run, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    result = build(run, repository(), link)
    assert result.exit_code == 2
    assert link.is_symlink() and list(real.iterdir()) == []


def test_a_missing_parent_folder_is_a_usage_error(repository, run, tmp_path):
    result = build(run, repository(), tmp_path / "no" / "such" / "site")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "no").exists()


def test_a_repository_that_is_not_one_is_a_usage_error(run, tmp_path):
    result = run("site", tmp_path, "--out", tmp_path / "site")
    assert result.exit_code == 2
    assert not (tmp_path / "site").exists()


def test_a_failed_build_leaves_the_old_site(repository, run, tmp_path, monkeypatch):
    root = repository()
    out = tmp_path / "public"
    assert build(run, root, out).exit_code == 0
    before = digest(out)

    from eacheck.output.site import writing

    real_create = writing.create
    written = []

    def broken(folder, relative, content):
        if len(written) == 3:  # a few pages are in the new folder when the disk fills
            raise OSError(28, "No space left on device")
        written.append(relative)
        real_create(folder, relative, content)

    monkeypatch.setattr(writing, "create", broken)
    result = build(run, root, out, "--lang", "en")
    assert result.exit_code == 2 and "the disk is full" in result.output  # ENOSPC, in the catalogue's words
    assert digest(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["public", "repo"]


def test_nothing_is_written_outside_the_target():
    from eacheck.output.site.writing import _inside

    assert _inside("system/a.html") and _inside("index.html")
    for path in ("../x.html", "/etc/x", "system/../../x", "", "a\\b"):
        assert not _inside(path), path


# -- the repository's text is escaped -------------------------------------------------------------


def test_text_from_the_yaml_is_escaped_in_every_file(repository):
    hostile = '<script>alert(1)</script>"\'&'
    root = repository({
        "eacheck.yaml": f"name: {json.dumps(hostile)}\n",
        "architecture/systems/elak.yaml": (
            f"kind: system\nid: elak\nname: {json.dumps(hostile)}\ndescription: {json.dumps(hostile)}\n"
            f"owner: ks\nsystem_owner: {json.dumps(hostile)}\ncapabilities: [ekonomi]\n"
            "lifecycle: {status: active}\n"),
    })
    files = api.render_site(root, date(2026, 11, 27))
    for path, content in files.items():
        assert b"<script>alert" not in content, path
    system = files["system/elak.html"].decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;" in system
    index = files["search-index.js"].decode("utf-8")
    assert "\\u003cscript>" in index


def test_control_characters_from_the_files_are_shown_as_escapes(repository):
    """As in the report: ESC, BEL, a bidirectional override or a line separator in a name, a
    description, a principle's text or a file's name reaches no page and no index raw."""
    evil = "Ond\\e]0;pwned\\x07\\e[2J\\u202eekonomi\\u2028"
    root = repository({
        "eacheck.yaml": f'name: "Koncern{evil}"\n',
        "architecture/evil.yaml": f'kind: system\nid: ond\nname: "{evil}"\ndescription: "{evil}"\nowner: ks\n'
                                  f'system_owner: "{evil}"\ncapabilities: [ekonomi]\nlifecycle: {{status: active}}\n'
                                  f'---\nkind: organization\nid: ond-org\nname: "{evil}"\ntype: company\n',
        "architecture/ond\x1b[31m.yaml": f'kind: capability\nid: ond-formaga\nname: "{evil}"\nparent: ekonomi\n',
        "principles/egen.yaml": f'kind: principle\nid: egen\ntitle: "Egen{evil}"\nstatement: "s{evil}"\n'
                                "rationale: r\nimplications: i\ncheck: clear-ownership\n",
    })
    files = api.render_site(root, date(2026, 11, 27))
    assert "principle/egen.html" in files and "capability/ond-formaga.html" in files
    for path, content in files.items():
        text = content.decode("utf-8")
        for character in ("\x1b", "\x07", "\u202e", "\u2028"):
            assert character not in text, (path, character)
    system = files["system/ond.html"].decode("utf-8")
    assert "Ond\\x1b]0;pwned\\x07\\x1b[2J\\u202eekonomi" in system
    assert "ond\\x1b[31m.yaml" in files["capability/ond-formaga.html"].decode("utf-8")
    assert "Ond\\\\x1b]0;pwned" in files["search-index.js"].decode("utf-8")


def test_the_site_command_is_documented():
    cli_doc = (PROJECT_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "eacheck site" in cli_doc
    assert (PROJECT_ROOT / "docs" / "site.md").is_file()


def test_the_dependents_of_all_systems_at_once_agree_with_one_at_a_time():
    from eacheck.analysis.decommissioning import all_dependents, dependents
    from eacheck.loading import WorkingTree, load

    landscape = load(WorkingTree(PROJECT_ROOT)).landscape
    every = all_dependents(landscape)
    assert every  # the example has integrations
    for system_id in landscape.systems:
        assert every.get(system_id, ()) == dependents(landscape, system_id), system_id


def test_a_large_site_rendered_by_two_processes_is_the_same(repository, monkeypatch):
    """The parallel path (forked workers, for large sites) gives the bytes of the serial one."""
    from eacheck.analysis.report_data import report_data
    from eacheck.output import site

    systems = {
        f"architecture/systems/s{index:04d}.yaml": (
            f"kind: system\nid: s{index:04d}\nname: System {index:04d}\nowner: ks\nused_by: [bostad]\n"
            f"capabilities: [ekonomi]\nlifecycle: {{status: active}}\n"
        )
        for index in range(300)
    }
    repository_path = repository(systems)
    now = api.figures(api.open_repository(repository_path), date(2026, 11, 27))
    report = report_data(now, language="sv")
    monkeypatch.setattr(site, "PARALLEL_THRESHOLD", 10)
    serial = site.render(now, report, "sv", jobs=1)
    parallel = site.render(now, report, "sv", jobs=2)
    assert len(serial) > 300 and parallel == serial


def _large(repository):
    return repository(many_systems(60))


def test_a_large_site_built_by_two_processes_has_the_files_of_the_rendered_one(repository, tmp_path,
                                                                              monkeypatch):
    """Each process writes the pages it renders; the folder holds exactly the bytes that
    render_site gives, and a second build replaces the first as a whole."""
    from eacheck.output import site

    root = _large(repository)
    monkeypatch.setattr(site, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(site.writing, "PARALLEL_THRESHOLD", 10)  # the old site removed by two
    expected = {path: hashlib.sha256(content).hexdigest()
                for path, content in api.render_site(root, date(2026, 11, 27)).items()}
    for _ in range(2):
        target = api.write_site(root, tmp_path / "site", date(2026, 11, 27))
        assert digest(target) == expected
    assert sorted(path.name for path in tmp_path.iterdir()) == ["repo", "site"]


def test_a_failing_worker_process_fails_the_build_and_leaves_the_old_site(repository, tmp_path, monkeypatch):
    """A page the forked worker cannot write (here: every page of the worker's share) fails the
    whole build; the old site stays and the new folder is gone."""
    import os

    from eacheck.errors import UsageError
    from eacheck.output import site

    root = _large(repository)
    monkeypatch.setattr(site, "PARALLEL_THRESHOLD", 10)
    target = api.write_site(root, tmp_path / "site", date(2026, 11, 27))
    before = digest(target)
    parent = os.getpid()
    real_create = site.writing.create

    def broken_in_the_worker(folder, relative, content):
        if os.getpid() != parent:
            raise OSError(5, "Input/output error")
        real_create(folder, relative, content)

    monkeypatch.setattr(site.writing, "create", broken_in_the_worker)
    with pytest.raises(UsageError, match="går inte att skriva webbplatsen"):
        api.write_site(root, tmp_path / "site", date(2026, 11, 27), language="en")
    assert digest(target) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["repo", "site"]


class _Readable(HTMLParser):
    """What a reader of a page meets: its text and the attributes shown or read aloud."""

    SHOWN = {"title", "alt", "aria-label", "placeholder", "content"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            # data-* hold the texts the search script shows
            if value and (name in self.SHOWN or name.startswith("data-") and " " in value):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_speaks_the_language_of_the_run(language):
    """SPEC §6 for the site: every page's text, labels and the search's messages, in one
    language (names and texts from the YAML apart)."""
    from language import assert_speaks, yaml_strings

    files = api.render_site(PROJECT_ROOT, date(2026, 11, 27), language=language)
    pages = [path for path in files if path.endswith(".html")]
    assert len(pages) > 300
    said: set[str] = set()  # the same navigation and headings stand on every page: once is enough
    for path in pages:
        reader = _Readable()
        reader.feed(files[path].decode("utf-8"))
        said.update(part.strip() for part in reader.parts)
    # A long name from the files is cut to fit a diagram's box ("Ärende- och dokumenthantering…").
    names = yaml_strings(PROJECT_ROOT, language)
    said = {part for part in said
            if not (part.endswith("…") and any(name.startswith(part[:-1]) for name in names))}
    assert_speaks("\n".join(sorted(said)), language, PROJECT_ROOT)


def test_a_flow_from_a_system_to_itself_is_drawn(repository):
    root = repository({"architecture/integrations.yaml": """\
        kind: integration
        id: inom-ekonomi
        from: ekonomisystem
        to: ekonomisystem
        method: database
        """})
    page = api.render_site(root, date(2026, 11, 27))["system/ekonomisystem.html"].decode("utf-8")
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert svg.count('<line class="flow flow-active"') == 1 and "Databas" in svg


def test_a_principle_written_in_swedish_only_says_so_on_an_english_site(repository):
    """WCAG 3.1.2: its title keeps lang="sv" wherever the English site shows it; a principle
    with an English title needs no mark, nor does the Swedish site."""
    root = repository({
        "principles/egen.yaml": "kind: principle\nid: egen\ntitle: Egen ägarprincip\nstatement: s\n"
                                "rationale: r\nimplications: i\ncheck: clear-ownership\n",
        "principles/bada.yaml": "kind: principle\nid: bada\ntitle: {sv: Båda språken, en: Both languages}\n"
                                "statement: s\nrationale: r\nimplications: i\ncheck: lifecycle\n",
        "architecture/systems/utan.yaml": "kind: system\nid: utan\nname: Utan ägare\nowner: ks\n"
                                          "capabilities: [ekonomi]\nlifecycle: {status: active}\n",
    })
    english = api.render_site(root, date(2026, 11, 27), language="en")
    page = english["principle/egen.html"].decode("utf-8")
    assert '<h1 lang="sv">Egen ägarprincip</h1>' in page
    assert '<a href="principle/egen.html" lang="sv">Egen ägarprincip</a>' in english["principles.html"].decode("utf-8")
    start = english["index.html"].decode("utf-8")
    assert '<h3 lang="sv">Egen ägarprincip</h3>' in start  # its finding: utan has no system owner
    assert "<h1>Both languages</h1>" in english["principle/bada.html"].decode("utf-8")
    swedish = api.render_site(root, date(2026, 11, 27))
    assert "<h1>Egen ägarprincip</h1>" in swedish["principle/egen.html"].decode("utf-8")
    assert 'lang="sv">Egen' not in swedish["principles.html"].decode("utf-8")


def test_the_rows_at_the_root_are_the_rows_rendered_there(repository, monkeypatch):
    """helpers.RowsAtTheRoot makes the root's rows from those one folder down: for every row a
    build asks for, in the example and with text that spells out a link, the same markup as
    rendering the row at the root."""
    from eacheck import i18n
    from eacheck.output import site
    from eacheck.output.site.helpers import Rows, RowsAtTheRoot

    hostile = 'x href="../y" <a href="../z">'
    hostile_root = repository({
        "architecture/systems/elak.yaml": (
            f"kind: system\nid: elak\nname: {json.dumps(hostile)}\nowner: ks\ncapabilities: [ekonomi]\n"
            "lifecycle: {status: active}\n"),
        "architecture/integrations/elak.yaml": (
            f"kind: integration\nid: elak-flode\nname: {json.dumps(hostile)}\nsource: elak\n"
            "target: elak\nstatus: active\n"),
    })
    builds, asked = [], []
    prepare, row_at_root = site._prepare, RowsAtTheRoot.__call__
    monkeypatch.setattr(site, "_prepare", lambda *arguments: builds.append(prepare(*arguments)) or builds[-1])
    monkeypatch.setattr(RowsAtTheRoot, "__call__",
                        lambda self, item, kind: asked.append((builds[-1], item, kind)) or row_at_root(self, item, kind))
    for root in (PROJECT_ROOT, hostile_root):
        api.render_site(root, date(2026, 11, 27))
    assert {kind for _, _, kind in asked} >= {"system", "integration", "procurement", "exception"}
    monkeypatch.undo()
    fresh = {}
    for build, item, kind in asked:
        rows = fresh.setdefault(id(build), Rows(build.envs[""]))
        with i18n.using(build.language):
            assert build.envs[""].filters["row"](item, kind) == rows(item, kind), (kind, item)


def test_the_templates_escape_as_markupsafe_does():
    """The site's templates call templating._escape (markup passes as it is); for every kind of
    value it gives what markupsafe.escape gives."""
    from markupsafe import Markup, escape

    from eacheck.output.site import templating
    from eacheck.output.site.helpers import Links

    class Html:
        def __html__(self):
            return "<b>x</b>"

    class Tagged(Markup):
        pass

    env = templating.environment("sv", Links(None, ""))
    template = env.from_string("{{ value }}")
    for value in ['<a href="x">&\'', Markup("<i>ok</i>"), Tagged("<u>t</u>"), 42, 1.5, None, Html(), "", "åäö"]:
        assert templating._escape(value) == escape(value), value
        assert template.render(value=value) == str(escape(value)), value
    assert template.root_render_func.__globals__["escape"] is templating._escape
