"""``alicloud_ecs_disk`` (documented subset) and ``alicloud_ecs_disk_attachment``, so rehearsal stacks can make
the disk they snapshot.

Disk calls: CreateDisk (ZoneId, DiskCategory, Size, DiskName, Description, Encrypted, SnapshotId, Tag.N,
ResourceGroupId, ClientToken) -> wait Available; DescribeDisks; ModifyDiskAttribute (disk_name, description,
delete_with_instance); Untag/TagResources (type disk); DeleteDisk. Attachment calls: AttachDisk -> wait In_use,
id ``<disk_id>:<instance_id>``; DescribeDisks for the read; DetachDisk -> wait Available.
"""

from __future__ import annotations

from typing import Any

from alibabacloud_ecs20140526 import models
from pyvider.resources import BaseResource
from pyvider.resources.context import ResourceContext

from .. import runtime
from ..ecs import EcsCallError, client_token, tags_from
from ..planning import as_dict, deprecation_warnings, known_dict, merge_applied, timeout_seconds, validation_errors
from ..schema_gen import resource_schema
from ._base import attrs_class_for, raises_for_import, report, reports_errors
from .snapshot import set_tags

DISK_FACTS = "alicloud_ecs_disk"
ATTACHMENT_FACTS = "alicloud_ecs_disk_attachment"


def disk_read_back(disk: dict[str, Any], prior: dict[str, Any]) -> dict[str, Any]:
    name = disk.get("DiskName") or ""
    out = {
        "id": disk.get("DiskId"),
        "zone_id": disk.get("ZoneId"),
        "availability_zone": disk.get("ZoneId"),
        "category": disk.get("Category"),
        "size": disk.get("Size"),
        "disk_name": name,
        "name": name,
        "description": disk.get("Description") or None,
        "encrypted": disk.get("Encrypted") if prior.get("encrypted") is not None or disk.get("Encrypted") else None,
        "snapshot_id": disk.get("SourceSnapshotId") or None,
        "delete_with_instance": disk.get("DeleteWithInstance"),
        "resource_group_id": disk.get("ResourceGroupId") or "",
        "tags": tags_from(disk) or None,
        "status": disk.get("Status"),
        "performance_level": disk.get("PerformanceLevel") or None,
        "timeouts": prior.get("timeouts"),
    }
    for key in ("description", "snapshot_id", "tags"):
        if out[key] is None and prior.get(key) is not None and not prior.get(key):
            out[key] = prior[key]
    return out


class _Disk(BaseResource):  # type: ignore[type-arg]
    type_name = "alicloud_ecs_disk"

    @classmethod
    def get_schema(cls) -> Any:
        return resource_schema(cls.type_name, runtime.version())

    async def _validate_config(self, config: Any) -> list[str]:
        return validation_errors(DISK_FACTS, as_dict(config))

    async def _create(self, ctx: ResourceContext, base_plan: dict[str, Any]) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        deprecation_warnings(ctx, DISK_FACTS, config)
        for new, old in (("disk_name", "name"), ("zone_id", "availability_zone")):
            if config.get(new) is not None and config.get(old) is None:
                base_plan[old] = config[new]
            elif config.get(old) is not None and config.get(new) is None:
                base_plan[new] = config[old]
        return base_plan, None

    async def _update(self, ctx: ResourceContext, base_plan: dict[str, Any]) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        deprecation_warnings(ctx, DISK_FACTS, config)
        if config.get("disk_name") is not None and config.get("name") is None:
            base_plan["name"] = config["disk_name"]
        elif config.get("name") is not None and config.get("disk_name") is None:
            base_plan["disk_name"] = config["name"]
        return base_plan, None

    @reports_errors((None, None))
    async def _create_apply(self, ctx: ResourceContext) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        ecs = runtime.ecs()
        tags = config.get("tags") or {}
        request = models.CreateDiskRequest(
            region_id=ecs.settings.region,
            client_token=client_token("CreateDisk"),
            zone_id=config.get("zone_id") or config.get("availability_zone") or None,
            disk_category=config.get("category") or None,
            size=int(config["size"]) if config.get("size") is not None else None,
            disk_name=config.get("disk_name") or config.get("name") or None,
            description=config.get("description") or None,
            encrypted=config.get("encrypted"),
            snapshot_id=config.get("snapshot_id") or None,
            resource_group_id=config.get("resource_group_id") or None,
            performance_level=config.get("performance_level") or None,
            tag=[models.CreateDiskRequestTag(key=k, value=v) for k, v in tags.items()] or None,
        )
        try:
            body = await ecs.call("alicloud_ecs_disk", "CreateDisk", request)
        except EcsCallError as exc:
            report(ctx, exc)
            return None, None
        disk_id = str(body["DiskId"])
        try:
            disk = await ecs.wait_disk(
                disk_id, ("Available", "In_use"), timeout_seconds(DISK_FACTS, "create", config.get("timeouts"))
            )
        except EcsCallError as exc:
            report(ctx, exc)
            disk = {"DiskId": disk_id}
        return merge_applied(self.get_schema(), ctx.planned_state_cty, disk_read_back(disk, config)), None

    @reports_errors((None, None))
    async def _update_apply(self, ctx: ResourceContext) -> tuple[Any, Any]:
        prior = as_dict(ctx.state)
        planned = known_dict(ctx.planned_state_cty)
        disk_id = str(prior["id"])
        ecs = runtime.ecs()

        def changed(name: str) -> bool:
            return name in planned and planned.get(name) != prior.get(name)

        try:
            if any(changed(n) for n in ("disk_name", "name", "description", "delete_with_instance")):
                request = models.ModifyDiskAttributeRequest(disk_id=disk_id, region_id=ecs.settings.region)
                if changed("disk_name") or changed("name"):
                    request.disk_name = planned.get("disk_name") or planned.get("name")
                if changed("description"):
                    request.description = planned.get("description") or ""
                if changed("delete_with_instance"):
                    request.delete_with_instance = planned.get("delete_with_instance")
                await ecs.call(disk_id, "ModifyDiskAttribute", request)
            if changed("size"):
                await ecs.call(
                    disk_id,
                    "ResizeDisk",
                    models.ResizeDiskRequest(
                        disk_id=disk_id, new_size=int(planned["size"]), client_token=client_token("ResizeDisk")
                    ),
                )
            if changed("tags"):
                await set_tags(ecs, disk_id, "disk", prior.get("tags") or {}, planned.get("tags") or {})
        except EcsCallError as exc:
            report(ctx, exc)
            return merge_applied(self.get_schema(), ctx.planned_state_cty, {}, prior), None
        disk = await ecs.describe_disk(disk_id) or {}
        return merge_applied(self.get_schema(), ctx.planned_state_cty, disk_read_back(disk, prior), prior), None

    @reports_errors()
    async def _delete_apply(self, ctx: ResourceContext) -> None:
        disk_id = str(as_dict(ctx.state)["id"])
        try:
            await runtime.ecs().call(disk_id, "DeleteDisk", models.DeleteDiskRequest(disk_id=disk_id))
        except EcsCallError as exc:
            if not exc.not_found:
                report(ctx, exc)

    @reports_errors()
    async def read(self, ctx: ResourceContext) -> Any:
        prior = as_dict(ctx.state)
        disk = await runtime.ecs().describe_disk(str(prior.get("id")))
        return None if disk is None else disk_read_back(disk, prior)

    @raises_for_import
    async def import_state(self, ctx: ResourceContext, import_id: str) -> Any:
        disk = await runtime.ecs().describe_disk(import_id)
        return None if disk is None else disk_read_back(disk, {})


