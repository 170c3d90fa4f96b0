"""Shared helpers: tiny repositories written into a temporary folder, and the CLI runner."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from eacheck.cli import main

PROJECT_ROOT = Path(__file__).resolve().parent.parent

BASE_LANDSCAPE = {
    "architecture/organizations.yaml": """\
        kind: organization
        id: ks
        name: Kommunstyrelseförvaltningen
        type: administration
        ---
        kind: organization
        id: stadshus
        name: Stadshus AB
        type: holding
        ---
        kind: organization
        id: bostad
        name: Bostadsbolaget AB
        type: company
        parent: stadshus
        """,
    "architecture/capabilities.yaml": """\
        kind: capability
        id: ekonomi
        name: Ekonomi
        """,
    "architecture/systems/ekonomi.yaml": """\
        kind: system
        id: ekonomisystem
        name: Ekonomisystem
        owner: ks
        system_owner: Ekonomichef
        used_by: [bostad]
        capabilities: [ekonomi]
        group_common: true
        lifecycle: {status: active}
        hosting: {model: on-premises}
        """,
}


def write_repository(root: Path, files: dict[str, str | bytes], base: bool = True) -> Path:
    """Write ``files`` (path -> YAML text, dedented, or raw bytes) under ``root``."""
    everything = {**(BASE_LANDSCAPE if base else {}), **files}
    (root / "architecture").mkdir(parents=True, exist_ok=True)
    for relative, content in everything.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def repository(tmp_path):
    def make(files: dict[str, str | bytes] | None = None, base: bool = True) -> Path:
        return write_repository(tmp_path / "repo", files or {}, base)

    return make


@pytest.fixture
def run():
    """Run the CLI in-process; returns the click Result. A traceback is always a failure."""

    def invoke(*args: str):
        result = CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"crashed: {result.exception!r}\n{result.output}") from result.exception
        assert "Traceback" not in result.output
        return result

    return invoke


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the developer's own cache of checked files."""
    import os

    previous = os.environ.get("EACHECK_CACHE_DIR")
    os.environ["EACHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("eacheck-cache"))
    yield
    if previous is None:
        os.environ.pop("EACHECK_CACHE_DIR", None)
    else:
        os.environ["EACHECK_CACHE_DIR"] = previous
