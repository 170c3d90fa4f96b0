"""Every word eacheck shows a person, in the repository's language (SPEC §6).

One gettext catalogue per language (``eacheck/locale/<lang>/LC_MESSAGES/eacheck.po``) holds
every message; English source strings are the message ids. See docs/architecture.md for how
to add or change a message, and `make i18n` for updating the catalogues.
"""

from __future__ import annotations

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
