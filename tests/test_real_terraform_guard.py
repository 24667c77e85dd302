"""The replacement guard, the plan guard and the importer against REAL Terraform output (not hand-written fixtures).

Real Terraform (1.11) drives the provider double against a module-private local ECS endpoint. Per provider
version (1.230.0 and 1.289.0) one stack synthesized by the library is applied once; then its v4
``terraform.tfstate``, ``terraform show -json`` of it, and ``terraform show -json tfplan`` of a saved plan per
scenario are written to a temporary folder, and the library reads those files. The same ``_build`` function
makes the code Terraform planned and the code the guard checks, so each test compares the guard's verdict with
what Terraform really plans.

Scenarios (changes to ``alicloud_ecs_snapshot.nightly``; ``weekly`` never sets ``category``)::

    noop       the applied code again
    update     description and retention_days (10 -> 30) changed       1.289.0: in place
    replace    category standard -> flash                              replaces
    delete     weekly removed from the stack                           deletes weekly
    retention  retention_days 10 -> 30                                 1.230.0: replaces
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from terraform_fixtures import *  # noqa: F403
from terraform_fixtures import DATA_DISK, DATA_DISK_2, SEED, ZONE, Workspace, _env, needs_terraform

from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot
from cdktf_ecs_snapshot.cli import main as cli_main
from cdktf_ecs_snapshot.errors import ReplacementError, ValidationError
from cdktf_ecs_snapshot.existing import load_existing
from cdktf_ecs_snapshot.guard import ReplacementGuard
from cdktf_ecs_snapshot.plan_guard import check_plan, load_plan
from cdktf_ecs_snapshot.rehearsal import REHEARSAL_ACCESS_KEY, REHEARSAL_REGION, REHEARSAL_SECRET, Mirror

pytestmark = [needs_terraform, pytest.mark.terraform]

NIGHTLY: dict[str, Any] = {
    "snapshot_name": "nightly",
    "description": "first",
    "category": "standard",
    "retention_days": 10,
    "tags": {"team": "a"},
}
# scenario -> (arguments of nightly, whether weekly is in the stack)
SCENARIOS: dict[str, tuple[dict[str, Any], bool]] = {
    "noop": (NIGHTLY, True),
    "update": ({**NIGHTLY, "description": "second", "retention_days": 30}, True),
    "replace": ({**NIGHTLY, "category": "flash"}, True),
    "delete": (NIGHTLY, False),
    "retention": ({**NIGHTLY, "retention_days": 30}, True),
}
PLANS = {"1.289.0": ("noop", "update", "replace", "delete"), "1.230.0": ("noop", "retention")}
NIGHTLY_ADDR, WEEKLY_ADDR = "alicloud_ecs_snapshot.nightly", "alicloud_ecs_snapshot.weekly"


def _build(stack: Any, scenario: str, **extra: Any) -> None:
    nightly, weekly = SCENARIOS[scenario]
    EcsSnapshot(stack, "nightly", disk_id=DATA_DISK, **{**nightly, **extra})
    if weekly:
        EcsSnapshot(stack, "weekly", disk_id=DATA_DISK_2, snapshot_name="weekly")


@dataclass
class Real:
    """The files real Terraform wrote for one provider version, and the ids of the snapshots it created."""

    version: str
    root: Path
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def state(self) -> Path:
        return self.root / "terraform.tfstate"

    @property
    def show(self) -> Path:
        return self.root / "show.json"

    def plan(self, scenario: str) -> Path:
        return self.root / f"plan-{scenario}.json"


def _synth_into(target: Path, outdir: Path, version: str, scenario: str) -> None:
    from cdktf_ecs_snapshot import cdk

    app = cdk.App(outdir=str(outdir))
    stack = cdk.TerraformStack(app, "snaps")
    cdk.LocalBackend(stack, path="terraform.tfstate")
    AlicloudProvider(stack, "alicloud", region=REHEARSAL_REGION, version=version)
    _build(stack, scenario)
    app.synth()
    shutil.copy(outdir / "stacks" / "snaps" / "cdk.tf.json", target / "cdk.tf.json")


def _produce(version: str, root: Path, env: dict[str, str]) -> Real:
    """Apply the ``noop`` stack once, then save the state, its show -json, and one JSON plan per scenario."""
    stack_dir = root / "stack"
    stack_dir.mkdir(parents=True)
    ws = Workspace(stack_dir, env)
    _synth_into(stack_dir, root / "synth-base", version, "noop")
    ws.run("init", "-input=false", label=f"init {version}")
    ws.apply(label=f"apply {version}")
    real = Real(version, root)
    shutil.copy(stack_dir / "terraform.tfstate", real.state)
    real.show.write_text(ws.run("show", "-json", label="show state").stdout, encoding="utf-8")
    for resource in ws.state()["resources"]:
        real.ids[resource["name"]] = resource["instances"][0]["attributes"]["id"]
    for scenario in PLANS[version]:
        _synth_into(stack_dir, root / f"synth-{scenario}", version, scenario)
        ws.plan("-out=tfplan", label=f"plan {version} {scenario}")
        shown = ws.run("show", "-json", "tfplan", label="show plan").stdout
        real.plan(scenario).write_text(shown, encoding="utf-8")
    return real


@pytest.fixture(scope="module")
def ecs() -> Iterator[Any]:
    """A local ECS endpoint for this module only (no other test sees or cleans up its snapshots)."""
    from cdktf_ecs_snapshot.local_ecs import LocalEcs

    with LocalEcs(
        access_key_id=REHEARSAL_ACCESS_KEY, access_key_secret=REHEARSAL_SECRET, region_id=REHEARSAL_REGION, state=SEED
    ) as local:
        yield local


@pytest.fixture(scope="module")
def tf_env(rehearsal_mirror: Mirror, ecs: Any) -> dict[str, str]:
    return _env(rehearsal_mirror, ecs.endpoint)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory, tf_env: dict[str, str]) -> Any:
    """``real(version)``: the Terraform-written files for that provider version (produced once per module)."""
    produced: dict[str, Real] = {}

    def get(version: str) -> Real:
        if version not in produced:
            produced[version] = _produce(version, tmp_path_factory.mktemp(f"real-{version}"), tf_env)
        return produced[version]

    return get


def _guarded_stack(cdk: Any, version: str, source: Path) -> tuple[Any, ReplacementGuard]:
    stack = cdk.TerraformStack(cdk.Testing.app(), "snaps")
    AlicloudProvider(stack, "alicloud", region=REHEARSAL_REGION, version=version)
    return stack, ReplacementGuard.of(stack).compare_with_state(source)


def _rules(error: ValidationError) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.address, f.attribute) for f in error.findings]


# -- existing.load_existing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.230.0", "1.289.0"])
def test_load_existing_reads_real_state_and_show_json_alike(real: Any, ecs: Any, version: str) -> None:
    """The v4 state and `terraform show -json` of it give the same snapshots, ids and attributes."""
    files = real(version)
    from_state, from_show = load_existing(files.state), load_existing(files.show)
    assert (from_state.format, from_show.format) == ("state", "show")
    assert sorted(from_state.by_address) == sorted(from_show.by_address) == [NIGHTLY_ADDR, WEEKLY_ADDR]
    for address, snap in from_state.by_address.items():
        assert snap.attributes == from_show.by_address[address].attributes
        assert snap.id == from_show.by_address[address].id == files.ids[snap.name]
        assert snap.id in ecs.store.snapshots  # the id is the one the ECS endpoint holds
    nightly = from_state.find("alicloud_ecs_snapshot", "nightly")
    assert nightly is not None
    assert {k: nightly.attributes[k] for k in (*NIGHTLY, "disk_id")} == {**NIGHTLY, "disk_id": DATA_DISK}
    assert from_state.other_resources == from_show.other_resources == ()


# -- ReplacementGuard with real state -------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["state", "show"])
def test_guard_unchanged_code_passes_real_state_under_1_289(cdk: Any, real: Any, source: str) -> None:
    """Rebuilding the applied code against what Terraform wrote gives no error and no warning."""
    files = real("1.289.0")
    stack, guard = _guarded_stack(cdk, "1.289.0", files.state if source == "state" else files.show)
    _build(stack, "noop")
    assert (guard.findings, guard.validate()) == ([], [])


@pytest.mark.parametrize("version", ["1.230.0", "1.289.0"])
def test_guard_category_change_raises_with_real_snapshot_id(cdk: Any, real: Any, version: str) -> None:
    """category standard -> flash is refused under both versions, naming the id Terraform recorded."""
    files = real(version)
    stack, _ = _guarded_stack(cdk, version, files.state)
    with pytest.raises(ReplacementError) as info:
        _build(stack, "replace")
    assert _rules(info.value) == [("ecs_snapshot_replacement", NIGHTLY_ADDR, "category")]
    assert f"would replace existing snapshot {files.ids['nightly']}" in str(info.value)
    assert "'standard' → 'flash'" in str(info.value)


@pytest.mark.parametrize(("version", "replaces"), [("1.230.0", True), ("1.289.0", False)])
def test_guard_retention_extension_follows_provider_version(cdk: Any, real: Any, version: str, replaces: bool) -> None:
    """retention_days 10 -> 30 replaces under 1.230.0 and is accepted in place under 1.289.0."""
    stack, guard = _guarded_stack(cdk, version, real(version).show)
    if replaces:
        with pytest.raises(ReplacementError) as info:
            _build(stack, "retention")
        assert _rules(info.value) == [("ecs_snapshot_replacement", NIGHTLY_ADDR, "retention_days")]
        assert "10 → 30" in str(info.value)
    else:
        _build(stack, "retention")
        assert guard.findings == []


def test_guard_lowering_real_retention_is_error_under_1_289(cdk: Any, real: Any) -> None:
    """Lowering retention_days below the real state's 10 is refused, not as a replacement."""
    stack, _ = _guarded_stack(cdk, "1.289.0", real("1.289.0").state)
    with pytest.raises(ValidationError) as info:
        _build(stack, "noop", retention_days=5)
    assert not isinstance(info.value, ReplacementError)
    assert _rules(info.value) == [("ecs_snapshot_retention_days_lowered", NIGHTLY_ADDR, "retention_days")]


