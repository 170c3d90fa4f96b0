"""Findings as SARIF 2.1.0, the format GitHub code scanning (and many other tools) read.

One run; one rule per principle in force plus the built-in ones (`schema`,
`exception-expired`, `exception-too-long`), so the rule list only changes when the principles do. Each result
carries ``partialFingerprints`` computed from what is wrong (principle, kind, subject, problem)
rather than from the line, so code scanning keeps tracking an alert when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from urllib.parse import quote

from eacheck import __version__
from eacheck.checks.engine import EXCEPTION_EXPIRED, EXCEPTION_TOO_LONG
from eacheck.findings import PRINCIPLES_IN_FORCE, SCHEMA, Finding, FindingsResult, Severity
from eacheck.i18n import N_, _, current_language
from eacheck.model.entities import Principle, localized
from eacheck.output.markdown import markdown_escape, markdown_lines

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# eacheck's name on PyPI; https://pypi.org/project/eacheck/ is an unrelated package.
INFORMATION_URI = "https://pypi.org/project/eacheck-kommun/"
SOURCE_ROOT = "%SRCROOT%"
# GitHub cuts rule names at 255 characters and descriptions at 1024.
_NAME_LIMIT = 255
_DESCRIPTION_LIMIT = 1024

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# GitHub's `problem.severity` decides, with `precision`, which alerts it shows by default.
_PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}

# The rules of the principles every run has; their texts are translated when written.
_BUILT_IN_RULES = {
    SCHEMA: {
        "title": N_("Files follow the eacheck format"),
        "statement": N_(
            "Every file parses as YAML, every document has a known kind and the keys its kind "
            "allows, ids are unique and every reference names an entity of the right kind."
        ),
        "rationale": N_(
            "A typo must not silently drop a fact: an unknown key or a dangling reference would "
            "otherwise make the landscape, and every check over it, quietly wrong."
        ),
        "implications": N_(
            "- Fix the file at the line given; the message says what is expected.\n"
            "- See docs/format.md for every kind and key."
        ),
        "severity": Severity.ERROR,
    },
    EXCEPTION_EXPIRED: {
        "title": N_("Exceptions expire"),
        "statement": N_("An exception waives a principle for one subject only until the day it expires."),
        "rationale": N_(
            "No exception is forever: a waiver that outlives its decision hides debt that the "
            "group has not agreed to carry."
        ),
        "implications": N_(
            "- Fix what the exception waived, renew it with a new decision and a new "
            "`expires` date, or delete it."
        ),
        "severity": Severity.WARNING,
    },
    EXCEPTION_TOO_LONG: {
        "title": N_("Exceptions are time-limited"),
        "statement": N_(
            "An exception expires no further ahead than the group allows (max_exception_months in "
            "eacheck.yaml, 36 months unless set)."
        ),
        "rationale": N_(
            "A waiver that runs for decades is a principle switched off without saying so; a "
            "decision that must be renewed is a decision that is looked at again."
        ),
        "implications": N_(
            "- Decide the exception again with an earlier `expires` date, or raise "
            "max_exception_months if the group has decided to allow longer exceptions."
        ),
        "severity": Severity.ERROR,
    },
}


# Rules listed only when a finding needs them: the principles themselves are weakened, or none
# is in force (eacheck.checks.principle_changes).
_RULES_WHEN_FOUND = {
    PRINCIPLES_IN_FORCE: {
        "title": N_("The principles in force are not weakened unnoticed"),
        "statement": N_(
            "A change that removes, disables, lowers or rebinds a principle in force is reported, "
            "and a principles/ folder that puts no principle in force is warned about."
        ),
        "rationale": N_(
            "The gate is only as strong as the principles behind it: emptying principles/ or "
            "switching a principle off would otherwise let every later change pass."
        ),
        "implications": N_(
            "- Changing the principles is a decision of the group: the reviewers of principles/ "
            "approve it, or the change is undone."
        ),
        "severity": Severity.WARNING,
    },
}


def render(result: FindingsResult, **context) -> str:
    rules = _rules(result)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    occurrences: Counter[str] = Counter()
    results = []
    for finding in result.findings:
        digest = fingerprint_digest(finding)
        occurrences[digest] += 1
        results.append(_result(finding, index[finding.principle], digest, occurrences[digest], result))
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "eacheck",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                # The root is the architecture repository; where it is checked out differs per
                # machine, so it is left for the consumer (GitHub: the repository root).
                "originalUriBaseIds": {
                    SOURCE_ROOT: {
                        "description": {"text": _("The root of the architecture repository.")}
                    }
                },
                # The language of every text for people in the log (RFC 5646); ids, rule ids
                # and fingerprints are the same in every language.
                "language": current_language(),
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def fingerprint_digest(finding: Finding) -> str:
    """A hash of what is wrong, never of where: the same problem keeps the same digest."""
    return hashlib.sha256("\0".join(finding.fingerprint).encode("utf-8")).hexdigest()


# -- rules ---------------------------------------------------------------------------------------


def _rules(result: FindingsResult) -> list[dict]:
    descriptions: dict[str, dict] = {}
    for principle in result.principles.values():
        descriptions[principle.id] = _principle_texts(principle)
    for rule_id, texts in _BUILT_IN_RULES.items():
        descriptions[rule_id] = {
            key: _(value) if isinstance(value, str) else value for key, value in texts.items()
        } | {"own": True}
    # A finding of a principle that did not run (cannot happen today) still needs a rule.
    for finding in result.findings:
        if finding.principle in _RULES_WHEN_FOUND:
            texts = _RULES_WHEN_FOUND[finding.principle]
            descriptions.setdefault(finding.principle, {
                key: _(value) if isinstance(value, str) else value for key, value in texts.items()
            } | {"own": True})
        descriptions.setdefault(finding.principle, _unknown_texts(finding))
    return [_rule(rule_id, descriptions[rule_id]) for rule_id in sorted(descriptions)]


def _principle_texts(principle: Principle) -> dict:
    language = current_language()
    return {
        "title": localized(principle.title, language),
        "statement": localized(principle.statement, language),
        "rationale": localized(principle.rationale, language),
        "implications": localized(principle.implications, language),
        "severity": Severity.parse(principle.severity),
    }


def _unknown_texts(finding: Finding) -> dict:
    return {
        "title": finding.principle,
        "statement": finding.principle,
        "rationale": "",
        "implications": "",
        "severity": finding.severity,
    }


def _rule(rule_id: str, texts: dict) -> dict:
    title = texts["title"].strip() or rule_id
    statement = texts["statement"].strip() or title
    rationale = texts["rationale"].strip()
    implications = texts["implications"].strip()
    help_text = "\n\n".join(part for part in (statement, rationale, implications) if part)
    # GitHub renders help.markdown: a principle's text comes from the repository and is shown
    # as written, never as markup, raw HTML or a link a pull request slipped in. The built-in
    # rules' texts are eacheck's own Markdown.
    own = texts.get("own", False)
    shown, block = (str, str) if own else (markdown_escape, markdown_lines)
    markdown = [f"**{shown(title)}**", block(statement)]
    if rationale:
        markdown += ["## " + _("Rationale"), block(rationale)]
    if implications:
        markdown += ["## " + _("Implications"), block(implications)]
    severity = texts["severity"]
    return {
        "id": rule_id,
        "name": _limit(_pascal_case(rule_id), _NAME_LIMIT),
        "shortDescription": {"text": _limit(title, _DESCRIPTION_LIMIT)},
        "fullDescription": {"text": _limit(statement, _DESCRIPTION_LIMIT)},
        "help": {"text": help_text, "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": _LEVELS[severity]},
        "properties": {
            "tags": ["architecture-principle"],
            # The checks are exact rules over declared facts, not heuristics.
            "precision": "very-high",
            "problem.severity": _PROBLEM_SEVERITY[severity],
        },
    }


def _pascal_case(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.split("-") if part)


def _limit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- results -------------------------------------------------------------------------------------


def _result(finding: Finding, rule_index: int, digest: str, occurrence: int, result: FindingsResult) -> dict:
    entry: dict = {
        "ruleId": finding.principle,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.text},
    }
    location = _location(finding)
    if location is not None:
        entry["locations"] = [location]
    entry["partialFingerprints"] = {
        # GitHub reads only this key; it is meant to stay put when unrelated lines move, which a
        # hash of the problem does better than a hash of the line. The suffix tells identical
        # problems on the same subject apart, as GitHub's own values do.
        "primaryLocationLineHash": f"{digest[:16]}:{occurrence}",
        "eacheck/v1": f"{digest}:{occurrence}",
    }
    if result.baseline is not None:
        entry["baselineState"] = "new" if finding.new else "unchanged"
    entry["properties"] = {"subject": finding.subject, "subjectKind": finding.kind}
    return entry


def _location(finding: Finding) -> dict | None:
    # Findings in the principles eacheck ships (`<eacheck defaults>/...`) have no file in the
    # repository to point at.
    if finding.file.startswith("<"):
        return None
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(finding.file, safe="/"), "uriBaseId": SOURCE_ROOT},
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                # No end column: the region runs to the end of the line.
                "endLine": finding.line,
            },
        }
    }
