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


def _plan_file(tmp_path: Path, changes: object, **extra: object) -> str:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format_version": "1.2", "resource_changes": changes, **extra}))
    return str(path)


def _snapshot_change(**change: object) -> dict[str, object]:
    return {
        "address": "alicloud_ecs_snapshot.a",
        "type": "alicloud_ecs_snapshot",
        "name": "a",
        "mode": "managed",
        "change": change,
    }


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        (_snapshot_change(actions="delete", before={"id": "s-x"}), "actions must be a list of strings"),
        (_snapshot_change(actions=["delete", 1]), "actions must be a list of strings"),
        ({"address": "x.y", "type": "x", "change": "delete"}, "change must be an object"),
        ("alicloud_ecs_snapshot.a", "must be an object"),
        (_snapshot_change(actions=["delete", "create"], replace_paths="tags"), "replace_paths must be a list"),
        (_snapshot_change(actions=["delete", "create"], replace_paths=["tags"]), "replace_paths must be a list"),
    ],
)
def test_plan_guard_corrupt_entries_exit_2(tmp_path: Path, entry: object, fragment: str) -> None:
    """A resource_changes entry not shaped as Terraform writes it fails closed (exit 2), not open (exit 0)."""
    code, _, err = _run(_plan_file(tmp_path, [entry]))
    assert code == 2
    assert "corrupt plan: resource_changes[0]" in err and fragment in err


def test_plan_guard_errored_plan_exits_2(tmp_path: Path) -> None:
    code, _, err = _run(_plan_file(tmp_path, [], errored=True))
    assert code == 2
    assert "the plan errored; it is incomplete" in err


def test_plan_guard_sensitive_values_are_never_printed(tmp_path: Path) -> None:
    """Values marked in before_sensitive/after_sensitive (at the path or nested) print as (sensitive)."""
    entry = _snapshot_change(
        actions=["delete", "create"],
        before={"id": "s-bp1x", "description": "old-secret", "tags": {"k": "tag-secret-1"}},
        after={"description": "new-secret", "tags": {"k": "tag-secret-2"}},
        before_sensitive={"description": True, "tags": {"k": True}},
        after_sensitive={"description": True, "tags": {"k": True}},
        replace_paths=[["description"], ["tags"]],
    )
    path = _plan_file(tmp_path, [entry])
    for fmt in ("text", "json"):
        code, out, _ = _run(path, "--format", fmt)
        assert code == 1
        assert "secret" not in out and "(sensitive)" in out
    assert "description: (sensitive) → (sensitive)" in _run(path)[1]


def test_plan_guard_truncated_plan_suggests_terraform_show(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"format_version": "1.2", "resource_changes": [{"address": "a')
    code, _, err = _run(str(path))
    assert code == 2
    assert "truncated JSON" in err and "terraform show -json tfplan > plan.json" in err


def test_plan_guard_directory_says_is_a_directory(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path))
    assert code == 2
    assert "is a directory" in err and "file not found" not in err


def test_plan_guard_deeply_nested_plan_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"format_version": "1.2", "resource_changes": ' + "[" * 100000)
    code, _, err = _run(str(path))
    assert code == 2 and "nested too deeply" in err
