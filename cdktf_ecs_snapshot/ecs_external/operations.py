"""The three read-only operations: ``disk``, ``latest_snapshot`` and ``preflight``.

Each takes the validated query and an ``EcsSession`` and returns a flat mapping for ``render_result``. Lookups
that find nothing (or too much) raise ``LookupFailed`` with what was searched and what matched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..ecs_calls import PAGE_SIZE, EcsSession, describe_all
from ..errors import SnapshotLibError
from .protocol import UsageError

__all__ = ["COMMON_KEYS", "OPERATIONS", "LookupFailed", "Operation"]

COMMON_KEYS = frozenset(
    {"region", "endpoint", "protocol", "connect_timeout", "read_timeout", "max_retry_seconds"}
)
MANUAL_SNAPSHOT_QUOTA = 256
_SNAPSHOTTABLE = ("In_use", "Available")
_SNAPSHOT_STATUSES = ("accomplished", "progressing", "failed", "all")


class LookupFailed(SnapshotLibError):
    """A lookup matched no resource or more than one; the message names the search and the matches."""


@dataclass(frozen=True)
class Operation:
    """One operation: its query keys and the function that runs it."""

    name: str
    required: tuple[str, ...]
    optional: frozenset[str]
    run: Callable[[EcsSession, Mapping[str, str]], dict[str, Any]]
    summary: str


def _models() -> Any:
    from alibabacloud_ecs20140526 import models

    return models


def _searched(query: Mapping[str, str], keys: tuple[str, ...]) -> str:
    return ", ".join(f"{key}={query[key]!r}" for key in keys if query.get(key))


def _count_snapshots(session: EcsSession, disk_id: str, **filters: str) -> int:
    request = _models().DescribeSnapshotsRequest(
        region_id=session.settings.region_id, disk_id=disk_id, page_number=1, page_size=1, **filters
    )
    return int(session.call("describe_snapshots", request).get("TotalCount") or 0)


def _disks(session: EcsSession, **filters: Any) -> list[dict[str, Any]]:
    models = _models()

    def request(token: str) -> Any:
        return models.DescribeDisksRequest(
            region_id=session.settings.region_id, max_results=PAGE_SIZE, next_token=token or None, **filters
        )

    return list(describe_all(session, "describe_disks", request, ("Disks", "Disk")))


# -- disk ----------------------------------------------------------------------------------------------------


def run_disk(session: EcsSession, query: Mapping[str, str]) -> dict[str, Any]:
    """One disk by ``disk_id``, by ``instance_id`` + ``disk_type`` (+ ``device``), or by ``disk_name``."""
    if not any(query.get(k) for k in ("disk_id", "instance_id", "disk_name")):
        raise UsageError("disk needs one of disk_id, instance_id (with disk_type) or disk_name")
    disk_type = query.get("disk_type", "")
    if query.get("instance_id") and not disk_type:
        raise UsageError("disk: instance_id needs disk_type 'system' or 'data'")
    if disk_type and disk_type not in ("system", "data"):
        raise UsageError(f"disk: disk_type must be 'system' or 'data'; got {disk_type!r}")
    filters: dict[str, Any] = {}
    if query.get("disk_id"):
        filters["disk_ids"] = f'["{query["disk_id"]}"]'
    for key in ("instance_id", "disk_name", "zone_id", "disk_type"):
        if query.get(key):
            filters[key] = query[key]
    matches = _disks(session, **filters)
    if query.get("device"):
        matches = [d for d in matches if d.get("Device") == query["device"]]
    searched = _searched(query, ("disk_id", "instance_id", "disk_type", "device", "disk_name", "zone_id"))
    where = f"in region {session.settings.region_id}"
    if not matches:
        raise LookupFailed(f"no disk matches {searched} {where}")
    if len(matches) > 1:
        ids = ", ".join(str(d.get("DiskId")) for d in matches)
        hint = "add 'device' to pick one" if query.get("instance_id") else "add 'zone_id' or use 'disk_id'"
        raise LookupFailed(f"{len(matches)} disks match {searched} {where}: {ids}; {hint}")
    disk = matches[0]
    return {
        "disk_id": disk.get("DiskId"),
        "disk_name": disk.get("DiskName"),
        "category": disk.get("Category"),
        "size": disk.get("Size"),
        "status": disk.get("Status"),
        "zone_id": disk.get("ZoneId"),
        "region_id": disk.get("RegionId") or session.settings.region_id,
        "instance_id": disk.get("InstanceId"),
        "device": disk.get("Device"),
        "encrypted": disk.get("Encrypted"),
        "type": disk.get("Type"),
        "manual_snapshot_count": _count_snapshots(session, str(disk.get("DiskId")), snapshot_type="user"),
    }


# -- latest_snapshot -----------------------------------------------------------------------------------------

_SNAPSHOT_KEYS = (
    "snapshot_id",
    "snapshot_name",
    "creation_time",
    "status",
    "retention_days",
    "source_disk_id",
    "category",
)


def run_latest_snapshot(session: EcsSession, query: Mapping[str, str]) -> dict[str, Any]:
    """The newest snapshot of ``disk_id`` matching ``status``, ``name_prefix``, ``tag_key``/``tag_value``."""
    status = query.get("status") or "accomplished"
    if status not in _SNAPSHOT_STATUSES:
        raise UsageError(
            f"latest_snapshot: status must be one of {', '.join(_SNAPSHOT_STATUSES)}; got {status!r}"
        )
    optional = query.get("optional", "false")
    if optional not in ("true", "false"):
        raise UsageError(f"latest_snapshot: optional must be 'true' or 'false'; got {optional!r}")
    tag_key, tag_value = query.get("tag_key", ""), query.get("tag_value")
    if tag_value is not None and not tag_key:
        raise UsageError("latest_snapshot: tag_value needs tag_key")
    models = _models()
    tags = [models.DescribeSnapshotsRequestTag(key=tag_key, value=tag_value)] if tag_key else None

    def request(token: str) -> Any:
        return models.DescribeSnapshotsRequest(
            region_id=session.settings.region_id,
            disk_id=query["disk_id"],
            status=status,
            tag=tags,
            max_results=PAGE_SIZE,
            next_token=token or None,
        )

    prefix = query.get("name_prefix", "")
    candidates = [
        snap
        for snap in describe_all(session, "describe_snapshots", request, ("Snapshots", "Snapshot"))
        if str(snap.get("SnapshotName") or "").startswith(prefix)
        and (status == "all" or snap.get("Status") == status)
        and (not tag_key or _has_tag(snap, tag_key, tag_value))
    ]
    if not candidates:
        if optional == "true":
            return dict.fromkeys(_SNAPSHOT_KEYS)
        searched = _searched(query, ("disk_id", "name_prefix", "tag_key", "tag_value"))
        raise LookupFailed(
            f"no snapshot with status {status!r} matches {searched} in region {session.settings.region_id}; "
            'set optional = "true" to get empty values instead'
        )
    newest = max(candidates, key=lambda s: (str(s.get("CreationTime") or ""), str(s.get("SnapshotId"))))
    return {
        "snapshot_id": newest.get("SnapshotId"),
        "snapshot_name": newest.get("SnapshotName"),
        "creation_time": newest.get("CreationTime"),
        "status": newest.get("Status"),
        "retention_days": newest.get("RetentionDays"),
        "source_disk_id": newest.get("SourceDiskId"),
        "category": newest.get("Category"),
    }


def _has_tag(snap: Mapping[str, Any], key: str, value: str | None) -> bool:
    for tag in (snap.get("Tags") or {}).get("Tag") or []:
        if tag.get("TagKey") == key and (value is None or tag.get("TagValue") == value):
            return True
    return False


# -- preflight -----------------------------------------------------------------------------------------------


def run_preflight(session: EcsSession, query: Mapping[str, str]) -> dict[str, Any]:
    """Whether a snapshot of ``disk_id`` can be created now, and why not."""
    strict = query.get("strict", "false")
    if strict not in ("true", "false"):
        raise UsageError(f"preflight: strict must be 'true' or 'false'; got {strict!r}")
    disk_id = query["disk_id"]
    found = _disks(session, disk_ids=f'["{disk_id}"]')
    reasons: list[tuple[str, str]] = []
    status = manual = progressing = None
    if not found:
        reasons.append(
            ("disk_not_found", f"disk {disk_id} does not exist in region {session.settings.region_id}")
        )
    else:
        disk = found[0]
        status = str(disk.get("Status") or "")
        if status not in _SNAPSHOTTABLE:
            reasons.append(("disk_status", f"disk status is {status}; snapshots need In_use or Available"))
        elif not disk.get("AttachedTime") and status == "Available":
            reasons.append(("never_attached", "disk has never been attached to an instance"))
        progressing = _count_snapshots(session, disk_id, status="progressing")
        if progressing:
            reasons.append(
                ("snapshot_in_progress", f"{progressing} snapshot(s) of the disk still progressing")
            )
        manual = _count_snapshots(session, disk_id, snapshot_type="user")
        if manual >= MANUAL_SNAPSHOT_QUOTA:
            reasons.append(
                ("quota_reached", f"{manual} manual snapshots; the limit is {MANUAL_SNAPSHOT_QUOTA}")
            )
    ok = not reasons
    message = "; ".join(text for _, text in reasons)
    if strict == "true" and not ok:
        raise LookupFailed(f"cannot snapshot {disk_id} now: {message}")
    return {
        "ok": ok,
        "reasons": [code for code, _ in reasons],
        "message": message,
        "manual_snapshot_count": manual,
        "progressing_count": progressing,
        "disk_status": status,
    }


OPERATIONS: dict[str, Operation] = {
    "disk": Operation(
        "disk",
        (),
        frozenset({"disk_id", "instance_id", "disk_type", "device", "disk_name", "zone_id"}),
        run_disk,
        "one disk by disk_id | instance_id + disk_type [+ device] | disk_name [+ zone_id]",
    ),
    "latest_snapshot": Operation(
        "latest_snapshot",
        ("disk_id",),
        frozenset({"status", "name_prefix", "tag_key", "tag_value", "optional"}),
        run_latest_snapshot,
        "newest snapshot of disk_id [status, name_prefix, tag_key, tag_value, optional]",
    ),
    "preflight": Operation(
        "preflight",
        ("disk_id",),
        frozenset({"strict"}),
        run_preflight,
        "can a snapshot of disk_id be created now [strict]",
    ),
}
