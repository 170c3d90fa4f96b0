"""Reporters for findings, chosen by name. Each is ``render(result, **context) -> str``."""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


def render(format_name: str, result, **context) -> str:
    if format_name not in FORMATS:
        raise KeyError(f"unknown findings format '{format_name}'; use one of {', '.join(FORMATS)}")
    return import_module(f"eacheck.output.findings.{format_name}_format").render(result, **context)
