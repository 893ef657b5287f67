"""Errors a user sees as one clear line (never a traceback)."""


class AuditError(Exception):
    """Base of every error the CLI reports as one line."""


class InputError(AuditError):
    """A file that cannot be read as a resume: unsupported, corrupt, encrypted, empty or too big."""


class RuleFileError(AuditError):
    """A rule, knowledge-base or config file that does not validate; the message names file and field."""