# -- plan guard on real plans -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "scenario", "lost"),
    [
        ("1.289.0", "noop", ()),
        ("1.289.0", "update", ()),
        ("1.289.0", "replace", (NIGHTLY_ADDR,)),
        ("1.289.0", "delete", (WEEKLY_ADDR,)),
        ("1.230.0", "retention", (NIGHTLY_ADDR, WEEKLY_ADDR)),  # weekly: see the 1.230 no-op test below
    ],
)
def test_plan_guard_cli_exit_code_on_real_plan(
    real: Any, capsys: pytest.CaptureFixture[str], version: str, scenario: str, lost: tuple[str, ...]
) -> None:
    """`cdktf-ecs-snapshot plan-guard` exits 1 on real replace/delete plans and 0 on no-op/update plans."""
    path = real(version).plan(scenario)
    assert cli_main(["plan-guard", str(path)]) == (1 if lost else 0)
    out = capsys.readouterr().out
    if not lost:
        assert out.startswith("plan-guard: no snapshot is deleted or replaced (2 in the plan")
    else:
        assert out.startswith(f"plan-guard: {len(lost)} snapshot")
        assert [line.split(":")[0] for line in out.splitlines()[1:]] == [f"  - {a}" for a in lost]


@pytest.mark.parametrize("scenario", ["noop", "update"])
def test_plan_guard_and_guard_agree_on_real_in_place_plan(cdk: Any, real: Any, scenario: str) -> None:
    """Terraform plans no-op / update for these changes, and neither guard objects."""
    files = real("1.289.0")
    document = load_plan(str(files.plan(scenario)))
    actions = {rc["address"]: rc["change"]["actions"] for rc in document["resource_changes"]}
    assert actions == {NIGHTLY_ADDR: ["no-op" if scenario == "noop" else "update"], WEEKLY_ADDR: ["no-op"]}
    report = check_plan(document)
    assert (report.losses, report.snapshots_seen, report.exit_code) == ([], 2, 0)
    stack, guard = _guarded_stack(cdk, "1.289.0", files.state)
    _build(stack, scenario)
    assert (guard.findings, guard.validate()) == ([], [])


