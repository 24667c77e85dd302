"""Read API parameters from the flat query map the SDK sends, with the API's own error codes.

The SDK flattens everything into strings: lists of ids are JSON arrays (``DiskIds=["d-1"]``), repeated values
are numbered (``ResourceId.1``), tags are ``Tag.N.Key`` / ``Tag.N.Value``, booleans are ``true`` / ``false``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from .apierror import ApiError

__all__ = ["get_bool", "get_int", "get_json_ids", "get_numbered", "get_tags", "require"]

_NUMBERED = re.compile(r"^(?P<name>[A-Za-z]+)\.(?P<n>\d+)(?:\.(?P<field>[A-Za-z]+))?$")


def require(params: Mapping[str, str], name: str) -> str:
    """The value of a mandatory parameter; ``Missing<Name>`` when absent or empty."""
    value = params.get(name, "")
    if not value:
        raise ApiError(400, f"Missing{name}", f"{name} is mandatory for this action.")
    return value


def get_int(
    params: Mapping[str, str], name: str, *, default: int | None, low: int, high: int, code: str = ""
) -> int | None:
    """An integer parameter in ``[low, high]``; ``code`` (default ``InvalidParameter``) when it is not."""
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise ApiError(400, code or "InvalidParameter", f"The specified parameter {name} is not valid.")
    return value


def get_bool(params: Mapping[str, str], name: str, default: bool = False) -> bool:
    """A boolean parameter sent as ``true`` / ``false`` (any case)."""
    raw = params.get(name, "")
    if raw == "":
        return default
    if raw.lower() not in ("true", "false"):
        raise ApiError(400, "InvalidParameter", f"The specified parameter {name} is not valid.")
    return raw.lower() == "true"


def get_json_ids(params: Mapping[str, str], name: str, *, code: str, limit: int = 100) -> list[str] | None:
    """A JSON array of ids such as ``SnapshotIds``; ``None`` when absent, ``code`` when malformed."""
    raw = params.get(name, "")
    if raw == "":
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or len(value) > limit:
        raise ApiError(400, code, f"The specified parameter {name} is not valid.")
    return value


def get_numbered(params: Mapping[str, str], name: str) -> list[str]:
    """Values of ``<name>.1``, ``<name>.2``… in index order (``ResourceId.N``, ``TagKey.N``)."""
    found: dict[int, str] = {}
    for key, value in params.items():
        match = _NUMBERED.match(key)
        if match and match["name"] == name and match["field"] is None:
            found[int(match["n"])] = value
    return [found[n] for n in sorted(found)]


def get_tags(params: Mapping[str, str], name: str = "Tag") -> list[tuple[str, str | None]]:
    """``Tag.N.Key`` / ``Tag.N.Value`` pairs in index order; a value that was not sent is ``None``."""
    keys: dict[int, str] = {}
    values: dict[int, str] = {}
    for key, value in params.items():
        match = _NUMBERED.match(key)
        if not match or match["name"] != name or match["field"] is None:
            continue
        target = keys if match["field"] == "Key" else values if match["field"] == "Value" else None
        if target is not None:
            target[int(match["n"])] = value
    for index in values.keys() - keys.keys():
        keys[index] = ""
    return [(keys[n], values.get(n)) for n in sorted(keys)]
