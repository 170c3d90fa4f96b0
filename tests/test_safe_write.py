"""Nothing eacheck writes replaces what is not a regular file, or lands outside the repository.

Every FIFO, link and device here lives in the test's temporary folder. No test names a device of
the machine as a place to write: before the fix, such a test would have replaced that device. A
link to ``os.devnull`` is only ever a link target, and the tests check it is still a device after.
"""

from __future__ import annotations

import os
import stat
import threading

import pytest

from eacheck import safe_write
from eacheck.errors import UsageError

AS_OF = "2026-11-27"


def _read_fifo_in_background(fifo):
    """Start reading ``fifo`` the way `cat fifo` would; returns the thread and what it read."""
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    thread = threading.Thread(target=read, daemon=True)  # daemon: a broken writer must not hang the run
    thread.start()
    return thread, received


def _is_the_device_still(path) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)


# -- the module itself ------------------------------------------------------------------------


def test_a_regular_file_is_replaced_keeping_its_mode(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    safe_write.write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failing_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("last quarter's report", encoding="utf-8")

    def failing_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(safe_write.os, "replace", failing_replace)
    with pytest.raises(OSError):
        safe_write.write(target, "this quarter's report")
    assert target.read_text(encoding="utf-8") == "last quarter's report"
    assert [path.name for path in tmp_path.iterdir()] == ["report.md"]


def test_a_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, received = _read_fifo_in_background(fifo)
    safe_write.write(fifo, "through the pipe")
    thread.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_character_device_is_written_to_not_replaced(tmp_path):
    # A null device of the test's own, made only where the system allows it (root, no device
    # cgroup in the way): the real ones are never touched.
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.stat(os.devnull).st_rdev)
        os.close(os.open(device, os.O_WRONLY))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (needs root)")
    safe_write.write(device, "into nothing")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize("points_at", ["device", "file", "nothing"])
def test_a_link_is_never_replaced_nor_written_through(tmp_path, points_at):
    destination = {"device": os.devnull, "file": str(tmp_path / "elsewhere.txt"), "nothing": str(tmp_path / "gone")}[points_at]
    if points_at == "file":
        (tmp_path / "elsewhere.txt").write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.html"
    os.symlink(destination, link)
    with pytest.raises(UsageError, match="is a symbolic link .*never replaces a link"):
        safe_write.write(link, "report")
    assert os.readlink(link) == destination
    if points_at == "device":
        assert _is_the_device_still(os.devnull)
    if points_at == "file":
        assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep me"
    if points_at == "nothing":
        assert not (tmp_path / "gone").exists()


def test_a_folder_is_refused_naming_what_it_is(tmp_path):
    with pytest.raises(UsageError, match="is a folder, not a file"):
        safe_write.write(tmp_path, "report")


def test_create_never_replaces_anything_a_dangling_link_included(tmp_path):
    link = tmp_path / "new.yaml"
    os.symlink(tmp_path / "target.yaml", link)
    with pytest.raises(FileExistsError):
        safe_write.create(link, "kind: system\n")
    assert not (tmp_path / "target.yaml").exists()


def test_a_write_through_a_linked_folder_out_of_the_root_is_refused(tmp_path):
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    os.symlink(outside, root / "reports")
    with pytest.raises(UsageError, match="leads outside the repository"):
        safe_write.make_folder(root / "reports" / "2026", inside=root)
    with pytest.raises(UsageError, match="leads outside the repository"):
        safe_write.write(root / "reports" / "r.html", "x", inside=root)
    assert list(outside.iterdir()) == []


def test_a_link_that_stays_inside_the_root_is_fine(tmp_path):
    root = tmp_path / "repo"
    (root / "real").mkdir(parents=True)
    os.symlink(root / "real", root / "reports")
    safe_write.write(root / "reports" / "r.html", "x", inside=root)
    assert (root / "real" / "r.html").read_text(encoding="utf-8") == "x"


