"""``LocalEcs``: the local ECS endpoint on 127.0.0.1, for tests (as a context manager) and for the CLI.

The HTTP side is the standard library's ``ThreadingHTTPServer``; the API side is ``Endpoint``. A few control
routes under ``/__control/`` (loopback only, no signature) let scripts change the endpoint while it runs:

=========================  ==================================================================================
``GET /__control/faults``  pending faults                     ``POST`` add one fault object or
                                                              ``{"faults": [...]}``; ``DELETE`` clear all
``GET /__control/requests`` the request log (action, params, status, code, fault; never a secret)
``GET /__control/state``   the state as a seed document       ``POST /__control/seed`` add a seed document
``POST /__control/settings`` ``{"snapshot_seconds": 2}``
=========================  ==================================================================================
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import socket
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .apierror import ConfigError
from .endpoint import Endpoint, Reply, RequestRecord
from .faults import Fault, FaultPlan
from .ids import new_request_id
from .store import Disk, Instance, Snapshot, Store, check_snapshot_seconds

__all__ = ["LocalEcs", "check_loopback_host"]

MAX_BODY = 10 * 1024 * 1024


def check_loopback_host(host: str) -> str:
    """``host`` if it is a loopback address (127.0.0.0/8, ::1 or localhost); ``ConfigError`` otherwise.

    The control routes have no authentication, so the endpoint must never listen beyond this machine.
    """
    if host == "localhost":
        return host
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is None or not address.is_loopback:
        raise ConfigError(
            f"--host must be a loopback address (127.0.0.1, another 127.x.y.z, ::1 or localhost); got {host!r}: "
            "the control API is unauthenticated and must not be reachable from other machines"
        )
    return str(address)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    local_ecs: LocalEcs


class _Server6(_Server):
    address_family = socket.AF_INET6


class _BadRequest(Exception):
    """A request the HTTP layer refuses (bad Content-Length, chunked body): HTTP 400 in the API's shape."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    server_version = "Tengine"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request stderr line; the request log holds what matters."""

    def _body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise _BadRequest("Transfer-Encoding chunked is not supported; send a Content-Length")
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit():
            raise _BadRequest("The Content-Length header must be a non-negative integer.")
        length = int(raw)
        if length > MAX_BODY:
            raise _BadRequest(f"The request body is larger than {MAX_BODY} bytes.")
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        path, _, query = self.path.partition("?")
        ecs = self.server.local_ecs
        try:
            body = self._body()
        except _BadRequest as error:
            self.close_connection = True  # the body was not read; the connection cannot be reused
            self._send(ecs.endpoint_api.error_reply(400, "InvalidParameter", str(error), new_request_id()))
            return
        if path.startswith("/__control/"):
            self._send(ecs._control(self.command, path, body))
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        self._send(ecs.endpoint_api.handle(self.command, path, query, headers, body))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors of the HTTP layer (a URL over 64 KB, a malformed request line…) in the API's JSON shape."""
        with contextlib.suppress(Exception):
            self.log_error("code %d, message %s", code, message)
        reply = self.server.local_ecs.endpoint_api.error_reply(
            code,
            "InvalidParameter" if 400 <= code < 500 else "UnsupportedOperation",
            message or self.responses.get(code, ("Error",))[0],
            new_request_id(),
        )
        self.close_connection = True
        try:
            self.send_response(code, message)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if self.command != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(reply.body)
        except OSError:
            pass

    do_GET = do_POST = do_DELETE = do_PUT = _dispatch

    def _send(self, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except OSError:
            # The client gave up (its read timeout passed during a slow reply); nothing to tell it.
            self.close_connection = True


class LocalEcs:
    """A local ECS endpoint speaking the real wire protocol; ``endpoint`` is ``127.0.0.1:PORT``.

    ``state`` seeds the endpoint (a seed document, or the path of a JSON file holding one); if ``state_file``
    exists it is loaded instead, and every change is saved back to it atomically, so a rehearsal survives a
    restart. ``snapshot_seconds`` is how long a new snapshot stays ``progressing`` (0: until the next call).
    """

    def __init__(
        self,
        *,
        access_key_id: str = "LTAI5tLocalEcsKey",
        access_key_secret: str = "local-ecs-secret",
        region_id: str = "cn-hangzhou",
        state: Mapping[str, Any] | str | os.PathLike[str] | None = None,
        state_file: str | os.PathLike[str] | None = None,
        snapshot_seconds: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: Iterable[Fault] = (),
    ) -> None:
        self._host = check_loopback_host(host)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise ConfigError(f"port must be an integer from 0 to 65535; got {port!r}")
        self.access_key_id = access_key_id
        self.region_id = region_id
        self.store = Store(region_id, snapshot_seconds)
        self._state_file = Path(state_file) if state_file is not None else None
        if self._state_file is not None and self._state_file.exists():
            self.store.load(json.loads(self._state_file.read_text(encoding="utf-8")))
        elif isinstance(state, Mapping):
            self.store.load(dict(state))
        elif state is not None:
            self.store.load(json.loads(Path(state).read_text(encoding="utf-8")))
        self.fault_plan = FaultPlan()
        for fault in faults:
            self.fault_plan.add(fault)
        self.endpoint_api = Endpoint(
            keys={access_key_id: access_key_secret},
            store=self.store,
            faults=self.fault_plan,
            state_file=self._state_file,
        )
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- running ---------------------------------------------------------------------------------------------

    def start(self) -> LocalEcs:
        """Bind and serve on a background thread; returns ``self``."""
        server_class = _Server6 if ":" in self._host else _Server
        server = server_class((self._host, self._port), _Handler)
        server.local_ecs = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="local-ecs", daemon=True
        )
        self._thread.start()
        self._persist()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket (in-flight slow replies are abandoned)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def serve_forever(self) -> None:
        """Serve on the calling thread until ``stop`` is called from another (used by the CLI)."""
        if self._server is None:
            self.start()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> LocalEcs:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (after ``start``)."""
        if self._server is None:
            raise RuntimeError("LocalEcs is not started")
        return int(self._server.server_address[1])

    @property
    def endpoint(self) -> str:
        """``host:port``, the value for the SDK's ``Config(endpoint=…, protocol='http')``."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"{host}:{self.port}"

    @property
    def snapshot_seconds(self) -> float:
        """How long a new snapshot stays ``progressing``."""
        return self.store.snapshot_seconds

    @snapshot_seconds.setter
    def snapshot_seconds(self, seconds: float) -> None:
        self.store.snapshot_seconds = check_snapshot_seconds(seconds)

    # -- seeding ---------------------------------------------------------------------------------------------

    def add_instance(
        self,
        *,
        data_disks: Iterable[Mapping[str, Any]] = (),
        system_disk_size: int = 40,
        system_disk_category: str = "cloud_essd",
        **fields: Any,
    ) -> Instance:
        """Add an instance with a system disk and ``data_disks`` (each a ``Disk`` field mapping)."""
        with self.store.lock:
            inst = self.store.add_instance(**fields)
            self.store.add_disk(
                instance_id=inst.instance_id,
                zone_id=inst.zone_id,
                type="system",
                size=system_disk_size,
                category=system_disk_category,
            )
            for disk in data_disks:
                self.store.add_disk(**{"instance_id": inst.instance_id, "zone_id": inst.zone_id, **disk})
        self._persist()
        return inst

    def add_disk(self, **fields: Any) -> Disk:
        """Add a disk (``Disk`` fields); with ``instance_id`` it is attached (``In_use``)."""
        disk = self.store.add_disk(**fields)
        self._persist()
        return disk

    def disks_of(self, instance_id: str) -> list[Disk]:
        """The disks attached to an instance, system disk first."""
        with self.store.lock:
            found = [d for d in self.store.disks.values() if d.instance_id == instance_id]
        return sorted(found, key=lambda d: (d.type != "system", d.device))

    def add_snapshot(self, disk_id: str, **fields: Any) -> Snapshot:
        """Add a snapshot of ``disk_id`` (``Snapshot`` fields; ``creation_time`` as epoch seconds)."""
        snap = self.store.add_snapshot(disk_id, **fields)
        self._persist()
        return snap

    def add_snapshots(
        self,
        disk_id: str,
        count: int,
        *,
        name_prefix: str = "snapshot",
        interval_seconds: float = 3600.0,
        **fields: Any,
    ) -> list[Snapshot]:
        """Add ``count`` snapshots named ``<prefix>-1``… ``interval_seconds`` apart, the newest now."""
        end = time.time()
        with self.store.lock:
            snaps = [
                self.store.add_snapshot(
                    disk_id,
                    snapshot_name=f"{name_prefix}-{i + 1}",
                    creation_time=end - (count - 1 - i) * interval_seconds,
                    **fields,
                )
                for i in range(count)
            ]
        self._persist()
        return snaps

    def load(self, seed: Mapping[str, Any]) -> None:
        """Add everything in a seed document (see ``store``'s module docstring)."""
        if not isinstance(seed, Mapping):
            raise ConfigError(f"a seed must be a JSON object; got a JSON {type(seed).__name__}")
        self.store.load(dict(seed))
        self._persist()

    def state(self) -> dict[str, Any]:
        """The whole state as a seed document."""
        return self.store.to_json()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the state to ``path`` atomically."""
        self.store.save(path)

    def _persist(self) -> None:
        if self._state_file is not None:
            self.store.save(self._state_file)

    # -- faults and log --------------------------------------------------------------------------------------

    def add_fault(self, kind: str, **fields: Any) -> Fault:
        """Queue a fault (see ``faults``): ``add_fault("throttling", count=3, action="DescribeDisks")``."""
        fault = Fault(kind, **fields)
        self.fault_plan.add(fault)
        return fault

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        self.fault_plan.clear()

    @property
    def requests(self) -> list[RequestRecord]:
        """The request log so far (a copy)."""
        return self.endpoint_api.records()

    def clear_requests(self) -> None:
        """Empty the request log."""
        self.endpoint_api.clear_records()

    # -- control routes --------------------------------------------------------------------------------------

    def _control(self, method: str, path: str, body: bytes) -> Reply:
        """Answer a control route; errors say what was wrong with the request, never internal details."""
        try:
            data = json.loads(body) if body else {}
        except (ValueError, RecursionError):
            return _control_reply(400, {"error": "the request body is not a JSON document"})
        try:
            result = self._control_route(method, path.removeprefix("/__control/"), data)
        except ConfigError as error:
            return _control_reply(400, {"error": str(error)})
        except Exception:  # anything else: a shape we did not anticipate; do not echo internals
            return _control_reply(400, {"error": f"invalid request body for {method} {path}"})
        if result is None:
            return _control_reply(404, {"error": f"no control route {method} {path}"})
        return _control_reply(200, result)

    def _control_route(self, method: str, route: str, data: Any) -> dict[str, Any] | None:
        if route == "faults":
            if method == "POST":
                items = data["faults"] if isinstance(data, dict) and "faults" in data else [data]
                if not isinstance(items, list):
                    raise ConfigError("faults must be a JSON array of fault objects")
                for fault in [Fault.from_json(item) for item in items]:  # all valid, or none added
                    self.fault_plan.add(fault)
            elif method == "DELETE":
                self.clear_faults()
            return {"faults": [f.to_json() for f in self.fault_plan.pending()]}
        if route == "requests" and method == "GET":
            return {"requests": [asdict(r) for r in self.requests]}
        if route == "state" and method == "GET":
            return self.state()
        if route == "seed" and method == "POST":
            self.load(data)
            return self.state()
        if route == "settings" and method == "POST":
            if not isinstance(data, dict):
                raise ConfigError("settings must be a JSON object such as {\"snapshot_seconds\": 2}")
            if "snapshot_seconds" in data:
                self.snapshot_seconds = data["snapshot_seconds"]
            return {"snapshot_seconds": self.snapshot_seconds}
        return None


def _control_reply(status: int, data: dict[str, Any]) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"Content-Type": "application/json"})