@pytest.mark.parametrize(
    ("version", "scenario", "forced", "before", "after"),
    [("1.289.0", "replace", "category", "standard", "flash"), ("1.230.0", "retention", "retention_days", 10, 30)],
)
def test_plan_guard_and_guard_agree_on_real_replacement(
    cdk: Any, real: Any, version: str, scenario: str, forced: str, before: object, after: object
) -> None:
    """The attribute in the real plan's replace_paths is the one plan-guard names and the guard refuses."""
    files = real(version)
    losses = {loss.address: loss for loss in check_plan(load_plan(str(files.plan(scenario)))).losses}
    loss = losses[NIGHTLY_ADDR]
    assert (loss.kind, loss.actions, loss.action_reason) == (
        "replace",
        ("delete", "create"),
        "replace_because_cannot_update",
    )
    assert (loss.snapshot_id, loss.replace_paths, loss.changes) == (
        files.ids["nightly"],
        (forced,),
        ((forced, before, after),),
    )
    assert f"forced by {forced}: {before!r} → {after!r}" in loss.message
    stack, _ = _guarded_stack(cdk, version, files.state)
    with pytest.raises(ReplacementError) as info:
        _build(stack, scenario)
    assert [f.attribute for f in info.value.findings] == [forced]


def test_plan_guard_and_guard_agree_on_real_delete(cdk: Any, real: Any) -> None:
    """Removing weekly: the real plan deletes it (no longer in the configuration); the guard warns at synth."""
    files = real("1.289.0")
    report = check_plan(load_plan(str(files.plan("delete"))))
    assert [(x.address, x.kind, x.snapshot_id, x.action_reason) for x in report.losses] == [
        (WEEKLY_ADDR, "delete", files.ids["weekly"], "delete_because_no_resource_config")
    ]
    assert "would be deleted; because it is no longer in the configuration" in report.losses[0].message
    stack, guard = _guarded_stack(cdk, "1.289.0", files.state)
    _build(stack, "delete")
    assert [(f.rule_id, f.address) for f in guard.removed()] == [("ecs_snapshot_removed", WEEKLY_ADDR)]
    outdir = Path(cdk.Testing.full_synth(stack))
    manifest = json.loads((outdir / "manifest.json").read_text())
    warnings = [a["message"] for st in manifest["stacks"].values() for a in st.get("annotations", [])]
    assert any(f"existing snapshot {files.ids['weekly']} is no longer defined" in w for w in warnings)


