"""``alicloud_ecs_snapshot`` and its legacy alias ``alicloud_snapshot``: the same schema and code.

Calls, in the real provider's order (reference §3):
    create  CreateSnapshot (ClientToken, Tag.N, Description, SnapshotName = snapshot_name or name,
            RetentionDays, ResourceGroupId, DiskId, Category) -> wait Status == accomplished (create timeout)
    read    DescribeSnapshots(SnapshotIds='["id"]', RegionId); SourceDiskId -> disk_id,
            SnapshotName -> snapshot_name AND name; force / instant_access* are never read back
    update  ModifySnapshotAttribute (description, snapshot_name/name, retention_days) -> wait;
            JoinResourceGroup; UntagResources (removed or changed keys) then TagResources (all keys)
    delete  DeleteSnapshot(Force only if set); NotFound counts as deleted
Lowering retention_days is accepted by the plan and refused by the API at apply, as with the real provider.
"""

from __future__ import annotations

from typing import Any

from alibabacloud_ecs20140526 import models
from pyvider.resources import BaseResource
from pyvider.resources.context import ResourceContext

from .. import runtime
from ..ecs import EcsCallError, client_token, tags_from
from ..planning import (
    as_dict,
    deprecation_warnings,
    known_dict,
    merge_applied,
    timeout_seconds,
    validation_errors,
)
from ..schema_gen import resource_schema
from ._base import attrs_class_for, raises_for_import, report, reports_errors

FACTS = "alicloud_ecs_snapshot"
NOT_READ = ("force", "instant_access", "instant_access_retention_days", "timeouts")


def read_back(snap: dict[str, Any], prior: dict[str, Any], schema_names: set[str]) -> dict[str, Any]:
    """Map one ``DescribeSnapshots`` entry onto resource attributes (only those in this version's schema).

    Empty API values stay null where the prior state was null (SDKv2 treats "" / 0 / {} and null alike; the
    double must not invent a diff the real provider would not show).
    """
    name = snap.get("SnapshotName") or ""
    out: dict[str, Any] = {
        "id": snap.get("SnapshotId"),
        "category": snap.get("Category"),
        "create_time": snap.get("CreationTime"),
        "description": snap.get("Description") or None,
        "disk_id": snap.get("SourceDiskId"),
        "region_id": snap.get("RegionId"),
        "resource_group_id": snap.get("ResourceGroupId") or None,
        "retention_days": snap.get("RetentionDays") or None,
        "snapshot_name": name,
        "name": name,
        "status": snap.get("Status"),
        "tags": tags_from(snap) or None,
    }
    for key in ("description", "resource_group_id", "retention_days", "tags"):
        if out[key] is None and prior.get(key) is not None and not prior.get(key):
            out[key] = prior[key]  # keep "" / {} as the config wrote it
    for key in NOT_READ:
        out[key] = prior.get(key)
    return {k: v for k, v in out.items() if k in schema_names}


