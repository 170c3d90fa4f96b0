"""Findings as JUnit XML, the test report GitLab, Jenkins and most CI servers display.

Each principle in force is a test suite, so a principle with nothing to report shows as one
passing test. Each finding is a test case named after its subject and place. Only the findings
that make `eacheck check` fail (see ``FindingsResult.failing``: at or above --fail-on and, with
--baseline, new) are failures; the others pass but carry their message in ``system-out``, so
warnings and old debt stay visible without turning the pipeline red.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from eacheck.checks.engine import EXCEPTION_EXPIRED, EXCEPTION_TOO_LONG
from eacheck.findings import SCHEMA, Finding, FindingsResult
from eacheck.i18n import N_, _
from eacheck.model.naming import the
from eacheck.output.findings import words
from eacheck.safe_text import xml_text

# The name of the one passing test case of a principle with nothing to report.
NOTHING_TO_REPORT = N_("no findings")


def render(result: FindingsResult, **context) -> str:
    # By identity: with a baseline, two equal findings can differ in being new.
    failing = {id(finding) for finding in result.failing}
    by_principle: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_principle[finding.principle].append(finding)
    # Principles in force appear even when clean; the built-in rules on the files and the
    # exceptions always run.
    suites = sorted({*result.principles, SCHEMA, EXCEPTION_EXPIRED, EXCEPTION_TOO_LONG, *by_principle})

    root = ET.Element("testsuites", name="eacheck")
    total_tests = total_failures = 0
    for principle_id in suites:
        findings = by_principle.get(principle_id, [])
        suite = ET.SubElement(root, "testsuite", name=principle_id)
        failures = 0
        if findings:
            names: set[str] = set()
            for finding in findings:
                failed = id(finding) in failing
                failures += failed
                _testcase(suite, finding, failed, _unique_name(finding, names), result)
        else:
            ET.SubElement(suite, "testcase", classname=principle_id, name=_(NOTHING_TO_REPORT), time="0")
        tests = max(len(findings), 1)
        _counts(suite, tests, failures)
        title = _title(result, principle_id)
        if title:
            properties = ET.Element("properties")
            ET.SubElement(properties, "property", name="title", value=_clean(title))
            suite.insert(0, properties)
        total_tests += tests
        total_failures += failures
    _counts(root, total_tests, total_failures)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _counts(element: ET.Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")
    element.set("time", "0")


def _unique_name(finding: Finding, taken: set[str]) -> str:
    """``subject (file:line)``; GitLab keeps only the first of two test cases with one name."""
    base = f"{finding.subject} ({finding.file}:{finding.line})"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base} #{number}"
    taken.add(name)
    return name


def _testcase(suite: ET.Element, finding: Finding, failed: bool, name: str, result: FindingsResult) -> None:
    case = ET.SubElement(
        suite, "testcase", classname=finding.principle, name=_clean(name), file=_clean(finding.file), time="0"
    )
    text = _clean(_details(finding, result))
    if failed:
        failure = ET.SubElement(case, "failure", message=_clean(finding.text), type=str(finding.severity))
        failure.text = text
    else:
        ET.SubElement(case, "system-out").text = text


def _details(finding: Finding, result: FindingsResult) -> str:
    lines = [
        f"{words.severity(finding.severity)} [{finding.principle}] {finding.text}",
        _("at {place}").format(place=f"{finding.file}:{finding.line}:{finding.column}"),
        _("subject: {subject}").format(subject=the(finding.kind, finding.subject)),
    ]
    if result.baseline is not None:
        lines.append(words.baseline_state(bool(finding.new), result.baseline))
    title = _title(result, finding.principle)
    if title:
        lines.append(_("principle: {title}").format(title=title))
    return "\n".join(lines)


def _title(result: FindingsResult, principle_id: str) -> str | None:
    return words.principle_title(result.principles.get(principle_id))


def _clean(text: str) -> str:
    return xml_text(text)  # a YAML string can hold characters XML 1.0 cannot carry
