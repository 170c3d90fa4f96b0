"""The installed program ends without tearing the interpreter down (`cli._leave`): what it
printed must still all arrive, and its exit code must be the command's."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import PROJECT_ROOT


def program(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eacheck", *args], capture_output=True, timeout=120, **options)


def test_all_of_a_long_output_arrives_through_a_pipe_with_the_commands_exit_code():
    done = program("check", str(PROJECT_ROOT), "--as-of", "2026-11-27", "--format", "json", "--lang", "en")
    assert done.returncode == 1  # the example group has findings
    findings = json.loads(done.stdout.decode("utf-8"))["findings"]
    assert len(findings) > 5 and all("principle" in finding for finding in findings)


def test_a_usage_error_and_success_keep_their_codes_and_messages(tmp_path):
    missing = program("check", str(tmp_path / "missing"), "--lang", "en")
    assert missing.returncode == 2 and b"no such folder" in missing.stderr
    version = program("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"eacheck, version")


def test_output_written_to_a_file_is_complete(tmp_path):
    out = tmp_path / "out.sarif"
    with out.open("wb") as file:
        done = subprocess.run([sys.executable, "-m", "eacheck", "check", str(PROJECT_ROOT), "--as-of", "2026-11-27",
                               "--format", "sarif"], stdout=file, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 1
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_a_reader_that_goes_away_early_gets_no_traceback():
    process = subprocess.Popen([sys.executable, "-m", "eacheck", "check", str(PROJECT_ROOT), "--as-of", "2026-11-27",
                                "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()
    _, errors = process.communicate(timeout=120)
    assert b"Traceback" not in errors