class _DiskAttachment(BaseResource):  # type: ignore[type-arg]
    type_name = "alicloud_ecs_disk_attachment"

    @classmethod
    def get_schema(cls) -> Any:
        return resource_schema(cls.type_name, runtime.version())

    async def _validate_config(self, config: Any) -> list[str]:
        return validation_errors(ATTACHMENT_FACTS, as_dict(config))

    @reports_errors((None, None))
    async def _create_apply(self, ctx: ResourceContext) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        ecs = runtime.ecs()
        request = models.AttachDiskRequest(
            disk_id=config["disk_id"],
            instance_id=config["instance_id"],
            bootable=config.get("bootable"),
            delete_with_instance=config.get("delete_with_instance"),
            key_pair_name=config.get("key_pair_name") or None,
            password=config.get("password") or None,
        )
        try:
            await ecs.call("alicloud_ecs_disk_attachment", "AttachDisk", request)
            disk = await ecs.wait_disk(
                config["disk_id"], ("In_use",), timeout_seconds(ATTACHMENT_FACTS, "create", config.get("timeouts"))
            )
        except EcsCallError as exc:
            report(ctx, exc)
            return None, None
        read = {"id": f"{config['disk_id']}:{config['instance_id']}", "device": disk.get("Device") or ""}
        return merge_applied(self.get_schema(), ctx.planned_state_cty, read), None

    @reports_errors()
    async def _delete_apply(self, ctx: ResourceContext) -> None:
        prior = as_dict(ctx.state)
        disk_id, _, instance_id = str(prior["id"]).partition(":")
        ecs = runtime.ecs()
        request = models.DetachDiskRequest(
            disk_id=disk_id, instance_id=instance_id, delete_with_instance=prior.get("delete_with_instance")
        )
        try:
            await ecs.call(str(prior["id"]), "DetachDisk", request)
            await ecs.wait_disk(
                disk_id, ("Available",), timeout_seconds(ATTACHMENT_FACTS, "delete", prior.get("timeouts"))
            )
        except EcsCallError as exc:
            if exc.code in (
                "InvalidDisk.AlreadyDetached",
                "InvalidDiskId.NotFound",
                "InvalidDiskId.OperationNotSupported",
                "InvalidInstanceId.NotFound",
            ):
                return
            report(ctx, exc)

    async def _state_for(self, attachment_id: str, prior: dict[str, Any]) -> Any:
        disk_id, _, instance_id = attachment_id.partition(":")
        disk = await runtime.ecs().describe_disk(disk_id)
        if disk is None or disk.get("InstanceId") != instance_id:
            return None
        state = {name: prior.get(name) for name in self.get_schema().block.attributes}
        state.update(
            {
                "id": attachment_id,
                "disk_id": disk_id,
                "instance_id": instance_id,
                "device": disk.get("Device") or "",
                "timeouts": prior.get("timeouts"),
            }
        )
        return state

    @reports_errors()
    async def read(self, ctx: ResourceContext) -> Any:
        prior = as_dict(ctx.state)
        return await self._state_for(str(prior.get("id")), prior)

    @raises_for_import
    async def import_state(self, ctx: ResourceContext, import_id: str) -> Any:
        return await self._state_for(import_id, {})


def disk_classes(version: str) -> dict[str, type]:
    out: dict[str, type] = {}
    for type_name, base in (("alicloud_ecs_disk", _Disk), ("alicloud_ecs_disk_attachment", _DiskAttachment)):
        schema = resource_schema(type_name, version)
        if schema is None:
            continue
        state = attrs_class_for(f"{type_name}_state", schema)
        out[type_name] = type(type_name, (base,), {"type_name": type_name, "config_class": state, "state_class": state})
    return out
