"""Import ids: an ``alicloud_ecs_snapshot`` imports by its snapshot id, ``s-`` plus lowercase alphanumerics.

The provider passes the id through unchecked, so a wrong id fails only at plan time with "Cannot import
non-existent remote object"; checking the shape first turns that into a synthesis error.
"""

from __future__ import annotations

import re

from .errors import ImportIdError
from .findings import Finding, Severity
from .schema import RESOURCE_TYPE
from .tokens import is_unresolved

__all__ = ["SNAPSHOT_ID", "check_import_id", "require_import_id"]

SNAPSHOT_ID = re.compile(r"s-[a-z0-9]+")


def check_import_id(snapshot_id: object, *, name: str, resource_type: str = RESOURCE_TYPE) -> list[Finding]:
    """Return a finding if ``snapshot_id`` is not an ECS snapshot id (tokens pass)."""
    if is_unresolved(snapshot_id):
        return []
    if isinstance(snapshot_id, str) and SNAPSHOT_ID.fullmatch(snapshot_id):
        return []
    hint = "copy the id from the console or `aliyun ecs DescribeSnapshots`"
    if isinstance(snapshot_id, str):
        if snapshot_id.startswith("d-"):
            hint = "that is a disk id; import the snapshot's id (s-...), not its disk's"
        elif SNAPSHOT_ID.fullmatch(snapshot_id.strip().lower()):
            hint = f"use {snapshot_id.strip().lower()!r} (lowercase, no spaces)"
    return [
        Finding(
            "ecs_snapshot_import_id",
            Severity.ERROR,
            resource_type,
            name,
            "import_id",
            snapshot_id,
            "not an ECS snapshot id",
            "'s-' followed by lowercase letters and digits",
            hint,
        )
    ]


def require_import_id(
    snapshot_id: object, *, name: str, resource_type: str = RESOURCE_TYPE, where: str | None = None
) -> None:
    """Raise ``ImportIdError`` if ``snapshot_id`` is not an ECS snapshot id."""
    findings = check_import_id(snapshot_id, name=name, resource_type=resource_type)
    if findings:
        raise ImportIdError(findings, where=where)
