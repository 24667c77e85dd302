"""Meta-arguments, names and providers that cdktf would turn into a lost snapshot, a dangling reference or a
bare jsii error. Found by hostile testing; each case is refused with a message naming what to change.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot import AlicloudProvider, DiskLookup, EcsDisk, EcsSnapshot, ValidationError
from cdktf_ecs_snapshot._core import external_provider, load_constructs


def _rule_ids(info: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [f.rule_id for f in info.value.findings]


def test_nested_snapshots_cdktf_names_alike_are_refused_at_synthesis(cdk: Any, stack: Any) -> None:
    construct = load_constructs().Construct
    EcsSnapshot(construct(stack, "x!"), "Default", disk_id="d-1")
    EcsSnapshot(construct(stack, "x?"), "Default", disk_id="d-2")
    with pytest.raises(RuntimeError) as info:
        cdk.Testing.synth(stack)
    message = str(info.value)
    assert "alicloud_ecs_snapshot.x.name: is the Terraform name of both" in message
    assert "'test/x!/Default' and 'test/x?/Default'" in message
    assert "choose another construct id, or override_logical_id for one of them" in message


def test_unvalidated_snapshot_sharing_a_name_is_refused_at_synthesis(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "a!", disk_id="d-1", validate=False)
    EcsSnapshot(stack, "a", disk_id="d-2")
    with pytest.raises(RuntimeError, match="is the Terraform name of both 'test/a!' and 'test/a'"):
        cdk.Testing.synth(stack)


def test_same_rename_twice_changes_nothing(stack: Any, synth: Any) -> None:
    snapshot = EcsSnapshot(stack, "b", disk_id="d-1")
    snapshot.override_logical_id("bb")
    snapshot.override_logical_id("bb")
    assert list(synth(stack)["resource"]["alicloud_ecs_snapshot"]) == ["bb"]


def test_rename_to_none_is_a_type_error(stack: Any) -> None:
    with pytest.raises(TypeError, match="logical id must be a string; got None"):
        EcsSnapshot(stack, "s", disk_id="d-1").override_logical_id(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("make", [lambda cdk, s: load_constructs().Construct(s, "plain")], ids=["construct"])
def test_depends_on_a_plain_construct_refused(cdk: Any, stack: Any, make: Any) -> None:
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "s", disk_id="d-1", depends_on=[make(cdk, stack)])
    assert _rule_ids(info) == ["terraform_depends_on"]
    assert "for this library's lookups, their .data" in str(info.value)


def test_depends_on_a_lookups_data_accepted(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    lookup = DiskLookup(stack, "disk", disk_id="d-1")
    EcsSnapshot(stack, "s", disk_id="d-1", depends_on=[lookup.data])
    (entry,) = synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["depends_on"]
    assert entry.startswith("data.external.")


def test_failed_construction_leaves_the_name_free(stack: Any, synth: Any) -> None:
    with pytest.raises(TypeError):
        EcsSnapshot(stack, "a", disk_id="d-1", lifecycle="bad")  # cdktf's own type check
    EcsSnapshot(stack, "a", disk_id="d-2")
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"] == {"a": {"disk_id": "d-2"}}


def test_scope_app_is_a_clear_type_error(cdk: Any) -> None:
    with pytest.raises(TypeError, match="scope is the App; pass a TerraformStack"):
        EcsSnapshot(cdk.Testing.app(), "s", disk_id="d-1")


def test_stack_of_the_other_core_is_a_clear_type_error(tmp_path: Path) -> None:
    program = textwrap.dedent(
        """
        import os
        os.environ["CDKTF_ECS_SNAPSHOT_CORE"] = "cdktf"
        import cdktn
        from cdktf_ecs_snapshot import EcsSnapshot
        stack = cdktn.TerraformStack(cdktn.Testing.app(), "t")
        try:
            EcsSnapshot(stack, "s", disk_id="d-1")
        except TypeError as exc:
            print("TypeError:", exc)
        """
    )
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="18,20")
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "scope comes from 'cdktn' but cdktf_ecs_snapshot uses 'cdktf'" in proc.stdout
    assert "CDKTF_ECS_SNAPSHOT_CORE=cdktn" in proc.stdout


def test_import_from_provider_name_refused(stack: Any) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1")
    with pytest.raises(ValidationError) as info:
        snapshot.import_from("s-abc", provider="alicloud.west")
    assert _rule_ids(info) == ["terraform_provider"]
    assert "not its name or alias" in str(info.value)


def test_import_from_provider_of_another_stack_refused(cdk: Any) -> None:
    app = cdk.Testing.app()
    here, there = cdk.TerraformStack(app, "here"), cdk.TerraformStack(app, "there")
    west = AlicloudProvider(there, "west", alias="west")
    with pytest.raises(ValidationError, match="belongs to another stack"):
        EcsSnapshot(here, "s", disk_id="d-1").import_from("s-abc", provider=west)


def test_reserved_element_id_refused(stack: Any) -> None:
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "cdktf-ecs-snapshot", disk_id="d-1")
    assert _rule_ids(info) == ["terraform_reserved_id"]


def test_disk_meta_arguments_checked_like_snapshots(stack: Any) -> None:
    provider = AlicloudProvider(stack, "alicloud")
    with pytest.raises(ValidationError) as info:
        EcsDisk(stack, "Default", zone_id="cn-hangzhou-i", size=20, depends_on=[provider])
    assert sorted(_rule_ids(info)) == ["terraform_depends_on", "terraform_reserved_id"]


def test_snapshot_tags_override_merges_like_cdktf(stack: Any, synth: Any) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1", tags={"k": "v", "same": "typed"})
    snapshot.add_override("tags", {"z": "1", "same": "override"})
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["tags"] == {"k": "v", "z": "1", "same": "override"}


def test_provider_camel_case_secret_override_refused(stack: Any) -> None:
    with pytest.raises(ValidationError, match=r"alicloud\.alicloud\.secret_key"):
        AlicloudProvider(stack, "alicloud").add_override("secretKey", "literal")


@pytest.mark.parametrize("alias", ["", "a b", "1st"])
def test_provider_alias_that_is_no_terraform_name_refused(stack: Any, alias: str) -> None:
    with pytest.raises(ValidationError, match=r"alicloud\.p\.alias: is not a Terraform name"):
        AlicloudProvider(stack, "p", alias=alias)
    provider = AlicloudProvider(stack, "q", alias="ok")
    with pytest.raises(ValidationError, match=r"alicloud\.q\.alias"):
        provider.alias = alias


def test_provider_alias_removed_later_fails_cdktf_validation(cdk: Any, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.TerraformStack(app, "t")
    first = AlicloudProvider(stack, "p1", alias="a")
    AlicloudProvider(stack, "p2")
    first.alias = None
    with pytest.raises(RuntimeError, match="a second AlicloudProvider without alias"):
        app.synth()


def test_lookups_reuse_the_stacks_own_external_provider(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    external_provider().provider.ExternalProvider(stack, "external")
    DiskLookup(stack, "disk", disk_id="d-1")
    assert synth(stack)["provider"]["external"] == [{}]


def test_lookups_then_own_external_provider_fails_cdktf_validation(cdk: Any, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.TerraformStack(app, "t")
    AlicloudProvider(stack, "alicloud")
    DiskLookup(stack, "disk", disk_id="d-1")
    external_provider().provider.ExternalProvider(stack, "external")
    with pytest.raises(RuntimeError, match=r"external\.external\.alias: a second default 'external' provider"):
        app.synth()
    assert not (tmp_path / "stacks" / "t" / "cdk.tf.json").exists()


def test_lookups_reuse_a_nested_external_provider(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    external_provider().provider.ExternalProvider(load_constructs().Construct(stack, "providers"), "external")
    DiskLookup(stack, "disk", disk_id="d-1")
    assert synth(stack)["provider"]["external"] == [{}]


@pytest.mark.parametrize("make", ["provider", "lookup"])
def test_reserved_ids_refused_for_providers_and_lookups(stack: Any, make: str) -> None:
    with pytest.raises(ValidationError) as info:
        if make == "provider":
            AlicloudProvider(stack, "cdktf-ecs-snapshot")
        else:
            DiskLookup(stack, "cdktf-ecs-snapshot-external", disk_id="d-1")
    assert _rule_ids(info) == ["terraform_reserved_id"]
    assert "choose another construct id" in str(info.value)


def test_depends_on_error_shows_the_construct_path(stack: Any) -> None:
    lookup = DiskLookup(stack, "disk", disk_id="d-1")
    with pytest.raises(ValidationError, match=r"depends_on: .*got 'test/disk'"):
        EcsSnapshot(stack, "s", disk_id="d-1", depends_on=[lookup])


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ([("tags", {"a": None})], {"a": "1", "b": "2"}),
        ([("tags", "${var.t}"), ("tags.a", "z")], {"a": "z", "b": "2"}),
        ([("tags.a", "z"), ("tags", {"c": "3"})], {"a": "1", "b": "2", "c": "3"}),
        ([("tags", "${var.t}")], "${var.t}"),
    ],
    ids=["none-sets-nothing", "string-then-path", "path-then-map", "whole-token"],
)
def test_snapshot_tags_overrides_replayed_as_cdktf_stores_them(
    stack: Any, synth: Any, overrides: list[tuple[str, Any]], expected: object
) -> None:
    snapshot = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "1", "b": "2"})
    for path, value in overrides:
        snapshot.add_override(path, value)
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["tags"] == expected


def test_rename_to_its_own_name_after_fqn_changes_nothing(cdk: Any, stack: Any, synth: Any) -> None:
    snapshot = EcsSnapshot(stack, "r", disk_id="d-1")
    snapshot.fqn  # noqa: B018 - cdktf refuses any rename from now on
    snapshot.override_logical_id("r")
    assert list(synth(stack)["resource"]["alicloud_ecs_snapshot"]) == ["r"]
