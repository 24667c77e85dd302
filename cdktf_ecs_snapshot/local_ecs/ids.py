"""Ids, request ids and timestamps shaped like the real ECS API's, so code under test sees realistic values.

Real ids are a type prefix and lowercase alphanumerics (``s-bp17441ohwka0yuh****``); a test that parses or
validates ids (import ids, for example) must not pass against the double and then fail against the cloud.
"""

from __future__ import annotations

import secrets
import string
import time
import uuid
from datetime import UTC, datetime

__all__ = ["format_time", "new_id", "new_request_id", "now", "parse_time"]

_ALPHABET = string.ascii_lowercase + string.digits


def new_id(prefix: str) -> str:
    """Return ``<prefix>-`` followed by 20 random lowercase alphanumerics (``s-``, ``d-``, ``i-``)."""
    return prefix + "-" + "".join(secrets.choice(_ALPHABET) for _ in range(20))


def new_request_id() -> str:
    """Return an upper-case UUID, the shape of the API's ``RequestId``."""
    return str(uuid.uuid4()).upper()


def format_time(epoch: float) -> str:
    """Format epoch seconds as the API does: ISO-8601 UTC to the second, ``2026-01-01T00:00:00Z``."""
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> float:
    """Parse ``2026-01-01T00:00:00Z`` (or ``…T00:00Z``, as some API fields use) into epoch seconds."""
    for pattern in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%MZ"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC).timestamp()
        except ValueError:
            continue
    raise ValueError(f"not an ISO-8601 UTC time like 2026-01-01T00:00:00Z; got {text!r}")


def now() -> float:
    """The clock every module reads, in one place so that tests could freeze it."""
    return time.time()
