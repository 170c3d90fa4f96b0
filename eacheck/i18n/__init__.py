"""Every word eacheck shows a person, in the repository's language (SPEC §6).

One gettext catalogue per language, ``eacheck/locale/<lang>/LC_MESSAGES/eacheck.po``, holds
every message; the English source text is the message id, so the English catalogue is nearly
empty and the Swedish one is complete (a test fails otherwise). `make i18n` extracts the
messages from the Python code and the Jinja templates, updates the catalogues and compiles them.

Two ways to say something:

- ``_("text")`` (and ``ngettext``, ``pgettext``) translates *now*, into the language of the run
  in progress (:func:`using`). For output code that renders for a reader.
- ``msg("text {name}", name=value)`` (and ``msg_n`` for plurals) makes a :class:`Message`: the
  text and its values, translated only when rendered. Findings carry messages, so that the
  same finding reads in Swedish or English, and a baseline made in one language matches a run
  in the other (findings are matched on codes and values, never on wording).

Values in a message are formatted for the language when it is rendered: numbers, money,
percentages and dates through Babel's CLDR data (:mod:`eacheck.i18n.formats`), a nested
message in the same language, and texts from the files cut to a readable length.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# Texts from the files are quoted in messages; a value the size of a file must not become a
# message the size of a file (nor fill a CI log). One helper cuts them, for every layer.
from eacheck.safe_text import shorten

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
DOMAIN = "eacheck"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_language: ContextVar[str] = ContextVar("eacheck_language", default=DEFAULT_LANGUAGE)


def current_language() -> str:
    """The language of the run in progress (set by :func:`using`; Swedish otherwise)."""
    return _language.get()


@contextmanager
def using(language: str | None) -> Iterator[str]:
    """Render everything inside in ``language`` (the current one when None)."""
    chosen = language or current_language()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}; eacheck speaks {', '.join(LANGUAGES)}")
    token = _language.set(chosen)
    try:
        yield chosen
    finally:
        _language.reset(token)


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``language``. English is the source language: without its
    catalogue the message ids themselves are right. A missing Swedish catalogue is a broken
    installation, never a silent switch to English."""
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=language == "en")


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` in the current language (Swedish and English both have two)."""
    return translations(current_language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` where the same English word needs different translations (a table header
    'System' and the word in a sentence)."""
    return translations(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (a table of texts that is
    translated with ``_()`` where it is shown)."""
    return message


@dataclass(frozen=True, slots=True)
class Message:
    """A text and its values, translated when rendered (see the module docstring).

    Hashable and language-free, so that it can stand in for a finding's problem when matching
    findings across revisions.
    """

    text: str
    values: tuple[tuple[str, Any], ...] = ()
    plural: str | None = None
    count: int = 0

    def render(self, language: str | None = None) -> str:
        language = language or current_language()
        catalogue = translations(language)
        if self.plural is None:
            template = catalogue.gettext(self.text)
        else:
            template = catalogue.ngettext(self.text, self.plural, self.count)
        if not self.values:
            return template
        return template.format(**{name: _shown(value, language) for name, value in self.values})

    def __str__(self) -> str:
        return self.render()

    def with_values(self, **values: Any) -> "Message":
        """The same message with more values (the engine adds the finding's subject)."""
        return Message(self.text, _frozen({**dict(self.values), **values}), self.plural, self.count)

    @property
    def sort_key(self) -> tuple:
        """Orders messages the same way in every language."""
        return (self.text, repr(self.values))


def msg(text: str, /, **values: Any) -> Message:
    """A :class:`Message`; ``text`` names its values as ``{name}``."""
    return Message(text, _frozen(values))


def msg_n(singular: str, plural: str, count: int, /, **values: Any) -> Message:
    """A :class:`Message` whose form follows ``count``, which the texts may show as ``{n}``."""
    return Message(singular, _frozen({"n": count, **values}), plural, count)


def render(value: Any, language: str | None = None) -> str:
    """A message, or any value a message may hold, as text in ``language``."""
    return _shown(value, language or current_language())


def _frozen(values: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    # Sorted on the names alone (they are unique, so the values are never compared); lists
    # become tuples. Every finding makes several messages, so the common case is kept short.
    items = sorted(values.items()) if len(values) > 1 else list(values.items())
    for value in values.values():
        if isinstance(value, list):
            return tuple((name, tuple(item) if isinstance(item, list) else item) for name, item in items)
    return tuple(items)


def _shown(value: Any, language: str) -> str:
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, str):
        return shorten(value)
    if isinstance(value, formats.Formatted):
        return value.format(language)
    if isinstance(value, (tuple, frozenset)):
        items = value if isinstance(value, tuple) else sorted(value, key=repr)  # same bytes every run
        return formats.join([_shown(item, language) for item in items], language)
    if isinstance(value, bool):
        return "true" if value else "false"  # as written in YAML, in every language
    if hasattr(value, "isoformat"):
        return formats.long_date(value, language)
    return shorten(str(value))


# Last: formats uses this module's functions when it formats, and _shown uses formats.
from eacheck.i18n import formats  # noqa: E402
