"""Lint existing Terraform (``.tf``, ``.tf.json``) with the same rules the constructs apply.

Why: many stacks are not written with this library; the rules (and their ids) should still catch a bad
``category`` or a too-short ``retention_days`` before ``terraform plan`` does — or, worse, before apply.
``alicloud_ecs_snapshot`` and the legacy ``alicloud_snapshot`` resources are checked; expressions and
references are unknown values and are skipped, like cdktf tokens.

Findings (rule results) and errors (files that cannot be read or parsed) are kept apart, as tflint
and checkov do: a parse error is never a finding and cannot be filtered away by ``--fail-on``.

The provider constraint for version-dependent rules comes from ``provider=`` if given, else from the
``required_providers.alicloud.version`` written in the same directory (when exactly one is found).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import InputError, UnsupportedProviderVersionError
from .findings import Finding, Severity
from .importid import check_import_id
from .tf_sources import SourceFile, discover, read_source
from .validate import validate_snapshot
from .versions import Constraint, parse_constraint

__all__ = ["LintError", "LintFinding", "LintReport", "lint_paths", "lint_sources"]

_RANK = {Severity.WARNING: 1, Severity.ERROR: 2}
_DOC = "https://github.com/cdktf-ecs-snapshot/cdktf-ecs-snapshot#rule-"


@dataclass(frozen=True)
class LintFinding:
    """A rule finding plus where it is: file and line (the attribute's line when known)."""

    finding: Finding
    path: str
    line: int | None

    def to_dict(self) -> dict[str, object]:
        return {**self.finding.to_dict(), "file": self.path, "line": self.line}

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line or 0, self.finding.rule_id, self.finding.attribute)


@dataclass(frozen=True)
class LintError:
    """A tool error: a path that cannot be read or parsed. Never a finding, never suppressed."""

    path: str
    line: int | None
    message: str

    @classmethod
    def of(cls, error: InputError) -> LintError:
        message = str(error)
        prefix = f"{error.path}:{error.line}: " if error.line is not None else f"{error.path}: "
        if error.path is not None and message.startswith(prefix):
            message = message[len(prefix) :]
        return cls(error.path or "", error.line, message)

    def to_dict(self) -> dict[str, object]:
        return {"file": self.path, "line": self.line, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class LintReport:
    """Sorted findings and errors of one lint run."""

    findings: tuple[LintFinding, ...]
    errors: tuple[LintError, ...]
    files: int = 0

    def failing(self, threshold: Severity) -> tuple[LintFinding, ...]:
        """Findings at or above ``threshold`` (``error`` or ``warning``)."""
        return tuple(f for f in self.findings if _RANK[f.finding.severity] >= _RANK[threshold])


def lint_paths(paths: Iterable[str], *, provider: str | None = None, strict: bool = False) -> LintReport:
    """Lint files and directories; ``provider`` (a constraint) overrides what the files declare."""
    files, problems = discover(paths)
    errors = [LintError.of(p) for p in problems]
    sources: list[SourceFile] = []
    for path in files:
        try:
            sources.append(read_source(path))
        except InputError as exc:
            errors.append(LintError.of(exc))
    report = lint_sources(sources, provider=provider, strict=strict)
    return LintReport(report.findings, tuple(sorted((*errors, *report.errors), key=_error_key)), len(files))


def _error_key(error: LintError) -> tuple[str, int]:
    return (error.path, error.line or 0)


def lint_sources(sources: Iterable[SourceFile], *, provider: str | None = None, strict: bool = False) -> LintReport:
    """Lint already-read sources (see ``tf_sources.read_source``)."""
    sources = list(sources)
    errors: list[LintError] = []
    explicit: Constraint | None = parse_constraint(provider) if provider is not None else None
    declared = _declared_constraints(sources, errors) if explicit is None else {}
    findings: list[LintFinding] = _duplicates(sources)
    for source in sources:
        constraint = explicit or declared.get(os.path.dirname(source.path))
        for resource in source.resources:
            validated = validate_snapshot(
                resource.arguments,
                name=resource.name,
                resource_type=resource.resource_type,
                provider=constraint,
                strict=strict,
            )
            for finding in validated.findings:
                attr = finding.attribute.split(".")[0].split("[")[0]
                line = resource.attribute_lines.get(attr, resource.line)
                findings.append(LintFinding(finding, source.path, line))
        for imported in source.imports:
            for finding in check_import_id(imported.id, name=imported.name, resource_type=imported.resource_type):
                findings.append(LintFinding(finding, source.path, imported.line))
    return LintReport(tuple(sorted(findings, key=LintFinding.sort_key)), tuple(errors), len(sources))


def _duplicates(sources: list[SourceFile]) -> list[LintFinding]:
    """``terraform_duplicate_name``: the same address twice in one module (a directory's files)."""
    first: dict[tuple[str, str, str], tuple[str, int | None]] = {}
    out: list[LintFinding] = []
    for source in sources:
        module = os.path.dirname(os.path.abspath(source.path))
        for resource in source.resources:
            key = (module, resource.resource_type, resource.name)
            if key not in first:
                first[key] = (source.path, resource.line)
                continue
            where = _where(*first[key])
            finding = Finding(
                "terraform_duplicate_name",
                Severity.ERROR,
                resource.resource_type,
                resource.name,
                "name",
                resource.name,
                f"is declared twice in one module: at {where} and at {_where(source.path, resource.line)}",
                "a name unique per resource type within a module",
                "rename or remove one of them",
                _DOC + "terraform_duplicate_name",
            )
            out.append(LintFinding(finding, source.path, resource.line))
    return out


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line is not None else path


def _declared_constraints(sources: list[SourceFile], errors: list[LintError]) -> dict[str, Constraint]:
    by_dir: dict[str, set[str]] = {}
    where: dict[str, str] = {}
    for source in sources:
        directory = os.path.dirname(source.path)
        for version in source.provider_versions:
            by_dir.setdefault(directory, set()).add(version)
            where.setdefault(directory, source.path)
    out: dict[str, Constraint] = {}
    for directory, versions in by_dir.items():
        if len(versions) != 1:
            continue
        (text,) = versions
        try:
            out[directory] = parse_constraint(text)
        except UnsupportedProviderVersionError as exc:
            errors.append(LintError(where[directory], None, f"required_providers.alicloud.version: {exc}"))
    return out
