"""Load the provider facts kept in ``provider/`` (shipped in the wheel as ``cdktf_ecs_snapshot/_provider``).

``provider/`` is the single source of truth for what the ``aliyun/alicloud`` provider does: schemas in the
format of ``terraform providers schema -json`` per provider version, and the behaviour that format does
not carry (ForceNew, validation, conflicts, timeouts). The library's schema rows, the linter and the
provider double are all checked against it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, cast

from .errors import SnapshotLibError
from .versions import Version

__all__ = ["PROVIDER_ADDRESS", "facts", "provider_dir", "schema_at", "schema_versions"]

PROVIDER_ADDRESS = "registry.terraform.io/aliyun/alicloud"


@cache
def provider_dir() -> Path:
    """Return the folder holding the provider facts, installed or in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_provider", here.parent / "provider"):
        if (candidate / "facts").is_dir():
            return candidate
    raise SnapshotLibError(
        "provider facts are missing: neither the installed package data (cdktf_ecs_snapshot/_provider) "
        "nor a source checkout's provider/ folder was found; reinstall cdktf-ecs-snapshot"
    )


@cache
def facts(resource: str = "alicloud_ecs_snapshot") -> dict[str, Any]:
    """Return the behaviour facts of one resource type (aliases share their canonical type's facts)."""
    path = provider_dir() / "facts" / f"{resource}.json"
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


@cache
def schema_versions() -> tuple[Version, ...]:
    """Return the provider versions at which a schema file starts, ascending."""
    names = (p.stem for p in (provider_dir() / "schemas").glob("*.json"))
    return tuple(sorted(Version.parse(n) for n in names))


@cache
def _schema_file(version: Version) -> dict[str, Any]:
    path = provider_dir() / "schemas" / f"{version}.json"
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def schema_at(version: Version) -> dict[str, Any]:
    """Return the provider schema document in force at ``version`` (the latest file not after it)."""
    starts = [v for v in schema_versions() if v <= version]
    if not starts:
        raise SnapshotLibError(f"no provider schema is known at or below {version}")
    return _schema_file(starts[-1])
