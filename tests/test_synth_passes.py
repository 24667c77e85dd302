"""How snapshots reach Node: one create per snapshot, attributes once per synthesis pass.

cdktf resolves every element in a preparing pass (to find cross-stack references) and again for the
output; the batch sends only token-bearing snapshots to the first. These tests hold both halves: the
preparing pass still sees every token (cross-stack references work), the output has every value.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot import AlicloudProvider, EcsDisk, EcsSnapshot, _jsii_create
from cdktf_ecs_snapshot._stack_registry import registry_of
from cdktf_ecs_snapshot.tokens import contains_unresolved


def _stack_json(outdir: Path, stack: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((outdir / "stacks" / stack / "cdk.tf.json").read_text(encoding="utf-8"))
    return document


def test_batch_preparing_pass_holds_only_snapshots_with_tokens(stack: Any) -> None:
    disk = EcsDisk(stack, "data", zone_id="cn-hangzhou-i", size=40)
    EcsSnapshot(stack, "plain", disk_id="d-plain", tags={"team": "infra"})
    EcsSnapshot(stack, "linked", disk_id=disk.id)
    EcsSnapshot(stack, "tagged", disk_id="d-tagged", tags={"source": disk.id})
    batch = registry_of(stack).batch

    preparing = batch.fragment(preparing=True)["resource"]["alicloud_ecs_snapshot"]
    final = batch.fragment(preparing=False)["resource"]["alicloud_ecs_snapshot"]

    assert sorted(preparing) == ["linked", "tagged"]
    assert sorted(final) == ["linked", "plain", "tagged"]
    assert final["plain"] == {"disk_id": "d-plain", "tags": {"team": "infra"}}


def test_batch_final_pass_keeps_every_value(stack: Any, synth: Any) -> None:
    EcsSnapshot(
        stack,
        "full",
        disk_id="d-1",
        category="flash",
        description="nightly",
        retention_days=30,
        snapshot_name="n-1",
        tags={"a:b": "c d"},
        instant_access=True,
        instant_access_retention_days=3,
        timeouts={"create": "5m"},
    )
    resource = synth(stack)["resource"]["alicloud_ecs_snapshot"]["full"]
    assert resource == {
        "disk_id": "d-1",
        "category": "flash",
        "description": "nightly",
        "retention_days": 30,
        "snapshot_name": "n-1",
        "tags": {"a:b": "c d"},
        "instant_access": True,
        "instant_access_retention_days": 3,
        "timeouts": {"create": "5m"},
    }


def test_snapshot_cross_stack_reference_becomes_remote_state(cdk: Any, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    disks = cdk.TerraformStack(app, "disks")
    AlicloudProvider(disks, "alicloud", region="cn-hangzhou")
    disk = EcsDisk(disks, "data", zone_id="cn-hangzhou-i", size=40)
    backups = cdk.TerraformStack(app, "backups")
    AlicloudProvider(backups, "alicloud", region="cn-hangzhou")
    EcsSnapshot(backups, "nightly", disk_id=disk.id, tags={"source": disk.id})
    EcsSnapshot(backups, "plain", disk_id="d-plain", retention_days=7)

    app.synth()

    disks_json = _stack_json(tmp_path, "disks")
    backups_json = _stack_json(tmp_path, "backups")
    outputs = disks_json["output"]
    assert [o["value"] for o in outputs.values()] == ["${alicloud_ecs_disk.data.id}"]
    snapshots = backups_json["resource"]["alicloud_ecs_snapshot"]
    assert "data.terraform_remote_state." in snapshots["nightly"]["disk_id"]
    assert snapshots["nightly"]["tags"]["source"] == snapshots["nightly"]["disk_id"]
    assert {k: v for k, v in snapshots["plain"].items() if k != "//"} == {"disk_id": "d-plain", "retention_days": 7}
    assert list(backups_json["data"]["terraform_remote_state"]) == ["cross-stack-reference-input-disks"]


def test_contains_unresolved_finds_tokens_inside_containers() -> None:
    assert contains_unresolved({"disk_id": "d-1", "tags": {"k": "${TfToken[TOKEN.1]}"}})
    assert contains_unresolved({"tags": {"&{TfToken[TOKEN.2]}": "x"}})
    assert contains_unresolved({"timeouts": ["#{TfToken[TOKEN.3]}"]})
    assert contains_unresolved({"retention_days": -8.109562212591383e298})
    assert not contains_unresolved({"disk_id": "d-1", "retention_days": 30, "tags": {"a:b": "c {d}"}})


def test_fast_create_is_active_with_the_installed_jsii() -> None:
    """If a jsii release changes the private API the fast path uses, creation falls back (slower); say so."""
    assert _jsii_create.FAST, "jsii's kernel API changed: _jsii_create falls back to jsii.create"


def test_fast_create_config_leaves_out_unset_fields(cdk: Any) -> None:
    config = cdk.TerraformResourceConfig(
        terraform_resource_type="alicloud_ecs_snapshot",
        terraform_generator_metadata=cdk.TerraformProviderGeneratorMetadata(provider_name="alicloud"),
    )
    wire = _jsii_create.wire_struct(config)
    data = wire["$jsii.struct"]["data"]
    assert set(data) == {"terraformResourceType", "terraformGeneratorMetadata"}
    assert data["terraformGeneratorMetadata"]["$jsii.struct"]["data"] == {"providerName": "alicloud"}


@pytest.mark.parametrize("meta", [{}, {"depends_on": []}], ids=["fast-path", "jsii-path"])
def test_snapshot_created_either_way_is_a_full_resource(stack: Any, synth: Any, meta: dict[str, Any]) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1", **meta)
    assert snapshot.node.path == "test/s"
    assert snapshot.terraform_resource_type == "alicloud_ecs_snapshot"
    assert snapshot.id.startswith("${TfToken[")
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["disk_id"] == "d-1"


def test_fast_create_falls_back_when_jsii_private_api_is_missing(tmp_path: Path) -> None:
    """A jsii release without the private API the fast path uses still builds every snapshot."""
    program = textwrap.dedent(
        """
        import json
        import jsii._kernel.types
        del jsii._kernel.types.CreateRequest  # as if a jsii release had renamed it (jsii keeps its own copy)
        from cdktf_ecs_snapshot import _jsii_create, EcsSnapshot
        from cdktf_ecs_snapshot._core import core
        cdk = core()
        stack = cdk.TerraformStack(cdk.Testing.app(), "t")
        EcsSnapshot(stack, "s", disk_id="d-1", tags={"k": "v"})
        print(json.dumps({"fast": _jsii_create.FAST, "synth": json.loads(cdk.Testing.synth(stack))}))
        """
    )
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="18,20")
    proc = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["fast"] is False
    assert result["synth"]["resource"]["alicloud_ecs_snapshot"]["s"] == {"disk_id": "d-1", "tags": {"k": "v"}}
