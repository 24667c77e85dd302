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


def _rename_aspect(cdk: Any, stack: Any) -> None:
    @jsii.implements(cdk.IAspect)
    class Rename:
        def visit(self, node: Any) -> None:
            if isinstance(node, EcsSnapshot):
                node.override_logical_id("renamed")

    cdk.Aspects.of(stack).add(Rename())


def test_snapshot_renamed_by_an_aspect_in_app_synth_is_refused(cdk: Any, tmp_path: Path) -> None:
    """cdktf fixes names in its preparing pass, before Aspects run, and would ignore the rename silently."""

    def build(cdk: Any, stack: Any) -> None:
        EcsSnapshot(stack, "snap", disk_id="d-1").import_from("s-abc123")
        _rename_aspect(cdk, stack)

    with pytest.raises(RuntimeError) as info:
        _app_synth(cdk, tmp_path, build)
    message = str(info.value)
    assert "a/snap: alicloud_ecs_snapshot.snap.name: cannot change: cdktf has fixed the name 'snap'" in message
    assert "got 'renamed'" in message
    assert not (tmp_path / "stacks" / "a" / "cdk.tf.json").exists()


def test_snapshot_renamed_by_an_aspect_in_testing_synth_is_one_resource(cdk: Any, stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "snap", disk_id="d-1").import_from("s-abc123")
    _rename_aspect(cdk, stack)
    document = synth(stack)
    assert _snapshots(document) == {"renamed": {"disk_id": "d-1"}}
    assert document["import"] == [{"id": "s-abc123", "to": "alicloud_ecs_snapshot.renamed"}]


def test_snapshot_override_after_reading_id_is_refused_and_keeps_the_name(
    cdk: Any, stack: Any, synth: Any
) -> None:
    snapshot = EcsSnapshot(stack, "snap", disk_id="d-1")
    cdk.TerraformOutput(stack, "out", value=snapshot.id)
    with pytest.raises(ValidationError) as info:
        snapshot.override_logical_id("renamed")
    assert [f.rule_id for f in info.value.findings] == ["terraform_name_fixed"]
    EcsSnapshot(stack, "renamed", disk_id="d-2")  # the name the refused rename asked for stays free
    with pytest.raises(ValidationError):
        EcsSnapshot(stack, "snap!", disk_id="d-3")  # and "snap" stays taken
    document = synth(stack)
    assert _snapshots(document) == {"snap": {"disk_id": "d-1"}, "renamed": {"disk_id": "d-2"}}
    assert document["output"]["out"]["value"] == "${alicloud_ecs_snapshot.snap.id}"


def test_snapshot_second_override_is_refused(stack: Any, synth: Any) -> None:
    snapshot = EcsSnapshot(stack, "snap", disk_id="d-1")
    snapshot.override_logical_id("first")
    with pytest.raises(ValidationError, match="cdktf has fixed the name 'first'"):
        snapshot.override_logical_id("second")
    assert _snapshots(synth(stack)) == {"first": {"disk_id": "d-1"}}


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
    assert "call override_logical_id once, right after creating the snapshot" in message


def test_snapshot_refused_override_keeps_its_name_claimed(cdk: Any, stack: Any) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1")
    cdk.TerraformOutput(stack, "out", value="x", depends_on=[snapshot])
    cdk.Testing.synth(stack)
    with pytest.raises(ValidationError):
        snapshot.override_logical_id("other")
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "s!", disk_id="d-2")  # cdktf would also call it "s"
    assert [f.rule_id for f in info.value.findings] == ["terraform_duplicate_name"]


