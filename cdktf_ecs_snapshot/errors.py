"""The exception tree: every error this library raises on purpose is a ``SnapshotLibError``.

::

    SnapshotLibError
    ├── ValidationError (also ValueError)      findings with severity "error"; .findings holds them all
    │   ├── ImportIdError                      an import id that is not an ECS snapshot id
    │   └── ReplacementError                   a change would replace (delete) an existing snapshot
    ├── UnsupportedProviderVersionError (also ValueError)
    ├── CoreNotInstalledError (also ImportError)   neither cdktf nor cdktn is importable
    ├── InputError (also ValueError)           a state, plan, spec or Terraform file that cannot be read
    └── EcsApiError                            the ECS API (or the network to it) failed; .code, .request_id

Warnings use ``SnapshotDeprecationWarning`` (a ``DeprecationWarning``) for deprecated arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding

__all__ = [
    "CoreNotInstalledError",
    "EcsApiError",
    "ImportIdError",
    "InputError",
    "ReplacementError",
    "SnapshotDeprecationWarning",
    "SnapshotLibError",
    "UnsupportedProviderVersionError",
    "ValidationError",
]


class SnapshotLibError(Exception):
    """Root of every error raised by cdktf-ecs-snapshot; catch this to catch them all."""


class ValidationError(SnapshotLibError, ValueError):
    """One or more rules failed; ``findings`` holds every finding, ``where`` the construct path if any."""

    def __init__(self, findings: Iterable[Finding], *, where: str | None = None) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.where = where
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.findings)
        noun = "problem" if count == 1 else "problems"
        head = f"{count} {noun}" + (f" in {self.where}" if self.where else "")
        if count == 1:
            return f"{head}: {self.findings[0].message}"
        return head + ":\n" + "\n".join(f"  - {f.message}" for f in self.findings)


class ImportIdError(ValidationError):
    """An import id is not an ECS snapshot id (``s-`` followed by lowercase letters and digits)."""


class ReplacementError(ValidationError):
    """A planned change would replace, that is delete and recreate, an existing snapshot."""


class UnsupportedProviderVersionError(SnapshotLibError, ValueError):
    """A provider version or constraint that this library cannot reason about."""


class CoreNotInstalledError(SnapshotLibError, ImportError):
    """Neither ``cdktf`` nor ``cdktn`` can be imported; the message says which extra to install."""


class InputError(SnapshotLibError, ValueError):
    """A file given to the library (state, plan, spec, Terraform source) is missing or malformed."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class EcsApiError(SnapshotLibError):
    """A call to the ECS API failed; ``code`` and ``request_id`` come from the API when it answered."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        request_id: str | None = None,
        retryable: bool = False,
    ) -> None:
        self.code = code
        self.request_id = request_id
        self.retryable = retryable
        super().__init__(message)


class SnapshotDeprecationWarning(DeprecationWarning):
    """An argument is deprecated by the provider (for example ``name`` or ``instant_access``)."""
