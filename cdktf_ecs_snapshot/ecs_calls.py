"""Call ECS read APIs with bounded retries, plain-dict results, full paging and clean errors.

* **Retries**: throttling (``Throttling*`` codes, ``ThrottlingException``) and server errors (HTTP 5xx,
  ``ServiceUnavailable``) are retried with exponential backoff and full jitter (0.25 s doubling, at most
  4 s per wait, at least the API's ``x-acs-retry-after``), until the next wait would pass
  ``max_retry_seconds`` from
  the first attempt. Nothing else is retried: timeouts, refused or dropped connections and non-JSON replies
  fail at once with a message naming the endpoint.
* **Errors** are ``EcsApiError`` with ``code`` and ``request_id`` when the API answered, and a one-line
  message from which every known secret has been scrubbed.
* **Results** are the API's JSON as dicts (``to_map()``), so callers read the documented field names.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .ecs_client import ClientSettings, Scrubber
from .errors import EcsApiError

__all__ = ["PAGE_SIZE", "EcsSession", "describe_all", "translate_error"]

_BASE_DELAY = 0.25
_MAX_DELAY = 4.0
PAGE_SIZE = 100


@dataclass
class EcsSession:
    """An SDK client plus the settings and scrubber that its calls need."""

    client: Any
    settings: ClientSettings
    scrubber: Scrubber
    sleep: Callable[[float], None] = time.sleep
    attempts: int = field(default=0, init=False)

    def call(self, method: str, request: Any) -> dict[str, Any]:
        """``client.<method>(request).body.to_map()`` with retries; raises ``EcsApiError``."""
        start = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            self.attempts += 1
            try:
                response = getattr(self.client, method)(request)
                body = response.body.to_map() if response.body is not None else {}
                return dict(body)
            except Exception as exc:  # the SDK raises many unrelated types; all are translated
                error = self._translate(exc)
            if not error.retryable:
                raise error
            wait = random.uniform(0, min(_MAX_DELAY, _BASE_DELAY * 2 ** (attempt - 1)))
            wait = max(wait, getattr(error, "retry_after", 0.0))
            elapsed = time.monotonic() - start
            if elapsed + wait > self.settings.max_retry_seconds:
                raise EcsApiError(
                    f"{error} (gave up after {attempt} attempts in {elapsed:.1f}s; "
                    f"max_retry_seconds is {self.settings.max_retry_seconds:g})",
                    code=error.code,
                    request_id=error.request_id,
                    retryable=True,
                )
            self.sleep(wait)

    def _translate(self, exc: Exception) -> EcsApiError:
        self._learn_secret()
        error = translate_error(exc, self.settings.display_endpoint, self.settings.read_timeout)
        message = self.scrubber.scrub(str(error))
        clean = EcsApiError(message, code=error.code, request_id=error.request_id, retryable=error.retryable)
        clean.retry_after = getattr(error, "retry_after", 0.0)  # type: ignore[attr-defined]
        return clean

    def _learn_secret(self) -> None:
        for getter in ("get_access_key_secret", "get_security_token"):
            try:
                self.scrubber.add(getattr(self.client, getter)())
            except Exception:  # a broken credential chain has nothing to scrub
                continue


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def translate_error(exc: Exception, endpoint: str, read_timeout: float) -> EcsApiError:
    """Turn whatever the SDK raised into an ``EcsApiError`` with a one-line message (not yet scrubbed)."""
    from Tea.exceptions import UnretryableException

    code = getattr(exc, "code", None)
    data = getattr(exc, "data", None)
    status = getattr(exc, "status_code", None) or (data.get("statusCode") if isinstance(data, dict) else None)
    if isinstance(code, str) and code and isinstance(status, int):
        request_id = getattr(exc, "request_id", None) or (data or {}).get("RequestId")
        message = (data or {}).get("Message") or getattr(exc, "message", "") or ""
        retryable = (
            "Throttling" in code
            or code == "ServiceUnavailable"
            or status >= 500
            or type(exc).__name__ == "ThrottlingException"
        )
        error = EcsApiError(
            f"ECS API error {code} (HTTP {status}) from {endpoint}: {_one_line(message)} "
            f"[request id {request_id}]",
            code=code,
            request_id=request_id,
            retryable=retryable,
        )
        retry_after = getattr(exc, "retry_after", None)
        seconds = (retry_after / 1000.0) if isinstance(retry_after, int) else 0.0
        error.retry_after = seconds  # type: ignore[attr-defined]
        return error
    inner: BaseException = exc.inner_exception if isinstance(exc, UnretryableException) else exc
    if "CredentialException" in (type(exc).__name__, type(inner).__name__):
        return EcsApiError(
            "cannot load Alibaba Cloud credentials: none found in the environment, profile files or "
            "instance metadata; set ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY, or ALICLOUD_PROFILE "
            f"({_one_line(str(inner), 120)})"
        )
    return EcsApiError(_transport_message(inner, endpoint, read_timeout))


def _transport_message(inner: BaseException, endpoint: str, read_timeout: float) -> str:
    name = type(inner).__name__
    text = str(inner)
    if name == "ConnectTimeout" or "ConnectTimeoutError" in text:
        return f"cannot connect to ECS endpoint {endpoint}: connection timed out"
    if name == "ReadTimeout" or "Read timed out" in text:
        return f"ECS endpoint {endpoint} did not answer within the read timeout of {read_timeout:g}s"
    if "Connection refused" in text or "NewConnectionError" in text:
        return f"cannot connect to ECS endpoint {endpoint}: connection refused"
    if "RemoteDisconnected" in text or "Connection aborted" in text or "ConnectionResetError" in text:
        return f"ECS endpoint {endpoint} closed the connection without a reply"
    if "json format" in text:
        return f"ECS endpoint {endpoint} replied with a body that is not JSON: {_one_line(text, 160)}"
    if "Name or service not known" in text or "NameResolutionError" in text:
        return f"cannot resolve ECS endpoint {endpoint}"
    return f"request to ECS endpoint {endpoint} failed: {name}: {_one_line(text)}"


def describe_all(
    session: EcsSession, method: str, make_request: Callable[[str], Any], list_path: tuple[str, str]
) -> Iterator[dict[str, Any]]:
    """Yield every item of a ``NextToken``-paged Describe call.

    ``make_request(next_token)`` builds the request for one page; ``list_path`` is e.g. ``("Snapshots",
    "Snapshot")``. Stops on an empty ``NextToken`` or an empty page.
    """
    token = ""
    while True:
        body = session.call(method, make_request(token))
        items = (body.get(list_path[0]) or {}).get(list_path[1]) or []
        yield from items
        token = body.get("NextToken") or ""
        if not token or not items:
            return
