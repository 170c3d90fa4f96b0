"""`eacheck report --history` (SPEC §8, issue #14): the indexes at every quarterly git tag, each
as of the last day of its quarter, plus now, against the targets.

The main case: the example group over four quarters in a real git repository, one shared system
more each quarter. Each point of the history must equal the report made from that tag's files
(checked out separately) as of the quarter's last day.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tarfile
from datetime import date
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from eacheck import api
from eacheck.analysis import history
from gitrepo import GitRepository

AS_OF = "2027-02-10"  # 2027-Q1: the four tags name the quarters of 2026
UNSHARED = {  # file -> its used_by line, taken away in 2026-Q1 and given back one a quarter
    "architecture/systems/tff/felanmalan.yaml": "used_by: [lokaler-parkering]\n",
    "architecture/systems/lokaler-parkering/parkeringssystem.yaml": "used_by: [tff]\n",
    "architecture/systems/buf/larplattform.yaml": "used_by: [avf]\n",
}


def _set_used_by(repo: GitRepository, restored: int) -> None:
    """The first ``restored`` files of UNSHARED with their used_by line (after `owner:`), the
    others without."""
    for index, (relative, line) in enumerate(UNSHARED.items()):
        path = repo.root / relative
        text = path.read_text(encoding="utf-8").replace(line, "")
        if index < restored:
            text = re.sub(r"(?m)^(owner: .*\n)", lambda match: match[1] + line, text, count=1)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def quarters(tmp_path_factory) -> GitRepository:
    repo = GitRepository(tmp_path_factory.mktemp("history") / "kustlunda")
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, repo.root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", repo.root / "eacheck.yaml")
    for restored, quarter in enumerate(("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")):
        _set_used_by(repo, restored)
        repo.commit(f"Läget {quarter}")
        repo.git("tag", f"report-{quarter}")
    _set_used_by(repo, 3)  # now: all three shared again, not yet committed
    return repo


def files_at(repo: GitRepository, tag: str, target: Path) -> Path:
    """The tree of ``tag`` written to ``target``, as a checkout would have it."""
    archive = subprocess.run(["git", "-C", str(repo.root), "archive", "--format=tar", tag],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def test_four_quarters_plus_now_each_equal_to_the_report_made_at_its_tag(quarters, tmp_path):
    report = api.report(quarters.root, date.fromisoformat(AS_OF), history="report-*")
    points = report["history"]
    assert [p["quarter"] for p in points] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]
    assert [p["tag"] for p in points] == ["report-2026-Q1", "report-2026-Q2", "report-2026-Q3", "report-2026-Q4", None]
    assert [p["as_of"] for p in points] == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", AS_OF]
    assert [p["current"] for p in points] == [False, False, False, False, True]
    for point in points[:-1]:
        at_tag = api.report(files_at(quarters, point["tag"], tmp_path / point["tag"]),
                            date.fromisoformat(point["as_of"]))
        shared_use = at_tag["shared_use"]
        assert point["missing"] is None
        assert point["indexes"] == {"shared_use_index": shared_use["index"], "spend_index": shared_use["spend_index"],
                                    "cross_boundary_index": shared_use["cross_boundary_index"]}
        assert (point["active_systems"], point["shared_systems"]) == (shared_use["active_systems"],
                                                                     shared_use["shared_systems"])
        assert point["alternative_cost"] == at_tag["duplication_total"]["alternative_cost"]
        assert point["completeness"] == at_tag["completeness"]["share"]
    # Now is the report's own figures.
    assert points[-1]["indexes"]["shared_use_index"] == report["shared_use"]["index"]
    # The data really moved: one shared system more each quarter, then none.
    shared = [p["shared_systems"] for p in points]
    assert shared == [shared[0], shared[0] + 1, shared[0] + 2, shared[0] + 3, shared[0] + 3]
    # The targets are the ones set now (eacheck.yaml), for each quarter.
    assert points[3]["targets"]["shared_use_index"] == 0.5 and points[0]["targets"]["shared_use_index"] is None


def test_the_quarters_read_side_by_side_give_the_same_history(quarters, monkeypatch):
    """One process per core reads the tags; the history is the same as one process reading
    them all, byte for byte."""
    monkeypatch.setenv("EACHECK_JOBS", "1")
    alone = api.report(quarters.root, date.fromisoformat(AS_OF), history="report-*")
    monkeypatch.setenv("EACHECK_JOBS", "2")
    side_by_side = api.report(quarters.root, date.fromisoformat(AS_OF), history="report-*")
    assert json.dumps(side_by_side["history"]) == json.dumps(alone["history"])
    assert len(alone["history"]) == 5


def test_every_format_shows_the_trend(quarters, run):
    args = ("report", quarters.root, "--as-of", AS_OF, "--history", "--out", "-")
    markdown = run(*args, "--format", "md").stdout
    section = markdown.split("## Indexen kvartal för kvartal")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| kvartal")]
    assert len(rows) == 5 and "| report-2026-Q3 |" in rows[2] and "filerna som de är nu" in rows[4]
    assert "| 50\u00a0% |" in rows[3]  # the target of 2026-Q4
    html = run(*args, "--format", "html").stdout
    trend = html.split('<section id="history"')[1].split("</section>")[0]
    assert trend.count("<svg") == 3 and trend.count('<polyline class="trend"') == 3
    assert trend.count('class="trend-point"') == 3 * 4 and trend.count('class="trend-now"') == 3
    assert 'class="target-mark"' in trend and "<table>" in trend
    document = json.loads(run(*args, "--format", "json").stdout)
    assert [p["quarter"] for p in document["history"]] == sorted(p["quarter"] for p in document["history"])
    assert document["history_skipped"] == []


def test_without_history_nothing_is_read_from_the_tags(quarters, run):
    text = run("report", quarters.root, "--as-of", AS_OF, "--format", "md", "--out", "-").stdout
    assert "kvartal för kvartal" not in text


@pytest.fixture
def small(tmp_path, repository) -> GitRepository:
    root = repository({"eacheck.yaml": "targets:\n  shared_use_index: {2026-Q2: 0.9}\n"})
    return GitRepository(root)


def test_a_tag_that_does_not_load_is_a_missing_quarter_with_its_reason(small, run):
    small.commit("Q1")
    small.git("tag", "report-2026-Q1")
    small.write({"architecture/systems/trasig.yaml": "kind: system\nid: trasig\nname: [oavslutad\n"})
    small.commit("Q2, med en trasig fil")
    small.git("tag", "report-2026-Q2")
    small.write({"architecture/systems/trasig.yaml": None})
    small.commit("Q3")
    small.git("tag", "report-2026-Q3")
    result = run("report", small.root, "--as-of", "2026-11-27", "--history", "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)["history"]
    assert [p["quarter"] for p in points] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    missing = points[1]
    assert missing["indexes"] is None and "architecture/systems/trasig.yaml" in missing["missing"]
    assert missing["targets"]["shared_use_index"] == 0.9  # its target is still shown
    assert all(p["missing"] is None for p in points if p is not missing)
    markdown = run("report", small.root, "--as-of", "2026-11-27", "--history", "--format", "md", "--out", "-").stdout
    assert "trasig.yaml" in markdown  # the reason, in the table


def test_tags_that_name_no_quarter_the_same_quarter_or_a_later_one(small, run):
    small.commit("första")
    for tag in ("report-2026-Q1", "report-2026-Q1-rattad", "report-utkast", "report-2026-Q4", "report-2027-Q1"):
        small.git("tag", tag)
    small.git("tag", "annat-2026-Q2")  # does not match the pattern at all
    result = run("report", small.root, "--as-of", "2026-11-27", "--history", "--format", "json", "--out", "-")
    document = json.loads(result.stdout)
    assert [(p["quarter"], p["tag"]) for p in document["history"]] == [
        ("2026-Q1", "report-2026-Q1-rattad"), ("2026-Q4", None)]
    assert document["history_skipped"] == [
        {"tag": "report-2026-Q1", "reason": "superseded", "quarter": "2026-Q1", "instead": "report-2026-Q1-rattad"},
        {"tag": "report-2026-Q4", "reason": "not-before-as-of", "quarter": "2026-Q4", "instead": None},
        {"tag": "report-2027-Q1", "reason": "not-before-as-of", "quarter": "2027-Q1", "instead": None},
        {"tag": "report-utkast", "reason": "no-quarter", "quarter": None, "instead": None},
    ]
    notes = result.stderr
    assert "report-utkast" in notes and "anger inget kvartal" in notes
    assert "report-2026-Q1-rattad" in notes
    # A pattern of one's own.
    other = json.loads(run("report", small.root, "--as-of", "2026-11-27", "--history", "annat-*",
                           "--format", "json", "--out", "-").stdout)
    assert [p["tag"] for p in other["history"]] == ["annat-2026-Q2", None]


def test_two_tags_on_one_commit_are_two_quarters_with_the_same_files(small):
    small.commit("oförändrat")
    small.git("tag", "report-2026-Q2")
    small.git("tag", "report-2026-Q3")
    points = api.report(small.root, date(2026, 11, 27), history="report-*")["history"]
    assert [p["quarter"] for p in points] == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert points[0]["commit"] == points[1]["commit"]
    assert points[0]["indexes"] == points[1]["indexes"] and points[0]["as_of"] != points[1]["as_of"]


def test_an_annotated_tag_counts_as_its_commit(small):
    """`git tag -a`, as docs/report.md tells the group to tag a quarter: the tag object is
    peeled to the commit it annotates."""
    small.commit("första")
    commit = small.git("rev-parse", "HEAD").strip()
    small.git("tag", "-a", "report-2026-Q2", "-m", "Kvartalsrapport 2026-Q2")
    [point, now] = api.report(small.root, date(2026, 11, 27), history="report-*")["history"]
    assert point["tag"] == "report-2026-Q2" and point["commit"] == commit and point["missing"] is None
    assert point["indexes"] == now["indexes"]


def test_no_tags_gives_now_alone_and_says_so(small, run):
    small.commit("första")
    result = run("report", small.root, "--as-of", "2026-11-27", "--history", "--format", "json", "--out", "-")
    assert [p["current"] for p in json.loads(result.stdout)["history"]] == [True]
    assert "ingen tagg" in result.stderr


def test_history_outside_git_exits_2(repository, run):
    result = run("report", repository(), "--history", "--out", "-")
    assert result.exit_code == 2
    assert "git" in result.output


def test_a_tag_of_a_tree_is_a_missing_quarter(small):
    small.commit("första")
    tree = small.git("rev-parse", "HEAD^{tree}").strip()
    small.git("tag", "report-2026-Q1", tree)
    [missing, now] = api.report(small.root, date(2026, 11, 27), history="report-*")["history"]
    assert missing["commit"] is None and "report-2026-Q1" in missing["missing"]
    assert now["current"]


@pytest.mark.parametrize(("tag", "quarter"), [
    ("report-2026-Q3", "2026-Q3"), ("rapport-2026q1", "2026-Q1"), ("report-2026Q4-final", "2026-Q4"),
    ("report-2026-Q5", None), ("report-12026-Q1", None), ("report-2026", None), ("v1.2.3", None),
])
def test_the_quarter_a_tag_names(tag, quarter):
    assert history.quarter_named(tag) == quarter


@pytest.mark.parametrize(("quarter", "last_day"), [
    ("2026-Q1", date(2026, 3, 31)), ("2026-Q2", date(2026, 6, 30)), ("2026-Q3", date(2026, 9, 30)),
    ("2026-Q4", date(2026, 12, 31)), ("2028-Q1", date(2028, 3, 31)),
])
def test_each_quarter_is_read_as_of_its_last_day(quarter, last_day):
    assert history.quarter_end(quarter) == last_day


def test_the_quarters_read_what_they_share_once(small, monkeypatch):
    """Tags share most of their files: inside one history each blob is read from git once, and
    a file several tags hold alike is checked once (the cache is off here, so only sharing
    within the run can save the work) — and the points are what separate loads give."""
    from eacheck.loading import file_checks, sources

    small.commit("Q1")
    small.git("tag", "report-2026-Q1")
    small.write({"architecture/capabilities-extra.yaml": "kind: capability\nid: extra\nname: Extra\n"})
    small.commit("Q2")
    small.git("tag", "report-2026-Q2")
    monkeypatch.setenv("EACHECK_CACHE_DIR", "off")
    monkeypatch.setenv("EACHECK_JOBS", "1")  # one process, so that the counts below see every read
    separately = [api.report(small.root, history.quarter_end(q), compare_to=f"report-{q}")["movement"]["indexes"]
                  for q in ("2026-Q1", "2026-Q2")]

    blobs_read, files_checked = [], []
    git = sources.GitRevision._git

    def counting_git(self, *args, **kwargs):
        if args[:1] == ("cat-file",):
            blobs_read.extend(kwargs["data"].split())
        return git(self, *args, **kwargs)

    check_file = file_checks.check_file
    monkeypatch.setattr(sources.GitRevision, "_git", counting_git)
    monkeypatch.setattr("eacheck.loading.pipeline.check_file",
                        lambda path, *rest: files_checked.append(path) or check_file(path, *rest))
    points = api.report(small.root, date(2026, 11, 27), history="report-*")["history"]
    assert len(blobs_read) == len(set(blobs_read))  # no blob twice
    assert files_checked.count("architecture/organizations.yaml") == 2  # the working tree, and the tags once
    for point, alone in zip(points, separately):
        assert point["indexes"] == {metric: change["then"] for metric, change in alone.items()}
