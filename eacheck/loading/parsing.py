"""Turn source files into parsed documents: decoding, YAML parsing, file-level problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from eacheck.loading import yaml_parser
from eacheck.loading.sources import SourceFile
from eacheck.loading.yaml_parser import YamlDocument, YamlProblem

__all__ = ["ParsedFile", "parse_file", "parse_files"]


@dataclass(slots=True)
class ParsedFile:
    path: str
    text: str | None
    documents: list[YamlDocument] = field(default_factory=list)
    problems: list[YamlProblem] = field(default_factory=list)


def parse_file(source: SourceFile) -> ParsedFile:
    try:
        text = yaml_parser.decode(source.data)
    except ValueError as error:
        line, column, message = error.args
        return ParsedFile(source.path, None, problems=[YamlProblem(line, column, message)])
    parsed = yaml_parser.parse(text)
    return ParsedFile(source.path, text, parsed.documents, parsed.problems)


def parse_files(files: Iterable[SourceFile]) -> list[ParsedFile]:
    return [parse_file(source) for source in files]
