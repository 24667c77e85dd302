"""Disk actions: DescribeDisks, CreateDisk, DeleteDisk, AttachDisk, DetachDisk.

Enough of the disk lifecycle for a provider double to serve ``alicloud_ecs_disk`` and
``alicloud_ecs_disk_attachment``: disks are created ``Available`` at once and attach/detach immediately.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .apierror import ApiError, missing, not_found, required_entry
from .ids import now
from .paging import paginate
from .params import get_bool, get_int, get_json_ids, get_tags
from .render import disk_json
from .rules import check_create_description, check_disk_name, check_resource_group, check_tags
from .store import Disk, Store

__all__ = ["attach_disk", "create_disk", "delete_disk", "describe_disks", "detach_disk"]

_SIZE_RANGES = {
    "cloud": (5, 2000),
    "cloud_efficiency": (20, 32768),
    "cloud_ssd": (20, 32768),
    "cloud_essd": (1, 65536),
    "cloud_auto": (1, 65536),
    "cloud_essd_entry": (10, 32768),
}


def describe_disks(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Filter by ids, instance, type, name, zone, status, category, tags; page both ways."""
    region = params.get("RegionId", "")
    if not region:
        raise missing("RegionId")
    ids = get_json_ids(params, "DiskIds", code="InvalidDiskIds.Malformed")
    disk_type = params.get("DiskType", "all")
    if disk_type not in ("all", "system", "data"):
        raise ApiError(
            400, "InvalidDiskType.ValueNotSupported", "The specified parameter DiskType is not valid."
        )
    filters = {
        "instance_id": params.get("InstanceId", ""),
        "disk_name": params.get("DiskName", ""),
        "zone_id": params.get("ZoneId", ""),
        "status": "" if params.get("Status") == "All" else params.get("Status", ""),
        "category": "" if params.get("Category") == "all" else params.get("Category", ""),
        "source_snapshot_id": params.get("SnapshotId", ""),
        "resource_group_id": params.get("ResourceGroupId", ""),
    }
    wanted_tags = [(k, v) for k, v in get_tags(params) if k]
    matches: list[Disk] = []
    for disk in store.disks.values():
        if disk.region_id != region or (ids is not None and disk.disk_id not in ids):
            continue
        if disk_type != "all" and disk.type != disk_type:
            continue
        if any(value and getattr(disk, name) != value for name, value in filters.items()):
            continue
        if any(disk.tags.get(k) != v if v is not None else k not in disk.tags for k, v in wanted_tags):
            continue
        matches.append(disk)
    page, paging = paginate(matches, params, max_results_limit=500)
    return {**paging, "Disks": {"Disk": [disk_json(d) for d in page]}}


def create_disk(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Create an ``Available`` data disk, empty or from an accomplished snapshot."""
    region = params.get("RegionId", "")
    if not region:
        raise missing("RegionId")
    zone = params.get("ZoneId", "")
    if not zone:
        raise missing("ZoneId")
    category = params.get("DiskCategory", "cloud")
    if category not in _SIZE_RANGES:
        raise ApiError(
            400, "InvalidDiskCategory.ValueNotSupported", "The specified disk category is not supported."
        )
    name = params.get("DiskName", "")
    if name:
        check_disk_name(name)
    description = params.get("Description", "")
    if description:
        check_create_description(description)
    group = params.get("ResourceGroupId", "")
    if group:
        check_resource_group(group)
    tags = check_tags(get_tags(params))
    snapshot_id = params.get("SnapshotId", "")
    low, high = _SIZE_RANGES[category]
    size = get_int(params, "Size", default=None, low=low, high=high, code="InvalidDiskSize.ValueNotSupported")
    encrypted = get_bool(params, "Encrypted")
    if snapshot_id:
        snap = store.snapshots.get(snapshot_id)
        if snap is None:
            raise not_found("snapshot", "SnapshotId")
        if snap.status != "accomplished":
            raise ApiError(
                403,
                "IncorrectSnapshotStatus",
                "The current status of the snapshot does not support this operation.",
            )
        if size is not None and size < snap.source_disk_size:
            raise ApiError(
                400, "InvalidDiskSize.TooSmall", "Specified disk size is less than the size of snapshot."
            )
        size = size or snap.source_disk_size
        encrypted = encrypted or snap.encrypted
        snap.usage = "disk" if snap.usage in ("none", "disk") else "image_disk"
    if size is None:
        raise missing("Size")
    disk = store.add_disk(
        zone_id=zone,
        region_id=region,
        type="data",
        category=category,
        size=size,
        status="Available",
        disk_name=name,
        description=description,
        encrypted=encrypted,
        source_snapshot_id=snapshot_id,
        resource_group_id=group,
        performance_level=params.get("PerformanceLevel", "PL1"),
        tags=tags,
        attached_time=0.0,
    )
    return {"DiskId": disk.disk_id, "OrderId": ""}


def _disk(store: Store, params: Mapping[str, str]) -> Disk:
    return required_entry(store.disks, params, "DiskId", "disk")


def delete_disk(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Release an ``Available`` disk; its manual snapshots stay (as in the API)."""
    disk = _disk(store, params)
    if disk.status != "Available":
        raise ApiError(403, "IncorrectDiskStatus", "The current disk status does not support this operation.")
    del store.disks[disk.disk_id]
    return {}


def attach_disk(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Attach an ``Available`` disk to an instance in the same zone; it gets the next free device."""
    instance_id = params.get("InstanceId", "")
    if not instance_id:
        raise missing("InstanceId")
    disk = _disk(store, params)
    instance = store.instances.get(instance_id)
    if instance is None:
        raise not_found("instance", "InstanceId")
    if disk.status != "Available":
        raise ApiError(403, "IncorrectDiskStatus", "The current disk status does not support this operation.")
    if disk.zone_id != instance.zone_id:
        raise ApiError(
            403, "InvalidDiskId.ZoneMismatch", "The specified disk and instance are not in the same zone."
        )
    disk.instance_id = instance_id
    disk.device = store.next_device(instance_id, disk.type)
    disk.status = "In_use"
    disk.attached_time = now()
    disk.delete_with_instance = get_bool(params, "DeleteWithInstance", disk.delete_with_instance)
    return {}


def detach_disk(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Detach a data disk from the instance it is attached to; system disks stay."""
    instance_id = params.get("InstanceId", "")
    if not instance_id:
        raise missing("InstanceId")
    disk = _disk(store, params)
    if instance_id not in store.instances:
        raise not_found("instance", "InstanceId")
    if disk.instance_id != instance_id or disk.status != "In_use":
        raise ApiError(403, "IncorrectDiskStatus", "The current disk status does not support this operation.")
    if disk.type == "system":
        raise ApiError(
            403, "IncorrectDiskType", "The system disk cannot be detached while the instance exists."
        )
    disk.instance_id = ""
    disk.device = ""
    disk.status = "Available"
    disk.detached_time = now()
    return {}