def test_a_root_that_does_not_exist_yet_is_inside_itself(tmp_path):
    root = tmp_path / "new" / "repo"
    safe_write.make_folder(root / ".github" / "workflows", inside=root)
    safe_write.create(root / ".github" / "workflows" / "ci.yml", "on: push\n", inside=root)
    assert (root / ".github" / "workflows" / "ci.yml").is_file()


# -- every command that writes ----------------------------------------------------------------


def test_report_out_to_a_fifo_writes_into_it(repository, run, tmp_path):
    root = repository()
    fifo = tmp_path / "report-pipe"
    os.mkfifo(fifo)
    thread, received = _read_fifo_in_background(fifo)
    result = run("report", root, "--format", "json", "--out", fifo, "--as-of", AS_OF)
    thread.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b"{")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_report_out_to_a_link_to_a_device_is_refused_and_the_device_stays(repository, run, tmp_path):
    root = repository()
    link = tmp_path / "looks-like-a-file.html"
    os.symlink(os.devnull, link)
    result = run("report", root, "--out", link, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output and "never replaces a link" in result.output
    assert os.readlink(link) == os.devnull
    assert _is_the_device_still(os.devnull)


def test_a_committed_reports_link_out_of_the_repository_is_refused(repository, run, tmp_path):
    root = repository()
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, root / "reports")
    result = run("report", root, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "leads outside the repository" in result.output
    assert list(outside.iterdir()) == []


def test_a_committed_report_file_link_is_not_replaced(repository, run, tmp_path):
    root = repository()
    (root / "reports").mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    os.symlink(victim, root / "reports" / "2026-Q4-shared-use.html")
    result = run("report", root, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output
    assert victim.read_text(encoding="utf-8") == "precious"
    assert os.path.islink(root / "reports" / "2026-Q4-shared-use.html")


def test_graph_out_to_a_link_is_refused(repository, run, tmp_path):
    root = repository()
    link = tmp_path / "graph.mmd"
    os.symlink(os.devnull, link)
    result = run("graph", root, "--out", link)
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output
    assert os.readlink(link) == os.devnull and _is_the_device_still(os.devnull)


def test_graph_out_to_a_fifo_writes_into_it(repository, run, tmp_path):
    root = repository()
    fifo = tmp_path / "graph-pipe"
    os.mkfifo(fifo)
    thread, received = _read_fifo_in_background(fifo)
    result = run("graph", root, "--out", fifo)
    thread.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b"flowchart")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_schema_out_does_not_replace_a_linked_schema_file(run, tmp_path):
    folder = tmp_path / "schemas"
    folder.mkdir()
    victim = tmp_path / "victim.json"
    victim.write_text("{}", encoding="utf-8")
    os.symlink(victim, folder / "system.schema.json")
    result = run("schema", "system", "--out", folder, "--lang", "en")
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output
    assert victim.read_text(encoding="utf-8") == "{}"


def test_init_refuses_a_folder_linked_out_of_the_new_repository(run, tmp_path):
    root, outside = tmp_path / "landskap", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    os.symlink(outside, root / ".github")
    result = run("init", root)
    assert result.exit_code == 2
    assert "leads outside the repository" in result.output
    assert list(outside.iterdir()) == []
    assert not (root / "eacheck.yaml").exists()  # refused before anything was written


def test_new_does_not_write_through_a_linked_owner_folder(repository, run, tmp_path):
    root = repository()
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "architecture" / "systems").mkdir(exist_ok=True)
    os.symlink(outside, root / "architecture" / "systems" / "ks")
    result = run("new", "system", root, "--id", "lonesystem", "--name", "Lönesystem", "--owner", "ks",
                 "--capability", "ekonomi", "--status", "active", "--system-owner", "HR", "--no-input")
    assert result.exit_code == 2
    assert "leads outside the repository" in result.output
    assert list(outside.iterdir()) == []
