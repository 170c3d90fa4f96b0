"""The layers of docs/architecture.md hold, and a crossing fails with a readable message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    if not LINT_IMPORTS.exists():
        pytest.fail("lint-imports is not installed; install the test extra (make test does)")
    return subprocess.run(
        [str(LINT_IMPORTS), str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": ""},
    )


def test_the_layer_contracts_hold():
    result = _lint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        # the model reaching up into the analysis built on it
        ("model/entities.py", "import eacheck.analysis.duplication", "One direction of flow"),
        # the CLI going around the API
        ("cli/check.py", "import eacheck.loading", "The API is the only door the CLI uses"),
        # output opening a repository itself
        ("output/report/charts.py", "import eacheck.loading.sources", "never open a repository"),
    ],
)
def test_a_crossing_breaks_a_contract(tmp_path, module, bad_import, contract):
    shutil.copytree(PROJECT_ROOT / "eacheck", tmp_path / "eacheck",
                    ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "eacheck" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(contract in line for line in broken) or contract in result.stdout.split("Broken contracts")[-1]
    assert bad_import.split()[-1] in result.stdout
