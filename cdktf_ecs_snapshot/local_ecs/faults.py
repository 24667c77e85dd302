"""Fault injection: make the next N requests (optionally of one action) fail the ways the real network does.

Kinds, each with the real wire shape:

==============  =============================================================================================
``throttling``  HTTP 400 ``Throttling.User`` (``code``/``status`` to change, e.g. ``Throttling`` / 403);
                ``retry_after_ms`` adds ``x-acs-retry-after`` (the SDK then raises ``ThrottlingException``)
``unavailable`` HTTP 503 ``ServiceUnavailable``
``internal``    HTTP 500 ``InternalError``
``error``       any ``status`` / ``code`` / ``message`` given
``slow``        sleep ``delay_seconds`` (default 5), then answer normally (drives client read timeouts)
``html``        HTTP 502 with an HTML body, as a load balancer in front of the API sends
``drop``        close the connection without any reply
==============  =============================================================================================

``count`` is how many matching requests the fault hits (default 1, at most 1000000; ``-1`` for every request
until cleared). ``delay_seconds`` is from 0 to 600, ``status`` 400 to 599, ``retry_after_ms`` 0 to 3600000.
Faults are checked in the order added; the first one that matches a request is used.
"""

from __future__ import annotations

import math
import threading
from dataclasses import asdict, dataclass
from typing import Any

from .apierror import ConfigError

__all__ = ["FAULT_KINDS", "MAX_DELAY_SECONDS", "Fault", "FaultPlan", "check_seconds"]

FAULT_KINDS = ("throttling", "unavailable", "internal", "error", "slow", "html", "drop")

_DEFAULTS: dict[str, tuple[int, str, str]] = {
    "throttling": (400, "Throttling.User", "Request was denied due to user flow control."),
    "unavailable": (
        503,
        "ServiceUnavailable",
        "The request has failed due to a temporary failure of the server.",
    ),
    "internal": (500, "InternalError", "The request processing has failed due to some unknown error."),
    "error": (400, "InvalidParameter", "The specified parameter is not valid."),
    "html": (502, "", ""),
}


@dataclass
class Fault:
    """One injected fault; ``remaining`` counts down per hit (negative: forever)."""

    kind: str
    count: int = 1
    action: str = ""
    delay_seconds: float = 5.0
    status: int = 0
    code: str = ""
    message: str = ""
    retry_after_ms: int = 0

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ConfigError(f"fault kind must be one of {', '.join(FAULT_KINDS)}; got {self.kind!r}")
        for name in ("action", "code", "message"):
            if not isinstance(getattr(self, name), str):
                raise ConfigError(f"fault {name} must be a string")
        _check_int("fault count", self.count, -1, MAX_FAULT_COUNT)
        if self.count == 0:
            raise ConfigError("fault count must be -1 (until cleared) or from 1 to 1000000; got 0")
        if self.status:
            _check_int("fault status", self.status, 400, 599)
        _check_int("fault retry_after_ms", self.retry_after_ms, 0, 3_600_000)
        self.delay_seconds = check_seconds("fault delay_seconds", self.delay_seconds, MAX_DELAY_SECONDS)
        status, code, message = _DEFAULTS.get(self.kind, (0, "", ""))
        self.status = self.status or status
        self.code = self.code or code
        self.message = self.message or message

    @classmethod
    def from_json(cls, data: object) -> Fault:
        """Build from a JSON object with the field names above; unknown fields are an error."""
        if not isinstance(data, dict):
            raise ConfigError(f"a fault must be a JSON object; got a JSON {type(data).__name__}")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ConfigError(f"unknown fault fields: {', '.join(sorted(map(str, unknown)))}")
        if "kind" not in data:
            raise ConfigError("a fault needs a kind")
        return cls(**data)

    def to_json(self) -> dict[str, Any]:
        """The fault as JSON, ``count`` being what is left."""
        return asdict(self)


MAX_FAULT_COUNT = 1_000_000
MAX_DELAY_SECONDS = 600.0


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{name} must be an integer from {low} to {high}; got {value!r:.40}")


def check_seconds(name: str, value: object, high: float) -> float:
    """``value`` as a finite number of seconds in ``[0, high]``; ``ConfigError`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{name} must be a number of seconds from 0 to {high:g}; got {value!r:.40}")
    number = float(value)
    if not math.isfinite(number) or not 0 <= number <= high:
        raise ConfigError(f"{name} must be a number of seconds from 0 to {high:g}; got {value!r:.40}")
    return number


class FaultPlan:
    """The ordered, thread-safe list of pending faults."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        """Queue ``fault`` after those already pending."""
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        """Drop every pending fault."""
        with self._lock:
            self._faults.clear()

    def pending(self) -> list[Fault]:
        """A copy of the pending faults."""
        with self._lock:
            return list(self._faults)

    def take(self, action: str) -> Fault | None:
        """The first fault matching ``action``, counted down by one hit (and removed once spent)."""
        with self._lock:
            for fault in self._faults:
                if fault.action and fault.action != action:
                    continue
                if fault.count > 0:
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                return fault
        return None
