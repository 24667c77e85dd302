"""The ECS side of the double: one SDK client per provider process, the calls, waiting, and error text.

Why the real SDK: the point of the double is that Terraform's requests become the same ECS API calls the real
provider makes (``CreateSnapshot`` + wait for ``accomplished``, ``DescribeSnapshots``, ``ModifySnapshotAttribute``,
``JoinResourceGroup``, ``UntagResources``/``TagResources``, ``DeleteSnapshot``), signed and encoded by the same
client library the library's own helper uses. The endpoint decides what exists; the double holds nothing.

SDK calls are blocking; they run in a worker thread so that Terraform's parallel operations on one provider
process do not serialise behind a slow wait.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Poll interval while waiting for a status. The real provider waits 5 s then polls every >= 3 s; a local
#: endpoint answers at once, so the default is short. Override with ALICLOUD_DOUBLE_POLL_SECONDS.
POLL_SECONDS = float(os.environ.get("ALICLOUD_DOUBLE_POLL_SECONDS", "0.2"))


class EcsCallError(Exception):
    """An ECS API call failed; ``str()`` reads like the real provider's error."""

    def __init__(self, resource: str, action: str, code: str, message: str, request_id: str = "") -> None:
        self.resource, self.action, self.code, self.message, self.request_id = (
            resource,
            action,
            code,
            message,
            request_id,
        )
        super().__init__(
            f"[ERROR] {resource} {action} Failed!!! [SDK alibabacloud_ecs20140526 ERROR]:\n"
            f"Code: {code}\nMessage: {message}\nRequestId: {request_id}"
        )

    @property
    def not_found(self) -> bool:
        return "NotFound" in self.code or "NotFound" in self.message


@dataclass(frozen=True)
class Settings:
    """What the provider block (or the environment) says about reaching ECS."""

    region: str
    access_key: str
    secret_key: str
    security_token: str
    endpoint: str
    protocol: str


def _clean_endpoint(endpoint: str) -> tuple[str, str | None]:
    match = re.match(r"^(https?)://(.*?)/?$", endpoint.strip())
    if match:
        return match.group(2), match.group(1)
    return endpoint.strip(), None


