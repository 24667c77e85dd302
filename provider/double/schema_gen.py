"""Build pyvider schemas from ``provider/schemas/<version>.json`` and ``provider/facts/*.json``.

Why generated: the schema files are transcriptions of ``terraform providers schema -json`` and the facts hold
what that output cannot show (ForceNew by version range, deprecation messages). Serving exactly those makes the
double agree with the library's rules by construction; hand-writing a second copy here would drift.

Rules applied at a provider version ``v``:

* the schema document is the latest ``provider/schemas/*.json`` not after ``v`` (``schema_at``); a type missing
  from it (the disk companions live only in the newest file) comes from the newest file that has it, and is
  served only if ``v`` is at or after the type's ``available_since`` fact;
* ``requires_replace`` = the attribute's ``force_new`` ranges in the facts contain ``v``;
* ``deprecated`` is copied from the schema file; the warning text comes from the facts;
* the resource schema version is the file's (0, as SDKv2 writes it).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyvider.cty import CtyBool, CtyList, CtyMap, CtyNumber, CtyObject, CtySet, CtyString, CtyType
from pyvider.schema import PvsAttribute, PvsSchema, b_list, b_set, b_single, s_data_source, s_resource

PROVIDER_ADDRESS = "registry.terraform.io/aliyun/alicloud"
LATEST_KNOWN = "1.289.0"

#: Resource types the double serves, with the facts file that describes each (aliases share it).
RESOURCE_FACTS = {
    "alicloud_ecs_snapshot": "alicloud_ecs_snapshot",
    "alicloud_snapshot": "alicloud_ecs_snapshot",
    "alicloud_ecs_disk": "alicloud_ecs_disk",
    "alicloud_ecs_disk_attachment": "alicloud_ecs_disk_attachment",
}
DATA_SOURCE_FACTS = {"alicloud_ecs_snapshots": "alicloud_ecs_snapshots"}


def provider_dir() -> Path:
    """The ``provider/`` folder this package lives in (source checkout or installed ``_provider``)."""
    return Path(__file__).resolve().parent.parent


def parse_version(text: str) -> tuple[int, int, int]:
    parts = [int(p) for p in text.strip().lstrip("v").split(".")]
    while len(parts) < 3:
        parts.append(0)
    return (parts[0], parts[1], parts[2])


@cache
def facts(name: str) -> dict[str, Any]:
    path = provider_dir() / "facts" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _schema_files() -> tuple[tuple[tuple[int, int, int], dict[str, Any]], ...]:
    out = []
    for path in (provider_dir() / "schemas").glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out.append((parse_version(path.stem), doc["provider_schemas"][PROVIDER_ADDRESS]))
    return tuple(sorted(out, key=lambda item: item[0]))


def in_ranges(ranges: list[dict[str, Any]], version: str) -> bool:
    """True if ``version`` lies in one of the half-open ``[from, until)`` ranges of a fact."""
    v = parse_version(version)
    for r in ranges:
        low = parse_version(r["from"])
        high = parse_version(r["until"]) if r.get("until") else (10**9, 0, 0)
        if low <= v < high:
            return True
    return False


def raw_schema(kind: str, type_name: str, version: str) -> dict[str, Any] | None:
    """The ``{"block": ..., "version": N}`` of a type at ``version``, or None if not served there."""
    facts_name = (RESOURCE_FACTS if kind == "resource_schemas" else DATA_SOURCE_FACTS)[type_name]
    since = facts(facts_name).get("available_since")
    v = parse_version(version)
    if since and v < parse_version(since):
        return None
    files = _schema_files()
    candidates = [doc for start, doc in files if start <= v and type_name in doc.get(kind, {})]
    if not candidates:  # companion types live only in the newest file(s)
        candidates = [doc for _, doc in files if type_name in doc.get(kind, {})]
    return candidates[-1][kind][type_name] if candidates else None


def cty_type(spec: Any) -> CtyType:
    """Terraform's JSON type notation (``"string"``, ``["map", "string"]``, ...) as a cty type."""
    if spec == "string":
        return CtyString()
    if spec == "number":
        return CtyNumber()
    if spec == "bool":
        return CtyBool()
    kind, inner = spec
    if kind == "map":
        return CtyMap(element_type=cty_type(inner))
    if kind == "list":
        return CtyList(element_type=cty_type(inner))
    if kind == "set":
        return CtySet(element_type=cty_type(inner))
    if kind == "object":
        return CtyObject(attribute_types={k: cty_type(t) for k, t in inner.items()})
    raise ValueError(f"unsupported schema type {spec!r}")


def _attribute(name: str, raw: dict[str, Any], *, force_new: bool) -> PvsAttribute:
    return PvsAttribute(
        name=name,
        type=cty_type(raw["type"]),
        description=raw.get("description", ""),
        required=bool(raw.get("required")),
        optional=bool(raw.get("optional")),
        computed=bool(raw.get("computed")),
        sensitive=bool(raw.get("sensitive")),
        deprecated=bool(raw.get("deprecated")),
        requires_replace=force_new,
    )


def _blocks(raw_block: dict[str, Any]) -> list[Any]:
    out = []
    factory = {"single": b_single, "list": b_list, "set": b_set}
    for name, nested in sorted(raw_block.get("block_types", {}).items()):
        attrs = {n: _attribute(n, a, force_new=False) for n, a in sorted(nested["block"]["attributes"].items())}
        extra = {k: nested[k] for k in ("min_items", "max_items") if k in nested}
        out.append(factory[nested["nesting_mode"]](name, attributes=attrs, **extra))
    return out


def resource_schema(type_name: str, version: str) -> PvsSchema | None:
    """The pyvider schema of a managed resource type at a provider version (None if not served)."""
    raw = raw_schema("resource_schemas", type_name, version)
    if raw is None:
        return None
    force_new = facts(RESOURCE_FACTS[type_name]).get("force_new", {})
    attributes = {
        name: _attribute(name, a, force_new=in_ranges(force_new.get(name, []), version))
        for name, a in sorted(raw["block"]["attributes"].items())
    }
    return s_resource(attributes, _blocks(raw["block"]), version=int(raw.get("version", 0)))


def data_source_schema(type_name: str, version: str) -> PvsSchema | None:
    raw = raw_schema("data_source_schemas", type_name, version)
    if raw is None:
        return None
    attributes = {name: _attribute(name, a, force_new=False) for name, a in sorted(raw["block"]["attributes"].items())}
    return s_data_source(attributes, _blocks(raw["block"]))


def attribute_names(schema: PvsSchema) -> list[str]:
    return list(schema.block.attributes)
