"""``EcsSnapshot`` / ``LegacySnapshot`` construct behaviour under ``Testing.synth`` (cdktf or cdktn)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsii
import pytest

from cdktf_ecs_snapshot import (
    AlicloudProvider,
    Category,
    EcsSnapshot,
    LegacySnapshot,
    SnapshotDeprecationWarning,
    ValidationError,
)
from cdktf_ecs_snapshot._core import load_constructs

ROOT = Path(__file__).resolve().parent.parent


def _resources(synth: Any, stack: Any, rtype: str = "alicloud_ecs_snapshot") -> dict[str, Any]:
    found: dict[str, Any] = synth(stack)["resource"][rtype]
    return found


def _one(synth: Any, stack: Any, name: str = "s") -> dict[str, Any]:
    return _resources(synth, stack)[name]


# -- values -------------------------------------------------------------------------------------------


def test_snapshot_minimal_synthesizes_disk_id(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1")
    assert _one(synth, stack) == {"disk_id": "d-1"}


def test_snapshot_retention_days_string_becomes_number(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", retention_days="20")
    value = _one(synth, stack)["retention_days"]
    assert value == 20
    assert type(value) is int


def test_snapshot_retention_days_whole_float_becomes_int(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", retention_days=7.0)
    assert _one(synth, stack)["retention_days"] == 7


def test_snapshot_category_enum_synthesizes_value(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", category=Category.STANDARD)
    assert _one(synth, stack)["category"] == "standard"


def test_snapshot_bool_string_becomes_bool(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", force="true")  # type: ignore[arg-type]
    assert _one(synth, stack)["force"] is True


def test_snapshot_none_arguments_are_omitted(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", description=None, tags=None, timeouts=None)
    assert _one(synth, stack) == {"disk_id": "d-1"}


def test_snapshot_arguments_and_input(stack: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", retention_days="9")
    assert s.arguments == {"disk_id": "d-1", "retention_days": 9}
    assert s.input("retention_days") == 9
    assert s.input("description") is None
    with pytest.raises(KeyError):
        s.input("status")


def test_snapshot_setters_update_synthesized_values(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.retention_days = "7"
    s.snapshot_name = "nightly"
    s.description = "two words"
    s.resource_group_id = "rg-1"
    s.tags = {"a": "b"}
    s.category = Category.STANDARD
    s.disk_id = "d-2"
    s.put_timeouts(create="1h")
    assert _one(synth, stack) == {
        "disk_id": "d-2",
        "retention_days": 7,
        "snapshot_name": "nightly",
        "description": "two words",
        "resource_group_id": "rg-1",
        "tags": {"a": "b"},
        "category": "standard",
        "timeouts": {"create": "1h"},
    }


def test_snapshot_setter_none_removes_value(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", description="text")
    s.description = None
    assert _one(synth, stack) == {"disk_id": "d-1"}


def test_snapshot_setter_bad_value_raises_immediately(stack: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    with pytest.raises(ValidationError, match=r"^1 problem in test/s: alicloud_ecs_snapshot\.s\.retention_days"):
        s.retention_days = 0


# -- escape hatches ---------------------------------------------------------------------------------


def test_snapshot_add_override_scalar_wins(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", retention_days=5)
    s.add_override("retention_days", 3)
    assert _one(synth, stack)["retention_days"] == 3


def test_snapshot_add_override_tags_deep_merges(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "b"})
    s.add_override("tags.extra", "x")
    assert _one(synth, stack)["tags"] == {"a": "b", "extra": "x"}


def test_snapshot_add_override_tag_replaces_same_key(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "b", "c": "d"})
    s.add_override("tags.a", "z")
    assert _one(synth, stack)["tags"] == {"a": "z", "c": "d"}


def test_snapshot_add_override_ignore_changes_not_duplicated(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "b"})
    s.add_override("lifecycle.ignore_changes", ["tags"])
    assert _one(synth, stack)["lifecycle"] == {"ignore_changes": ["tags"]}


def test_snapshot_add_override_ignore_changes_with_protect(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", protect=True)
    s.add_override("lifecycle.ignore_changes", ["tags"])
    assert _one(synth, stack)["lifecycle"] == {"ignore_changes": ["tags"], "prevent_destroy": True}


def test_snapshot_add_override_timeouts_create(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", timeouts={"create": "10m", "delete": "5m"})
    s.add_override("timeouts.create", "2h")
    assert _one(synth, stack)["timeouts"] == {"create": "2h", "delete": "5m"}


def test_snapshot_override_logical_id(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.override_logical_id("renamed")
    assert _resources(synth, stack) == {"renamed": {"disk_id": "d-1"}}
    assert s.friendly_unique_id == "renamed"


def test_snapshot_override_logical_id_keeps_overrides_together(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "b"})
    s.add_override("tags.extra", "x")
    s.override_logical_id("renamed")
    assert _resources(synth, stack) == {"renamed": {"disk_id": "d-1", "tags": {"a": "b", "extra": "x"}}}


def test_snapshot_override_logical_id_used_in_references(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.override_logical_id("renamed")
    EcsSnapshot(stack, "t", disk_id=s.disk_id)
    assert _one(synth, stack, "t")["disk_id"] == "${alicloud_ecs_snapshot.renamed.disk_id}"


def test_snapshot_override_logical_id_after_synth_is_refused_and_keeps_one_resource(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "b"})
    s.add_override("tags.extra", "x")
    synth(stack)
    with pytest.raises(ValidationError, match="cdktf has fixed the name 's'"):
        s.override_logical_id("renamed")
    assert _resources(synth, stack) == {"s": {"disk_id": "d-1", "tags": {"a": "b", "extra": "x"}}}


def test_snapshot_move_to_writes_moved_block_and_attributes(stack: Any, synth: Any) -> None:
    old = EcsSnapshot(stack, "old", disk_id="d-1", retention_days=5)
    new = EcsSnapshot(stack, "new", disk_id="d-1", retention_days=5)
    new.add_move_target("target")
    old.move_to("target")
    doc = synth(stack)
    assert doc["moved"] == [{"from": "alicloud_ecs_snapshot.old", "to": "alicloud_ecs_snapshot.new"}]
    assert doc["resource"]["alicloud_ecs_snapshot"] == {"new": {"disk_id": "d-1", "retention_days": 5}}


def test_snapshot_move_from_id(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.move_from_id("alicloud_snapshot.legacy")
    doc = synth(stack)
    assert doc["moved"] == [{"from": "alicloud_snapshot.legacy", "to": "alicloud_ecs_snapshot.s"}]
    assert doc["resource"]["alicloud_ecs_snapshot"] == {"s": {"disk_id": "d-1"}}


# -- logical ids -----------------------------------------------------------------------------------


def test_snapshot_nested_construct_gets_hashed_logical_id(stack: Any, synth: Any) -> None:
    group = load_constructs().Construct(stack, "group")
    s = EcsSnapshot(group, "inner", disk_id="d-1")
    assert s.friendly_unique_id.startswith("group_inner_")
    assert _resources(synth, stack) == {s.friendly_unique_id: {"disk_id": "d-1"}}


def test_snapshot_nested_construct_reference_uses_hashed_id(stack: Any, synth: Any) -> None:
    group = load_constructs().Construct(stack, "group")
    inner = EcsSnapshot(group, "inner", disk_id="d-1")
    EcsSnapshot(stack, "t", disk_id=inner.id)
    assert _one(synth, stack, "t")["disk_id"] == f"${{alicloud_ecs_snapshot.{inner.friendly_unique_id}.id}}"


@pytest.mark.parametrize(
    "construct_id",
    [
        pytest.param("my-snap", id="dash"),
        pytest.param("my.snap", id="dot"),
        pytest.param("my snap", id="space"),
        pytest.param("snäpshot", id="unicode"),
        pytest.param("快照a1", id="cjk"),
        pytest.param("a_b-c.d e", id="mixed"),
        pytest.param("Resource", id="hidden-from-human"),
        pytest.param("x" * 255, id="len-255"),
        pytest.param("x" * 256, id="len-256"),
        pytest.param("x" * 250 + "......", id="len-256-dots"),
    ],
)
def test_snapshot_fast_logical_id_equals_friendly_unique_id(stack: Any, synth: Any, construct_id: str) -> None:
    s = EcsSnapshot(stack, construct_id, disk_id="d-1")
    assert list(_resources(synth, stack)) == [s.friendly_unique_id]


def test_snapshot_custom_stack_logical_ids_are_respected(cdk: Any, app: Any, synth: Any) -> None:
    class Prefixed(cdk.TerraformStack):  # type: ignore[misc]
        def _allocate_logical_id(self, element: Any) -> str:
            return "custom_" + str(element.node.id)

    stack = Prefixed(app, "custom")
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.import_from("s-abc")
    doc = synth(stack)
    assert doc["resource"]["alicloud_ecs_snapshot"] == {"custom_s": {"disk_id": "d-1"}}
    assert doc["import"] == [{"id": "s-abc", "to": "alicloud_ecs_snapshot.custom_s"}]


# -- import ----------------------------------------------------------------------------------------


def test_snapshot_import_from_emits_import_block(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1").import_from("s-abc123")
    doc = synth(stack)
    assert doc["import"] == [{"id": "s-abc123", "to": "alicloud_ecs_snapshot.s"}]
    assert doc["resource"]["alicloud_ecs_snapshot"]["s"] == {"disk_id": "d-1"}


def test_snapshot_import_from_with_provider(stack: Any, synth: Any) -> None:
    eu = AlicloudProvider(stack, "eu", alias="eu")
    EcsSnapshot(stack, "s", disk_id="d-1", provider=eu).import_from("s-abc123", eu)
    assert synth(stack)["import"] == [{"id": "s-abc123", "to": "alicloud_ecs_snapshot.s", "provider": "alicloud.eu"}]


def test_snapshot_import_from_legacy_type(stack: Any, synth: Any) -> None:
    LegacySnapshot(stack, "s", disk_id="d-1").import_from("s-abc")
    assert synth(stack)["import"] == [{"id": "s-abc", "to": "alicloud_snapshot.s"}]


def test_snapshot_import_from_token_id_passes(cdk: Any, stack: Any, synth: Any) -> None:
    var = cdk.TerraformVariable(stack, "sid", type="string")
    EcsSnapshot(stack, "s", disk_id="d-1").import_from(var.string_value)
    assert synth(stack)["import"] == [{"id": "${var.sid}", "to": "alicloud_ecs_snapshot.s"}]


def test_snapshot_import_from_without_terraform_binary(cdk: Any, tmp_path: Path) -> None:
    """JSON, HCL and app.synth() with an import block, in a process whose PATH has no terraform."""
    script = tmp_path / "app.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import json, shutil, sys
            assert shutil.which("terraform") is None, shutil.which("terraform")
            from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, cdk
            app = cdk.App(outdir={str(tmp_path / "out")!r})
            stack = cdk.TerraformStack(app, "imp")
            AlicloudProvider(stack, "alicloud")
            EcsSnapshot(stack, "s", disk_id="d-1").import_from("s-abc123")
            print(json.dumps({{
                "json": json.loads(cdk.Testing.synth(stack)).get("import"),
                "hcl": cdk.Testing.synth_hcl(stack),
            }}))
            app.synth()
            """
        ),
        encoding="utf-8",
    )
    node_dir = os.path.dirname(_which("node"))
    path = os.pathsep.join(p for p in [node_dir, "/usr/bin", "/bin"] if not Path(p, "terraform").exists())
    env = {**os.environ, "PATH": path}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["json"] == [{"id": "s-abc123", "to": "alicloud_ecs_snapshot.s"}]
    assert 'id = "s-abc123"' in result["hcl"]
    written = json.loads((tmp_path / "out" / "stacks" / "imp" / "cdk.tf.json").read_text(encoding="utf-8"))
    assert written["import"] == [{"id": "s-abc123", "to": "alicloud_ecs_snapshot.s"}]


