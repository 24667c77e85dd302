"""Boundary rows (min-1, min, max, max+1) for every range rule, each with a token value that passes.

Pure: ``validate_snapshot`` is called directly, no Node.
"""

from __future__ import annotations

from typing import Any

import pytest

from cdktf_ecs_snapshot import Severity, validate_snapshot

STRING_TOKEN = "${TfToken[TOKEN.7]}"
NUMBER_TOKEN = -8.109562212591383e298  # how cdktf number tokens reach Python
MAP_TOKEN = {"&{TfToken[TOKEN.9]}": "x"}


def errors(arguments: dict[str, Any]) -> list[tuple[str, str]]:
    result = validate_snapshot({"disk_id": "d-1", **arguments}, name="snap")
    return [(f.rule_id, f.attribute) for f in result.findings if f.severity is Severity.ERROR]


def rule_ids(arguments: dict[str, Any]) -> set[str]:
    return {rule for rule, _ in errors(arguments)}


def word(n: int) -> str:
    return ("a" + "b" * n)[:n]


@pytest.mark.parametrize("attr", ["snapshot_name", "name"])
@pytest.mark.parametrize(("length", "ok"), [(1, False), (2, True), (128, True), (129, False)])
def test_rules_name_length_boundaries(attr: str, length: int, ok: bool) -> None:
    found = ("ecs_snapshot_name_length", attr) in errors({attr: word(length)})
    assert found is not ok


@pytest.mark.parametrize("attr", ["snapshot_name", "name"])
def test_rules_name_length_skips_token(attr: str) -> None:
    assert errors({attr: STRING_TOKEN}) == []


@pytest.mark.parametrize(("length", "ok"), [(1, False), (2, True), (256, True), (257, False)])
def test_rules_description_length_boundaries(length: int, ok: bool) -> None:
    found = ("ecs_snapshot_description_length", "description") in errors({"description": "d" * length})
    assert found is not ok


def test_rules_description_length_skips_token() -> None:
    assert errors({"description": STRING_TOKEN}) == []


def test_rules_description_empty_is_out_of_range() -> None:
    assert rule_ids({"description": ""}) == {"ecs_snapshot_description_length"}


@pytest.mark.parametrize(("days", "ok"), [(0, False), (1, True), (65536, True), (65537, False)])
def test_rules_retention_days_boundaries(days: int, ok: bool) -> None:
    found = ("ecs_snapshot_retention_days_range", "retention_days") in errors({"retention_days": days})
    assert found is not ok


@pytest.mark.parametrize(("days", "ok"), [("0", False), ("1", True), ("65536", True), ("65537", False)])
def test_rules_retention_days_string_boundaries(days: str, ok: bool) -> None:
    assert ("ecs_snapshot_retention_days_range" in rule_ids({"retention_days": days})) is not ok


@pytest.mark.parametrize("token", [NUMBER_TOKEN, STRING_TOKEN], ids=["number-token", "string-token"])
def test_rules_retention_days_skips_token(token: object) -> None:
    assert errors({"retention_days": token}) == []


@pytest.mark.parametrize(("days", "ok"), [(0, False), (1, True), (65535, True), (65536, False)])
def test_rules_instant_access_retention_days_boundaries(days: int, ok: bool) -> None:
    found = ("ecs_snapshot_instant_access_retention_days_range", "instant_access_retention_days") in errors(
        {"instant_access": True, "instant_access_retention_days": days}
    )
    assert found is not ok


@pytest.mark.parametrize("token", [NUMBER_TOKEN, STRING_TOKEN], ids=["number-token", "string-token"])
def test_rules_instant_access_retention_days_skips_token(token: object) -> None:
    assert errors({"instant_access": True, "instant_access_retention_days": token}) == []


@pytest.mark.parametrize(("count", "ok"), [(0, True), (1, True), (20, True), (21, False)])
def test_rules_tag_count_boundaries(count: int, ok: bool) -> None:
    tags = {f"k{i}": "v" for i in range(count)}
    assert (("ecs_snapshot_tags", "tags") in errors({"tags": tags})) is not ok


def test_rules_tag_count_skips_token_map() -> None:
    assert errors({"tags": MAP_TOKEN}) == []


@pytest.mark.parametrize(("length", "ok"), [(0, False), (1, True), (128, True), (129, False)])
def test_rules_tag_key_length_boundaries(length: int, ok: bool) -> None:
    key = "k" * length
    assert (("ecs_snapshot_tags", f"tags[{key!r}]") in errors({"tags": {key: "v"}})) is not ok


def test_rules_tag_key_length_skips_token_key() -> None:
    assert errors({"tags": {"${TfToken[TOKEN.3]}" + "k" * 200: "v"}}) == []


@pytest.mark.parametrize(("length", "ok"), [(0, True), (1, True), (128, True), (129, False)])
def test_rules_tag_value_length_boundaries(length: int, ok: bool) -> None:
    assert (("ecs_snapshot_tags", "tags['k']") in errors({"tags": {"k": "v" * length}})) is not ok


def test_rules_tag_value_length_skips_token_value() -> None:
    assert errors({"tags": {"k": STRING_TOKEN + "v" * 200}}) == []


def test_rules_retention_days_out_of_range_message() -> None:
    result = validate_snapshot({"disk_id": "d-1", "retention_days": 65537}, name="nightly")
    assert [f.message for f in result.errors] == [
        "alicloud_ecs_snapshot.nightly.retention_days: out of range; got 65537; "
        "expected a whole number from 1 to 65536 days; use a value from 1 to 65536"
    ]


def test_rules_name_length_message_says_how_to_fix() -> None:
    result = validate_snapshot({"disk_id": "d-1", "snapshot_name": word(129)}, name="n")
    (finding,) = [f for f in result.errors if f.rule_id == "ecs_snapshot_name_length"]
    assert finding.problem == "length 129 is out of range"
    assert finding.expected == "2 to 128 characters"
    assert finding.hint == "shorten it to 128 characters"
