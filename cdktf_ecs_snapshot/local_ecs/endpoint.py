"""One API request in, one reply out: parameters, faults, signature, action, persistence and the request log.

Kept apart from the HTTP plumbing in ``server.py`` so the protocol logic reads top to bottom in ``handle``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from .actions import ACTIONS, WRITE_ACTIONS
from .apierror import ApiError
from .faults import Fault, FaultPlan
from .ids import new_request_id
from .signature import verify_signature
from .store import Store

__all__ = ["API_VERSION", "Endpoint", "Reply", "RequestRecord"]

API_VERSION = "2014-05-26"
# RPC (v2) protocol parameters: part of the signature, not of the action, and never logged.
_PROTOCOL_PARAMS = frozenset(
    {
        "Action",
        "Format",
        "Version",
        "AccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "SignatureType",
        "Timestamp",
        "SecurityToken",
        "BearerToken",
    }
)
_HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>"
    b"\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n"
)


@dataclass
class RequestRecord:
    """What the log keeps of a request: action, parameters (no signature or token), outcome."""

    action: str
    params: dict[str, str]
    status: int
    code: str = ""
    fault: str = ""
    request_id: str = ""
    at: float = field(default_factory=time.time)


@dataclass
class Reply:
    """What to send: ``drop`` closes the connection without a reply; ``delay`` seconds pass first."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    delay: float = 0.0


class Endpoint:
    """The API behind the HTTP server: credentials, state, faults and the request log."""

    def __init__(
        self,
        *,
        keys: Mapping[str, str],
        store: Store,
        faults: FaultPlan,
        state_file: Path | None = None,
    ) -> None:
        self.keys = dict(keys)
        self.store = store
        self.faults = faults
        self.state_file = state_file
        self.log: list[RequestRecord] = []
        self._log_lock = threading.Lock()
        self._nonces: set[str] = set()

    @property
    def host_id(self) -> str:
        """The ``HostId`` the real API puts in error bodies."""
        return f"ecs.{self.store.region_id}.aliyuncs.com"

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Answer one API request (``headers`` with lower-case names)."""
        request_id = new_request_id()
        params = dict(parse_qsl(query, keep_blank_values=True))
        if body and headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        action = headers.get("x-acs-action") or params.get("Action", "")
        api_params = {k: v for k, v in params.items() if k not in _PROTOCOL_PARAMS}
        fault = self.faults.take(action)
        delay = 0.0
        if fault is not None:
            early = self._fault_reply(fault, request_id)
            if early is not None:
                self._record(action, api_params, early.status, fault.code, fault.kind, request_id)
                return early
            delay = fault.delay_seconds
        try:
            with self.store.lock:
                verify_signature(
                    method=method,
                    path=path,
                    params=params,
                    headers=headers,
                    body=body,
                    keys=self.keys,
                    seen_nonces=self._nonces,
                )
            version = headers.get("x-acs-version") or params.get("Version", "")
            if version != API_VERSION:
                raise ApiError(400, "InvalidVersion", "Specified parameter Version is not valid.")
            handler = ACTIONS.get(action)
            if handler is None:
                raise ApiError(
                    404,
                    "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.",
                )
            with self.store.lock:
                self.store.refresh()
                result = handler(self.store, api_params)
                if action in WRITE_ACTIONS and self.state_file is not None:
                    self.store.save(self.state_file)
        except ApiError as error:
            reply = self._error_reply(error.status, error.code, error.message, request_id)
            reply.delay = delay
            self._record(
                action, api_params, error.status, error.code, fault.kind if fault else "", request_id
            )
            return reply
        self._record(action, api_params, 200, "", fault.kind if fault else "", request_id)
        return Reply(200, _json({"RequestId": request_id, **result}), _json_headers(request_id), delay=delay)

    def _fault_reply(self, fault: Fault, request_id: str) -> Reply | None:
        if fault.kind == "drop":
            return Reply(drop=True)
        if fault.kind == "html":
            return Reply(fault.status, _HTML_502, {"Content-Type": "text/html"})
        if fault.kind == "slow":
            return None
        reply = self._error_reply(fault.status, fault.code, fault.message, request_id)
        if fault.retry_after_ms:
            reply.headers["x-acs-retry-after"] = str(fault.retry_after_ms)
        return reply

    def error_reply(self, status: int, code: str, message: str, request_id: str) -> Reply:
        """An error in the API's JSON shape (also used by the HTTP layer for malformed requests)."""
        return self._error_reply(status, code, message, request_id)

    def _error_reply(self, status: int, code: str, message: str, request_id: str) -> Reply:
        body = {
            "RequestId": request_id,
            "HostId": self.host_id,
            "Code": code,
            "Message": message,
            "Recommend": f"https://api.aliyun.com/troubleshoot?q={code}&product=Ecs&requestId={request_id}",
        }
        return Reply(status, _json(body), _json_headers(request_id))

    def _record(
        self, action: str, params: dict[str, str], status: int, code: str, fault: str, rid: str
    ) -> None:
        with self._log_lock:
            self.log.append(RequestRecord(action, params, status, code, fault, rid))

    def records(self) -> list[RequestRecord]:
        """A copy of the request log."""
        with self._log_lock:
            return list(self.log)

    def clear_records(self) -> None:
        """Empty the request log."""
        with self._log_lock:
            self.log.clear()


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _json_headers(request_id: str) -> dict[str, str]:
    return {"Content-Type": "application/json;charset=utf-8", "x-acs-request-id": request_id}
