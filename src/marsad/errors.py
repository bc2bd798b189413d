"""marsad's errors: a small hierarchy, each error with a stable code.

The library raises these and never prints or exits; adapters (CLI, API, Spark) map them to exit codes,
HTTP statuses or error records. Codes are stable: other tools may match on them.

    E1xx  bad input (one article): the batch carries on with an error record
    E2xx  usage and configuration (pipeline, command line): exit code 1
    E3xx  resources (data files, models) missing or invalid
    E9xx  internal errors (a bug in marsad): reported as a record, never as a traceback
"""
from __future__ import annotations


class MarsadError(Exception):
    """Base class. `code` is stable; `message` is one line for people."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(MarsadError):
    """One article cannot be coded. In a batch it becomes an error record."""

    code = "E100"


class EmptyText(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class TooLarge(InputError):
    code = "E104"


class MalformedRecord(InputError):
    code = "E105"


class MissingField(InputError):
    code = "E106"


class InvalidDate(InputError):
    code = "E107"


class UsageError(MarsadError):
    """Wrong command line or configuration: exit code 1."""

    code = "E200"


class UnknownComponent(UsageError):
    code = "E201"


class MissingRequirement(UsageError):
    code = "E202"


class InputNotFound(UsageError):
    code = "E203"


class ResourceError(MarsadError):
    """A data file or model is missing or invalid."""

    code = "E300"


class InternalError(MarsadError):
    code = "E900"
