"""The one exception type that means "eacheck could not do its job" (exit code 2).

Problems *in* the architecture files are never raised: they are findings (principle ``schema``).
"""


class UsageError(Exception):
    """Bad arguments, a missing folder, an unknown git revision: the command cannot run."""
