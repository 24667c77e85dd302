"""TagResources, UntagResources and JoinResourceGroup over snapshots, disks and instances.

The provider updates snapshot tags by untagging removed or changed keys and then tagging every key, and moves
a snapshot with JoinResourceGroup; both address resources by ``ResourceType`` and id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .apierror import ApiError, missing
from .params import get_bool, get_numbered, get_tags
from .rules import check_resource_group, check_tags
from .store import Disk, Instance, Snapshot, Store

__all__ = ["join_resource_group", "tag_resources", "untag_resources"]

_MAX_TAGS_PER_RESOURCE = 20


def _resources(store: Store, resource_type: str, ids: list[str]) -> list[Snapshot | Disk | Instance]:
    tables: dict[str, Mapping[str, Snapshot | Disk | Instance]] = {
        "snapshot": store.snapshots,
        "disk": store.disks,
        "instance": store.instances,
    }
    table = tables.get(resource_type.lower())
    if table is None:
        raise ApiError(400, "InvalidResourceType.NotFound", "The specified ResourceType is not valid.")
    if not ids:
        raise missing("ResourceId")
    if len(ids) > 50:
        raise ApiError(400, "InvalidResourceId.Malformed", "The specified ResourceId.N exceeds 50 items.")
    found = []
    for resource_id in ids:
        item = table.get(resource_id)
        if item is None:
            raise ApiError(
                404, "InvalidResourceId.NotFound", "The specified ResourceIds are not found in our records."
            )
        found.append(item)
    return found


def tag_resources(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Add or overwrite tags; a resource may end up with at most 20 tags."""
    if not params.get("RegionId"):
        raise missing("RegionId")
    pairs = get_tags(params)
    if not pairs:
        raise missing("Tag")
    tags = check_tags(pairs)
    items = _resources(store, params.get("ResourceType", ""), get_numbered(params, "ResourceId"))
    for item in items:
        if len(item.tags.keys() | tags.keys()) > _MAX_TAGS_PER_RESOURCE:
            raise ApiError(400, "InvalidTagCount", "The specified tags are beyond the permitted range.")
    for item in items:
        item.tags.update(tags)
    return {}


def untag_resources(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Remove the named ``TagKey.N`` (or all tags with ``All=true``); unknown keys are ignored."""
    if not params.get("RegionId"):
        raise missing("RegionId")
    keys = get_numbered(params, "TagKey")
    remove_all = get_bool(params, "All")
    for item in _resources(store, params.get("ResourceType", ""), get_numbered(params, "ResourceId")):
        if remove_all:
            item.tags.clear()
        for key in keys:
            item.tags.pop(key, None)
    return {}


def join_resource_group(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Move one resource into a resource group (``rg-…``)."""
    if not params.get("RegionId"):
        raise missing("RegionId")
    group = params.get("ResourceGroupId", "")
    if not group:
        raise missing("ResourceGroupId")
    check_resource_group(group)
    resource_id = params.get("ResourceId", "")
    for item in _resources(store, params.get("ResourceType", ""), [resource_id] if resource_id else []):
        item.resource_group_id = group
    return {}
