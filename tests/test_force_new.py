"""``replacements``: which planned changes delete and recreate a snapshot, by provider version. Pure."""

from __future__ import annotations

import pytest

from cdktf_ecs_snapshot import Replacement, replacements

OLD = {"disk_id": "d-1", "category": "standard", "retention_days": 10, "resource_group_id": "rg-1"}


def test_force_new_disk_change_replaces_in_every_version() -> None:
    for version in ("1.120.0", "1.231.0", "1.289.0"):
        (change,) = replacements(OLD, {"disk_id": "d-2"}, version)
        assert change == Replacement("disk_id", "d-1", "d-2", True, "replaces the snapshot from provider 1.120.0")


@pytest.mark.parametrize(("version", "replaces"), [("1.230.0", True), ("1.231.0", False), ("1.289.0", False)])
def test_force_new_retention_days_change_by_version(version: str, replaces: bool) -> None:
    found = [r.attribute for r in replacements(OLD, {"retention_days": 20}, version)]
    assert (found == ["retention_days"]) is replaces


@pytest.mark.parametrize(("version", "replaces"), [("1.238.0", True), ("1.239.0", False)])
def test_force_new_resource_group_change_by_version(version: str, replaces: bool) -> None:
    found = [r.attribute for r in replacements(OLD, {"resource_group_id": "rg-2"}, version)]
    assert (found == ["resource_group_id"]) is replaces


def test_force_new_unchanged_value_is_not_a_replacement() -> None:
    assert replacements(OLD, dict(OLD), "1.120.0") == []


def test_force_new_non_force_new_change_is_not_a_replacement() -> None:
    assert replacements(OLD, {"description": "new", "tags": {"a": "b"}}, "1.120.0") == []


def test_force_new_token_value_may_replace() -> None:
    (change,) = replacements(OLD, {"category": "${var.category}"}, "1.289.0")
    assert change.certain is False
    assert "unknown until apply" in change.reason


def test_force_new_open_constraint_reports_uncertain_replacement() -> None:
    (change,) = replacements(OLD, {"retention_days": 30}, ">= 1.200.0")
    assert change.attribute == "retention_days"
    assert change.certain is False
    assert "conservative" in change.reason


def test_force_new_category_set_from_unset_replaces() -> None:
    (change,) = replacements({"disk_id": "d-1"}, {"category": "flash"}, "1.239.0")
    assert (change.attribute, change.old, change.new, change.certain) == ("category", None, "flash", True)


def test_force_new_new_value_none_is_ignored() -> None:
    assert replacements(OLD, {"category": None}, "1.239.0") == []
