"""Refresh ``provider/schemas/<version>.json`` from a real ``terraform providers schema -json`` output.

Usage (on a machine that can reach the registry)::

    cd $(mktemp -d)
    echo '{"terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud",
          "version": "1.289.0"}}}}' > main.tf.json
    terraform init && terraform providers schema -json > schema.json
    python provider/refresh.py schema.json 1.289.0            # writes provider/schemas/1.289.0.json

Only the types this library and its provider double use are kept (``KEPT``); everything else in the multi-MB
output is dropped. Output: sorted keys, two-space indent, trailing newline, with a ``//`` note, so a refresh
produces a reviewable diff. ForceNew and the other facts that the schema output does not carry stay in
``provider/facts/*.json``: update them by hand from the provider's Go source, naming the source.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

PROVIDER_ADDRESS = "registry.terraform.io/aliyun/alicloud"
KEPT = {
    "resource_schemas": (
        "alicloud_ecs_snapshot",
        "alicloud_snapshot",
        "alicloud_ecs_disk",
        "alicloud_ecs_disk_attachment",
    ),
    "data_source_schemas": ("alicloud_ecs_snapshots",),
}
NOTE = (
    "Subset of `terraform providers schema -json` for registry.terraform.io/aliyun/alicloud, in force from "
    "v{version} until the next file's version. Extracted by provider/refresh.py from a real provider run."
)


def extract(document: dict[str, Any], version: str) -> dict[str, Any]:
    """The kept subset of a ``providers schema -json`` document."""
    schemas = document.get("provider_schemas", {})
    if PROVIDER_ADDRESS not in schemas:
        raise ValueError(f"{PROVIDER_ADDRESS} is not in the schema document (found: {sorted(schemas)})")
    source = schemas[PROVIDER_ADDRESS]
    kept: dict[str, Any] = {}
    for kind, names in KEPT.items():
        found = {n: source[kind][n] for n in names if n in source.get(kind, {})}
        if found:
            kept[kind] = found
    if "alicloud_ecs_snapshot" not in kept.get("resource_schemas", {}):
        raise ValueError("alicloud_ecs_snapshot is missing: is this provider older than 1.120.0?")
    return {
        "//": NOTE.format(version=version),
        "format_version": document.get("format_version", "1.0"),
        "provider_schemas": {PROVIDER_ADDRESS: kept},
    }


def render(subset: dict[str, Any]) -> str:
    return json.dumps(subset, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("schema_json", type=Path, help="output of `terraform providers schema -json`")
    parser.add_argument("version", help="the aliyun/alicloud version that produced it, e.g. 1.289.0")
    parser.add_argument("--out-dir", type=Path, default=Path(__file__).resolve().parent / "schemas")
    args = parser.parse_args(argv)
    try:
        subset = extract(json.loads(args.schema_json.read_text(encoding="utf-8")), args.version)
    except (OSError, ValueError) as error:
        print(f"refresh: {error}", file=sys.stderr)
        return 1
    out = args.out_dir / f"{args.version}.json"
    out.write_text(render(subset), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
