"""Tests for cdktf_ecs_snapshot.guard: the replacement guard, by attribute x provider version x kind of change."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot.bulk_import import import_snapshots
from cdktf_ecs_snapshot.errors import ImportIdError, InputError, ReplacementError, ValidationError
from cdktf_ecs_snapshot.guard import ENV_STATE, ENV_SYNTH, ReplacementGuard
from cdktf_ecs_snapshot.provider import AlicloudProvider
from cdktf_ecs_snapshot.snapshot import EcsSnapshot, LegacySnapshot

STATE = Path(__file__).parent / "fixtures" / "state"
TFSTATE = STATE / "snapshots.tfstate"
SYNTH = STATE / "cdk.tf.json"

# What exists (both fixtures): the arguments of alicloud_ecs_snapshot.nightly.
BASE: dict[str, Any] = {
    "disk_id": "d-bp1disk0000000001",
    "category": "standard",
    "description": "nightly backup of the data disk",
    "instant_access": True,
    "instant_access_retention_days": 10,
    "resource_group_id": "rg-acfmdefault00001",
    "retention_days": 30,
    "snapshot_name": "nightly-data",
    "tags": {"Env": "prod", "Team": "storage"},
}
CHANGED = {
    "disk_id": "d-bp1disk0000000002",
    "category": "flash",
    "retention_days": 60,  # extended: the only direction the API accepts
    "instant_access_retention_days": 20,
    "resource_group_id": "rg-acfmother0000002",
}
TOKEN = "${var.value}"
VERSIONS = ("1.120.0", "1.230.0", "1.231.0", "1.238.0", "1.239.0", "1.289.0")
# The first release where changing the attribute no longer replaces the snapshot (None: always replaces).
IN_PLACE_FROM = {
    "disk_id": None,
    "category": None,
    "retention_days": (1, 231, 0),
    "instant_access_retention_days": (1, 231, 0),
    "resource_group_id": (1, 239, 0),
}


def _replaces(attribute: str, version: str) -> bool:
    since = IN_PLACE_FROM[attribute]
    return since is None or tuple(int(p) for p in version.split(".")) < since


def _stack(cdk: Any, version: str | None) -> Any:
    stack = cdk.TerraformStack(cdk.Testing.app(), "test")
    if version is not None:
        AlicloudProvider(stack, "alicloud", region="cn-hangzhou", version=version)
    return stack


def _build(stack: Any, **overrides: Any) -> EcsSnapshot:
    return EcsSnapshot(stack, "nightly", **{**BASE, **overrides})


@pytest.mark.parametrize("source", ["state", "synth"])
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("attribute", sorted(IN_PLACE_FROM))
@pytest.mark.parametrize("kind", ["unchanged", "changed", "token"])
def test_guard_force_new_table(cdk: Any, source: str, version: str, attribute: str, kind: str) -> None:
    """Each ForceNew attribute x version x change kind gives exactly the expected error or warning."""
    stack = _stack(cdk, version)
    guard = ReplacementGuard.of(stack)
    if source == "state":
        guard.compare_with_state(TFSTATE)
    else:
        guard.compare_with_synth(SYNTH)
    value = {"unchanged": BASE[attribute], "changed": CHANGED[attribute], "token": TOKEN}[kind]
    replaces = _replaces(attribute, version)
    if kind == "changed" and replaces:
        with pytest.raises(ReplacementError) as info:
            _build(stack, **{attribute: value})
        assert [(f.rule_id, f.attribute) for f in info.value.findings] == [("ecs_snapshot_replacement", attribute)]
        return
    _build(stack, **{attribute: value})
    expected = [("ecs_snapshot_may_replace", attribute)] if kind == "token" and replaces else []
    assert [(f.rule_id, f.attribute) for f in guard.findings] == expected


def test_guard_default_constraint_is_conservative(cdk: Any) -> None:
    """Without an explicit provider version, a retention_days change is refused (it replaces before 1.231)."""
    stack = _stack(cdk, None)
    ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    with pytest.raises(ReplacementError, match="conservative; keep 30, pin AlicloudProvider"):
        _build(stack, retention_days=60)


def test_guard_error_message_names_address_id_attribute_and_rule(cdk: Any) -> None:
    """The message names the address, the snapshot id, old -> new and the provider rule."""
    stack = _stack(cdk, "1.230.0")
    ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    with pytest.raises(ReplacementError) as info:
        _build(stack, retention_days=60)
    assert str(info.value) == (
        "1 problem in test/nightly: alicloud_ecs_snapshot.nightly.retention_days: would replace existing "
        "snapshot s-bp1nightly00000001 (Terraform deletes it and creates a new one): 30 → 60; got 60; "
        "expected 30 (the existing value); replaces the snapshot in provider 1.120.0 up to (not including) "
        "1.231.0; keep 30, pin AlicloudProvider(version='>= 1.231.0') to change it in place, or pass "
        "allow_replacement=True if losing the snapshot is intended"
    )


def test_guard_synth_message_says_id_unknown(cdk: Any) -> None:
    """Compared with a previous cdk.tf.json, the message says the id is unknown."""
    stack = _stack(cdk, "1.289.0")
    ReplacementGuard.of(stack).compare_with_synth(SYNTH)
    with pytest.raises(ReplacementError, match=r"\(id unknown: compared with previous cdk\.tf\.json\)"):
        _build(stack, disk_id="d-bp1disk0000000009")


def test_guard_lowering_retention_is_an_error_when_in_place(cdk: Any) -> None:
    """Under 1.231+, lowering retention_days is refused (the API only extends it), not as a replacement."""
    stack = _stack(cdk, "1.231.0")
    ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    with pytest.raises(ValidationError) as info:
        _build(stack, retention_days=7)
    assert not isinstance(info.value, ReplacementError)
    assert [f.rule_id for f in info.value.findings] == ["ecs_snapshot_retention_days_lowered"]


def test_guard_lowering_retention_replaces_before_1_231(cdk: Any) -> None:
    """Under 1.230, lowering retention_days replaces the snapshot."""
    stack = _stack(cdk, "1.230.0")
    ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    with pytest.raises(ReplacementError, match="30 → 7"):
        _build(stack, retention_days=7)


def test_guard_allow_replacement_lets_change_through(cdk: Any) -> None:
    """allow_replacement=True builds the snapshot and records the allowed replacement."""
    stack = _stack(cdk, "1.289.0")
    guard = ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    _build(stack, category="flash", allow_replacement=True)
    assert [f.attribute for f in guard.allowed] == ["category"]


def test_guard_checks_snapshots_built_before_compare(cdk: Any) -> None:
    """compare_with_state checks snapshots that already exist in the stack."""
    stack = _stack(cdk, "1.289.0")
    _build(stack, disk_id="d-bp1disk0000000002")
    with pytest.raises(ReplacementError, match=r"alicloud_ecs_snapshot\.nightly\.disk_id"):
        ReplacementGuard.of(stack).compare_with_state(TFSTATE)


def test_guard_legacy_type_compared_by_its_own_address(cdk: Any) -> None:
    """LegacySnapshot is compared with alicloud_snapshot.<name>."""
    stack = _stack(cdk, "1.289.0")
    ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    with pytest.raises(
        ReplacementError,
        match=r"alicloud_snapshot\.legacy\.disk_id: would replace existing snapshot s-bp1legacy000000001",
    ):
        LegacySnapshot(stack, "legacy", disk_id="d-bp1disk0000000002", snapshot_name="legacy-data")


def test_guard_new_snapshot_is_not_compared(cdk: Any) -> None:
    """A snapshot with no existing address is new and passes."""
    stack = _stack(cdk, "1.120.0")
    guard = ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    EcsSnapshot(stack, "fresh", disk_id="d-bp1disk0000000009", retention_days=3)
    assert guard.findings == []


def test_guard_removed_argument_from_synth_replaces(cdk: Any) -> None:
    """Removing retention_days that the previous synthesis set replaces under 1.230."""
    stack = _stack(cdk, "1.230.0")
    ReplacementGuard.of(stack).compare_with_synth(SYNTH)
    args = {k: v for k, v in BASE.items() if k != "retention_days"}
    with pytest.raises(ReplacementError, match="removing it would replace"):
        EcsSnapshot(stack, "nightly", **args)


def test_guard_env_state_with_stack_placeholder(cdk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """CDKTF_ECS_SNAPSHOT_GUARD_STATE (with {stack}) is read when the first snapshot is built."""
    monkeypatch.setenv(ENV_STATE, str(STATE / "snapshots.tf{stack}"))
    stack = cdk.TerraformStack(cdk.Testing.app(), "state")
    with pytest.raises(ReplacementError, match="category: would replace"):
        _build(stack, category="flash")


def test_guard_env_synth_missing_file_is_input_error(cdk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A CDKTF_ECS_SNAPSHOT_GUARD_SYNTH path that does not exist is a clear InputError."""
    monkeypatch.setenv(ENV_SYNTH, str(STATE / "missing" / "cdk.tf.json"))
    stack = cdk.TerraformStack(cdk.Testing.app(), "test")
    with pytest.raises(InputError, match="file not found"):
        _build(stack)


