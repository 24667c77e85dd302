"""Tests for cdktf_ecs_snapshot.plan_guard on plans in Terraform's `terraform show -json` format 1.2."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from cdktf_ecs_snapshot.errors import InputError
from cdktf_ecs_snapshot.plan_guard import add_arguments, check_plan, load_plan, run

PLANS = Path(__file__).parent / "fixtures" / "plans"


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = run(parser.parse_args(list(argv)), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _losses(name: str, *allow: str) -> list[tuple[str, str]]:
    report = check_plan(load_plan(str(PLANS / name)), allow=allow)
    return [(loss.address, loss.kind) for loss in report.losses]


@pytest.mark.parametrize("name", ["create.json", "update.json", "noop.json", "forget.json"])
def test_plan_guard_safe_plans_exit_0(name: str) -> None:
    """Create, in-place update, no-op and forget keep every snapshot: exit 0."""
    code, out, _ = _run(str(PLANS / name))
    assert (code, out.startswith("plan-guard: no snapshot is deleted or replaced")) == (0, True)


def test_plan_guard_delete_exits_1_with_reason() -> None:
    """A deleted snapshot fails with its id and the reason."""
    code, out, _ = _run(str(PLANS / "delete.json"))
    assert code == 1
    assert (
        "alicloud_ecs_snapshot.nightly: snapshot s-bp1nightly00000001 would be deleted; because it is no "
        "longer in the configuration"
    ) in out


def test_plan_guard_replace_names_forcing_attribute() -> None:
    """A replacement names the replace_paths attribute with old and new values."""
    code, out, _ = _run(str(PLANS / "replace.json"))
    assert code == 1
    assert (
        "would be replaced (delete, then create); because an attribute that cannot be updated in place "
        "changed; forced by retention_days: 30 → 20" in out
    )


def test_plan_guard_create_before_destroy_is_still_a_loss() -> None:
    """["create","delete"] still deletes the old snapshot; an unknown new value is shown as such."""
    code, out, _ = _run(str(PLANS / "replace-create-before-destroy.json"))
    assert code == 1
    assert "forced by disk_id: 'd-bp1disk0000000001' → (known after apply)" in out


def test_plan_guard_tainted_legacy_snapshot_is_reported() -> None:
    """A tainted alicloud_snapshot replacement is reported with the taint reason."""
    assert _losses("replace-tainted-legacy.json") == [("alicloud_snapshot.legacy", "replace")]


def test_plan_guard_mixed_plan_reports_only_snapshot_losses() -> None:
    """Only snapshots count: a replaced disk, created and no-op snapshots are not reported."""
    assert _losses("mixed.json") == [
        ("alicloud_ecs_snapshot.nightly", "replace"),
        ("alicloud_ecs_snapshot.old", "delete"),
        ("module.backup.alicloud_ecs_snapshot.weekly[1]", "delete"),
    ]


def test_plan_guard_allow_accepts_named_snapshot() -> None:
    """--allow ADDRESS moves that snapshot to the allowed list."""
    assert (
        _losses(
            "mixed.json",
            "alicloud_ecs_snapshot.old",
            "alicloud_ecs_snapshot.nightly",
            "module.backup.alicloud_ecs_snapshot.weekly[1]",
        )
        == []
    )


def test_plan_guard_allow_all_exits_0_and_lists_allowed() -> None:
    """With every loss allowed the exit code is 0 and the allowed ones are still printed."""
    code, out, _ = _run(str(PLANS / "delete.json"), "--allow", "alicloud_ecs_snapshot.nightly")
    assert (code, "allowed by --allow:" in out) == (0, True)


def test_plan_guard_allow_unmatched_gives_note() -> None:
    """An --allow that matches nothing is noted (a typo would otherwise pass silently)."""
    report = check_plan(load_plan(str(PLANS / "noop.json")), allow=["alicloud_ecs_snapshot.typo"])
    assert report.notes == ["--allow alicloud_ecs_snapshot.typo matched no deleted or replaced snapshot in the plan"]


def test_plan_guard_json_output_shape() -> None:
    """--format json gives findings, allowed, errors and the exit code."""
    code, out, _ = _run(str(PLANS / "replace.json"), "--format", "json")
    body = json.loads(out)
    assert code == body["exit_code"] == 1
    assert body["findings"][0]["changes"] == [{"attribute": "retention_days", "before": 30, "after": 20}]
    assert body["errors"] == []


def test_plan_guard_unknown_format_version_exits_2() -> None:
    """A plan of an unknown major format_version is an input error (exit 2)."""
    code, _, err = _run(str(PLANS / "format-2.json"))
    assert code == 2
    assert "unsupported plan format_version; got '2.0'; expected '1.x'" in err


def test_plan_guard_binary_plan_exits_2_with_hint() -> None:
    """A binary plan file is refused with the command that converts it."""
    code, _, err = _run(str(PLANS / "binary.tfplan"))
    assert (code, "terraform show -json tfplan > plan.json" in err) == (2, True)


def test_plan_guard_truncated_plan_is_input_error() -> None:
    """A truncated plan says so."""
    with pytest.raises(InputError, match="truncated JSON"):
        load_plan(str(PLANS / "truncated.json"))


def test_plan_guard_missing_file_json_errors() -> None:
    """A missing file exits 2 and, in JSON, is listed under errors."""
    code, out, _ = _run(str(PLANS / "nope.json"), "--format", "json")
    assert code == 2
    assert "file not found" in json.loads(out)["errors"][0]["message"]


def test_plan_guard_state_is_not_a_plan() -> None:
    """`terraform show -json` of a state (no resource_changes) is refused."""
    with pytest.raises(InputError, match="a state"):
        load_plan(str(Path(__file__).parent / "fixtures" / "state" / "show.json"))
