"""Bring argument values to the types Terraform would produce, or report why that is impossible.

Terraform converts ``"20"`` to the number 20 for a number attribute and ``"true"`` to a bool; this module
does the same so that the synthesized JSON equals what Terraform would see. Values it cannot convert
become findings (rule ids ``ecs_snapshot_type_*``). Unresolved values pass through untouched.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .checks import Violation
from .schema import TIMEOUT_KEYS, Kind
from .tokens import is_unresolved

__all__ = ["Converted", "convert"]

# What Terraform's string-to-number conversion accepts: ASCII digits, an optional fraction and exponent, no
# surrounding spaces ("2e1" is 20; "20 " and "0x14" are errors).
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?", re.ASCII)
_DURATION = re.compile(r"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")


@dataclass(frozen=True)
class Converted:
    """The converted value, or the violation (with the rule id) that stopped the conversion."""

    value: object
    rule_id: str = ""
    violation: Violation | None = None


def _fail(rule_id: str, problem: str, expected: str, hint: str) -> Converted:
    return Converted(None, rule_id, Violation(problem, expected, hint))


def _string(value: object) -> Converted:
    if isinstance(value, str):
        return Converted(value)
    return _fail(
        "ecs_snapshot_type_string",
        f"not a string ({type(value).__name__})",
        "a string",
        "pass text, e.g. str(value), or a reference token",
    )


def _bool(value: object) -> Converted:
    if isinstance(value, bool):
        return Converted(value)
    if isinstance(value, str) and value in ("true", "false"):
        return Converted(value == "true")
    return _fail("ecs_snapshot_type_bool", "not a boolean", "True or False", "pass a Python bool")


def _number(value: object) -> Converted:
    if isinstance(value, bool):
        return _fail(
            "ecs_snapshot_type_number",
            "not a whole number (a bool)",
            "a whole number",
            "pass an int such as 7",
        )
    if isinstance(value, int):
        return Converted(value)
    if isinstance(value, float) and value.is_integer():
        return Converted(int(value))
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        number = decimal.Decimal(value)
        if number.adjusted() >= 18:  # no day count is this large; keep the message's value printable
            return _fail(
                "ecs_snapshot_type_number",
                "far out of range",
                "a whole number such as 7 or '7'",
                "write the number of days as digits",
            )
        if number == number.to_integral_value():
            return Converted(int(number))
    return _fail(
        "ecs_snapshot_type_number",
        "not a whole number",
        "a whole number such as 7 or '7'",
        "write the number of days as digits",
    )


def _string_map(value: object) -> Converted:
    if not isinstance(value, Mapping):
        return _fail(
            "ecs_snapshot_type_tags",
            f"not a mapping ({type(value).__name__})",
            "a dict of string keys to string values",
            "pass a dict such as {'team': 'infra'}",
        )
    for key, item in value.items():
        if not isinstance(key, str) or not (isinstance(item, str) or is_unresolved(item)):
            bad = key if not isinstance(key, str) else item
            return _fail(
                "ecs_snapshot_type_tags",
                f"tag {key!r} has a non-string {'key' if bad is key else 'value'}",
                "string keys and string values",
                "quote numbers and booleans, e.g. {'tier': '1'}",
            )
    return Converted(dict(value))


def _timeouts(value: object) -> Converted:
    if not isinstance(value, Mapping):
        return _fail(
            "ecs_snapshot_type_timeouts",
            "not a mapping",
            "a dict with create/update/delete",
            "pass e.g. {'create': '10m'}",
        )
    for key, item in value.items():
        if key not in TIMEOUT_KEYS:
            return _fail(
                "ecs_snapshot_timeouts_key",
                f"unknown timeout {key!r}",
                "keys 'create', 'delete', 'update'",
                "remove the key",
            )
        if item is None or is_unresolved(item):
            continue
        if not isinstance(item, str) or not _DURATION.match(item):
            return _fail(
                "ecs_snapshot_timeout_duration",
                f"timeout {key!r} is not a duration",
                "a Go duration such as '10m' or '1h30m'",
                "write a number followed by s, m or h",
            )
    return Converted({k: v for k, v in value.items() if v is not None})


_BY_KIND = {
    Kind.STRING: _string,
    Kind.BOOL: _bool,
    Kind.NUMBER: _number,
    Kind.STRING_MAP: _string_map,
    Kind.BLOCK: _timeouts,
}


def convert(kind: Kind, value: object) -> Converted:
    """Convert ``value`` for an attribute of ``kind``; tokens and ``None`` pass through."""
    if value is None or is_unresolved(value):
        return Converted(value)
    return _BY_KIND[kind](value)
