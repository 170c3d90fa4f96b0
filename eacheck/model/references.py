"""Which keys of which kind refer to which other kind (SPEC §2), and the checks on them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from eacheck.i18n import Message, N_, msg

if TYPE_CHECKING:
    from eacheck.model.landscape import Landscape

from eacheck.safe_text import shorten

ANY_KIND = None
EACH = "*"

# (path to the referring value, kind it must refer to). EACH walks every item of a list.
REFERENCES: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]] = {
    "organization": ((("parent",), "organization"),),
    "capability": ((("parent",), "capability"),),
    "system": (
        (("owner",), "organization"),
        (("used_by", EACH), "organization"),
        (("capabilities", EACH), "capability"),
    ),
    "integration": ((("from",), "system"), (("to",), "system"), (("via",), "system")),
    "procurement": (
        (("requested_by",), "organization"),
        (("capabilities", EACH), "capability"),
        (("alternatives_considered", EACH, "system"), "system"),
    ),
    "exception": ((("principle",), "principle"), (("subject",), ANY_KIND)),
}

COUNTRY_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "system": (("hosting", "provider_jurisdiction"), ("hosting", "data_location", EACH)),
    "procurement": (("hosting", "provider_jurisdiction"), ("hosting", "data_location", EACH)),
}


def values_at(document: Any, pattern: tuple[str, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (concrete path, value) matching ``pattern``; tolerant of wrong types."""
    # Most documents lack most optional references: leave early, this runs for every entity.
    if not isinstance(document, dict) or pattern[0] not in document:
        return iter(())
    if len(pattern) == 1:
        return iter((((pattern[0],), document[pattern[0]]),))
    if len(pattern) == 2 and pattern[1] == EACH:
        items = document[pattern[0]]
        if not isinstance(items, list):
            return iter(())
        return (((pattern[0], index), item) for index, item in enumerate(items))
    found: list[tuple[tuple[Any, ...], Any]] = [((), document)]
    for step in pattern:
        following: list[tuple[tuple[Any, ...], Any]] = []
        for path, value in found:
            if step == EACH:
                if isinstance(value, list):
                    following.extend(((*path, i), item) for i, item in enumerate(value))
            elif isinstance(value, dict) and step in value:
                following.append(((*path, step), value[step]))
        found = following
    return iter(found)


def plain_values(document: Any, pattern: tuple[str, ...]) -> list[Any]:
    """The values :func:`values_at` finds, without their paths: what the common case, in which
    every reference resolves, needs to know (it runs for every entity of a national group)."""
    found = [document]
    for step in pattern:
        following: list[Any] = []
        for value in found:
            if step == EACH:
                if isinstance(value, list):
                    following.extend(value)
            elif isinstance(value, dict) and step in value:
                following.append(value[step])
        if not following:
            return following
        found = following
    return found


def all_resolve(kind: str, document: dict[str, Any], kinds_by_id: dict[str, str], principle_ids: set[str]) -> bool:
    """Whether :func:`reference_problems` has nothing to say about ``document``: every reference
    that is text names an entity of the right kind. The same rule as there, without making a
    message; only a document for which this is False is looked at again, to say what is wrong."""
    kind_of = kinds_by_id.get
    for pattern, wanted in REFERENCES.get(kind, ()):
        first = pattern[0]
        if first not in document:
            continue  # most optional references are absent
        if len(pattern) == 1:
            targets = (document[first],)
        elif len(pattern) == 2 and pattern[1] == EACH:
            targets = document[first]
            if not isinstance(targets, list):
                continue
        else:
            targets = plain_values(document, pattern)
        for target in targets:
            if not isinstance(target, str):
                continue
            if wanted == "principle":
                if target not in principle_ids:
                    return False
                continue
            actual = kind_of(target)
            if actual is None or (wanted is not ANY_KIND and actual != wanted):
                return False
    return True


