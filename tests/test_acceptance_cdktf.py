"""Acceptance: stacks synthesized by the library, driven through the steps ``cdktf deploy`` runs
(``terraform init``, ``plan``, ``apply`` in ``cdktf.out/stacks/<stack>``) against the provider double.

Each scenario re-synthesizes its stack per step and copies ``cdk.tf.json`` over the previous one, keeping the
stack folder's ``.terraform`` and state, as a second ``cdktf deploy`` does.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from terraform_fixtures import *  # noqa: F403
from terraform_fixtures import DATA_DISK, DATA_DISK_2, TERRAFORM, Workspace, _env, needs_terraform

pytestmark = [needs_terraform, pytest.mark.terraform]

Build = Callable[[Any, Any], None]  # (cdk module, stack) -> None


def synth(outdir: Path, build: Build, version: str, endpoint: str) -> Path:
    """Synthesize one stack ``snaps`` with the library and return its ``cdk.tf.json``."""
    from cdktf_ecs_snapshot import AlicloudProvider, cdk

    app = cdk.App(outdir=str(outdir))
    stack = cdk.TerraformStack(app, "snaps")
    cdk.LocalBackend(stack, path="terraform.tfstate")
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou", version=version, endpoints={"ecs": endpoint})
    build(cdk, stack)
    app.synth()
    return outdir / "stacks" / "snaps" / "cdk.tf.json"


class Deploy:
    """One stack folder deployed step by step (``cdktf deploy`` = init + plan + apply there)."""

    def __init__(self, root: Path, env: dict[str, str], endpoint: str, version: str) -> None:
        self.root, self.version, self.endpoint = root, version, endpoint
        self.stack_dir = root / "cdktf.out" / "stacks" / "snaps"
        self.stack_dir.mkdir(parents=True)
        self.ws = Workspace(self.stack_dir, env)
        self.steps = 0
        self.initialized = False

    def synth(self, build: Build) -> None:
        self.steps += 1
        produced = synth(self.root / f"synth-{self.steps}", build, self.version, self.endpoint)
        shutil.copy(produced, self.stack_dir / "cdk.tf.json")
        if not self.initialized:
            self.ws.run("init", "-input=false", label="init")
            self.initialized = True

    def plan(self, check: bool = True) -> str:
        proc = self.ws.plan(check=check, label="plan")
        return " ".join((proc.stdout + proc.stderr).split())

    def deploy(self) -> str:
        return " ".join(self.ws.apply(label="apply").stdout.split())


@pytest.fixture
def deploy(tmp_path: Path, rehearsal_mirror: Any, ecs_endpoint: Any) -> Any:
    if TERRAFORM is None:
        pytest.skip("terraform is not on PATH")
    made: list[Deploy] = []

    def make(version: str = "1.289.0") -> Deploy:
        d = Deploy(
            tmp_path / f"app{len(made)}", _env(rehearsal_mirror, ecs_endpoint.endpoint), ecs_endpoint.endpoint, version
        )
        made.append(d)
        return d

    yield make
    for d in made:
        if d.ws.state().get("resources"):
            text = (d.stack_dir / "cdk.tf.json").read_text()
            text = text.replace('"prevent_destroy": true', '"prevent_destroy": false')
            (d.stack_dir / "cdk.tf.json").write_text(text)
            d.ws.run("destroy", "-auto-approve", "-input=false", check=False, label="destroy")


def snapshot(**kw: Any) -> Build:
    def build(cdk: Any, stack: Any) -> None:
        from cdktf_ecs_snapshot import EcsSnapshot

        protect = kw.pop("protect", False)
        import_id = kw.pop("import_id", None)
        s = EcsSnapshot(stack, "nightly", protect=protect, **{"disk_id": DATA_DISK, **kw})
        if import_id:
            s.import_from(import_id)

    return build


def test_acceptance_examples_and_argument_combinations_validate(deploy: Any) -> None:
    d = deploy()

    def build(cdk: Any, stack: Any) -> None:
        from cdktf_ecs_snapshot import Category, EcsSnapshot, LegacySnapshot

        EcsSnapshot(
            stack,
            "basic",
            category=Category.STANDARD,
            description="Test For Terraform",
            disk_id=DATA_DISK,
            retention_days="20",
            snapshot_name="tf-test",
            tags={"Created": "TF", "For": "Acceptance-test"},
        )
        EcsSnapshot(stack, "minimal", disk_id=DATA_DISK)
        EcsSnapshot(
            stack,
            "all",
            disk_id=DATA_DISK,
            category="flash",
            description="all of them",
            force=True,
            resource_group_id="rg-acfm2example",
            retention_days=50,
            snapshot_name="all-args",
            tags={"a": "b"},
            timeouts={"create": "10m", "update": "1m", "delete": "2m"},
        )
        LegacySnapshot(stack, "legacy", disk_id=DATA_DISK, snapshot_name="legacy")

    d.synth(build)
    proc = d.ws.run("validate", label="validate")
    assert "The configuration is valid" in proc.stdout


def test_acceptance_create_update_in_place_then_replace(deploy: Any) -> None:
    d = deploy("1.289.0")
    d.synth(snapshot(snapshot_name="nightly", description="first", tags={"team": "a"}, retention_days=10))
    assert "1 added" in d.deploy()
    assert "No changes" in d.plan()
    first_id = d.ws.attributes("alicloud_ecs_snapshot.nightly")["id"]

    d.synth(
        snapshot(
            snapshot_name="nightly-2", description="second", tags={"team": "b", "env": "rehearsal"}, retention_days=20
        )
    )
    plan = d.plan()
    assert "0 to add, 1 to change, 0 to destroy" in plan
    assert "update in-place" in plan and "forces replacement" not in plan
    d.deploy()
    attrs = d.ws.attributes("alicloud_ecs_snapshot.nightly")
    assert attrs["id"] == first_id
    assert (attrs["snapshot_name"], attrs["name"], attrs["description"], attrs["retention_days"]) == (
        "nightly-2",
        "nightly-2",
        "second",
        20,
    )
    assert attrs["tags"] == {"team": "b", "env": "rehearsal"}

    d.synth(
        snapshot(
            snapshot_name="nightly-2",
            description="second",
            tags={"team": "b", "env": "rehearsal"},
            retention_days=20,
            category="flash",
            allow_replacement=True,
        )
    )
    plan = d.plan()
    assert "1 to add, 0 to change, 1 to destroy" in plan
    assert 'category = "standard" -> "flash" # forces replacement' in plan

    d.synth(
        snapshot(
            disk_id=DATA_DISK_2,
            snapshot_name="nightly-2",
            description="second",
            tags={"team": "b", "env": "rehearsal"},
            retention_days=20,
            allow_replacement=True,
        )
    )
    d.deploy()
    assert d.ws.attributes("alicloud_ecs_snapshot.nightly")["id"] != first_id
    assert "No changes" in d.plan()


def test_acceptance_prevent_destroy_refuses_replacement(deploy: Any) -> None:
    d = deploy("1.289.0")
    d.synth(snapshot(snapshot_name="kept", protect=True))
    d.deploy()
    d.synth(snapshot(snapshot_name="kept", protect=True, category="flash", allow_replacement=True))
    plan = d.plan(check=False)
    assert "Instance cannot be destroyed" in plan
    assert "lifecycle.prevent_destroy" in plan


@pytest.mark.parametrize(("version", "replaces"), [("1.230.0", True), ("1.289.0", False)])
def test_acceptance_retention_change_matches_force_new_attributes(deploy: Any, version: str, replaces: bool) -> None:
    from cdktf_ecs_snapshot import force_new_attributes

    assert ("retention_days" in force_new_attributes(version).attributes) is replaces
    d = deploy(version)
    d.synth(snapshot(snapshot_name="kept", category="standard", retention_days=10))
    d.deploy()
    d.synth(snapshot(snapshot_name="kept", category="standard", retention_days=30, allow_replacement=True))
    plan = d.plan()
    forced = set(re.findall(r"(\w+) = \S+ -> \S+ # forces replacement", plan))
    assert forced == ({"retention_days"} if replaces else set())
    assert ("1 to add, 0 to change, 1 to destroy" in plan) is replaces


def test_acceptance_import_block_then_clean_plan(deploy: Any, ecs_endpoint: Any) -> None:
    existing = ecs_endpoint.add_snapshot(
        DATA_DISK, snapshot_name="adopted", description="made by hand", tags={"owner": "ops"}
    )
    d = deploy("1.289.0")
    d.synth(
        snapshot(
            snapshot_name="adopted", description="made by hand", tags={"owner": "ops"}, import_id=existing.snapshot_id
        )
    )
    plan = d.plan()
    assert "1 to import, 0 to add, 0 to change, 0 to destroy" in plan
    assert "1 imported" in d.deploy()
    assert "No changes" in d.plan()