def test_snapshot_reset_after_override_is_refused_and_names_stay_claimed(stack: Any, synth: Any) -> None:
    first = EcsSnapshot(stack, "a1", disk_id="d-1")
    first.override_logical_id("b1")
    with pytest.raises(ValidationError, match=r"got 'reset_override_logical_id\(\)'"):
        first.reset_override_logical_id()
    with pytest.raises(ValidationError):
        EcsSnapshot(stack, "b1", disk_id="d-2")  # still first's
    EcsSnapshot(stack, "a1!", disk_id="d-3")  # "a1" was given up by the rename
    assert _snapshots(synth(stack)) == {"b1": {"disk_id": "d-1"}, "a1": {"disk_id": "d-3"}}


def test_snapshot_reset_without_override_changes_nothing(stack: Any, synth: Any) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1")
    snapshot.reset_override_logical_id()
    assert _snapshots(synth(stack)) == {"s": {"disk_id": "d-1"}}


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
    assert [f.rule_id for f in info.value.findings] == ["terraform_depends_on"]
    assert "test/s" in message and "depends_on" in message and "disk-1" in message
    assert "pass the resource objects themselves" in message


def test_snapshot_depends_on_constructs_accepted(cdk: Any, stack: Any, synth: Any) -> None:
    other = EcsSnapshot(stack, "other", disk_id="d-0")
    EcsSnapshot(stack, "s", disk_id="d-1", depends_on=[other])
    resource = synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]
    assert resource["depends_on"] == ["alicloud_ecs_snapshot.other"]
    assert resource["disk_id"] == "d-1"


def test_snapshot_depends_on_tuple_accepted(stack: Any, synth: Any) -> None:
    other = EcsSnapshot(stack, "other", disk_id="d-0")
    EcsSnapshot(stack, "s", disk_id="d-1", depends_on=(other,))
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["depends_on"] == ["alicloud_ecs_snapshot.other"]


def test_snapshot_depends_on_a_provider_refused(stack: Any) -> None:
    provider = AlicloudProvider(stack, "alicloud")
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "s", disk_id="d-1", depends_on=[provider])
    assert [f.rule_id for f in info.value.findings] == ["terraform_depends_on"]
    assert "not names, ids, providers or plain constructs" in str(info.value)


def test_snapshot_id_default_refused(stack: Any) -> None:
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "Default", disk_id="d-1")
    assert [f.rule_id for f in info.value.findings] == ["terraform_reserved_id"]
    assert "test/Default" in str(info.value) and "choose another construct id" in str(info.value)


def test_snapshot_provider_of_another_stack_refused(cdk: Any) -> None:
    app = cdk.Testing.app()
    here, there = cdk.TerraformStack(app, "here"), cdk.TerraformStack(app, "there")
    AlicloudProvider(here, "alicloud")
    elsewhere = AlicloudProvider(there, "hz", alias="hz")
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(here, "s", disk_id="d-1", provider=elsewhere)
    assert [f.rule_id for f in info.value.findings] == ["terraform_provider"]
    assert "'there/hz'" in str(info.value) and "belongs to another stack" in str(info.value)


def test_snapshot_provider_of_its_stack_accepted(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    hz = AlicloudProvider(stack, "hz", alias="hz")
    EcsSnapshot(stack, "s", disk_id="d-1", provider=hz)
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["provider"] == "alicloud.hz"


def test_snapshot_invalid_override_name_blames_the_override(stack: Any) -> None:
    snapshot = EcsSnapshot(stack, "c", disk_id="d-1")
    with pytest.raises(ValidationError) as info:
        snapshot.override_logical_id("!!bad")
    assert "of the id 'c'" not in str(info.value)
    assert "got '!!bad'" in str(info.value)


def test_renaming_aspect_survives_a_second_synthesis(cdk: Any, stack: Any, synth: Any) -> None:
    """An Aspect runs at every synthesis; renaming to the same name again changes nothing."""
    EcsSnapshot(stack, "b", disk_id="d-1")
    _rename_aspect(cdk, stack)
    first, second = synth(stack), synth(stack)
    assert first == second
    assert list(second["resource"]["alicloud_ecs_snapshot"]) == ["renamed"]
