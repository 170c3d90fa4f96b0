"""The cache of checked files and the worker processes never change a result."""

from __future__ import annotations

import importlib.util
import json
from datetime import date

import pytest

from conftest import PROJECT_ROOT
from eacheck import api
from eacheck.loading import pipeline

AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("generate", PROJECT_ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    root = tmp_path_factory.mktemp("synthetic") / "group"
    generate.generate(root, systems=600, seed=7)
    return root


def _outcome(root) -> str:
    result = api.check(root, as_of=AS_OF)
    findings = [(f.to_json(), f.column, f.code) for f in result.findings]
    return json.dumps([findings, result.summary()], sort_keys=True)


def test_same_findings_with_and_without_cache_and_workers(synthetic, monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 50)
    monkeypatch.setenv("EACHECK_CACHE_DIR", "off")
    monkeypatch.setenv("EACHECK_JOBS", "1")
    serial = _outcome(synthetic)
    assert json.loads(serial)[0], "the synthetic group must have findings for this test to mean anything"

    monkeypatch.setenv("EACHECK_JOBS", "2")
    assert _outcome(synthetic) == serial

    monkeypatch.setenv("EACHECK_CACHE_DIR", str(tmp_path / "cache"))
    assert _outcome(synthetic) == serial  # cold: fills the cache
    assert list((tmp_path / "cache").iterdir())
    monkeypatch.setenv("EACHECK_JOBS", "1")
    assert _outcome(synthetic) == serial  # warm: every file from the cache


def test_a_changed_file_is_checked_again(repository, monkeypatch, tmp_path):
    monkeypatch.setenv("EACHECK_CACHE_DIR", str(tmp_path / "cache"))
    root = repository()
    assert api.validate(root).findings == []
    system = root / "architecture" / "systems" / "ekonomi.yaml"
    system.write_text(system.read_text().replace("system_owner:", "system_ownr:"))
    messages = [f.message.render("en") for f in api.validate(root).findings]
    assert any("unknown key 'system_ownr'" in message for message in messages)


def test_an_unusable_cache_folder_does_not_fail_the_run(repository, monkeypatch, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("EACHECK_CACHE_DIR", str(blocked / "cache"))
    assert api.validate(repository()).findings == []


def test_a_corrupt_cache_is_ignored(repository, monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EACHECK_CACHE_DIR", str(cache))
    root = repository()
    api.validate(root)
    for entry in cache.iterdir():
        entry.write_bytes(b"\x00garbage")
    assert api.validate(root).findings == []