def reference_problems(
    kind: str,
    document: dict[str, Any],
    kinds_by_id: dict[str, str],
    principle_ids: set[str],
    suggest: Callable[[str, str | None], Message | None] | None = None,
    file: str | None = None,
) -> Iterator[tuple[tuple[Any, ...], Message, Message]]:
    """(path, message, stable message) for each reference that does not resolve to an entity of
    the right kind; the messages name the document ("'owner' in system 'ekonomi'"), which is in
    ``file``.

    ``suggest(value, kind)`` gives the "did you mean" for an unknown id (kind None: any kind).
    The stable message leaves it out: baselines match on it, and what is suggested changes
    whenever an entity is added, which must not make an old dangling reference new.

    Principles have ids of their own: the default principle `integration-platform` and the
    capability of the same name that its check looks for must be able to coexist.
    """
    from eacheck.model.naming import a, subject_of

    for pattern, wanted in REFERENCES.get(kind, ()):
        for path, target in values_at(document, pattern):
            if not isinstance(target, str):
                continue  # the schema reports the wrong type
            if wanted == "principle":
                actual = "principle" if target in principle_ids else None
            else:
                actual = kinds_by_id.get(target)
            if actual is not None and (wanted is ANY_KIND or actual == wanted):
                continue  # the common case: nothing to say
            key = ".".join(str(step) for step in pattern if step != EACH)
            name = msg("'{key}' in {subject}", key=key, subject=subject_of(kind, document, file))
            if actual is None:
                plain, with_hint = _DANGLING[wanted]
                stable = msg(plain, name=name, value=shorten(target))
                hint = suggest(shorten(target), wanted) if suggest else None
                message = msg(with_hint, name=name, value=shorten(target), suggestion=hint) if hint else stable
                yield path, message, stable
            elif wanted is not ANY_KIND and actual != wanted:
                message = msg("{name} must refer to {wanted}, but '{value}' is {actual}; give the id of {wanted}",
                              name=name, wanted=a(wanted), value=shorten(target), actual=a(actual))
                yield path, message, message


# A reference to nothing, per kind it must refer to (the Swedish "no" and "the" follow the
# noun's gender): without and with a "did you mean".
_DANGLING = {
    "organization": (
        N_("{name} refers to '{value}', but no organization has that id; fix the id or add the organization"),
        N_("{name} refers to '{value}', but no organization has that id; {suggestion} If not, fix the id "
           "or add the organization"),
    ),
    "capability": (
        N_("{name} refers to '{value}', but no capability has that id; fix the id or add the capability"),
        N_("{name} refers to '{value}', but no capability has that id; {suggestion} If not, fix the id "
           "or add the capability"),
    ),
    "system": (
        N_("{name} refers to '{value}', but no system has that id; fix the id or add the system"),
        N_("{name} refers to '{value}', but no system has that id; {suggestion} If not, fix the id or "
           "add the system"),
    ),
    "principle": (
        N_("{name} refers to '{value}', but no principle has that id; fix the id or add the principle"),
        N_("{name} refers to '{value}', but no principle has that id; {suggestion} If not, fix the id "
           "or add the principle"),
    ),
    ANY_KIND: (
        N_("{name} refers to '{value}', but no entity has that id; fix the id or add the entity"),
        N_("{name} refers to '{value}', but no entity has that id; {suggestion} If not, fix the id or "
           "add the entity"),
    ),
}


# "No system has the id 'x'" per kind: the Swedish word for "no" follows the noun's gender.
_NO_SUCH_ID = {
    "organization": (N_("no organization has the id '{value}'; {suggestion}"),
                     N_("no organization has the id '{value}', and no organization id resembles it")),
    "capability": (N_("no capability has the id '{value}'; {suggestion}"),
                   N_("no capability has the id '{value}', and no capability id resembles it")),
    "system": (N_("no system has the id '{value}'; {suggestion}"),
               N_("no system has the id '{value}', and no system id resembles it")),
}


def unknown_id_message(landscape: Landscape, value: str, kind: str) -> Message:
    """'no system has the id …' with a did-you-mean, or the kind the id really names."""
    from eacheck.model.naming import a
    from eacheck.model.suggestions import closest, suggestion

    collection = getattr(landscape, {"organization": "organizations", "capability": "capabilities",
                                     "system": "systems"}[kind])
    other = landscape.get(value)
    if other is not None:
        return msg("'{value}' is {actual}, not {expected}; give the id of {expected}",
                   value=value, actual=a(other.kind), expected=a(kind))
    found = suggestion(closest(value, sorted(collection)))
    with_suggestion, without = _NO_SUCH_ID[kind]
    return msg(with_suggestion, value=value, suggestion=found) if found else msg(without, value=value)
