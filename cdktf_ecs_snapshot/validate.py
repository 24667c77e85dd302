"""Run every rule over one snapshot's arguments: convert, check, collect all findings, never raise.

``validate_snapshot`` is the pure core used by the constructs, the plain emitter and the linter;
``require_valid`` is the boundary that raises one ``ValidationError`` carrying every error found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .errors import ValidationError
from .findings import Finding, Severity
from .normalize import convert
from .rules import CROSS_RULES, VALUE_RULES
from .schema import ATTRIBUTES, RESOURCE_TYPE, TIMEOUT_KEYS, Kind
from .tokens import is_unresolved
from .versions import Constraint, Version, parse_constraint

__all__ = ["ARGUMENTS", "Validated", "minimum_provider_for", "require_valid", "validate_snapshot"]

ARGUMENTS = tuple(a.name for a in ATTRIBUTES if a.argument)
# Lookup tables for the hot loop (the plain emitter validates thousands of snapshots per run).
_ARGUMENT_SET = frozenset(ARGUMENTS)
_KINDS = {a.name: a.kind for a in ATTRIBUTES if a.argument}
_SINCE = {a.name: a.since for a in ATTRIBUTES}
# (rule, attribute, check) in rule-major order, the order findings are reported in.
_VALUE_PAIRS = tuple((rule, attr, rule.check.test) for rule in VALUE_RULES for attr in rule.attributes)
_DOC = "https://github.com/cdktf-ecs-snapshot/cdktf-ecs-snapshot#rule-"


@dataclass(frozen=True)
class Validated:
    """Converted argument values (``None`` dropped) and every finding."""

    values: dict[str, object]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


def _finding(
    rule_id: str,
    severity: Severity,
    rtype: str,
    name: str,
    attr: str,
    value: object,
    problem: str,
    expected: str,
    hint: str,
) -> Finding:
    return Finding(rule_id, severity, rtype, name, attr, value, problem, expected, hint, _DOC + rule_id)


def validate_snapshot(
    arguments: Mapping[str, object],
    *,
    name: str,
    resource_type: str = RESOURCE_TYPE,
    provider: str | Constraint | None = None,
    strict: bool = False,
) -> Validated:
    """Validate the arguments of one ``alicloud_ecs_snapshot`` named ``name``.

    Args:
        arguments: attribute name to value, as a user wrote them (tokens allowed).
        name: the resource's logical name, used in messages.
        resource_type: ``alicloud_ecs_snapshot`` or the legacy ``alicloud_snapshot``.
        provider: a provider version constraint for the version-dependent rules.
        strict: report warnings as errors.
    """
    constraint = parse_constraint(provider) if isinstance(provider, str) else provider
    findings: list[Finding] = []
    values: dict[str, object] = {}

    def add(rule_id: str, severity: Severity, attr: str, value: object, problem: str, expected: str, hint: str) -> None:
        level = Severity.ERROR if strict else severity
        findings.append(_finding(rule_id, level, resource_type, name, attr, value, problem, expected, hint))

    for key, raw in arguments.items():
        if key not in _ARGUMENT_SET:
            add(
                "ecs_snapshot_unknown_argument",
                Severity.ERROR,
                key,
                raw,
                "not an argument of the resource",
                "one of " + ", ".join(sorted(ARGUMENTS)),
                "check the spelling; computed attributes cannot be set",
            )
            continue
        if raw is None:
            continue
        kind = _KINDS[key]
        if (kind is Kind.STRING and type(raw) is str and "{" not in raw) or (kind is Kind.NUMBER and type(raw) is int):
            # Fast path, same result as convert(): a literal string (no token marker) for a string
            # attribute, or a literal int (not a bool) for a number attribute.
            values[key] = raw
            continue
        converted = convert(kind, raw)
        if converted.violation is not None:
            v = converted.violation
            add(converted.rule_id, Severity.ERROR, key, raw, v.problem, v.expected, v.hint)
            continue
        values[key] = converted.value

    if "disk_id" not in values and not any(f.attribute == "disk_id" for f in findings):
        add(
            "ecs_snapshot_disk_id_required",
            Severity.ERROR,
            "disk_id",
            None,
            "is required",
            "a disk id",
            "pass disk_id='d-...' or a reference such as disk.id",
        )

    # Each value's "is it known?" answer, computed once instead of once per rule (pure, so same result).
    known = {
        k: v for k, v in values.items() if (type(v) is str and "{" not in v) or type(v) is int or not is_unresolved(v)
    }
    for rule, attr, test in _VALUE_PAIRS:
        value = known.get(attr)
        if value is None:
            continue
        violation = test(value)
        if violation is not None:
            add(rule.id, rule.severity, attr, value, violation.problem, violation.expected, violation.hint)

    for cross in CROSS_RULES:
        for issue in cross.run(values, constraint):
            v = issue.violation
            add(cross.id, cross.severity, issue.attribute, issue.value, v.problem, v.expected, v.hint)

    return Validated(values, tuple(findings))


def require_valid(validated: Validated, *, where: str | None = None) -> Validated:
    """Raise one ``ValidationError`` listing every error of ``validated``; return it otherwise."""
    if validated.errors:
        raise ValidationError(validated.errors, where=where)
    return validated


def minimum_provider_for(values: Mapping[str, object], *, reads: tuple[str, ...] = ()) -> Version:
    """Return the lowest provider release that supports every argument set and attribute read."""
    floor = _floor_of_names((*values, *reads))
    timeouts = values.get("timeouts")
    if isinstance(timeouts, Mapping):
        for key in timeouts:
            floor = max(floor, TIMEOUT_KEYS.get(str(key), floor))
    return floor


@lru_cache(maxsize=1024)
def _floor_of_names(names: tuple[str, ...]) -> Version:
    # Cached: the snapshots of one stack or spec file mostly set the same arguments.
    floor = _SINCE["disk_id"]
    for key in names:
        since = _SINCE.get(key)  # every argument is an attribute, so this is "key in ARGUMENTS or ATTRIBUTES"
        if since is not None and since is not floor and floor < since:
            floor = since
    return floor
