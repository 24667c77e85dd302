"""Findings: what a rule reports. Rules return findings and never raise; callers decide what fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Finding", "Severity", "errors_in", "warnings_in"]


class Severity(StrEnum):
    """How bad a finding is: errors stop synthesis, warnings are reported and kept."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem with one attribute of one resource.

    ``message`` is the full one-line text in the house shape
    ``<type>.<name>.<attribute>: <what>; got <value>; expected <allowed>; <fix>``.
    """

    rule_id: str
    severity: Severity
    resource_type: str
    name: str
    attribute: str
    value: object
    problem: str
    expected: str
    hint: str
    doc: str = field(default="")

    @property
    def address(self) -> str:
        return f"{self.resource_type}.{self.name}"

    @property
    def path(self) -> str:
        return f"{self.address}.{self.attribute}"

    @property
    def message(self) -> str:
        parts = [f"{self.path}: {self.problem}", f"got {_show(self.value)}"]
        if self.expected:
            parts.append(f"expected {self.expected}")
        if self.hint:
            parts.append(self.hint)
        return "; ".join(parts)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view (used by the CLI's json and sarif formatters)."""
        return {
            "rule_id": self.rule_id,
            "severity": str(self.severity),
            "resource": self.address,
            "attribute": self.attribute,
            "value": _jsonable(self.value),
            "message": self.message,
            "hint": self.hint,
            "doc": self.doc,
        }


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _jsonable(value: object) -> object:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return repr(value)


def errors_in(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def warnings_in(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.WARNING]
