"""How messages name entities and kinds, in every language.

Swedish declines nouns where English puts an article, so a message never glues a kind word
onto an id; it takes the whole phrase from here: ``the(kind, id)`` is "system 'x'" in English
and "systemet 'x'" in Swedish, ``a(kind)`` "a system" and "ett system".
"""

from __future__ import annotations

from eacheck.i18n import Message, N_, msg

_THE = {
    "organization": N_("organization '{id}'"),
    "capability": N_("capability '{id}'"),
    "system": N_("system '{id}'"),
    "integration": N_("integration '{id}'"),
    "procurement": N_("procurement '{id}'"),
    "exception": N_("exception '{id}'"),
    "principle": N_("principle '{id}'"),
    "settings": N_("the settings in '{id}'"),
    "file": N_("the file '{id}'"),
}

# An entity without a usable id, named by the file that holds it.
_IN_FILE = {
    "organization": N_("the organization in '{file}'"),
    "capability": N_("the capability in '{file}'"),
    "system": N_("the system in '{file}'"),
    "integration": N_("the integration in '{file}'"),
    "procurement": N_("the procurement in '{file}'"),
    "exception": N_("the exception in '{file}'"),
    "principle": N_("the principle in '{file}'"),
}

_A = {
    "organization": N_("an organization"),
    "capability": N_("a capability"),
    "system": N_("a system"),
    "integration": N_("an integration"),
    "procurement": N_("a procurement"),
    "exception": N_("an exception"),
    "principle": N_("a principle"),
    "entity": N_("an entity"),
}

_NAME = {
    "organization": N_("organization"),
    "capability": N_("capability"),
    "system": N_("system"),
    "integration": N_("integration"),
    "procurement": N_("procurement"),
    "exception": N_("exception"),
    "principle": N_("principle"),
    "entity": N_("entity"),
}


# Lifecycle statuses of systems and integrations, as a label beside a name ("Lönesystem,
# active"); a sentence about a status has a message of its own, since Swedish inflects them.
_STATUS = {
    "planned": N_("planned"),
    "active": N_("active"),
    "phase-out": N_("phase-out"),
    "retired": N_("retired"),
}


def the(kind: str, entity_id: str) -> Message:
    """The entity named in a sentence: "system 'x'", "systemet 'x'"."""
    return msg(_THE.get(kind, _THE["file"]), id=entity_id)


def the_one_in(kind: str, file: str) -> Message:
    """An entity that has no usable id, by its kind and file: "the system in 'x.yaml'"."""
    return msg(_IN_FILE[kind], file=file) if kind in _IN_FILE else the("file", file)


def subject_of(kind: str, document: object, file: str | None = None) -> Message:
    """A document as messages name it: the entity its id names ("system 'ekonomi'"); without a
    usable id, by its kind and ``file`` ("the system in 'architecture/x.yaml'"), or "the
    document" (also for what is no entity, such as the settings)."""
    from eacheck.safe_text import shorten

    if kind not in _IN_FILE:
        return msg("the document")
    entity_id = document.get("id") if isinstance(document, dict) else None
    if isinstance(entity_id, str) and entity_id:
        return the(kind, shorten(entity_id))
    return the_one_in(kind, file) if file is not None else msg("the document")


def a(kind: str) -> Message:
    """A kind with its indefinite article: "a system", "ett system"."""
    return msg(_A.get(kind, _A["entity"]))


def kind_name(kind: str) -> Message:
    """The kind's own word, for lists and headings."""
    return msg(_NAME.get(kind, _NAME["entity"]))


def status_name(status: str) -> Message | str:
    """A lifecycle status as a label for people: "i drift" for ``active``; an unknown value as
    written."""
    return msg(_STATUS[status]) if status in _STATUS else status
