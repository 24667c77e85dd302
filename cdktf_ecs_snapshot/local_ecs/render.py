"""Resources rendered exactly as the real API's JSON (``Snapshots.Snapshot[]``, ``Disks.Disk[]``…).

Field names, nesting and value types follow the SDK's response models, so the typed SDK objects fill in and
``to_map()`` gives back what the cloud would have sent.
"""

from __future__ import annotations

from typing import Any

from .ids import format_time
from .store import Disk, Instance, Snapshot, Store

__all__ = ["disk_json", "instance_json", "snapshot_json", "tags_json"]


def tags_json(tags: dict[str, str]) -> dict[str, Any]:
    """``{"Tag": [{"TagKey", "TagValue"}]}`` in insertion order."""
    return {"Tag": [{"TagKey": key, "TagValue": value} for key, value in tags.items()]}


def snapshot_json(store: Store, snap: Snapshot) -> dict[str, Any]:
    """One ``Snapshots.Snapshot[]`` entry; ``RetentionDays`` is left out when the snapshot never expires."""
    body: dict[str, Any] = {
        "SnapshotId": snap.snapshot_id,
        "SnapshotName": snap.snapshot_name,
        "Description": snap.description,
        "Status": snap.status,
        "Progress": store.progress(snap),
        "RemainTime": 0,
        "SourceDiskId": snap.source_disk_id,
        "SourceDiskType": snap.source_disk_type.capitalize(),
        "SourceDiskSize": str(snap.source_disk_size),
        "SourceStorageType": "disk",
        "Category": snap.category,
        "CreationTime": format_time(snap.creation_time),
        "LastModifiedTime": format_time(snap.creation_time),
        "RegionId": snap.region_id,
        "ResourceGroupId": snap.resource_group_id,
        "SnapshotType": snap.snapshot_type,
        "Usage": snap.usage,
        "Encrypted": snap.encrypted,
        "InstantAccess": snap.instant_access,
        "ProductCode": "",
        "SnapshotSN": "64" + snap.snapshot_id[2:].ljust(18, "0")[:18],
        "Tags": tags_json(snap.tags),
    }
    if snap.retention_days:
        body["RetentionDays"] = snap.retention_days
    return body


def disk_json(disk: Disk) -> dict[str, Any]:
    """One ``Disks.Disk[]`` entry; empty times stay empty strings as in the API."""
    return {
        "DiskId": disk.disk_id,
        "DiskName": disk.disk_name,
        "Description": disk.description,
        "Category": disk.category,
        "Size": disk.size,
        "Status": disk.status,
        "Type": disk.type,
        "ZoneId": disk.zone_id,
        "RegionId": disk.region_id,
        "InstanceId": disk.instance_id,
        "Device": disk.device,
        "Encrypted": disk.encrypted,
        "PerformanceLevel": disk.performance_level if disk.category == "cloud_essd" else "",
        "SourceSnapshotId": disk.source_snapshot_id,
        "ResourceGroupId": disk.resource_group_id,
        "DeleteWithInstance": disk.delete_with_instance,
        "Portable": disk.type == "data",
        "DiskChargeType": "PostPaid",
        "CreationTime": format_time(disk.creation_time),
        "AttachedTime": format_time(disk.attached_time) if disk.attached_time else "",
        "DetachedTime": format_time(disk.detached_time) if disk.detached_time else "",
        "Tags": tags_json(disk.tags),
    }


def instance_json(inst: Instance) -> dict[str, Any]:
    """One ``Instances.Instance[]`` entry with the fields disk and snapshot work needs."""
    return {
        "InstanceId": inst.instance_id,
        "InstanceName": inst.instance_name,
        "InstanceType": inst.instance_type,
        "Status": inst.status,
        "ZoneId": inst.zone_id,
        "RegionId": inst.region_id,
        "ResourceGroupId": inst.resource_group_id,
        "CreationTime": format_time(inst.creation_time)[:16] + "Z",
        "Tags": tags_json(inst.tags),
    }