def test_plan_guard_console_script_json_on_real_replace_plan(real: Any) -> None:
    """The installed `cdktf-ecs-snapshot plan-guard --format json` exits 1 with the finding from replace_paths."""
    script = Path(sys.executable).with_name("cdktf-ecs-snapshot")
    files = real("1.289.0")
    proc = subprocess.run(
        [str(script), "plan-guard", str(files.plan("replace")), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    body = json.loads(proc.stdout)
    assert (proc.returncode, body["exit_code"]) == (1, 1)
    assert [(f["address"], f["replace_paths"], f["snapshot_id"]) for f in body["findings"]] == [
        (NIGHTLY_ADDR, ["category"], files.ids["nightly"])
    ]


def test_plan_guard_real_1_230_noop_replaces_snapshot_without_category(real: Any) -> None:
    """Under 1.230.0 (category not Computed) re-planning unchanged code replaces weekly: 'standard' -> null."""
    report = check_plan(load_plan(str(real("1.230.0").plan("noop"))))
    assert [(x.address, x.replace_paths, x.changes) for x in report.losses] == [
        (WEEKLY_ADDR, ("category",), (("category", "standard", None),))
    ]


def test_guard_flags_unset_category_replaced_under_1_230(cdk: Any, real: Any) -> None:
    """The guard should warn or fail for weekly (no category) when the stack pins 1.230.0."""
    stack, guard = _guarded_stack(cdk, "1.230.0", real("1.230.0").state)
    try:
        _build(stack, "noop")
    except ValidationError as exc:
        flagged = [(f.address, f.attribute) for f in exc.findings]
    else:
        flagged = [(f.address, f.attribute) for f in guard.findings]
    assert (WEEKLY_ADDR, "category") in flagged


# -- importer round trip ------------------------------------------------------------------------------------------


def test_importer_generated_code_imports_without_changes(
    cdk: Any, ecs: Any, tf_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cdktf-ecs-snapshot import` code, synthesized and planned by real Terraform: only imports, then no changes."""
    disk = ecs.add_disk(zone_id=ZONE, status="Available", size=20, disk_name="import-source")
    seeded = [
        ecs.add_snapshot(
            disk.disk_id,
            snapshot_name="db-nightly",
            description="nightly dump",
            retention_days=30,
            tags={"Env": "prod", "acs:rm:rgId": "rg-acfmimport0001"},
        ),
        ecs.add_snapshot(
            disk.disk_id, snapshot_name="weekly.archive", resource_group_id="rg-acfmimport0001", tags={"Team": "db"}
        ),
        ecs.add_snapshot(disk.disk_id, description="made by hand"),  # unnamed
    ]
    for key in ("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_REGION", "ALICLOUD_ECS_ENDPOINT"):
        monkeypatch.setenv(key, tf_env[key])
    generated = tmp_path / "generated.py"
    argv = ["import", "--disk", disk.disk_id, "--provider-version", "1.289.0", "-o", str(generated), "-q"]
    assert cli_main(argv) == 0
    code = generated.read_text(encoding="utf-8")
    assert "acs:rm:rgId" not in code  # the system tag is dropped: the provider ignores it
    assert code.count(").import_from(") == 3
    unnamed = seeded[2].snapshot_id
    assert f'            "{unnamed}",\n' in code  # no name: the snapshot id is the logical id

    namespace: dict[str, Any] = {"__name__": "generated"}
    exec(compile(code, str(generated), "exec"), namespace)
    app = cdk.App(outdir=str(tmp_path / "out"))
    stack = namespace["ImportedSnapshots"](app, "imported")
    cdk.LocalBackend(stack, path="terraform.tfstate")  # the default path is absolute, under the current directory
    app.synth()
    stack_dir = tmp_path / "out" / "stacks" / "imported"
    assert {b["id"] for b in json.loads((stack_dir / "cdk.tf.json").read_text())["import"]} == {
        s.snapshot_id for s in seeded
    }

    ws = Workspace(stack_dir, tf_env)
    ws.run("init", "-input=false", label="init import")
    plan = " ".join(ws.plan(label="plan import").stdout.split())
    assert "Plan: 3 to import, 0 to add, 0 to change, 0 to destroy." in plan
    assert "3 imported, 0 added, 0 changed, 0 destroyed" in " ".join(ws.apply(label="apply import").stdout.split())
    second = ws.plan(label="plan after import")
    assert second.returncode == 0 and "No changes." in second.stdout
    assert sorted(r["instances"][0]["attributes"]["id"] for r in ws.state()["resources"]) == sorted(
        s.snapshot_id for s in seeded
    )
