"""Renaming a snapshot (override_logical_id, Aspects, separators in ids) keeps one resource with its values.

Found by hostile testing: the attributes are written by the stack's batch element, under the name Python
expects, while cdktf writes the resource under the name it computed first; where the two differed, one
snapshot became two (an empty one and one with the attributes), or one vanished.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsii
import pytest

from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, ValidationError


def _snapshots(document: dict[str, Any]) -> dict[str, Any]:
    found = document["resource"]["alicloud_ecs_snapshot"]
    return {name: {k: v for k, v in body.items() if k != "//"} for name, body in found.items()}


def _app_synth(cdk: Any, tmp_path: Path, build: Any) -> dict[str, Any]:
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.TerraformStack(app, "a")
    AlicloudProvider(stack, "p")
    build(cdk, stack)
    app.synth()
    document: dict[str, Any] = json.loads((tmp_path / "stacks" / "a" / "cdk.tf.json").read_text(encoding="utf-8"))
    return document


def test_snapshot_renamed_by_an_aspect_stays_one_resource(cdk: Any, tmp_path: Path) -> None:
    def build(cdk: Any, stack: Any) -> None:
        snapshot = EcsSnapshot(stack, "snap", disk_id="d-1")
        snapshot.import_from("s-abc123")

        @jsii.implements(cdk.IAspect)
        class Rename:
            def visit(self, node: Any) -> None:
                if isinstance(node, EcsSnapshot):
                    node.override_logical_id("renamed")

        cdk.Aspects.of(stack).add(Rename())

    document = _app_synth(cdk, tmp_path, build)
    # cdktf fixed the name in its preparing pass, before Aspects run: the snapshot keeps it, whole.
    assert _snapshots(document) == {"snap": {"disk_id": "d-1"}}
    assert document["import"] == [{"id": "s-abc123", "to": "alicloud_ecs_snapshot.snap"}]


def test_snapshot_override_after_reading_id_follows_the_name_cdktf_keeps(
    cdk: Any, stack: Any, synth: Any
) -> None:
    snapshot = EcsSnapshot(stack, "snap", disk_id="d-1")
    cdk.TerraformOutput(stack, "out", value=snapshot.id)
    snapshot.override_logical_id("renamed")
    document = synth(stack)
    assert _snapshots(document) == {"snap": {"disk_id": "d-1"}}
    assert document["output"]["out"]["value"] == "${alicloud_ecs_snapshot.snap.id}"


def test_snapshot_override_before_any_reference_renames(stack: Any, synth: Any) -> None:
    snapshot = EcsSnapshot(stack, "snap", disk_id="d-1")
    snapshot.override_logical_id("renamed")
    assert _snapshots(synth(stack)) == {"renamed": {"disk_id": "d-1"}}


def test_snapshot_override_after_fqn_use_is_a_clear_error(cdk: Any, stack: Any) -> None:
    snapshot = EcsSnapshot(stack, "snap", disk_id="d-1")
    cdk.TerraformOutput(stack, "out", value="x", depends_on=[snapshot])
    cdk.Testing.synth(stack)
    with pytest.raises(ValidationError) as info:
        snapshot.override_logical_id("renamed")
    message = str(info.value)
    assert [f.rule_id for f in info.value.findings] == ["terraform_name_fixed"]
    assert "test/snap" in message and "'renamed'" in message
    assert "call override_logical_id right after creating the snapshot" in message


def test_snapshot_refused_override_keeps_its_name_claimed(cdk: Any, stack: Any) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1")
    cdk.TerraformOutput(stack, "out", value="x", depends_on=[snapshot])
    cdk.Testing.synth(stack)
    with pytest.raises(ValidationError):
        snapshot.override_logical_id("other")
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "s!", disk_id="d-2")  # cdktf would also call it "s"
    assert [f.rule_id for f in info.value.findings] == ["terraform_duplicate_name"]


def test_snapshot_reset_override_gives_back_the_override_and_takes_the_id(stack: Any, synth: Any) -> None:
    first = EcsSnapshot(stack, "a1", disk_id="d-1")
    first.override_logical_id("b1")
    first.reset_override_logical_id()
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "a1!", disk_id="d-2")  # would be named "a1" too
    assert [f.rule_id for f in info.value.findings] == ["terraform_duplicate_name"]
    EcsSnapshot(stack, "b1", disk_id="d-3")  # "b1" is free again
    assert _snapshots(synth(stack)) == {"a1": {"disk_id": "d-1"}, "b1": {"disk_id": "d-3"}}


@pytest.mark.parametrize("construct_id", ["a/b", "a\nb"], ids=["slash", "newline"])
def test_snapshot_id_with_path_separator_stays_one_resource(stack: Any, synth: Any, construct_id: str) -> None:
    EcsSnapshot(stack, construct_id, disk_id="d-1")
    assert _snapshots(synth(stack)) == {"a--b": {"disk_id": "d-1"}}


def test_snapshot_non_string_id_is_a_clear_type_error(stack: Any) -> None:
    with pytest.raises(TypeError, match=r"construct id must be a string such as 'nightly'; got 7 \(int\)"):
        EcsSnapshot(stack, 7, disk_id="d-1")  # type: ignore[arg-type]


def test_snapshot_scope_none_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"scope must be a construct .*got None"):
        EcsSnapshot(None, "s", disk_id="d-1")


@pytest.mark.parametrize("depends_on", [["disk-1"], "disk-1"], ids=["list-of-names", "one-name"])
def test_snapshot_depends_on_names_refused(stack: Any, depends_on: Any) -> None:
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "s", disk_id="d-1", depends_on=depends_on)
    message = str(info.value)
    assert [f.rule_id for f in info.value.findings] == ["ecs_snapshot_depends_on"]
    assert "test/s" in message and "depends_on" in message and "disk-1" in message
    assert "pass the construct objects themselves" in message


def test_snapshot_depends_on_constructs_accepted(cdk: Any, stack: Any, synth: Any) -> None:
    other = EcsSnapshot(stack, "other", disk_id="d-0")
    EcsSnapshot(stack, "s", disk_id="d-1", depends_on=[other])
    resource = synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]
    assert resource["depends_on"] == ["alicloud_ecs_snapshot.other"]
    assert resource["disk_id"] == "d-1"