def _which(program: str) -> str:
    import shutil

    found = shutil.which(program)
    if found is None:
        pytest.skip(f"{program} is not on PATH")
    return found


# -- lifecycle and meta-arguments ------------------------------------------------------------------


def test_snapshot_protect_sets_prevent_destroy(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", protect=True)
    assert _one(synth, stack)["lifecycle"] == {"prevent_destroy": True}


def test_snapshot_protect_keeps_user_lifecycle_object(cdk: Any, stack: Any, synth: Any) -> None:
    lifecycle = cdk.TerraformResourceLifecycle(create_before_destroy=True, ignore_changes=["tags"])
    EcsSnapshot(stack, "s", disk_id="d-1", protect=True, lifecycle=lifecycle)
    assert _one(synth, stack)["lifecycle"] == {
        "create_before_destroy": True,
        "ignore_changes": ["tags"],
        "prevent_destroy": True,
    }


def test_snapshot_protect_keeps_user_lifecycle_dict(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", protect=True, lifecycle={"ignore_changes": ["description"]})
    assert _one(synth, stack)["lifecycle"] == {"ignore_changes": ["description"], "prevent_destroy": True}


def test_snapshot_lifecycle_without_protect_passes_through(cdk: Any, stack: Any, synth: Any) -> None:
    lifecycle = cdk.TerraformResourceLifecycle(prevent_destroy=False, ignore_changes=["tags"])
    EcsSnapshot(stack, "s", disk_id="d-1", lifecycle=lifecycle)
    assert _one(synth, stack)["lifecycle"] == {"ignore_changes": ["tags"], "prevent_destroy": False}


def test_snapshot_count_passes_through(cdk: Any, stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", count=cdk.TerraformCount.of(3))
    assert _one(synth, stack)["count"] == 3


def test_snapshot_for_each_passes_through(cdk: Any, stack: Any, synth: Any) -> None:
    disks = cdk.TerraformIterator.from_list(["d-1", "d-2"])
    EcsSnapshot(stack, "s", disk_id=disks.value, for_each=disks)
    resource = _one(synth, stack)
    assert resource["for_each"] == '${toset(["d-1", "d-2"])}'
    assert resource["disk_id"] == "${each.value}"


def test_snapshot_depends_on_passes_through(stack: Any, synth: Any) -> None:
    first = EcsSnapshot(stack, "first", disk_id="d-1")
    EcsSnapshot(stack, "second", disk_id="d-1", depends_on=[first])
    assert _one(synth, stack, "second")["depends_on"] == ["alicloud_ecs_snapshot.first"]


def test_snapshot_provider_passes_through(stack: Any, synth: Any) -> None:
    eu = AlicloudProvider(stack, "eu", alias="eu")
    EcsSnapshot(stack, "s", disk_id="d-1", provider=eu)
    assert _one(synth, stack)["provider"] == "alicloud.eu"


# -- types, references, versions -------------------------------------------------------------------


def test_snapshot_legacy_type_name(stack: Any, synth: Any) -> None:
    LegacySnapshot(stack, "old", disk_id="d-1", snapshot_name="ab")
    doc = synth(stack)["resource"]
    assert doc == {"alicloud_snapshot": {"old": {"disk_id": "d-1", "snapshot_name": "ab"}}}


def test_snapshot_legacy_messages_name_legacy_type(stack: Any) -> None:
    with pytest.raises(ValidationError, match=r"alicloud_snapshot\.old\.retention_days"):
        LegacySnapshot(stack, "old", disk_id="d-1", retention_days=0)


@pytest.mark.parametrize("attr", ["id", "status", "create_time", "region_id", "category", "snapshot_name"])
def test_snapshot_computed_reference(stack: Any, synth: Any, attr: str) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    EcsSnapshot(stack, "t", disk_id="d-1", description=getattr(s, attr))
    assert _one(synth, stack, "t")["description"] == f"${{alicloud_ecs_snapshot.s.{attr}}}"


def test_snapshot_tags_reference_is_map_token(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", tags={"a": "b"})
    EcsSnapshot(stack, "t", disk_id="d-1", tags=s.tags)
    assert _one(synth, stack, "t")["tags"] == "${alicloud_ecs_snapshot.s.tags}"


def test_snapshot_reads_tracks_version_gated_attributes(stack: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.id  # noqa: B018
    s.create_time  # noqa: B018
    s.region_id  # noqa: B018
    assert s.reads == frozenset({"create_time", "region_id"})


def test_snapshot_default_provider_version(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1", retention_days=5, tags={"a": "b"})
    assert synth(stack)["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.120.0, < 2.0.0"


def test_snapshot_create_time_raises_default_provider_version(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.create_time  # noqa: B018
    assert synth(stack)["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.239.0, < 2.0.0"


def test_snapshot_timeouts_update_raises_default_provider_version(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1", timeouts={"update": "10m"})
    assert synth(stack)["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.231.0, < 2.0.0"


def test_snapshot_explicit_provider_version_kept(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", version=">= 1.240.0, < 1.300.0")
    EcsSnapshot(stack, "s", disk_id="d-1", timeouts={"update": "10m"}).create_time  # noqa: B018
    assert synth(stack)["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.240.0, < 1.300.0"


def test_snapshot_multiple_stacks_each_get_their_batch(cdk: Any, app: Any, synth: Any) -> None:
    one, two = cdk.TerraformStack(app, "one"), cdk.TerraformStack(app, "two")
    AlicloudProvider(one, "alicloud")
    AlicloudProvider(two, "alicloud")
    EcsSnapshot(one, "a", disk_id="d-1")
    EcsSnapshot(two, "b", disk_id="d-2").create_time  # noqa: B018
    first, second = synth(one), synth(two)
    assert first["resource"] == {"alicloud_ecs_snapshot": {"a": {"disk_id": "d-1"}}}
    assert second["resource"] == {"alicloud_ecs_snapshot": {"b": {"disk_id": "d-2"}}}
    assert first["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.120.0, < 2.0.0"
    assert second["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.239.0, < 2.0.0"


def test_snapshot_multiple_stacks_app_synth(cdk: Any, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    for name in ("one", "two"):
        stack = cdk.TerraformStack(app, name)
        AlicloudProvider(stack, "alicloud")
        EcsSnapshot(stack, f"snap-{name}", disk_id=f"d-{name}")
    app.synth()
    for name in ("one", "two"):
        doc = json.loads((tmp_path / "stacks" / name / "cdk.tf.json").read_text(encoding="utf-8"))
        resources = doc["resource"]["alicloud_ecs_snapshot"]
        assert list(resources) == [f"snap-{name}"]
        assert resources[f"snap-{name}"]["disk_id"] == f"d-{name}"


# -- validation switches and warnings ----------------------------------------------------------------


def test_snapshot_validate_false_passes_bad_values_through(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="", category="Flash", retention_days=0, tags={"aliyun:x": "y"}, validate=False)
    assert _one(synth, stack) == {
        "disk_id": "",
        "category": "Flash",
        "retention_days": 0,
        "tags": {"aliyun:x": "y"},
    }


def test_snapshot_validate_false_adds_no_warnings(cdk: Any, stack: Any, recwarn: pytest.WarningsRecorder) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1", category="flash", name="ab", validate=False)
    outdir = cdk.Testing.full_synth(stack)
    manifest = json.loads(Path(outdir, "manifest.json").read_text(encoding="utf-8"))
    assert manifest["stacks"]["test"]["annotations"] == []
    assert not [w for w in recwarn if issubclass(w.category, SnapshotDeprecationWarning)]


def test_snapshot_strict_turns_warning_into_error(stack: Any) -> None:
    with pytest.raises(ValidationError, match=r"category: local \(flash\) snapshots") as info:
        EcsSnapshot(stack, "s", disk_id="d-1", category="flash", strict=True)
    assert [f.rule_id for f in info.value.findings] == ["ecs_snapshot_flash_category"]


def test_snapshot_strict_without_warnings_is_fine(stack: Any, synth: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", category="standard", strict=True)
    assert _one(synth, stack)["category"] == "standard"


def test_snapshot_name_emits_deprecation_warning(stack: Any) -> None:
    with pytest.warns(SnapshotDeprecationWarning, match=r"alicloud_ecs_snapshot\.s\.name: deprecated"):
        EcsSnapshot(stack, "s", disk_id="d-1", name="old-name")


def test_snapshot_instant_access_emits_deprecation_warning(stack: Any) -> None:
    with pytest.warns(SnapshotDeprecationWarning, match="without effect since provider 1.231.0"):
        EcsSnapshot(stack, "s", disk_id="d-1", instant_access=True)


def test_snapshot_deprecation_warning_points_at_caller(stack: Any) -> None:
    with pytest.warns(SnapshotDeprecationWarning) as record:
        EcsSnapshot(stack, "s", disk_id="d-1", name="old-name")
    assert Path(record[0].filename).name == Path(__file__).name


def test_snapshot_flash_warning_is_annotation_not_deprecation(
    cdk: Any, stack: Any, recwarn: pytest.WarningsRecorder
) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", category="flash")
    assert not [w for w in recwarn if issubclass(w.category, SnapshotDeprecationWarning)]
    assert _levels(s) == ["warn"]


def test_snapshot_setter_warning_is_annotated_once(stack: Any) -> None:
    s = EcsSnapshot(stack, "s", disk_id="d-1", category="flash")
    s.description = "changed text"
    assert _levels(s) == ["warn"]


def _levels(construct: Any) -> list[str]:
    kinds = [str(m.type) for m in construct.node.metadata]
    return [k.split("/", 1)[1] for k in kinds if k.split("/", 1)[-1] in ("info", "warn", "error")]


# -- output never loses attributes ---------------------------------------------------------------------


def test_snapshot_never_synthesizes_empty_resource(cdk: Any, app: Any, synth: Any) -> None:
    stack = cdk.TerraformStack(app, "many")
    group = load_constructs().Construct(stack, "group")
    made = [
        EcsSnapshot(stack, "plain", disk_id="d-1"),
        EcsSnapshot(group, "nested", disk_id="d-1"),
        LegacySnapshot(stack, "legacy", disk_id="d-1"),
        EcsSnapshot(stack, "Default-ish", disk_id="d-1"),
    ]
    made[0].override_logical_id("overridden")
    moved = EcsSnapshot(stack, "moved", disk_id="d-1")
    moved.move_to_id("alicloud_ecs_snapshot.elsewhere")
    doc = synth(stack)
    for rtype in doc["resource"].values():
        for name, body in rtype.items():
            assert body, name
            assert body.get("disk_id") == "d-1", name


def test_snapshot_to_have_resource_with_properties(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1", retention_days="20", tags={"a": "b"})
    out = cdk.Testing.synth(stack)
    assert cdk.Testing.to_have_resource(out, "alicloud_ecs_snapshot")
    assert cdk.Testing.to_have_resource_with_properties(
        out, "alicloud_ecs_snapshot", {"disk_id": "d-1", "retention_days": 20, "tags": {"a": "b"}}
    )
    assert not cdk.Testing.to_have_resource_with_properties(out, "alicloud_ecs_snapshot", {"retention_days": 21})


def test_snapshot_user_aspect_visits_snapshot(cdk: Any, stack: Any, synth: Any) -> None:
    @jsii.implements(cdk.IAspect)
    class Collect:
        def __init__(self) -> None:
            self.seen: list[str] = []

        def visit(self, node: Any) -> None:
            if isinstance(node, EcsSnapshot):
                self.seen.append(str(node.node.path))

    aspect = Collect()
    cdk.Aspects.of(stack).add(aspect)
    EcsSnapshot(stack, "s", disk_id="d-1")
    synth(stack)
    assert aspect.seen == ["test/s"]


def test_snapshot_user_aspect_can_change_values(cdk: Any, stack: Any, synth: Any) -> None:
    @jsii.implements(cdk.IAspect)
    class Tagger:
        def visit(self, node: Any) -> None:
            if isinstance(node, EcsSnapshot):
                node.tags = {"managed-by": "aspect"}

    cdk.Aspects.of(stack).add(Tagger())
    EcsSnapshot(stack, "s", disk_id="d-1")
    assert _one(synth, stack)["tags"] == {"managed-by": "aspect"}


def test_snapshot_import_package_does_not_start_node() -> None:
    code = (
        "import sys, cdktf_ecs_snapshot as m; m.validate_snapshot({'disk_id': 'd-1'}, name='x'); "
        "m.force_new_attributes('1.239.0'); "
        "print(sorted(n for n in ('cdktf', 'cdktn', 'jsii') if n in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
