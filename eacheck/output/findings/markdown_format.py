"""The pull-request comment (SPEC §8): `eacheck check --baseline REV --format markdown`.

In the language of the run, for people who review the change:

1. a one-line verdict with the counts;
2. the findings the change introduces (principle, subject, message, a link to the line) and
   those it fixes;
3. what it does to the group's figures — the three indexes, the total alternative cost and data
   completeness before and after, duplicated capabilities and decommissioning candidates that
   came or went — or a plain "no effect" when nothing moved.

The figures come in with the result (``result.figures``, computed by the API with the report's
own code); nothing here opens a repository. Every value from the repository is escaped
(:mod:`eacheck.output.markdown`) and cut to a readable length, long lists end with a count of
the rest, and the whole comment stays within :data:`BUDGET` characters (GitHub refuses a
comment over 65,536) whatever the size of the landscape. The first line is a hidden marker the
CI templates find the previous comment by, to update it instead of adding one per push.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from eacheck import __version__
from eacheck.errors import UsageError
from eacheck.findings import Finding, FindingsResult
from eacheck.i18n import _, current_language, formats, msg, ngettext, shorten
from eacheck.output.markdown import markdown_escape
from eacheck.output.report.labels import METRICS, REASONS, SEVERITIES

MARKER = "<!-- eacheck:pull-request-comment -->"
# GitHub's limit on a comment is 65,536 characters; leave room for what a pipeline adds.
BUDGET = 60_000
# Rows a list shows before "and N more": tried in this order until the comment fits.
ROWS = (50, 20, 10, 5, 2, 0)
# How much of one value (a name, an id, a message) a row shows.
VALUE_LENGTH = 200
MESSAGE_LENGTH = 600

# What GitHub and GitLab turn into a link or a notification in a comment after Markdown has
# been read: @person and @org/team (notified), #12 (linked, and the issue gets a back-reference;
# on GitLab also !12 for a merge request, $12, ~12, %12 and &12), and the bare web and e-mail
# addresses of the autolink extensions. A zero-width space after the first character breaks
# each of them and changes nothing a reader sees.
_GITHUB_REFERENCE = re.compile(r"(?i)(@)(?=[a-z0-9])|([#!$~%&])(?=[0-9])|(:)(?=//)|(www)(?=\.)")
_ZERO_WIDTH_SPACE = "&#8203;"

# No white space, quotes, brackets or backslash (they would end the link), and no "|", which
# ends a table cell before Markdown reads the link at all.
_SAFE_URL = re.compile(r"^https?://[^\s()<>\"'`\\|\x00-\x1f\x7f]+$")


def escape(value) -> str:
    """Text from the repository as literal Markdown (:func:`markdown_escape`) that mentions
    nobody and links nowhere on GitHub: the comment is posted by the pipeline's own account, so a
    system named "@security-team" or "https://evil.example" must not ping or link."""
    return _GITHUB_REFERENCE.sub(lambda match: match[0] + _ZERO_WIDTH_SPACE, markdown_escape(value))


def render(result: FindingsResult, link_base: str | None = None, **context) -> str:
    base = checked_link_base(link_base)
    for rows in ROWS:
        text = _comment(result, base, rows)
        if len(text) <= BUDGET:
            return text
    # Only values of absurd size get here (the fixed parts are bounded): cut at a line.
    notice = "\n\n" + escape(_("The comment was cut to fit; `eacheck check` shows everything.")) + "\n"
    cut = text[: BUDGET - len(notice)]
    return cut[: cut.rfind("\n") + 1 or len(cut)] + notice


def checked_link_base(link_base: str | None) -> str | None:
    """The web address findings link under, without a trailing slash; a usage error unless it
    is a plain http(s) address (it goes into every link of the comment)."""
    if not link_base:
        return None
    if not _SAFE_URL.match(link_base):
        raise UsageError(msg(
            "--link-base must be an http:// or https:// address without spaces, quotes or "
            "brackets, such as https://github.com/OWNER/REPO/blob/COMMIT"
        ))
    return link_base.rstrip("/")


def _comment(result: FindingsResult, base: str | None, rows: int) -> str:
    parts = [MARKER, "### eacheck", "", _verdict(result), ""]
    new = [finding for finding in result.findings if finding.new] if result.baseline else result.findings
    # What blocks the change first (a stable sort: by file and line within each group).
    new = sorted(new, key=lambda finding: finding.severity < result.fail_on)
    heading = _("Findings this change introduces") if result.baseline else _("Findings")
    parts += _findings_section(heading, new, base, rows)
    if result.baseline:
        parts += _findings_section(_("Findings this change fixes"), result.fixed, None, rows)
        if result.waived_here:  # not fixed: still there, waived by a decision the change records
            parts += _findings_section(_("Findings this change waives by an exception"), result.waived_here, None, rows)
    if result.figures is not None:
        parts += _figures_section(result.figures, rows)
    parts.append(_footer(result))
    return "\n".join(parts) + "\n"


def _verdict(result: FindingsResult) -> str:
    failing = len(result.failing)
    summary = result.summary()
    total = summary["error"] + summary["warning"] + summary["info"]
    if result.exit_code:
        if result.baseline:
            sentence = ngettext("{n} new finding fails the check.", "{n} new findings fail the check.", failing)
        else:
            sentence = ngettext("{n} finding fails the check.", "{n} findings fail the check.", failing)
        label = escape(_("Blocked"))
        verdict = f"❌ **{label}:** {escape(sentence.format(n=_number(failing)))}"
    else:
        sentence = _("Nothing new fails the check.") if result.baseline else _("Nothing fails the check.")
        label = escape(_("Passes"))
        verdict = f"✅ **{label}:** {escape(sentence)}"
    if result.baseline:
        counts = _("New: {new}; fixed: {fixed}; in the repository: {total}; waived by exceptions: {waived}.").format(
            new=_number(sum(1 for finding in result.findings if finding.new)), fixed=_number(len(result.fixed)),
            total=_number(total), waived=_number(summary["waived"]))
    else:
        counts = _("In the repository: {total}; waived by exceptions: {waived}.").format(
            total=_number(total), waived=_number(summary["waived"]))
    return f"{verdict} {escape(counts)}"


def _findings_section(heading: str, findings: list[Finding], base: str | None, rows: int) -> list[str]:
    lines = [f"#### {escape(heading)} ({_number(len(findings))})", ""]
    if not findings:
        return lines + [escape(_("None.")), ""]
    shown = findings[:rows]
    if shown:
        lines += [
            "| " + " | ".join(escape(text) for text in (_("Severity"), _("Principle"), _("Subject"),
                                                       _("Message"), _("Where"))) + " |",
            "|---|---|---|---|---|",
        ]
        lines += [_finding_row(finding, base) for finding in shown]
        lines.append("")
    lines += _the_rest(len(findings) - len(shown))
    return lines


def _finding_row(finding: Finding, base: str | None) -> str:
    where = escape(f"{shorten(finding.file, VALUE_LENGTH)}:{finding.line}")
    if base is not None:
        where = f"[{where}]({base}/{quote(finding.file, safe='/')}#L{finding.line})"
    cells = (
        escape(_(SEVERITIES[str(finding.severity)])),
        escape(shorten(finding.principle, VALUE_LENGTH)),
        escape(shorten(finding.subject, VALUE_LENGTH)),
        escape(shorten(finding.text, MESSAGE_LENGTH)),
        where,
    )
    return "| " + " | ".join(cells) + " |"


def _the_rest(count: int) -> list[str]:
    if count <= 0:
        return []
    return [escape(ngettext("… and {n} more; `eacheck check` lists every one.",
                            "… and {n} more; `eacheck check` lists every one.", count).format(n=_number(count))), ""]


def _figures_section(figures: dict, rows: int) -> list[str]:
    heading = escape(_("What it does to the group's figures"))
    lines = [f"#### {heading}", ""]
    if not figures["changed"]:
        return lines + [escape(_("No effect on the figures.")), ""]  # SPEC §8's words
    language, currency = current_language(), figures["currency"]
    lines += [
        "| " + " | ".join(escape(text) for text in (_("Figure"), _("Before"), _("After"), _("Change"))) + " |",
        "|---|---:|---:|---:|",
    ]
    for metric, label in METRICS.items():
        lines.append(_share_row(_(label), figures["indexes"][metric], language))
    cost = figures["alternative_cost"]
    lines.append("| " + " | ".join((
        escape(_("Alternative cost (each system once)")),
        escape(_money(cost["then"], currency)), escape(_money(cost["now"], currency)),
        escape(formats.money(cost["delta"], language, currency, signed=True) if cost["delta"] is not None else "–"),
    )) + " |")
    lines.append(_share_row(_("Data completeness"), figures["completeness"], language))
    lines.append("")
    lines += _duplication_lines(figures, rows)
    lines += _candidate_lines(figures, rows)
    return lines


def _share_row(label: str, change: dict, language: str) -> str:
    def share(value):
        # One decimal, as the change in points has: "30 % → 30 %, -0.5 points" would read as a
        # change that did not happen.
        return "–" if value is None else formats.percent(value, language, decimals=1)

    delta = "–" if change["delta"] is None else _("{value} percentage points").format(
        value=formats.points(change["delta"], language))
    return "| " + " | ".join(escape(text) for text in (label, share(change["then"]), share(change["now"]), delta)) + " |"


def _duplication_lines(figures: dict, rows: int) -> list[str]:
    changes = figures["duplication"]
    if not changes:
        return []
    names = figures["names"]
    heading = escape(_("Duplicated capabilities"))
    lines = [f"**{heading}** ({_number(len(changes))})", ""]
    shown = changes[:rows]
    if shown:
        lines += [
            "| " + " | ".join(escape(text) for text in (_("Capability"), _("Change"), _("Systems added"),
                                                       _("Systems removed"), _("Kept"), _("Alternative cost"))) + " |",
            "|---|---|---|---|---|---:|",
        ]
        for entry in shown:
            if entry["then"] is None:
                what = _("newly duplicated")
            elif entry["now"] is None:
                what = _("no longer duplicated")
            else:
                what = _("changed")
            side = entry["now"] or entry["then"]
            before = entry["then"]["alternative_cost"] if entry["then"] else 0
            after = entry["now"]["alternative_cost"] if entry["now"] else 0
            lines.append("| " + " | ".join((
                escape(_name(names["capabilities"], entry["capability"])),
                escape(what),
                escape(_names(names["systems"], entry["systems_added"])),
                escape(_names(names["systems"], entry["systems_removed"])),
                escape(_name(names["systems"], side["kept"])),
                escape(f"{_money(before, figures['currency'])} → {_money(after, figures['currency'])}"),
            )) + " |")
        lines.append("")
    return lines + _the_rest(len(changes) - len(shown))


def _candidate_lines(figures: dict, rows: int) -> list[str]:
    candidates = figures["decommission_candidates"]
    changes = [(entry, _("new candidate")) for entry in candidates["added"]]
    changes += [(entry, _("no longer a candidate")) for entry in candidates["removed"]]
    if not changes:
        return []
    names = figures["names"]["systems"]
    heading = escape(_("Decommissioning candidates"))
    lines = [f"**{heading}** ({_number(len(changes))})", ""]
    shown = changes[:rows]
    if shown:
        lines += [
            "| " + " | ".join(escape(text) for text in (_("System"), _("Change"), _("Reasons"))) + " |",
            "|---|---|---|",
        ]
        for entry, what in shown:
            reasons = "; ".join(_(REASONS[reason]) for reason in entry["reasons"] if reason in REASONS)
            lines.append("| " + " | ".join(escape(text) for text in (_name(names, entry["system"]), what, reasons)) + " |")
        lines.append("")
    return lines + _the_rest(len(changes) - len(shown))


def _footer(result: FindingsResult) -> str:
    day = formats.long_date(result.as_of, current_language())
    if result.baseline:
        text = _("eacheck {version}, as of {date}, compared with {baseline}.").format(
            version=__version__, date=day, baseline=shorten(result.baseline, VALUE_LENGTH))
    else:
        text = _("eacheck {version}, as of {date}.").format(version=__version__, date=day)
    return f"<sub>{escape(text)}</sub>"


def _number(value: int) -> str:
    return formats.number(value, current_language())


def _money(amount: int | None, currency: str) -> str:
    return _("unknown") if amount is None else formats.money(amount, current_language(), currency)


def _name(names: dict[str, str], entity_id: str) -> str:
    return shorten(names.get(entity_id, entity_id), VALUE_LENGTH)


def _names(names: dict[str, str], ids: list[str], most: int = 10) -> str:
    if not ids:
        return "–"
    shown = ", ".join(_name(names, entity_id) for entity_id in ids[:most])
    return shown if len(ids) <= most else f"{shown} (+{_number(len(ids) - most)})"
