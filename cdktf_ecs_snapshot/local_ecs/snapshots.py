"""Snapshot actions: DescribeSnapshots, CreateSnapshot, DeleteSnapshot, ModifySnapshotAttribute.

Each handler takes the store (already locked and refreshed by the server) and the flat parameter map,
and returns the response body without ``RequestId``; errors are ``ApiError`` with the real codes and
statuses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from .apierror import ApiError, missing, not_found, required_entry
from .ids import now
from .paging import paginate
from .params import get_bool, get_json_ids, get_tags
from .render import snapshot_json
from .rules import (
    check_category,
    check_create_description,
    check_modify_description,
    check_resource_group,
    check_retention_days,
    check_snapshot_name,
    check_tags,
)
from .store import Snapshot, Store

__all__ = [
    "MANUAL_SNAPSHOT_QUOTA",
    "create_snapshot",
    "delete_snapshot",
    "describe_snapshots",
    "modify_snapshot",
]

MANUAL_SNAPSHOT_QUOTA = 256
_SNAPSHOTTABLE = ("In_use", "Available")


def describe_snapshots(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Filter, sort newest first, page. ``Status``/``SnapshotType`` accept ``all``."""
    region = params.get("RegionId", "")
    if not region:
        raise missing("RegionId")
    ids = get_json_ids(params, "SnapshotIds", code="InvalidSnapshotIds.Malformed")
    wanted_tags = [(k, v) for k, v in get_tags(params) if k]
    filters = {
        "source_disk_id": params.get("DiskId", ""),
        "snapshot_name": params.get("SnapshotName", ""),
        "category": params.get("Category", "").lower(),
        "resource_group_id": params.get("ResourceGroupId", ""),
        "usage": params.get("Usage", ""),
    }
    status = params.get("Status", "all")
    kind = params.get("SnapshotType", "all")
    source_type = params.get("SourceDiskType", "").lower()
    instance_id = params.get("InstanceId", "")
    matches: list[Snapshot] = []
    for snap in store.snapshots.values():
        if snap.region_id != region or (ids is not None and snap.snapshot_id not in ids):
            continue
        if any(value and getattr(snap, name) != value for name, value in filters.items()):
            continue
        if status != "all" and snap.status != status:
            continue
        if kind != "all" and snap.snapshot_type != kind:
            continue
        if source_type and snap.source_disk_type != source_type:
            continue
        if instance_id:
            disk = store.disks.get(snap.source_disk_id)
            if disk is None or disk.instance_id != instance_id:
                continue
        if any(snap.tags.get(k) != v if v is not None else k not in snap.tags for k, v in wanted_tags):
            continue
        matches.append(snap)
    matches.sort(key=lambda s: (s.creation_time, s.snapshot_id), reverse=True)
    page, paging = paginate(matches, params)
    return {**paging, "Snapshots": {"Snapshot": [snapshot_json(store, s) for s in page]}}


def _request_fingerprint(params: Mapping[str, str]) -> str:
    relevant = {k: v for k, v in params.items() if k not in ("ClientToken", "RegionId")}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def create_snapshot(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Create a manual snapshot, ``progressing`` for ``store.snapshot_seconds`` (0: until the next read)."""
    token = params.get("ClientToken", "")
    if len(token) > 64 or not token.isascii():
        raise ApiError(
            400, "InvalidClientToken.Malformed", "The specified parameter ClientToken is not valid."
        )
    if token and token in store.client_tokens:
        fingerprint, snapshot_id = store.client_tokens[token]
        if fingerprint != _request_fingerprint(params):
            raise ApiError(
                400,
                "IdempotentParameterMismatch",
                "The request uses the same client token as a previous, but non-identical request.",
            )
        return {"SnapshotId": snapshot_id}
    disk_id = params.get("DiskId", "")
    if not disk_id:
        raise missing("DiskId")
    name = params.get("SnapshotName", "")
    if name:
        check_snapshot_name(name)
    description = params.get("Description", "")
    if description:
        check_create_description(description)
    retention = params.get("RetentionDays", "")
    retention_days = check_retention_days(retention) if retention else None
    category = check_category(params["Category"]) if params.get("Category") else "standard"
    group = params.get("ResourceGroupId", "")
    if group:
        check_resource_group(group)
    tags = check_tags(get_tags(params))
    disk = store.disks.get(disk_id)
    if disk is None:
        raise not_found("disk", "DiskId")
    if disk.status not in _SNAPSHOTTABLE:
        raise ApiError(403, "IncorrectDiskStatus", "The current disk status does not support this operation.")
    if not disk.attached_time:
        raise ApiError(
            403,
            "IncorrectDiskStatus.NeverAttached",
            "The specified disk has never been attached to any instance.",
        )
    own = [s for s in store.snapshots.values() if s.source_disk_id == disk_id]
    if any(s.status == "progressing" for s in own):
        raise ApiError(
            403, "IncorrectDiskStatus.CreatingSnapshot", "A previous snapshot creation is in process."
        )
    if sum(1 for s in own if s.snapshot_type == "user") >= MANUAL_SNAPSHOT_QUOTA:
        raise ApiError(
            403, "QuotaExceed.Snapshot", "The maximum number of snapshots for the disk is exceeded."
        )
    started = now()
    snap = store.add_snapshot(
        disk_id,
        snapshot_name=name,
        description=description,
        retention_days=retention_days,
        category=category,
        resource_group_id=group,
        tags=tags,
        status="progressing",
        creation_time=started,
        started_at=started,
        ready_at=started + store.snapshot_seconds if store.snapshot_seconds > 0 else started + 1e-6,
        client_token=token,
    )
    if token:
        store.client_tokens[token] = (_request_fingerprint(params), snap.snapshot_id)
    return {"SnapshotId": snap.snapshot_id}


def _find(store: Store, params: Mapping[str, str]) -> Snapshot:
    return required_entry(store.snapshots, params, "SnapshotId", "snapshot")


def delete_snapshot(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Delete; a snapshot that created disks needs ``Force=true``, one behind an image cannot go at all."""
    snap = _find(store, params)
    if snap.usage in ("image", "image_disk"):
        raise ApiError(403, "SnapshotCreatedImage", "The snapshot has been used to create a custom image.")
    if snap.usage == "disk" and not get_bool(params, "Force"):
        raise ApiError(
            403, "SnapshotCreatedDisk", "The snapshot has been used to create disks; use Force to delete it."
        )
    del store.snapshots[snap.snapshot_id]
    return {}


def modify_snapshot(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Rename, redescribe, or extend retention; a shorter ``RetentionDays`` is refused as by the API."""
    snap = _find(store, params)
    name = params.get("SnapshotName")
    if name:
        check_snapshot_name(name)
    description = params.get("Description")
    if description is not None:
        check_modify_description(description)
    retention = params.get("RetentionDays", "")
    retention_days = check_retention_days(retention) if retention else None
    if retention_days is not None and snap.retention_days and retention_days < snap.retention_days:
        raise ApiError(
            400,
            "InvalidRetentionDays.Malformed",
            "The retention period of a snapshot can only be extended; "
            f"current RetentionDays is {snap.retention_days}.",
        )
    if name:
        snap.snapshot_name = name
    if description is not None:
        snap.description = description
    if retention_days is not None:
        snap.retention_days = retention_days
    return {}
