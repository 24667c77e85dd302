"""Reusable, parameterised value checks (validator factories).

A check looks at one resolved value and returns a ``Violation`` or ``None``; it never raises and never
sees tokens (the caller skips unresolved values first). Rule rows in ``rules.py`` pair checks with ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "Check",
    "Violation",
    "int_range",
    "length",
    "matches",
    "no_prefix",
    "no_substring",
    "one_of",
]


@dataclass(frozen=True)
class Violation:
    """What is wrong, what was expected, and how to fix it (the value is added by the caller)."""

    problem: str
    expected: str
    hint: str


@dataclass(frozen=True)
class Check:
    """A named check; ``describe`` is shown in docs and reprs."""

    describe: str
    test: Callable[[object], Violation | None]

    def __call__(self, value: object) -> Violation | None:
        return self.test(value)

    def __repr__(self) -> str:
        return f"<check {self.describe}>"


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(repr(v) for v in sorted(values))


def one_of(values: Sequence[str], *, hint: str = "") -> Check:
    """Exactly one of ``values`` (case-sensitive, like the provider's StringInSlice)."""

    def test(value: object) -> Violation | None:
        if value in values:
            return None
        fix = hint
        if isinstance(value, str):
            folded = [v for v in values if v.lower() == value.strip().lower()]
            if folded:
                fix = f"values are case-sensitive, use {folded[0]!r}"
        return Violation("not an allowed value", f"one of {_quoted(values)}", fix)

    return Check(f"one of {_quoted(values)}", test)


def length(low: int, high: int, *, what: str = "characters") -> Check:
    """A string whose length is in ``[low, high]``."""

    def test(value: object) -> Violation | None:
        if not isinstance(value, str) or low <= len(value) <= high:
            return None
        fix = f"shorten it to {high} {what}" if len(value) > high else f"use at least {low} {what}"
        return Violation(f"length {len(value)} is out of range", f"{low} to {high} {what}", fix)

    return Check(f"length {low}..{high}", test)


def int_range(low: int, high: int, *, unit: str = "") -> Check:
    """A whole number in ``[low, high]``."""
    suffix = f" {unit}" if unit else ""

    def test(value: object) -> Violation | None:
        if not isinstance(value, int) or isinstance(value, bool) or low <= value <= high:
            return None
        return Violation(
            "out of range",
            f"a whole number from {low} to {high}{suffix}",
            f"use a value from {low} to {high}",
        )

    return Check(f"integer {low}..{high}", test)


def matches(pattern: str, *, problem: str, expected: str, hint: str) -> Check:
    """A string matching ``pattern`` (full match)."""
    compiled = re.compile(pattern)

    def test(value: object) -> Violation | None:
        if not isinstance(value, str) or compiled.fullmatch(value):
            return None
        return Violation(problem, expected, hint)

    return Check(f"matches {pattern}", test)


def no_prefix(prefixes: Sequence[str], *, ignore_case: bool = False, hint: str = "") -> Check:
    """A string that does not start with any of ``prefixes``."""

    def test(value: object) -> Violation | None:
        if not isinstance(value, str):
            return None
        probe = value.lower() if ignore_case else value
        for prefix in prefixes:
            if probe.startswith(prefix):
                return Violation(
                    f"must not start with {prefix!r}", f"a value not starting with {_quoted(prefixes)}", hint
                )
        return None

    return Check(f"no prefix {_quoted(prefixes)}", test)


def no_substring(needles: Sequence[str], *, hint: str = "") -> Check:
    """A string that contains none of ``needles``."""

    def test(value: object) -> Violation | None:
        if not isinstance(value, str):
            return None
        for needle in needles:
            if needle in value:
                return Violation(f"must not contain {needle!r}", f"no {_quoted(needles)}", hint)
        return None

    return Check(f"no substring {_quoted(needles)}", test)
