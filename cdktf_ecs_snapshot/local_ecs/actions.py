"""The action table: API action name → handler, and which actions change state (and so trigger a save)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .disks import attach_disk, create_disk, delete_disk, describe_disks, detach_disk
from .instances import describe_instances
from .snapshots import create_snapshot, delete_snapshot, describe_snapshots, modify_snapshot
from .store import Store
from .tagging import join_resource_group, tag_resources, untag_resources

__all__ = ["ACTIONS", "WRITE_ACTIONS", "Handler"]

Handler = Callable[[Store, Mapping[str, str]], dict[str, Any]]

ACTIONS: dict[str, Handler] = {
    "DescribeSnapshots": describe_snapshots,
    "CreateSnapshot": create_snapshot,
    "DeleteSnapshot": delete_snapshot,
    "ModifySnapshotAttribute": modify_snapshot,
    "JoinResourceGroup": join_resource_group,
    "TagResources": tag_resources,
    "UntagResources": untag_resources,
    "DescribeDisks": describe_disks,
    "CreateDisk": create_disk,
    "DeleteDisk": delete_disk,
    "AttachDisk": attach_disk,
    "DetachDisk": detach_disk,
    "DescribeInstances": describe_instances,
}

WRITE_ACTIONS = frozenset(name for name in ACTIONS if not name.startswith("Describe"))
