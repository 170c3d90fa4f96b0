"""The languages eacheck writes files in, and which one a repository uses."""

from __future__ import annotations

from pathlib import Path

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


def repository_language(root: str | Path) -> str:
    """The ``language`` set in ``root``'s eacheck.yaml; sv (the default) without a valid one."""
    from eacheck.loading import yaml_parser

    try:
        text = yaml_parser.decode((Path(root) / "eacheck.yaml").read_bytes())
    except (OSError, ValueError):
        return DEFAULT_LANGUAGE
    documents = yaml_parser.parse(text).documents
    value = documents[0].value if documents else None
    language = value.get("language") if isinstance(value, dict) else None
    return language if language in LANGUAGES else DEFAULT_LANGUAGE
