"""Installing eacheck: one distribution name everywhere, the current licence metadata, and a
`make run` that installs only what running needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import pytest
from conftest import PROJECT_ROOT

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DISTRIBUTION = PYPROJECT["project"]["name"]

# `pip install NAME`, `pipx install NAME`, `python -m pip install "NAME==1.0"`: the first
# argument that is not an option.
_INSTALL = re.compile(r"""\bpipx? install\s+(?:-{1,2}[\w-]+\s+)*["']?([^\s"'`,;]+)""")
_OTHER_PACKAGES = {"pre-commit"}


def _install_lines() -> list[tuple[str, str]]:
    """(file, package spec) of every install line a newcomer or a pipeline copies."""
    files = [
        PROJECT_ROOT / "README.md",
        *sorted((PROJECT_ROOT / "docs").glob("*.md")),
        *sorted((PROJECT_ROOT / "docs" / "ci").iterdir()),
        PROJECT_ROOT / ".pre-commit-hooks.yaml",
        *sorted(path for path in (PROJECT_ROOT / "eacheck" / "defaults" / "init").rglob("*") if path.is_file()),
    ]
    found = []
    for path in files:
        for match in _INSTALL.finditer(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(PROJECT_ROOT)), match.group(1)))
    return found


def test_the_distribution_is_not_the_unrelated_eacheck_on_pypi():
    assert DISTRIBUTION == "eacheck-kommun"
    assert PYPROJECT["project"]["scripts"] == {"eacheck": "eacheck.cli:run"}  # the command stays


def test_every_install_line_installs_this_distribution():
    lines = _install_lines()
    assert len(lines) >= 8  # README, guides, CI files and the files init writes
    wrong = []
    for file, spec in lines:
        name = re.split(r"[=<>\[]", spec, maxsplit=1)[0]
        if name in _OTHER_PACKAGES or name in (".", "-e") or name.startswith("git+"):
            continue
        if name != DISTRIBUTION:
            wrong.append((file, spec))
    assert wrong == []


def test_the_licence_is_an_spdx_expression_with_a_setuptools_that_reads_it():
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"
    [setuptools] = [r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    minimum = tuple(int(part) for part in setuptools.split(">=")[1].split("."))
    assert minimum >= (77,)  # the first setuptools that reads PEP 639 license strings


def _make_dry_run(target: str, tmp_path) -> str:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    completed = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", target, f"VENV={tmp_path / 'fresh-venv'}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_make_run_installs_only_what_running_needs(tmp_path):
    commands = _make_dry_run("run", tmp_path)
    installs = [line for line in commands.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all(line.rstrip().endswith("-e .") for line in installs), installs
    assert "[test]" not in commands
    assert "eacheck report" in commands


def test_make_test_installs_the_test_extra(tmp_path):
    commands = _make_dry_run("test", tmp_path)
    assert "-e '.[test]'" in commands
    assert "pytest" in commands
