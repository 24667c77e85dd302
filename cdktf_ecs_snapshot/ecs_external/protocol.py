"""Terraform's ``external`` data source protocol: one JSON object of strings in, one out, errors on stderr.

Terraform passes the ``query`` map as a JSON object whose values are all strings, and accepts back only a flat
JSON object of string keys and string values (anything else fails the plan with "Unexpected External
Program Results"). On failure it shows stderr and the exit status, and ignores stdout, so this helper
writes nothing to stdout unless it succeeds.

Stringification of results, one rule everywhere: integers in decimal (``"40"``), booleans ``"true"`` /
``"false"``, ``None`` (unknown or absent) as ``""``, lists joined with ``","`` and no spaces, strings as-is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import IO, Any

__all__ = ["UsageError", "check_keys", "read_query", "render_result", "stringify"]

_SECRET_KEY = re.compile(r"secret|token|password|access_?key", re.IGNORECASE)


class UsageError(ValueError):
    """The invocation is wrong (operation, stdin, query keys); exit status 2 with usage on stderr."""


def read_query(stream: IO[str]) -> dict[str, str]:
    """Read all of stdin and return the query; ``UsageError`` unless it is a JSON object of strings."""
    text = stream.read()
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"stdin is not JSON ({error.msg} at line {error.lineno} column {error.colno})"
        ) from None
    except RecursionError:
        raise UsageError("stdin is nested too deeply; expected a flat JSON object of strings") from None
    if not isinstance(data, dict):
        raise UsageError(f"stdin must be a JSON object of strings; got a JSON {type(data).__name__}")
    bad = sorted(key for key, value in data.items() if not isinstance(value, str))
    if bad:
        raise UsageError(f"query values must be strings; not strings: {', '.join(bad)}")
    return data


def check_keys(query: Mapping[str, str], *, required: Iterable[str], allowed: Iterable[str]) -> None:
    """Refuse secret-bearing keys first (the query sits in plain text in Terraform files and state), then
    unknown keys, then missing required keys."""
    secret = sorted(key for key in query if _SECRET_KEY.search(key))
    if secret:
        raise UsageError(
            f"refusing query key(s) {', '.join(secret)}: the query is stored in plain text in the Terraform "
            "configuration and state; pass credentials through the environment (ALICLOUD_ACCESS_KEY, "
            "ALICLOUD_SECRET_KEY, ALICLOUD_PROFILE…) instead"
        )
    known = set(allowed)
    unknown = sorted(set(query) - known)
    if unknown:
        raise UsageError(
            f"unknown query key(s) {', '.join(unknown)}; expected some of {', '.join(sorted(known))}"
        )
    missing = [key for key in required if not query.get(key)]
    if missing:
        raise UsageError(f"missing query key(s) {', '.join(missing)}")


def stringify(value: Any) -> str:
    """The module's one stringification rule (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(stringify(item) for item in value)
    return str(value)


def render_result(result: Mapping[str, Any]) -> str:
    """The stdout document: a flat JSON object of strings, keys sorted for stable output."""
    return json.dumps({key: stringify(value) for key, value in sorted(result.items())})
