"""The one exception type that means "eacheck could not do its job" (exit code 2).

Problems *in* the architecture files are never raised: they are findings (principle ``schema``).
"""

from __future__ import annotations

import errno

from eacheck.i18n import Message, N_, msg


class UsageError(Exception):
    """Bad arguments, a missing folder, an unknown git revision: the command cannot run.

    Raised with a :class:`~eacheck.i18n.Message` (``UsageError(msg("…", …))``), never with text
    made in advance: ``str(error)`` renders it in the language of the run, whenever and wherever
    it is shown.
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message.render()


# The reasons the operating system gives most often, in words of the catalogue; its own
# words (English, from the C library) are only quoted for the rest.
_REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOENT: N_("there is no such file or folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EISDIR: N_("it is a folder"),
    errno.EEXIST: N_("it exists already"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("the disk could not be read or written (an input/output error)"),
}


def reason(error: OSError) -> Message:
    """Why the operating system refused, for a message: "permission denied", "behörighet saknas"."""
    if error.errno in _REASONS:
        return msg(_REASONS[error.errno])
    return msg("the system says `{detail}`", detail=error.strerror or str(error))
