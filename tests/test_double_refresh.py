"""provider/refresh.py turns a `terraform providers schema -json` document into a schemas/<version>.json."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from terraform_fixtures import *  # noqa: F403
from terraform_fixtures import needs_terraform, stack_doc

from cdktf_ecs_snapshot.provider_facts import provider_dir

REFRESH = provider_dir() / "refresh.py"
spec = importlib.util.spec_from_file_location("provider_refresh", REFRESH)
assert spec is not None and spec.loader is not None
refresh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(refresh)


def full_document() -> dict[str, Any]:
    current = json.loads((provider_dir() / "schemas" / "1.239.0.json").read_text())
    source = current["provider_schemas"][refresh.PROVIDER_ADDRESS]
    source["resource_schemas"]["alicloud_instance"] = {"block": {"attributes": {}}, "version": 1}
    return {
        "format_version": "1.0",
        "provider_schemas": {
            refresh.PROVIDER_ADDRESS: source,
            "registry.terraform.io/hashicorp/null": {"resource_schemas": {}},
        },
    }


def test_double_refresh_keeps_only_library_types() -> None:
    subset = refresh.extract(full_document(), "1.289.0")
    kept = subset["provider_schemas"][refresh.PROVIDER_ADDRESS]
    assert sorted(kept["resource_schemas"]) == [
        "alicloud_ecs_disk",
        "alicloud_ecs_disk_attachment",
        "alicloud_ecs_snapshot",
        "alicloud_snapshot",
    ]
    assert list(kept["data_source_schemas"]) == ["alicloud_ecs_snapshots"]
    assert "v1.289.0" in subset["//"]


def test_double_refresh_writes_sorted_file_with_trailing_newline(tmp_path: Path) -> None:
    source = tmp_path / "schema.json"
    source.write_text(json.dumps(full_document()))
    proc = subprocess.run(
        [sys.executable, str(REFRESH), str(source), "1.300.0", "--out-dir", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "1.300.0.json").read_text()
    assert text.endswith("}\n") and text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"


def test_double_refresh_rejects_document_without_alicloud(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"registry\.terraform\.io/aliyun/alicloud is not in"):
        refresh.extract({"provider_schemas": {}}, "1.289.0")


@needs_terraform
def test_double_refresh_round_trips_the_doubles_own_schema(workspace: Any) -> None:
    """`providers schema -json` of the double, refreshed, gives back the committed snapshot schema."""
    ws = workspace(stack_doc(version="1.239.0"))
    document = json.loads(ws.run("providers", "schema", "-json").stdout)
    served = refresh.extract(document, "1.239.0")["provider_schemas"][refresh.PROVIDER_ADDRESS]
    committed = json.loads((provider_dir() / "schemas" / "1.239.0.json").read_text())
    committed = committed["provider_schemas"][refresh.PROVIDER_ADDRESS]
    for name in ("alicloud_ecs_snapshot", "alicloud_snapshot"):
        a = served["resource_schemas"][name]["block"]["attributes"]
        b = committed["resource_schemas"][name]["block"]["attributes"]
        assert {
            k: (
                v["type"],
                bool(v.get("required")),
                bool(v.get("optional")),
                bool(v.get("computed")),
                bool(v.get("deprecated")),
            )
            for k, v in a.items()
        } == {
            k: (
                v["type"],
                bool(v.get("required")),
                bool(v.get("optional")),
                bool(v.get("computed")),
                bool(v.get("deprecated")),
            )
            for k, v in b.items()
        }
