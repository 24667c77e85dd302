"""Provider versions and Terraform version constraints, as intervals of releases.

ForceNew and other provider facts change at releases (``retention_days`` stopped replacing in 1.231.0); a
constraint such as ``>= 1.200.0`` admits releases on both sides of such a change. This module turns a
constraint into half-open intervals ``[low, high)`` of versions so that callers can ask "does it admit any
release where X holds?" and "does every admitted release have X?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

from .errors import UnsupportedProviderVersionError

__all__ = ["INFINITY", "Constraint", "Interval", "Version", "parse_constraint"]

_VERSION = re.compile(r"^([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?$", re.ASCII)
_PART = re.compile(r"^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$")


@total_ordering
@dataclass(frozen=True)
class Version:
    """A release number ``major.minor.patch`` (pre-releases are not supported)."""

    major: int
    minor: int = 0
    patch: int = 0

    @classmethod
    def parse(cls, text: str) -> Version:
        """Parse ``1.231.0`` (or ``v1.231``); raise ``UnsupportedProviderVersionError`` otherwise."""
        match = _VERSION.match(text.strip())
        if text.strip().startswith("v"):
            raise UnsupportedProviderVersionError(
                f"provider version: a 'v' prefix is not allowed; got {text!r}; expected e.g. "
                f"{text.strip()[1:]!r} (Terraform refuses the prefix too)"
            )
        if not match:
            raise UnsupportedProviderVersionError(
                f"provider version: not a release number; got {text!r}; expected 'MAJOR.MINOR.PATCH' "
                "such as '1.239.0'; pre-releases are not supported"
            )
        major, minor, patch = (int(g) if g is not None else 0 for g in match.groups())
        return cls(major, minor, patch)

    def next_patch(self) -> Version:
        """Return the smallest version above this one (used for exclusive bounds)."""
        return Version(self.major, self.minor, self.patch + 1)

    def _key(self) -> tuple[int, int, int]:
        return (self.major, self.minor, self.patch)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


INFINITY = Version(10**9)
_ZERO = Version(0)


@dataclass(frozen=True)
class Interval:
    """Half-open range ``[low, high)`` of versions."""

    low: Version
    high: Version

    @property
    def empty(self) -> bool:
        return not self.low < self.high

    def intersect(self, other: Interval) -> Interval:
        return Interval(max(self.low, other.low), min(self.high, other.high))

    def contains(self, version: Version) -> bool:
        return self.low <= version < self.high

    def __str__(self) -> str:
        high = "" if self.high == INFINITY else f", < {self.high}"
        return f">= {self.low}{high}"


@dataclass(frozen=True)
class Constraint:
    """A parsed Terraform version constraint: the union of disjoint intervals it admits."""

    text: str
    intervals: tuple[Interval, ...]

    def admits(self, version: Version) -> bool:
        return any(i.contains(version) for i in self.intervals)

    def overlaps(self, interval: Interval) -> bool:
        """True if some admitted version lies in ``interval``."""
        return any(not i.intersect(interval).empty for i in self.intervals)

    def within(self, interval: Interval) -> bool:
        """True if every admitted version lies in ``interval`` (and at least one is admitted)."""
        return bool(self.intervals) and all(
            interval.low <= i.low and i.high <= interval.high for i in self.intervals
        )

    def clip(self, low: Version) -> Constraint:
        """Drop versions below ``low`` (for example releases before a resource existed)."""
        floor = Interval(low, INFINITY)
        kept = tuple(j for j in (i.intersect(floor) for i in self.intervals) if not j.empty)
        return Constraint(self.text, kept)

    @property
    def lowest(self) -> Version | None:
        return self.intervals[0].low if self.intervals else None

    def __str__(self) -> str:
        return self.text


def _part_intervals(op: str, v: Version, raw: str) -> list[Interval]:
    if op in ("", "="):
        return [Interval(v, v.next_patch())]
    if op == "!=":
        return [Interval(_ZERO, v), Interval(v.next_patch(), INFINITY)]
    if op == ">":
        return [Interval(v.next_patch(), INFINITY)]
    if op == ">=":
        return [Interval(v, INFINITY)]
    if op == "<":
        return [Interval(_ZERO, v)]
    if op == "<=":
        return [Interval(_ZERO, v.next_patch())]
    # "~>": the rightmost given component may increase; "~> 1" means ">= 1.0.0, < 2.0.0" as "~> 1.0" does.
    given = len(raw.split("."))
    if given >= 3:
        return [Interval(v, Version(v.major, v.minor + 1))]
    return [Interval(v, Version(v.major + 1))]


def _intersect_sets(a: list[Interval], b: list[Interval]) -> list[Interval]:
    out = [x.intersect(y) for x in a for y in b]
    return sorted((i for i in out if not i.empty), key=lambda i: i.low)


def parse_constraint(text: str) -> Constraint:
    """Parse a constraint such as ``">= 1.200.0, < 2.0.0"`` or ``"~> 1.239"`` or a bare ``"1.231.0"``."""
    if not isinstance(text, str):
        raise UnsupportedProviderVersionError(
            f"provider version constraint: not a string ({type(text).__name__}); got {text!r}; "
            "expected e.g. '>= 1.239.0'; quote it"
        )
    if not text.strip():
        raise UnsupportedProviderVersionError(
            f"provider version constraint: empty; got {text!r}; expected e.g. '>= 1.239.0'"
        )
    admitted = [Interval(_ZERO, INFINITY)]
    for part in text.split(","):
        match = _PART.match(part)
        if not match:
            raise UnsupportedProviderVersionError(
                f"provider version constraint: cannot parse {part.strip()!r} in {text!r}; "
                "expected operators =, !=, >, >=, <, <=, ~> followed by a version"
            )
        op, raw = match.group(1) or "", match.group(2)
        admitted = _intersect_sets(admitted, _part_intervals(op, Version.parse(raw), raw))
    return Constraint(text.strip(), tuple(admitted))