def test_guard_compare_with_state_refuses_synth_file(cdk: Any) -> None:
    """compare_with_state given a cdk.tf.json says to use compare_with_synth."""
    with pytest.raises(InputError, match="use compare_with_synth"):
        ReplacementGuard.of(_stack(cdk, None)).compare_with_state(SYNTH)


def test_guard_synthesis_reports_removed_snapshot(cdk: Any) -> None:
    """At synthesis, an existing snapshot missing from the stack is a warning (Terraform would destroy it)."""
    stack = _stack(cdk, "1.289.0")
    ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    _build(stack)
    assert re.search(r"alicloud_snapshot\.legacy.*would destroy it", " ".join(_synth_warnings(cdk, stack)))


def test_guard_allow_removal_accepts_removed_snapshot(cdk: Any) -> None:
    """allow_removal(address) accepts a removed snapshot at synthesis."""
    stack = _stack(cdk, "1.289.0")
    guard = ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    guard.allow_removal("alicloud_snapshot.legacy")
    _build(stack)
    assert "alicloud_ecs_snapshot" in cdk.Testing.synth(stack, True)


def test_guard_setter_change_that_replaces_is_refused(cdk: Any) -> None:
    """A ForceNew change made with a setter is refused at once, as ReplacementError, and not kept."""
    stack = _stack(cdk, "1.289.0")
    guard = ReplacementGuard.of(stack).compare_with_state(TFSTATE)
    guard.allow_removal("alicloud_snapshot.legacy")
    snapshot = _build(stack)
    with pytest.raises(ReplacementError, match=r"nightly\.disk_id: would replace"):
        snapshot.disk_id = "d-bp1disk0000000003"
    assert snapshot.input("disk_id") != "d-bp1disk0000000003"  # the refused value is not kept