class Ecs:
    """A thin wrapper over ``alibabacloud_ecs20140526.client.Client`` returning plain response maps."""

    def __init__(self, settings: Settings) -> None:
        from alibabacloud_ecs20140526.client import Client
        from alibabacloud_tea_openapi import models as open_api_models

        host, scheme = _clean_endpoint(settings.endpoint)
        local = host.startswith(("127.0.0.1", "localhost", "[::1]"))
        protocol = scheme or ("http" if local else settings.protocol.lower() or "https")
        self.settings = settings
        self.client = Client(
            open_api_models.Config(
                access_key_id=settings.access_key,
                access_key_secret=settings.secret_key,
                security_token=settings.security_token or None,
                endpoint=host,
                protocol=protocol,
                region_id=settings.region,
            )
        )

    def _call_sync(self, resource: str, action: str, method: str, request: Any) -> dict[str, Any]:
        from alibabacloud_tea_openapi.exceptions import AlibabaCloudException

        try:
            response = getattr(self.client, method)(request)
        except AlibabaCloudException as exc:
            message = re.sub(r"^code: \d+, ", "", str(exc.message or ""))
            message = re.sub(r" request id: \S+$", "", message)
            raise EcsCallError(resource, action, str(exc.code), message, str(exc.request_id or "")) from exc
        except Exception as exc:  # transport errors: connection refused, non-JSON reply
            raise EcsCallError(resource, action, type(exc).__name__, str(exc)) from exc
        body = response.body.to_map() if response.body is not None else {}
        return body  # type: ignore[no-any-return]

    async def call(self, resource: str, action: str, request: Any) -> dict[str, Any]:
        """Run ``action`` (e.g. ``CreateSnapshot``) with a typed request model."""
        method = re.sub(r"(?<!^)(?=[A-Z])", "_", action).lower()
        return await asyncio.to_thread(self._call_sync, resource, action, method, request)

    # --- snapshots -------------------------------------------------------------------------------------------

    async def describe_snapshot(self, snapshot_id: str) -> dict[str, Any] | None:
        from alibabacloud_ecs20140526 import models

        try:
            body = await self.call(
                snapshot_id,
                "DescribeSnapshots",
                models.DescribeSnapshotsRequest(region_id=self.settings.region, snapshot_ids=f'["{snapshot_id}"]'),
            )
        except EcsCallError as exc:
            if exc.code == "InvalidResource.NotFound":
                return None
            raise
        items = (body.get("Snapshots") or {}).get("Snapshot") or []
        return items[0] if items else None

    async def wait_snapshot(
        self, snapshot_id: str, target: str, timeout: float, stop: Callable[[], bool] = lambda: False
    ) -> dict[str, Any]:
        """Poll ``DescribeSnapshots`` until ``Status == target`` (no fail states, as since 1.239.0)."""
        deadline = time.monotonic() + timeout
        while True:
            snap = await self.describe_snapshot(snapshot_id)
            status = (snap or {}).get("Status")
            if snap is not None and status == target:
                return snap
            if time.monotonic() >= deadline or stop():
                raise EcsCallError(
                    snapshot_id,
                    "WaitForState",
                    "WaitForTimeout",
                    f"timeout while waiting for state to become '{target}' (last state: '{status}', "
                    f"timeout: {_duration_text(timeout)})",
                )
            await asyncio.sleep(POLL_SECONDS)

    # --- disks ------------------------------------------------------------------------------------------------

    async def describe_disk(self, disk_id: str) -> dict[str, Any] | None:
        from alibabacloud_ecs20140526 import models

        try:
            body = await self.call(
                disk_id,
                "DescribeDisks",
                models.DescribeDisksRequest(region_id=self.settings.region, disk_ids=f'["{disk_id}"]'),
            )
        except EcsCallError as exc:
            if exc.not_found:
                return None
            raise
        items = (body.get("Disks") or {}).get("Disk") or []
        return items[0] if items else None

    async def wait_disk(self, disk_id: str, targets: tuple[str, ...], timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            disk = await self.describe_disk(disk_id)
            status = (disk or {}).get("Status")
            if disk is not None and status in targets:
                return disk
            if time.monotonic() >= deadline:
                raise EcsCallError(
                    disk_id,
                    "WaitForState",
                    "WaitForTimeout",
                    f"timeout while waiting for state to become {list(targets)} (last state: '{status}')",
                )
            await asyncio.sleep(POLL_SECONDS)


def client_token(action: str) -> str:
    """``TF-<Action>-<unix>-<uuid>`` truncated to 64 characters, as the real provider builds it."""
    return f"TF-{action}-{int(time.time())}-{uuid.uuid4()}"[:64]


_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")


def parse_duration(text: str | None, default: float) -> float:
    """Go ``time.ParseDuration`` for the forms timeouts use (``"5m"``, ``"1h30m"``, ``"90s"``); seconds."""
    if not text:
        return default
    parts = _DURATION.findall(text.strip())
    if not parts or "".join(n + u for n, u in parts) != text.strip():
        raise ValueError(f"time: invalid duration {text!r}")
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    return sum(float(n) * scale[u] for n, u in parts)


def _duration_text(seconds: float) -> str:
    return f"{int(seconds // 60)}m{int(seconds % 60)}s" if seconds >= 60 else f"{seconds:g}s"


IGNORED_TAG_PREFIXES = ("aliyun", "acs:", "http://", "https://", "sae.do.not.delete")


def tags_from(obj: dict[str, Any]) -> dict[str, str]:
    """``Tags.Tag[]`` as a map, dropping system tags like the real provider's ``ignoredTags``."""
    out: dict[str, str] = {}
    for tag in (obj.get("Tags") or {}).get("Tag") or []:
        key, value = tag.get("TagKey", ""), tag.get("TagValue", "")
        if not key.startswith(IGNORED_TAG_PREFIXES):
            out[key] = value
    return out
