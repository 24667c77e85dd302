"""``import_snapshots``: adopt several existing snapshots in one stack, checking every id before building any.

::

    import_snapshots(stack, {
        "nightly": {"id": "s-bp1nightly0001", "disk_id": "d-bp1data0001", "retention_days": 30},
        "weekly": {"id": "s-bp1weekly0001", "disk_id": "d-bp1data0001"},
    }, protect=True)

Each value is the snapshot id plus that snapshot's own ``EcsSnapshot`` arguments; ``**common`` (for example
``protect=True`` or ``tags``) applies to all of them, the per-snapshot arguments winning. A value may also be a
bare id string when ``disk_id`` comes from ``common``. Every id is checked first: one ``ImportIdError`` lists all
the bad ids, and no construct is created.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import ImportIdError
from .findings import Finding
from .importid import check_import_id
from .schema import RESOURCE_TYPE

__all__ = ["import_snapshots"]


def import_snapshots(scope: Any, snapshots: Mapping[str, str | Mapping[str, Any]], **common: Any) -> dict[str, Any]:
    """Create one ``EcsSnapshot`` per entry of ``snapshots`` (construct id → id or arguments) and import it.

    Returns:
        construct id → the ``EcsSnapshot``, in the order given.

    Raises:
        ImportIdError: every entry whose id is missing or not an ECS snapshot id, at once.
        ValidationError: an entry's arguments are invalid (raised by that ``EcsSnapshot``).
    """
    plans: list[tuple[str, str, dict[str, Any]]] = []
    findings: list[Finding] = []
    for construct_id, spec in snapshots.items():
        if isinstance(spec, str):
            snapshot_id, own = spec, {}
        else:
            own = dict(spec)
            snapshot_id = own.pop("id", None)
        findings += check_import_id(snapshot_id, name=construct_id, resource_type=RESOURCE_TYPE)
        plans.append((construct_id, str(snapshot_id), own))
    if findings:
        raise ImportIdError(findings, where=str(scope.node.path))
    from .snapshot import EcsSnapshot

    out: dict[str, Any] = {}
    for construct_id, snapshot_id, own in plans:
        snapshot = EcsSnapshot(scope, construct_id, **{**common, **own})
        snapshot.import_from(snapshot_id)
        out[construct_id] = snapshot
    return out
