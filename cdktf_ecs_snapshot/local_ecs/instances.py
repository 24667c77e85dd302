"""DescribeInstances: only lookup and paging, because disks and snapshots hang off instances."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .apierror import missing
from .paging import paginate
from .params import get_json_ids
from .render import instance_json
from .store import Store

__all__ = ["describe_instances"]


def describe_instances(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """Filter by ``InstanceIds`` (JSON array), ``ZoneId``, ``InstanceName``, ``Status``; page both ways."""
    region = params.get("RegionId", "")
    if not region:
        raise missing("RegionId")
    ids = get_json_ids(params, "InstanceIds", code="InvalidInstanceIds.Malformed")
    filters = {
        "zone_id": params.get("ZoneId", ""),
        "instance_name": params.get("InstanceName", ""),
        "status": params.get("Status", ""),
    }
    matches = [
        inst
        for inst in store.instances.values()
        if inst.region_id == region
        and (ids is None or inst.instance_id in ids)
        and all(not value or getattr(inst, name) == value for name, value in filters.items())
    ]
    page, paging = paginate(matches, params)
    return {**paging, "Instances": {"Instance": [instance_json(i) for i in page]}}