class _Snapshot(BaseResource):  # type: ignore[type-arg]
    type_name = "alicloud_ecs_snapshot"

    @classmethod
    def get_schema(cls) -> Any:
        return resource_schema(cls.type_name, runtime.version())

    @classmethod
    def _names(cls) -> set[str]:
        schema = cls.get_schema()
        return set(schema.block.attributes) | {b.type_name for b in schema.block.block_types}

    async def _validate_config(self, config: Any) -> list[str]:
        return validation_errors(FACTS, as_dict(config))

    # --- plan ------------------------------------------------------------------------------------------------

    async def _create(self, ctx: ResourceContext, base_plan: dict[str, Any]) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        deprecation_warnings(ctx, FACTS, config)
        # Read sets both names from SnapshotName, so a known one is the other's planned value.
        if config.get("snapshot_name") is not None and config.get("name") is None:
            base_plan["name"] = config["snapshot_name"]
        elif config.get("name") is not None and config.get("snapshot_name") is None:
            base_plan["snapshot_name"] = config["name"]
        return base_plan, None

    async def _update(self, ctx: ResourceContext, base_plan: dict[str, Any]) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        prior = as_dict(ctx.state)
        deprecation_warnings(ctx, FACTS, config)
        new_name = config.get("snapshot_name")
        if new_name is not None and config.get("name") is None and new_name != prior.get("snapshot_name"):
            base_plan["name"] = new_name
        new_name = config.get("name")
        if new_name is not None and config.get("snapshot_name") is None and new_name != prior.get("name"):
            base_plan["snapshot_name"] = new_name
        return base_plan, None

    # --- apply -----------------------------------------------------------------------------------------------

    @reports_errors((None, None))
    async def _create_apply(self, ctx: ResourceContext) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        ecs = runtime.ecs()
        tags = config.get("tags") or {}
        request = models.CreateSnapshotRequest(
            client_token=client_token("CreateSnapshot"),
            tag=[models.CreateSnapshotRequestTag(key=k, value=v) for k, v in tags.items()] or None,
            description=config.get("description") or None,
            snapshot_name=config.get("snapshot_name") or config.get("name") or None,
            retention_days=int(config["retention_days"]) if config.get("retention_days") is not None else None,
            resource_group_id=config.get("resource_group_id") or None,
            disk_id=config["disk_id"],
            category=config.get("category") or None,
        )
        try:
            body = await ecs.call("alicloud_ecs_snapshot", "CreateSnapshot", request)
        except EcsCallError as exc:
            report(ctx, exc)
            return None, None
        snapshot_id = str(body["SnapshotId"])
        schema = self.get_schema()
        try:
            timeout = timeout_seconds(FACTS, "create", config.get("timeouts"))
            snap = await ecs.wait_snapshot(snapshot_id, "accomplished", timeout, lambda: ctx.stop_requested)
        except EcsCallError as exc:
            # SDKv2 has already set the id: Terraform records the object as tainted.
            report(ctx, exc)
            snap = await ecs.describe_snapshot(snapshot_id) or {"SnapshotId": snapshot_id}
        state = merge_applied(schema, ctx.planned_state_cty, read_back(snap, config, self._names()))
        return state, None

    @reports_errors((None, None))
    async def _update_apply(self, ctx: ResourceContext) -> tuple[Any, Any]:
        config = known_dict(ctx.config_cty)
        prior = as_dict(ctx.state)
        planned = known_dict(ctx.planned_state_cty)
        snapshot_id = str(prior["id"])
        ecs = runtime.ecs()
        region = ecs.settings.region
        schema = self.get_schema()

        def changed(name: str) -> bool:
            return name in planned and planned.get(name) != prior.get(name)

        try:
            if any(changed(n) for n in ("description", "snapshot_name", "retention_days", "name")):
                request = models.ModifySnapshotAttributeRequest(snapshot_id=snapshot_id)
                if changed("description"):
                    request.description = planned.get("description") or ""
                if changed("snapshot_name") and planned.get("snapshot_name"):
                    request.snapshot_name = planned["snapshot_name"]
                if changed("retention_days") and config.get("retention_days") is not None:
                    request.retention_days = int(config["retention_days"])
                if changed("name") and planned.get("name"):
                    request.snapshot_name = planned["name"]
                await ecs.call(snapshot_id, "ModifySnapshotAttribute", request)
                await ecs.wait_snapshot(
                    snapshot_id, "accomplished", timeout_seconds(FACTS, "update", config.get("timeouts"))
                )
            if changed("resource_group_id"):
                await ecs.call(
                    snapshot_id,
                    "JoinResourceGroup",
                    models.JoinResourceGroupRequest(
                        resource_id=snapshot_id,
                        region_id=region,
                        resource_group_id=planned.get("resource_group_id") or None,
                        resource_type="snapshot",
                    ),
                )
            if changed("tags"):
                await set_tags(ecs, snapshot_id, "snapshot", prior.get("tags") or {}, planned.get("tags") or {})
        except EcsCallError as exc:
            report(ctx, exc)
            # SDKv2 saves the planned values on a failed update; the next refresh shows what ECS really has.
            return merge_applied(schema, ctx.planned_state_cty, {}, prior), None
        snap = await ecs.describe_snapshot(snapshot_id) or {}
        return merge_applied(schema, ctx.planned_state_cty, read_back(snap, prior, self._names()), prior), None

    @reports_errors()
    async def _delete_apply(self, ctx: ResourceContext) -> None:
        prior = as_dict(ctx.state)
        request = models.DeleteSnapshotRequest(snapshot_id=str(prior["id"]))
        if prior.get("force") is not None:
            request.force = bool(prior["force"])
        try:
            await runtime.ecs().call(str(prior["id"]), "DeleteSnapshot", request)
        except EcsCallError as exc:
            if exc.not_found or "InvalidParameter" in exc.code:
                return
            report(ctx, exc)

    # --- read / import ---------------------------------------------------------------------------------------

    @reports_errors()
    async def read(self, ctx: ResourceContext) -> Any:
        prior = as_dict(ctx.state)
        if not prior.get("id"):
            return None
        snap = await runtime.ecs().describe_snapshot(str(prior["id"]))
        if snap is None:
            return None
        state = dict.fromkeys(self._names())
        state.update(read_back(snap, prior, self._names()))
        state["timeouts"] = prior.get("timeouts")
        return state

    @raises_for_import
    async def import_state(self, ctx: ResourceContext, import_id: str) -> Any:
        snap = await runtime.ecs().describe_snapshot(import_id)
        if snap is None:
            return None
        state = dict.fromkeys(self._names())
        state.update(read_back(snap, {}, self._names()))
        return state


async def set_tags(ecs: Any, resource_id: str, resource_type: str, old: dict[str, str], new: dict[str, str]) -> None:
    """The real provider's ``SetResourceTags``: untag removed or changed keys, then tag every new key."""
    region = ecs.settings.region
    system = ("aliyun", "acs:", "http://", "https://")
    remove = [k for k, v in old.items() if (k not in new or new[k] != v) and not k.startswith(system)]
    if remove:
        await ecs.call(
            resource_id,
            "UntagResources",
            models.UntagResourcesRequest(
                resource_id=[resource_id], region_id=region, tag_key=remove, resource_type=resource_type
            ),
        )
    if new:
        await ecs.call(
            resource_id,
            "TagResources",
            models.TagResourcesRequest(
                resource_id=[resource_id],
                region_id=region,
                resource_type=resource_type,
                tag=[models.TagResourcesRequestTag(key=k, value=v) for k, v in new.items()],
            ),
        )


def snapshot_classes(version: str) -> dict[str, type]:
    """The snapshot resource and its alias, bound to the schema of ``version``."""
    out: dict[str, type] = {}
    for type_name in ("alicloud_ecs_snapshot", "alicloud_snapshot"):
        schema = resource_schema(type_name, version)
        if schema is None:
            continue
        state = attrs_class_for(f"{type_name}_state", schema)
        out[type_name] = type(
            type_name, (_Snapshot,), {"type_name": type_name, "config_class": state, "state_class": state}
        )
    return out