def test_import_snapshots_reports_every_bad_id_at_once(cdk: Any) -> None:
    """import_snapshots checks every id first and lists all bad ones in one ImportIdError."""
    stack = _stack(cdk, None)
    with pytest.raises(ImportIdError) as info:
        import_snapshots(stack, {"a": "d-bp1disk", "b": "s-ok1", "c": {"id": "S-BAD"}}, disk_id="d-1")
    assert [f.name for f in info.value.findings] == ["a", "c"]


def test_import_snapshots_builds_and_imports_each(cdk: Any, synth: Any) -> None:
    """import_snapshots creates one EcsSnapshot per entry with an import block each."""
    stack = _stack(cdk, None)
    import_snapshots(stack, {"a": "s-aaa1", "b": {"id": "s-bbb1", "retention_days": 5}}, disk_id="d-1")
    out = synth(stack)
    assert out["resource"]["alicloud_ecs_snapshot"]["b"]["retention_days"] == 5
    assert sorted(i["id"] for i in out["import"]) == ["s-aaa1", "s-bbb1"]


def _synth_warnings(cdk: Any, stack: Any) -> list[str]:
    """The warning annotations a full synthesis records in manifest.json for ``stack``."""
    outdir = Path(cdk.Testing.full_synth(stack))
    manifest = json.loads((outdir / "manifest.json").read_text())
    return [
        a["message"]
        for st in manifest["stacks"].values()
        for a in st.get("annotations", [])
        if "warn" in a["level"].lower()
    ]
