"""The built-in checks (SPEC §3), registered by name.

Each check is a small module with ``NAME``, ``PARAMS`` (a JSON Schema for its parameters, with
defaults), ``LOOSENED_BY`` (which way each parameter lets more through: ``MORE``, ``FEWER``,
``OFF`` or ``ANY`` from :mod:`eacheck.checks.base`) and ``check(context, params)``, a generator of
:class:`~eacheck.checks.base.Violation`.
Its docstring is its user documentation. A principle binds a check to parameters and a
severity; the engine, not the check, stamps the principle and severity on what it finds.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from eacheck.i18n import Message, msg
from eacheck.i18n.formats import Quoted

# The registry is explicit: a check exists because it is listed here.
_MODULES = {
    "shared-over-unique": "shared_over_unique",
    "reuse-across-group": "reuse_across_group",
    "cloud-and-legal": "cloud_and_legal",
    "clear-ownership": "clear_ownership",
    "lifecycle": "lifecycle",
    "effect-goals": "effect_goals",
    "integration-platform": "integration_platform",
}


class UnknownCheck(LookupError):
    """A principle names a check eacheck does not have; ``message`` says so in any language."""

    def __init__(self, name: object) -> None:
        self.message: Message = msg(
            "there is no built-in check '{name}'; use one of: {checks}",
            name=str(name), checks=Quoted(tuple(_MODULES), style="or"),
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)


def names() -> tuple[str, ...]:
    return tuple(_MODULES)


def get(name: str) -> ModuleType:
    """The module of check ``name``; an unknown name raises :class:`UnknownCheck`."""
    if not isinstance(name, str) or name not in _MODULES:
        raise UnknownCheck(name)
    return import_module(f"eacheck.checks.{_MODULES[name]}")
