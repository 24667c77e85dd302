"""Terraform names that would collide or be invalid, and values Terraform would convert differently.

Found by hostile testing: two snapshots whose construct ids differ only in characters cdktf drops ('a b' and
'ab') used to share one Terraform name, and one of them vanished from cdk.tf.json.
"""

from __future__ import annotations

import decimal
from typing import Any

import pytest

from cdktf_ecs_snapshot import EcsSnapshot, ValidationError, validate_snapshot


def _rule_ids(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {f.rule_id for f in exc.value.findings}


def test_snapshot_names_differing_in_dropped_characters_are_refused(stack: Any) -> None:
    """'a b' and 'ab' both become the Terraform name 'ab': the second is refused, naming the first."""
    EcsSnapshot(stack, "a b", disk_id="d-1")
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "ab", disk_id="d-2")
    assert _rule_ids(info) == {"terraform_duplicate_name"}
    assert "test/a b" in str(info.value)


def test_snapshot_override_logical_id_to_a_taken_name_is_refused(stack: Any) -> None:
    """override_logical_id onto another snapshot's name is refused before cdktf records it."""
    EcsSnapshot(stack, "first", disk_id="d-1")
    second = EcsSnapshot(stack, "second", disk_id="d-2")
    with pytest.raises(ValidationError) as info:
        second.override_logical_id("first")
    assert _rule_ids(info) == {"terraform_duplicate_name"}


def test_snapshot_both_names_survive_when_distinct(stack: Any, synth: Any) -> None:
    """Distinct names both reach the JSON (the refusal above is not over-eager)."""
    EcsSnapshot(stack, "a b", disk_id="d-1")
    EcsSnapshot(stack, "a-b", disk_id="d-2")
    assert sorted(synth(stack)["resource"]["alicloud_ecs_snapshot"]) == ["a-b", "ab"]


@pytest.mark.parametrize("construct_id", ["快照", "1st", "-x"])
def test_snapshot_id_that_is_no_terraform_name_is_refused(stack: Any, construct_id: str) -> None:
    """An id that cdktf turns into '' or a name starting with a digit or '-' is refused."""
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, construct_id, disk_id="d-1")
    assert _rule_ids(info) == {"terraform_invalid_name"}


def test_snapshot_override_logical_id_invalid_is_refused(stack: Any) -> None:
    """override_logical_id('1 bad name!') is refused."""
    snapshot = EcsSnapshot(stack, "ok", disk_id="d-1")
    with pytest.raises(ValidationError) as info:
        snapshot.override_logical_id("1 bad name!")
    assert _rule_ids(info) == {"terraform_invalid_name"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("20", 20, id="digits"),
        pytest.param("+20", 20, id="plus"),
        pytest.param("20.0", 20, id="integral-fraction"),
        pytest.param("2e1", 20, id="exponent"),
    ],
)
def test_retention_days_strings_convert_like_terraform(raw: str, expected: int) -> None:
    """Strings Terraform's tonumber() accepts convert to the same whole number."""
    assert validate_snapshot({"disk_id": "d-1", "retention_days": raw}, name="n").values["retention_days"] == expected


@pytest.mark.parametrize("raw", ["20 ", " 20", "30\n", "٣٠", "0x14", "1_000", "20.5", "1e5000"])
def test_retention_days_strings_terraform_refuses_are_errors(raw: str) -> None:
    """Strings Terraform would not convert (spaces, non-ASCII digits, hex, fractions) are errors here too."""
    result = validate_snapshot({"disk_id": "d-1", "retention_days": raw}, name="n")
    assert [f.rule_id for f in result.errors] == ["ecs_snapshot_type_number"]


@pytest.mark.parametrize(
    "value",
    [decimal.Decimal("30"), -1e300, {"a", "b"}],
    ids=["decimal", "huge-negative-float", "set"],
)
def test_non_json_values_are_judged_not_taken_for_tokens(value: object) -> None:
    """Only real cdktf encodings count as unknown: a Decimal, -1e300 or a set is an error, not a pass."""
    key = "tags" if isinstance(value, set) else "retention_days"
    result = validate_snapshot({"disk_id": "d-1", key: value}, name="n")
    assert result.errors, result


def test_snapshot_name_with_newline_reports_characters_not_first_letter() -> None:
    """'ab\\nc' starts with a letter: only the character rule fires."""
    result = validate_snapshot({"disk_id": "d-1", "snapshot_name": "ab\nc"}, name="n")
    assert [f.rule_id for f in result.errors] == ["ecs_snapshot_name_characters"]
