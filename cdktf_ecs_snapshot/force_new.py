"""ForceNew as data: which changes replace (delete and recreate) a snapshot, by provider version.

Decision table (from ``provider/facts/alicloud_ecs_snapshot.json``; ranges are provider releases)::

    attribute                       1.120.0-1.230.x   1.231.0-1.238.x   1.239.0 and later
    disk_id                         replaces          replaces          replaces
    category                        replaces          replaces          replaces
    retention_days                  replaces          in place (*)      in place (*)
    instant_access_retention_days   replaces          no effect         no effect
    resource_group_id               replaces          replaces          in place

    (*) the ECS API only extends retention: lowering it fails at apply.

A constraint that admits releases on both sides of a change gets the conservative answer (the attribute
is reported as replacing) and says so in ``notes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import UnsupportedProviderVersionError
from .schema import ATTRIBUTES, MINIMUM_PROVIDER
from .tokens import is_unresolved
from .versions import INFINITY, Constraint, Interval, parse_constraint

__all__ = ["ForceNewAnswer", "Replacement", "force_new_attributes", "replacements"]


def _span(interval: Interval) -> str:
    if interval.high == INFINITY:
        return f"from provider {interval.low}"
    return f"in provider {interval.low} up to (not including) {interval.high}"


@dataclass(frozen=True)
class ForceNewAnswer:
    """The attributes whose change replaces the snapshot under a constraint."""

    constraint: str
    always: tuple[str, ...]
    sometimes: tuple[str, ...]
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def attributes(self) -> tuple[str, ...]:
        """Conservative answer: every attribute that replaces under at least one admitted release."""
        return tuple(sorted((*self.always, *self.sometimes)))

    @property
    def conservative(self) -> bool:
        """True if the constraint admits releases on both sides of a ForceNew change."""
        return bool(self.sometimes)


def _constraint(provider: str | Constraint) -> Constraint:
    parsed = provider if isinstance(provider, Constraint) else parse_constraint(provider)
    clipped = parsed.clip(MINIMUM_PROVIDER)
    if not clipped.intervals:
        # An empty answer would read as "nothing replaces the snapshot": refuse instead.
        raise UnsupportedProviderVersionError(
            f"provider version constraint: admits no release with alicloud_ecs_snapshot; got {parsed.text!r}; "
            f"expected a constraint admitting >= {MINIMUM_PROVIDER}; alicloud_ecs_snapshot exists since 1.120.0"
        )
    return clipped


def force_new_attributes(provider: str | Constraint) -> ForceNewAnswer:
    """Answer "which attributes replace the snapshot?" for a version (``"1.230.0"``) or a constraint."""
    constraint = _constraint(provider)
    always: list[str] = []
    sometimes: list[str] = []
    notes: dict[str, str] = {}
    for spec in ATTRIBUTES:
        for interval in spec.force_new:
            if constraint.within(interval):
                always.append(spec.name)
                notes[spec.name] = f"replaces the snapshot {_span(interval)}"
            elif constraint.overlaps(interval):
                sometimes.append(spec.name)
                notes[spec.name] = (
                    f"replaces the snapshot {_span(interval)} only; the constraint {constraint.text!r} "
                    "admits releases on both sides, so this answer is conservative"
                )
    return ForceNewAnswer(constraint.text, tuple(always), tuple(sometimes), notes)


@dataclass(frozen=True)
class Replacement:
    """One attribute change and what it does to an existing snapshot."""

    attribute: str
    old: object
    new: object
    certain: bool
    reason: str


def replacements(
    old: Mapping[str, object], new: Mapping[str, object], provider: str | Constraint
) -> list[Replacement]:
    """Return the changes from ``old`` to ``new`` that replace the snapshot under ``provider``.

    A new value that is an unresolved token is reported with ``certain=False`` ("may replace").
    """
    answer = force_new_attributes(provider)
    out: list[Replacement] = []
    for attr in answer.attributes:
        if attr not in new:
            continue
        before, after = old.get(attr), new[attr]
        if is_unresolved(after):
            out.append(
                Replacement(
                    attr, before, after, False, f"{attr} is unknown until apply and {answer.notes[attr]}"
                )
            )
        elif after is not None and before != after:
            out.append(Replacement(attr, before, after, attr in answer.always, answer.notes[attr]))
    return out
