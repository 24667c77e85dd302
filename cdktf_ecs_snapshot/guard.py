"""The replacement guard: refuse, before synthesis, a change that would replace (delete) an existing snapshot.

A snapshot is a backup; Terraform "replaces" it by deleting it and creating a new one, and the old data is
gone. The guard compares every ``EcsSnapshot`` of a stack with what exists, by address
(``alicloud_ecs_snapshot.<name>`` or ``alicloud_snapshot.<name>``), and raises ``ReplacementError`` at the
line that builds the snapshot::

    guard = ReplacementGuard.of(stack).compare_with_state("terraform.mystack.tfstate")
    # or .compare_with_synth("cdktf.out/stacks/mystack/cdk.tf.json")

Snapshots built before the call are checked at once, later ones when they are constructed. In CI, the
environment does the same without code changes (read when a stack's first snapshot is built)::

    CDKTF_ECS_SNAPSHOT_GUARD_STATE=terraform.{stack}.tfstate     # state v4 or `terraform show -json` output
    CDKTF_ECS_SNAPSHOT_GUARD_SYNTH=cdktf.out/stacks/{stack}/cdk.tf.json
    CDKTF_ECS_SNAPSHOT_GUARD_ALLOW_EMPTY=1                        # accept a file without snapshots

``{stack}`` is replaced by the stack's id. What counts as replacing follows the provider version constraint
(explicit ``AlicloudProvider(version=...)``, else the library default ``>= 1.120.0, < 2.0.0``, answered
conservatively); see ``force_new``. Decision table, for a change of an attribute's value:

==================================  ========================  ===================  ==============
attribute                           < 1.231.0                 1.231.0 - 1.238.x    >= 1.239.0
==================================  ========================  ===================  ==============
disk_id, category                   error (replaces)          error                error
retention_days                      error                     in place; lowering is an error (the API
                                                              only extends retention)
instant_access_retention_days       error                     no effect            no effect
resource_group_id                   error                     error                in place
==================================  ========================  ===================  ==============

A new value that is an unresolved token gives a warning ("may replace"): a cdktf annotation and a finding
in ``guard.findings``. ``EcsSnapshot(..., allow_replacement=True)`` lets a replacement through (recorded in
``guard.allowed``). At synthesis (``app.synth()``), the guard checks again (values changed by setters) and
reports snapshots that exist but are no longer in the stack, since Terraform would destroy them
(``guard.allow_removal(address)`` accepts one).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ReplacementError, ValidationError
from .existing import ExistingSnapshot, ExistingSnapshots, load_existing
from .findings import Finding, Severity
from .force_new import force_new_attributes, replacements
from .schema import RESOURCE_TYPE, attribute
from .tokens import is_unresolved
from .versions import INFINITY, Constraint, Interval, Version, parse_constraint

__all__ = [
    "DEFAULT_GUARD_CONSTRAINT",
    "ENV_ALLOW_EMPTY",
    "ENV_STATE",
    "ENV_SYNTH",
    "ReplacementGuard",
    "check_snapshot",
    "compare_snapshot",
]

ENV_STATE = "CDKTF_ECS_SNAPSHOT_GUARD_STATE"
ENV_SYNTH = "CDKTF_ECS_SNAPSHOT_GUARD_SYNTH"
ENV_ALLOW_EMPTY = "CDKTF_ECS_SNAPSHOT_GUARD_ALLOW_EMPTY"
DEFAULT_GUARD_CONSTRAINT = ">= 1.120.0, < 2.0.0"

RULE_REPLACES = "ecs_snapshot_replacement"
RULE_MAY_REPLACE = "ecs_snapshot_may_replace"
RULE_LOWERED = "ecs_snapshot_retention_days_lowered"
RULE_REMOVED = "ecs_snapshot_removed"
_DOC = "https://github.com/cdktf-ecs-snapshot/cdktf-ecs-snapshot#replacement-guard"
_ATTR = "_cdktf_ecs_snapshot_guard"
_V1231 = Version(1, 231, 0)
# Removing a ForceNew argument from the configuration plans "old -> null": a replacement where the attribute is
# not Computed. category became Computed in 1.231.0 (then omitting it keeps the read value).
_REMOVAL_REPLACES: dict[str, tuple[Interval, ...]] = {
    "category": (Interval(Version(1, 120, 0), _V1231),),
}
# Values the API fills in without configuration: their absence from the code is not a removal.
_FILLED_BY_API = frozenset({"category", "resource_group_id", "disk_id"})


def _finding(
    rule: str,
    severity: Severity,
    rtype: str,
    name: str,
    attr: str,
    value: object,
    problem: str,
    expected: str,
    hint: str,
) -> Finding:
    return Finding(rule, severity, rtype, name, attr, value, problem, expected, hint, _DOC)


def _fix_version(attr: str) -> str | None:
    """The first release where changing ``attr`` no longer replaces, if there is one."""
    highs = [i.high for i in attribute(attr).force_new if i.high != INFINITY]
    return str(max(highs)) if highs else None


def _same(old: object, new: object) -> bool:
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        return float(old) == float(new)
    return old == new


def _present(value: object) -> bool:
    return value not in (None, "", 0, {}, [])


def compare_snapshot(
    values: Mapping[str, object],
    existing: ExistingSnapshot,
    provider: str | Constraint | None,
    *,
    resource_type: str = RESOURCE_TYPE,
    name: str,
) -> list[Finding]:
    """Compare a snapshot's new argument ``values`` with ``existing``; return every finding (never raises).

    Errors: ``ecs_snapshot_replacement`` (a change that replaces, certainly or under a constraint that admits
    such releases) and ``ecs_snapshot_retention_days_lowered``. Warnings: ``ecs_snapshot_may_replace``
    (a token, or an argument present in the state but absent from the code).
    """
    constraint = provider if provider is not None else DEFAULT_GUARD_CONSTRAINT
    parsed = parse_constraint(constraint) if isinstance(constraint, str) else constraint
    old = existing.attributes
    sid = existing.id_text
    findings: list[Finding] = []
    for r in replacements(old, values, parsed):
        before = old.get(r.attribute)
        if not r.certain and is_unresolved(r.new):
            findings.append(
                _finding(
                    RULE_MAY_REPLACE,
                    Severity.WARNING,
                    resource_type,
                    name,
                    r.attribute,
                    r.new,
                    f"may replace existing snapshot {sid}: the new value is unknown until apply (was {before!r})",
                    f"{before!r} (the existing value)",
                    f"{r.reason}; use a literal value or check `terraform plan` (cdktf-ecs-snapshot plan-guard)",
                )
            )
            continue
        if _same(before, r.new):
            continue
        fix = _fix_version(r.attribute)
        how = f"keep {before!r}"
        if fix is not None:
            how += f", pin AlicloudProvider(version='>= {fix}') to change it in place"
        how += ", or pass allow_replacement=True if losing the snapshot is intended"
        findings.append(
            _finding(
                RULE_REPLACES,
                Severity.ERROR,
                resource_type,
                name,
                r.attribute,
                r.new,
                f"would replace existing snapshot {sid} (Terraform deletes it and creates a new one): "
                f"{before!r} → {r.new!r}",
                f"{before!r} (the existing value)",
                f"{r.reason}; {how}",
            )
        )
    findings.extend(_removals(values, existing, parsed, resource_type, name))
    findings.extend(_lowered(values, existing, parsed, resource_type, name))
    return findings


def _removals(
    values: Mapping[str, object], existing: ExistingSnapshot, constraint: Constraint, rtype: str, name: str
) -> list[Finding]:
    answer = force_new_attributes(constraint)
    out: list[Finding] = []
    for attr in answer.attributes:
        before = existing.attributes.get(attr)
        # The API always fills category in, even when the state has none yet (the next refresh reads it).
        if attr in values or (not _present(before) and attr != "category"):
            continue
        if attr == "category" and not _present(before):
            before = "standard"
        intervals = _REMOVAL_REPLACES.get(attr, attribute(attr).force_new)
        if not any(constraint.overlaps(i) for i in intervals):
            continue
        if existing.source == "synth":
            fix = _fix_version(attr)
            hint = f"set {attr}={before!r} again"
            if fix is not None:
                hint += f" or pin AlicloudProvider(version='>= {fix}')"
            out.append(
                _finding(
                    RULE_REPLACES,
                    Severity.ERROR,
                    rtype,
                    name,
                    attr,
                    None,
                    f"removing it would replace existing snapshot {existing.id_text}: {before!r} → None",
                    f"{before!r} (the previous value)",
                    f"{answer.notes[attr]}; {hint}",
                )
            )
        elif attr == "category" and any(constraint.within(i) for i in intervals):
            # Before 1.231.0 category is not Computed: left unset, the provider replaces the snapshot to
            # clear the value the API filled in, on every plan (seen with real Terraform).
            out.append(
                _finding(
                    RULE_REPLACES,
                    Severity.ERROR,
                    rtype,
                    name,
                    attr,
                    None,
                    f"leaving it unset would replace existing snapshot {existing.id_text}: {before!r} → None",
                    f"{before!r} (the existing value)",
                    f"{answer.notes[attr]}; set category={before!r}, or pin AlicloudProvider(version='>= 1.231.0') "
                    "where category is computed",
                )
            )
        elif attr not in _FILLED_BY_API or attr == "category":
            out.append(
                _finding(
                    RULE_MAY_REPLACE,
                    Severity.WARNING,
                    rtype,
                    name,
                    attr,
                    None,
                    f"may replace existing snapshot {existing.id_text}: the state holds {before!r} but the code "
                    "does not set it",
                    f"{before!r} (the existing value)",
                    f"{answer.notes[attr]}; set {attr}={before!r} to keep the snapshot",
                )
            )
    return out


def _lowered(
    values: Mapping[str, object], existing: ExistingSnapshot, constraint: Constraint, rtype: str, name: str
) -> list[Finding]:
    new, old = values.get("retention_days"), existing.attributes.get("retention_days")
    if "retention_days" in force_new_attributes(constraint).attributes:
        return []  # reported as a replacement instead
    if not isinstance(new, int | float) or is_unresolved(new) or not isinstance(old, int | float) or not old:
        return []
    if isinstance(new, bool) or new >= old:
        return []
    return [
        _finding(
            RULE_LOWERED,
            Severity.ERROR,
            rtype,
            name,
            "retention_days",
            new,
            f"cannot lower the retention of existing snapshot {existing.id_text}: {old!r} → {new!r}",
            f"{old!r} or more",
            "the ECS API only extends retention (ModifySnapshotAttribute fails at apply); keep "
            f"{old!r}, or delete and recreate the snapshot deliberately",
        )
    ]


@dataclass(frozen=True)
class _Checked:
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    allowed: tuple[Finding, ...]


class ReplacementGuard:
    """Compares the snapshots of one stack with existing state or a previous synthesis.

    Get it with ``ReplacementGuard.of(stack)`` (one per stack); ``findings`` holds every warning, ``allowed``
    every replacement let through by ``allow_replacement=True``.
    """

    def __init__(self, stack: Any) -> None:
        self._stack = stack
        self.sources: list[ExistingSnapshots] = []
        self.findings: list[Finding] = []
        self.allowed: list[Finding] = []
        self._allowed_removals: set[str] = set()
        self._validation_added = False

    @classmethod
    def of(cls, scope: Any) -> ReplacementGuard:
        """The guard of the stack containing ``scope`` (created on first use, reading the environment)."""
        from ._stack_registry import stack_of

        stack = stack_of(scope)
        guard = stack.__dict__.get(_ATTR)
        if guard is None:
            guard = cls(stack)
            stack.__dict__[_ATTR] = guard
            guard._from_env(os.environ)
        assert isinstance(guard, ReplacementGuard)
        return guard

    # -- sources -----------------------------------------------------------------------------------------

    def compare_with_state(self, path: str | os.PathLike[str], *, allow_empty: bool = False) -> ReplacementGuard:
        """Compare with a ``terraform.tfstate`` (v4) or ``terraform show -json`` output; checks existing snapshots now.

        Raises:
            InputError: the file is missing, corrupt, of another format, or holds no snapshot.
            ReplacementError: a snapshot already built would be replaced.
        """
        existing = load_existing(path, allow_empty=allow_empty)
        if existing.format == "synth":
            from .errors import InputError

            raise InputError("is a cdk.tf.json, not a state; use compare_with_synth()", path=existing.path)
        return self.compare_with(existing)

    def compare_with_synth(self, path: str | os.PathLike[str], *, allow_empty: bool = False) -> ReplacementGuard:
        """Compare with a previously synthesized ``cdk.tf.json``; checks existing snapshots now."""
        return self.compare_with(load_existing(path, format="synth", allow_empty=allow_empty))

    def compare_with(self, existing: ExistingSnapshots) -> ReplacementGuard:
        """Add an already loaded source and check every snapshot built so far against it."""
        self.sources.append(existing)
        self.sources.sort(key=lambda s: s.format == "synth")  # ids come from states: compare with them first
        self._add_validation()
        from ._stack_registry import registry_of

        errors: list[Finding] = []
        failing: list[Any] = []
        for snapshot in registry_of(self._stack).snapshots:
            found = self._check(snapshot).errors
            if found:
                errors.extend(found)
                failing.append(snapshot)
        if errors:
            # Name the construct when one snapshot is at fault, the stack when several are.
            owner = failing[0] if len(failing) == 1 else self._stack
            raise _error(errors, where=str(getattr(owner.node, "path", "")))
        return self

    def allow_removal(self, address: str) -> ReplacementGuard:
        """Accept that the existing snapshot ``address`` is no longer in the stack (Terraform will destroy it)."""
        self._allowed_removals.add(address)
        return self

    def _from_env(self, env: Mapping[str, str]) -> None:
        allow_empty = env.get(ENV_ALLOW_EMPTY, "").strip().lower() in ("1", "true", "yes")
        stack_id = str(self._stack.node.id)
        for variable, method in ((ENV_STATE, self.compare_with_state), (ENV_SYNTH, self.compare_with_synth)):
            raw = env.get(variable, "").strip()
            if raw:
                method(raw.replace("{stack}", stack_id), allow_empty=allow_empty)

    # -- checking ----------------------------------------------------------------------------------------

    def check(self, snapshot: Any) -> None:
        """Check one snapshot against every source; raise ``ReplacementError`` if it would be replaced."""
        checked = self._check(snapshot)
        if checked.errors:
            raise _error(checked.errors, where=str(snapshot.node.path))

    def _check(self, snapshot: Any) -> _Checked:
        errors, warnings, allowed = self._compare(snapshot)
        if warnings or allowed:
            from ._core import core

            annotations = core().Annotations.of(snapshot)
            for finding in warnings:
                if finding not in self.findings:
                    self.findings.append(finding)
                    annotations.add_warning(finding.message)
            for finding in allowed:
                if finding not in self.allowed:
                    self.allowed.append(finding)
                    annotations.add_info("allowed by allow_replacement=True: " + finding.message)
        return _Checked(tuple(errors), tuple(warnings), tuple(allowed))

    def _compare(self, snapshot: Any) -> tuple[list[Finding], list[Finding], list[Finding]]:
        rtype, name = snapshot._resource_type, snapshot._logical_id()
        constraint = snapshot._constraint()
        seen: set[tuple[str, str]] = set()
        errors: list[Finding] = []
        warnings: list[Finding] = []
        allowed: list[Finding] = []
        for source in self.sources:
            existing = source.find(rtype, name)
            if existing is None:
                continue
            for finding in compare_snapshot(snapshot._values, existing, constraint, resource_type=rtype, name=name):
                key = (finding.attribute, finding.rule_id)
                if key in seen:
                    continue
                seen.add(key)
                if finding.severity is Severity.WARNING:
                    warnings.append(finding)
                elif finding.rule_id == RULE_REPLACES and snapshot.allow_replacement:
                    allowed.append(finding)
                else:
                    errors.append(finding)
        return errors, warnings, allowed

    def removed(self) -> list[Finding]:
        """Existing snapshots that no snapshot of the stack has the address of (Terraform would destroy them)."""
        from ._stack_registry import registry_of

        present = {f"{s._resource_type}.{s._logical_id()}" for s in registry_of(self._stack).snapshots}
        out: list[Finding] = []
        reported: set[str] = set()
        for source in self.sources:
            for existing in source:
                address = existing.address
                if address in present or address in reported or address in self._allowed_removals:
                    continue
                if "module." in address or "[" in address:
                    continue  # not a resource this stack's constructs can address
                reported.add(address)
                out.append(
                    _finding(
                        RULE_REMOVED,
                        Severity.ERROR,
                        existing.resource_type,
                        existing.name,
                        "address",
                        address,
                        f"existing snapshot {existing.id_text} is no longer defined in the stack, so Terraform "
                        "would destroy it",
                        f"an EcsSnapshot with the logical id {existing.name!r}",
                        "restore it, move it with a `moved` block (override_logical_id / move_to), or call "
                        f"ReplacementGuard.of(stack).allow_removal({address!r}) if deleting it is intended",
                    )
                )
        return out

    def validate(self) -> list[str]:
        """At synthesis, warn about existing snapshots no longer in the stack (Terraform would destroy them).

        Replacements are refused earlier, in the constructor and the setters, as ``ReplacementError``; a
        failure raised from here would reach the user as cdktf's generic ``RuntimeError``, so this check
        only warns (use the plan guard to block deletions in CI). Returns the errors cdktf should fail on:
        none.
        """
        from ._core import core

        for finding in self.removed():
            core().Annotations.of(self._stack).add_warning(finding.message)
        return []

    def _add_validation(self) -> None:
        if self._validation_added:
            return
        self._validation_added = True
        self._stack.node.add_validation(_validation_for(self))


def _error(findings: Iterable[Finding], *, where: str) -> ValidationError:
    items = list(findings)
    if any(f.rule_id == RULE_REPLACES for f in items):
        return ReplacementError(items, where=where)
    return ValidationError(items, where=where)


def _validation_for(guard: ReplacementGuard) -> Any:
    import jsii

    from ._core import load_constructs

    constructs = load_constructs()

    @jsii.implements(constructs.IValidation)
    class _GuardValidation:
        def validate(self) -> list[str]:
            return guard.validate()

    return _GuardValidation()


def check_snapshot(snapshot: Any) -> None:
    """The constructor hook: check ``snapshot`` if its stack has a guard or the environment asks for one."""
    stack = snapshot._stack
    if stack.__dict__.get(_ATTR) is None and not (os.environ.get(ENV_STATE) or os.environ.get(ENV_SYNTH)):
        return
    ReplacementGuard.of(stack).check(snapshot)
