"""The provider's acceptance scenarios (resource_alicloud_ecs_snapshot_test.go) as synthesis tests.

Each step synthesizes without error; warnings appear in the manifest (``Testing.full_synth`` and
``app.synth()``) with the rule's message, and nowhere else is anything reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, SnapshotDeprecationWarning

DISK = "d-bp1acceptance0001"
RG = "rg-acfmacceptance01"
NAME = "tf-testacccn-hangzhouecssnapshot12345"
FLASH = (
    "alicloud_ecs_snapshot.default.category: local (flash) snapshots are retired for accounts that did not use "
    "them before 2020-12-14; got 'flash'; expected 'standard'; use 'standard' unless this account still has "
    "local snapshots enabled"
)
NAME_DEPRECATED = (
    f"alicloud_ecs_snapshot.default.name: deprecated since provider 1.120.0; got '{NAME}'; expected "
    "snapshot_name; rename the argument to snapshot_name"
)


def _annotations(outdir: str | Path, stack: str = "test") -> list[tuple[str, str, str]]:
    manifest = json.loads(Path(outdir, "manifest.json").read_text(encoding="utf-8"))
    return [(a["constructPath"], a["level"], a["message"]) for a in manifest["stacks"][stack]["annotations"]]


def _build(stack: Any, arguments: dict[str, Any]) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    EcsSnapshot(stack, "default", **arguments)


def _resource(outdir: str | Path) -> dict[str, Any]:
    doc = json.loads(Path(outdir, "stacks", "test", "cdk.tf.json").read_text(encoding="utf-8"))
    resource: dict[str, Any] = dict(doc["resource"]["alicloud_ecs_snapshot"]["default"])
    assert resource.pop("//") == {"metadata": {"path": "test/default", "uniqueId": "default"}}
    return resource


# basic0: create with disk_id only, then add one argument per step.
BASIC0 = [
    {"disk_id": DISK},
    {"disk_id": DISK, "description": "tf-test-description"},
    {"disk_id": DISK, "description": "tf-test-description", "resource_group_id": RG},
    {"disk_id": DISK, "description": "tf-test-description", "resource_group_id": RG, "snapshot_name": NAME},
    {
        "disk_id": DISK,
        "description": "tf-test-description",
        "resource_group_id": RG,
        "snapshot_name": NAME,
        "tags": {"Created": "TF", "For": "Snapshot"},
    },
]
# basic1: retention_days 50, extended to 60, then one argument per step (deprecated name in step 5).
BASIC1 = [
    {"disk_id": DISK, "retention_days": 50},
    {"disk_id": DISK, "retention_days": 60},
    {"disk_id": DISK, "retention_days": 60, "description": "tf-test-description"},
    {"disk_id": DISK, "retention_days": 60, "description": "tf-test-description", "resource_group_id": RG},
]
TWIN0 = {
    "disk_id": DISK,
    "category": "flash",
    "retention_days": 50,
    "resource_group_id": RG,
    "snapshot_name": NAME,
    "description": "tf-test-description",
    "force": True,
    "tags": {"Created": "TF", "For": "Snapshot"},
}
TWIN1 = {
    "disk_id": DISK,
    "category": "standard",
    "retention_days": 50,
    "resource_group_id": RG,
    "name": NAME,
    "description": "tf-test-description",
    "force": True,
    "tags": {"Created": "TF", "For": "Snapshot"},
}


@pytest.mark.parametrize(
    "arguments",
    BASIC0 + BASIC1,
    ids=[f"basic0-step{i}" for i in range(1, 6)] + [f"basic1-step{i}" for i in range(1, 5)],
)
def test_acceptance_step_synthesizes_without_warnings(cdk: Any, stack: Any, arguments: dict[str, Any]) -> None:
    _build(stack, arguments)
    outdir = cdk.Testing.full_synth(stack)
    assert _resource(outdir) == arguments
    assert _annotations(outdir) == []


def test_acceptance_basic1_deprecated_name_step_warns(cdk: Any, stack: Any) -> None:
    arguments = {**BASIC1[-1], "name": NAME}
    with pytest.warns(SnapshotDeprecationWarning, match="rename the argument to snapshot_name"):
        _build(stack, arguments)
    outdir = cdk.Testing.full_synth(stack)
    assert _resource(outdir) == arguments
    assert _annotations(outdir) == [("test/default", "@cdktf/warn", NAME_DEPRECATED)]


def test_acceptance_twin0_every_argument_full_synth_has_flash_warning(cdk: Any, stack: Any) -> None:
    _build(stack, TWIN0)
    outdir = cdk.Testing.full_synth(stack)
    assert _resource(outdir) == TWIN0
    assert _annotations(outdir) == [("test/default", "@cdktf/warn", FLASH)]


def test_acceptance_twin0_every_argument_app_synth_has_flash_warning(cdk: Any, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path), context={"@cdktf/disable_stack_trace_in_metadata": True})
    _build(cdk.TerraformStack(app, "test"), TWIN0)
    app.synth()
    assert _resource(tmp_path) == TWIN0
    assert _annotations(tmp_path) == [("test/default", "@cdktf/warn", FLASH)]


def test_acceptance_twin0_testing_synth_matches(cdk: Any, stack: Any, synth: Any) -> None:
    _build(stack, TWIN0)
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["default"] == TWIN0


def test_acceptance_twin1_standard_and_deprecated_name_warns(cdk: Any, stack: Any) -> None:
    with pytest.warns(SnapshotDeprecationWarning) as record:
        _build(stack, TWIN1)
    assert [str(w.message) for w in record] == [NAME_DEPRECATED]
    outdir = cdk.Testing.full_synth(stack)
    assert _resource(outdir) == TWIN1
    assert _annotations(outdir) == [("test/default", "@cdktf/warn", NAME_DEPRECATED)]


def test_acceptance_twin1_app_synth_manifest_has_deprecation(cdk: Any, tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    with pytest.warns(SnapshotDeprecationWarning):
        _build(cdk.TerraformStack(app, "test"), TWIN1)
    app.synth()
    assert [(p, lvl, m) for p, lvl, m in _annotations(tmp_path)] == [("test/default", "@cdktf/warn", NAME_DEPRECATED)]


def test_acceptance_warnings_not_duplicated_by_repeated_synth(cdk: Any, stack: Any) -> None:
    _build(stack, TWIN0)
    cdk.Testing.synth(stack)
    cdk.Testing.synth(stack)
    outdir = cdk.Testing.full_synth(stack)
    assert len(_annotations(outdir)) == 1


def test_acceptance_default_provider_constraint_for_scenarios(cdk: Any, stack: Any, synth: Any) -> None:
    _build(stack, TWIN0)
    required = synth(stack)["terraform"]["required_providers"]["alicloud"]
    assert required == {"source": "aliyun/alicloud", "version": ">= 1.120.0, < 2.0.0"}
