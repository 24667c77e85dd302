"""``Testing.synth_hcl`` output parses with python-hcl2 and carries the same data as the JSON."""

from __future__ import annotations

from typing import Any

import hcl2
from hcl2 import SerializationOptions

from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, LegacySnapshot

_HCL = SerializationOptions(with_comments=False, explicit_blocks=False, strip_string_quotes=True)

TAGS = {"cost:center": "cc:1234", "Owner Team": "infra ops", "plain": "v", "k=v": "a=b"}


def _parse(text: str) -> dict[str, Any]:
    parsed: dict[str, Any] = hcl2.loads(text, serialization_options=_HCL)
    return parsed


def _resource(parsed: dict[str, Any], name: str, rtype: str = "alicloud_ecs_snapshot") -> dict[str, Any]:
    for block in parsed.get("resource", []):
        if name in block.get(rtype, {}):
            found: dict[str, Any] = block[rtype][name]
            return found
    raise KeyError(name)


def test_hcl_output_tag_keys_with_colon_and_space_survive(cdk: Any, stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", tags=TAGS)
    parsed = _parse(cdk.Testing.synth_hcl(stack))
    assert _resource(parsed, "s")["tags"] == TAGS
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["tags"] == TAGS


def test_hcl_output_tag_key_with_colon_is_quoted(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", tags={"cost:center": "cc:1234"})
    text = cdk.Testing.synth_hcl(stack)
    assert '"cost:center" = "cc:1234"' in text
    assert "cost : center" not in text


def test_hcl_output_timeouts_render_as_block(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", timeouts={"create": "10m", "delete": "20m"})
    text = cdk.Testing.synth_hcl(stack)
    assert "timeouts {" in text
    assert "timeouts =" not in text
    assert _resource(_parse(text), "s")["timeouts"] == [{"create": "10m", "delete": "20m"}]


def test_hcl_output_equals_json_for_every_argument(cdk: Any, stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    EcsSnapshot(
        stack,
        "s",
        disk_id="d-1",
        category="standard",
        description="Nightly backup",
        force=True,
        resource_group_id="rg-1",
        retention_days="30",
        snapshot_name="nightly-1",
        tags={"team": "infra"},
        timeouts={"create": "10m"},
    )
    from_json = dict(synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"])
    from_hcl = _resource(_parse(cdk.Testing.synth_hcl(stack)), "s")
    from_json["timeouts"] = [from_json["timeouts"]]
    assert from_hcl == from_json
    assert from_hcl["retention_days"] == 30
    assert from_hcl["force"] is True


def test_hcl_output_number_token_is_reference(cdk: Any, stack: Any) -> None:
    days = cdk.TerraformVariable(stack, "days", type="number")
    EcsSnapshot(stack, "s", disk_id="d-1", retention_days=days.number_value)
    assert _resource(_parse(cdk.Testing.synth_hcl(stack)), "s")["retention_days"] == "${var.days}"


def test_hcl_output_protect_renders_lifecycle(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", protect=True)
    assert _resource(_parse(cdk.Testing.synth_hcl(stack)), "s")["lifecycle"] == [{"prevent_destroy": True}]


def test_hcl_output_top_level_override_wins(cdk: Any, stack: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", retention_days=5)
    s.add_override("retention_days", 3)
    assert _resource(_parse(cdk.Testing.synth_hcl(stack)), "s")["retention_days"] == 3


def test_hcl_output_legacy_type(cdk: Any, stack: Any) -> None:
    LegacySnapshot(stack, "old", disk_id="d-1", snapshot_name="ab")
    assert _resource(_parse(cdk.Testing.synth_hcl(stack)), "old", "alicloud_snapshot") == {
        "disk_id": "d-1",
        "snapshot_name": "ab",
    }


def test_hcl_output_import_block_has_id(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1").import_from("s-abc123")
    parsed = _parse(cdk.Testing.synth_hcl(stack))
    (block,) = parsed["import"]
    assert block["id"] == "s-abc123"


def test_hcl_output_import_block_to_is_a_bare_address(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1").import_from("s-abc123")
    text = cdk.Testing.synth_hcl(stack)
    assert "to = alicloud_ecs_snapshot.s" in text
    (block,) = _parse(text)["import"]
    assert block["to"] == "${alicloud_ecs_snapshot.s}"


def test_hcl_output_cdktf_renders_import_to_as_bare_address(cdk: Any, stack: Any) -> None:
    # The reference behaviour the xfail above compares with: a plain cdktf resource's import block.
    resource = cdk.TerraformResource(stack, "r", terraform_resource_type="null_resource")
    resource.import_from("abc")
    (block,) = _parse(cdk.Testing.synth_hcl(stack))["import"]
    assert block["to"] == "${null_resource.r}"
