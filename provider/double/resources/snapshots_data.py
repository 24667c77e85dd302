"""Data source ``alicloud_ecs_snapshots``: DescribeSnapshots with the server-side filters, paged by 50, then
``name_regex`` and ``ids`` applied client-side, as the real provider does. There is no ``disk_id`` filter in the
real data source, so there is none here: filter ``snapshots`` on ``disk_id`` in the configuration.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from alibabacloud_ecs20140526 import models
from pyvider.data_sources import BaseDataSource
from pyvider.resources.context import ResourceContext

from .. import runtime
from ..ecs import tags_from
from ..planning import as_dict, config_of, validation_errors
from ..schema_gen import data_source_schema
from ._base import attrs_class_for, report, reports_errors

FACTS = "alicloud_ecs_snapshots"
PAGE = 50


def _row(obj: dict[str, Any]) -> dict[str, Any]:
    def s(key: str) -> str:
        value = obj.get(key)
        return "" if value is None else str(value)

    return {
        "category": s("Category"),
        "description": s("Description"),
        "disk_id": s("SourceDiskId"),
        "encrypted": bool(obj.get("Encrypted")),
        "instant_access": bool(obj.get("InstantAccess")),
        "instant_access_retention_days": int(obj.get("InstantAccessRetentionDays") or 0),
        "product_code": s("ProductCode"),
        "progress": s("Progress"),
        "remain_time": int(obj.get("RemainTime") or 0),
        "resource_group_id": s("ResourceGroupId"),
        "retention_days": int(obj.get("RetentionDays") or 0),
        "id": s("SnapshotId"),
        "snapshot_id": s("SnapshotId"),
        "snapshot_name": s("SnapshotName"),
        "snapshot_sn": s("SnapshotSN"),
        "snapshot_type": s("SnapshotType"),
        "type": s("SnapshotType"),
        "source_disk_size": s("SourceDiskSize"),
        "source_disk_type": s("SourceDiskType"),
        "source_storage_type": s("SourceStorageType"),
        "status": s("Status"),
        "usage": s("Usage"),
        "source_disk_id": s("SourceDiskId"),
        "creation_time": s("CreationTime"),
        "name": s("SnapshotName"),
        "tags": tags_from(obj),
    }


class _Snapshots(BaseDataSource):  # type: ignore[type-arg]
    type_name = "alicloud_ecs_snapshots"

    @classmethod
    def get_schema(cls) -> Any:
        return data_source_schema(cls.type_name, runtime.version())

    async def _validate_config(self, config: Any) -> list[str]:
        values = as_dict(config)
        errors = validation_errors(FACTS, values)
        if values.get("name_regex"):
            try:
                re.compile(values["name_regex"])
            except re.error as exc:
                errors.append(f"name_regex: {values['name_regex']!r}: {exc}")
        return errors

    @reports_errors()
    async def read(self, ctx: ResourceContext) -> Any:
        config = config_of(ctx)
        ecs = runtime.ecs()
        request = models.DescribeSnapshotsRequest(
            region_id=ecs.settings.region,
            category=config.get("category") or None,
            dry_run=config.get("dry_run"),
            encrypted=config.get("encrypted"),
            kmskey_id=config.get("kms_key_id") or None,
            resource_group_id=config.get("resource_group_id") or None,
            snapshot_link_id=config.get("snapshot_link_id") or None,
            snapshot_name=config.get("snapshot_name") or None,
            snapshot_type=config.get("type") or config.get("snapshot_type") or "all",
            source_disk_type=config.get("source_disk_type") or None,
            status=config.get("status") or None,
            usage=config.get("usage") or None,
            tag=[models.DescribeSnapshotsRequestTag(key=k, value=v) for k, v in (config.get("tags") or {}).items()]
            or None,
            page_size=PAGE,
            page_number=1,
            max_results=PAGE,
        )
        regex = re.compile(config["name_regex"]) if config.get("name_regex") else None
        wanted = set(config.get("ids") or [])
        found: list[dict[str, Any]] = []
        try:
            while True:
                body = await ecs.call("alicloud_ecs_snapshots", "DescribeSnapshots", request)
                page = (body.get("Snapshots") or {}).get("Snapshot") or []
                for item in page:
                    if regex and not regex.search(str(item.get("SnapshotName") or "")):
                        continue
                    if wanted and item.get("SnapshotId") not in wanted:
                        continue
                    found.append(item)
                if len(page) < PAGE or not body.get("NextToken"):
                    break
                request.page_number = (request.page_number or 1) + 1
                request.next_token = body["NextToken"]
        except Exception as exc:
            report(ctx, exc)
            return None
        rows = [_row(item) for item in found]
        ids = [r["id"] for r in rows]
        state = {name: config.get(name) for name in self.get_schema().block.attributes}
        state.update(
            {
                "id": hashlib.sha1("".join(ids).encode()).hexdigest() if ids else "0",
                "ids": ids,
                "names": [r["snapshot_name"] for r in rows],
                "snapshots": rows,
            }
        )
        return state


def snapshots_data_classes(version: str) -> dict[str, type]:
    schema = data_source_schema("alicloud_ecs_snapshots", version)
    if schema is None:
        return {}
    state = attrs_class_for("alicloud_ecs_snapshots_state", schema)
    return {
        "alicloud_ecs_snapshots": type(
            "alicloud_ecs_snapshots",
            (_Snapshots,),
            {"type_name": "alicloud_ecs_snapshots", "config_class": state, "state_class": state},
        )
    }
