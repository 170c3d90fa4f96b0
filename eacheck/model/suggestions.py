""""Did you mean …?": the known values closest to a mistyped one, for every message that suggests.

One place decides what counts as close (difflib's ratio, case and surrounding spaces ignored),
so a misspelt key, kind, principle or reference is answered the same way everywhere.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from eacheck.i18n import Message, msg
from eacheck.i18n.formats import Either, Named

# difflib's own default: below it, a "suggestion" is more often noise than help.
CUTOFF = 0.6
# Unresolved references that get a "did you mean": each is compared with every id of its kind,
# so thousands of them in a hostile pull request would cost time squared.
MAX_REFERENCE_HINTS = 1_000


def closest(value: str, candidates: Iterable[str] | Mapping[str, str], n: int = 3) -> list[str]:
    """Up to ``n`` candidates most like ``value``, best first.

    ``candidates`` is either the values themselves or a mapping from each way of writing a
    value to the value: an entity's id and its name both lead to its id, so `Bostäder AB`
    finds `bostader`. Each value is returned once, at its best spelling's place. Ties keep
    difflib's order, which depends only on the strings, so the answer is deterministic.
    """
    spellings = candidates if isinstance(candidates, Mapping) else {c: c for c in candidates}
    folded: dict[str, str] = {}
    for spelling, answer in sorted(spellings.items()):
        folded.setdefault(spelling.strip().casefold(), answer)
    matches = difflib.get_close_matches(value.strip().casefold(), list(folded), n=n * 2, cutoff=CUTOFF)
    found: list[str] = []
    for match in matches:
        if folded[match] not in found:
            found.append(folded[match])
    return found[:n]


def _name_pairs(name: str | Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    if isinstance(name, Mapping):
        return tuple((language, text) for language, text in name.items()
                     if isinstance(text, str) and text.strip())
    return (("", name),) if isinstance(name, str) and name.strip() else ()


def suggestion(options: Iterable[str], names: Mapping[str, str | Mapping[str, str] | None] | None = None
               ) -> Message | None:
    """``did you mean 'a' or 'b'?`` as a message in the reader's language, or None when there
    is nothing to suggest.

    With ``names``, each option that has one is followed by it: ``'bostader' (Bostäder AB)``;
    a name per language (a principle's title) is shown in the reader's language.
    """
    names = names or {}
    quoted = tuple(Named(option, _name_pairs(names.get(option))) for option in options)
    return msg("did you mean {options}?", options=Either(quoted)) if quoted else None


class ReferenceHints:
    """The "did you mean" for references: ids and names of the right kind, built when first
    needed (most repositories have no dangling reference) and remembered per value, since one
    deleted entity can leave thousands of references to it."""

    def __init__(self, entities: Iterable[tuple[str, str, object]]) -> None:
        """``entities``: (id, kind, name or title); a title per language may be a mapping."""
        self._entities = entities
        self._by_kind: dict[str | None, tuple[dict[str, str], dict[str, object]]] | None = None
        self._answers: dict[tuple[str, str | None], Message | None] = {}

    def __call__(self, value: str, kind: str | None) -> Message | None:
        """``did you mean 'id' (Name)?`` among entities of ``kind`` (None: any kind), or None."""
        key = (value, kind)
        if key not in self._answers:
            if len(self._answers) >= MAX_REFERENCE_HINTS:
                return None  # each answer compares with every id: a pull request must not square that
            spellings, names = self._index().get(kind, ({}, {}))
            self._answers[key] = suggestion(closest(value, spellings), names)
        return self._answers[key]

    def _index(self) -> dict[str | None, tuple[dict[str, str], dict[str, object]]]:
        if self._by_kind is None:
            self._by_kind = {}
            for entity_id, kind, name in self._entities:
                texts = [text for _, text in _name_pairs(name)]
                for group in (kind, None):
                    spellings, names = self._by_kind.setdefault(group, ({}, {}))
                    spellings.setdefault(entity_id, entity_id)
                    for text in texts:
                        spellings.setdefault(text, entity_id)
                    if texts:
                        names.setdefault(entity_id, name)
        return self._by_kind
