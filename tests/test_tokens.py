"""Unknown values (cdktf tokens, ``${...}``) are skipped by every value rule, never failed.

The first half is pure (``is_unresolved``, ``validate_snapshot`` with token-shaped values); the second
builds constructs and checks that real tokens synthesize unchanged (cdktf issues #1528, #3696).
"""

from __future__ import annotations

import datetime
import decimal
import math
import struct
from collections.abc import Callable
from typing import Any

import pytest

from cdktf_ecs_snapshot import EcsSnapshot, is_unresolved, validate_snapshot
from cdktf_ecs_snapshot.rules import RULE_SUMMARIES

STRING_TOKEN = "${TfToken[TOKEN.7]}"
NUMBER_TOKEN = -8.109562212591383e298
LIST_TOKEN = ["#{TfToken[TOKEN.8]}"]
MAP_TOKEN = {"&{TfToken[TOKEN.9]}": "x"}


class _Resolvable:
    """Stands for a jsii object (an IResolvable) reaching Python: jsii classes carry ``__jsii_type__``."""

    __jsii_type__ = "cdktf.IResolvable"


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(STRING_TOKEN, id="string-token"),
        pytest.param("prefix-${var.x}-suffix", id="interpolation"),
        pytest.param(NUMBER_TOKEN, id="number-token"),
        pytest.param(struct.unpack(">d", bytes.fromhex("fdff000000000007"))[0], id="number-token-bits"),
        pytest.param(LIST_TOKEN, id="list-token"),
        pytest.param(MAP_TOKEN, id="map-token"),
        pytest.param(_Resolvable(), id="jsii-object"),
    ],
)
def test_tokens_is_unresolved_recognises(value: object) -> None:
    assert is_unresolved(value) is True


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(None, id="none"),
        pytest.param(True, id="bool"),
        pytest.param(20, id="int"),
        pytest.param(20.0, id="float"),
        pytest.param(-1e288, id="big-negative-float"),
        pytest.param(-math.inf, id="minus-inf"),
        pytest.param(-1e300, id="huge-negative-float-not-a-token"),
        pytest.param(decimal.Decimal("30"), id="decimal"),
        pytest.param({"a", "b"}, id="set"),
        pytest.param(datetime.date(2024, 1, 1), id="date"),
        pytest.param("plain $ {text}", id="plain-string"),
        pytest.param({"a": "b"}, id="dict"),
        pytest.param(["a"], id="list"),
        pytest.param([], id="empty-list"),
    ],
)
def test_tokens_is_unresolved_rejects_known(value: object) -> None:
    assert is_unresolved(value) is False


# Every rule: a literal that triggers it, and the same argument as a token that does not.
# Rules about presence (conflicts, deprecation, version gates) fire for tokens too: a token is still "set".
_BAD_AND_TOKEN: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {
    "ecs_snapshot_invalid_category": ({"category": "Flash"}, {"category": STRING_TOKEN}),
    "ecs_snapshot_name_length": ({"snapshot_name": "a"}, {"snapshot_name": STRING_TOKEN}),
    "ecs_snapshot_name_first_character": ({"snapshot_name": "1ab"}, {"snapshot_name": STRING_TOKEN}),
    "ecs_snapshot_name_characters": ({"snapshot_name": "a b"}, {"snapshot_name": "a ${var.x}"}),
    "ecs_snapshot_name_prefix": ({"snapshot_name": "auto1"}, {"snapshot_name": "auto${var.x}"}),
    "ecs_snapshot_description_length": ({"description": "d"}, {"description": STRING_TOKEN}),
    "ecs_snapshot_description_prefix": ({"description": "http://x y"}, {"description": "http://${var.x}"}),
    "ecs_snapshot_retention_days_range": ({"retention_days": 0}, {"retention_days": NUMBER_TOKEN}),
    "ecs_snapshot_instant_access_retention_days_range": (
        {"instant_access": True, "instant_access_retention_days": 0},
        {"instant_access": True, "instant_access_retention_days": NUMBER_TOKEN},
    ),
    "ecs_snapshot_disk_id_empty": ({"disk_id": ""}, {"disk_id": STRING_TOKEN}),
    "ecs_snapshot_instant_access_retention_requires_instant_access": (
        {"instant_access_retention_days": 5},
        {"instant_access_retention_days": 5, "instant_access": STRING_TOKEN},
    ),
    "ecs_snapshot_tags": ({"tags": {"aliyun:x": "1"}}, {"tags": MAP_TOKEN}),
    "ecs_snapshot_type_string": ({"description": 5}, {"description": _Resolvable()}),
    "ecs_snapshot_type_bool": ({"force": "yes"}, {"force": STRING_TOKEN}),
    "ecs_snapshot_type_number": ({"retention_days": "twenty"}, {"retention_days": STRING_TOKEN}),
    "ecs_snapshot_type_tags": ({"tags": {"a": 1}}, {"tags": {"a": STRING_TOKEN, "b": NUMBER_TOKEN}}),
    "ecs_snapshot_type_timeouts": ({"timeouts": "10m"}, {"timeouts": STRING_TOKEN}),
    "ecs_snapshot_timeout_duration": ({"timeouts": {"create": "ten"}}, {"timeouts": {"create": STRING_TOKEN}}),
    "ecs_snapshot_disk_id_required": ({"disk_id": None}, {"disk_id": _Resolvable()}),
    # presence rules: the token version still fires
    "ecs_snapshot_flash_category": ({"category": "flash"}, {"category": STRING_TOKEN}),
    "ecs_snapshot_name_conflict": ({"name": "ab", "snapshot_name": "cd"}, None),
    "ecs_snapshot_name_deprecated": ({"name": "ab"}, None),
    "ecs_snapshot_instant_access_no_effect": ({"instant_access": True}, None),
    "ecs_snapshot_timeouts_update_version": ({"timeouts": {"update": "5m"}}, None),
    "ecs_snapshot_timeouts_key": ({"timeouts": {"read": "5m"}}, None),
    "ecs_snapshot_unknown_argument": ({"encrypted": True}, None),
}
_PRESENCE_TOKEN: dict[str, dict[str, Any]] = {
    "ecs_snapshot_name_conflict": {"name": STRING_TOKEN, "snapshot_name": STRING_TOKEN},
    "ecs_snapshot_name_deprecated": {"name": STRING_TOKEN},
    "ecs_snapshot_instant_access_no_effect": {"instant_access": STRING_TOKEN},
    "ecs_snapshot_timeouts_update_version": {"timeouts": {"update": STRING_TOKEN}},
    "ecs_snapshot_timeouts_key": {"timeouts": {"read": STRING_TOKEN}},
    "ecs_snapshot_unknown_argument": {"encrypted": STRING_TOKEN},
}


def _rules(arguments: dict[str, Any]) -> set[str]:
    found = validate_snapshot({"disk_id": "d-1", **arguments}, name="s", provider="~> 1.230.0")
    return {f.rule_id for f in found.findings}


def test_tokens_table_covers_every_rule() -> None:
    assert set(_BAD_AND_TOKEN) == set(RULE_SUMMARIES)


@pytest.mark.parametrize("rule_id", sorted(_BAD_AND_TOKEN))
def test_tokens_literal_triggers_rule(rule_id: str) -> None:
    assert rule_id in _rules(_BAD_AND_TOKEN[rule_id][0])


@pytest.mark.parametrize("rule_id", sorted(r for r, (_, tok) in _BAD_AND_TOKEN.items() if tok is not None))
def test_tokens_value_rule_skips_token(rule_id: str) -> None:
    token_arguments = _BAD_AND_TOKEN[rule_id][1]
    assert token_arguments is not None
    assert rule_id not in _rules(token_arguments)


@pytest.mark.parametrize("rule_id", sorted(_PRESENCE_TOKEN))
def test_tokens_presence_rule_fires_for_token(rule_id: str) -> None:
    assert rule_id in _rules(_PRESENCE_TOKEN[rule_id])


def test_tokens_pass_through_validation_unchanged() -> None:
    resolvable = _Resolvable()
    args = {"disk_id": resolvable, "retention_days": NUMBER_TOKEN, "tags": MAP_TOKEN, "description": STRING_TOKEN}
    result = validate_snapshot(args, name="s")
    assert result.findings == ()
    assert result.values["disk_id"] is resolvable
    assert result.values["retention_days"] == NUMBER_TOKEN
    assert result.values["tags"] == MAP_TOKEN
    assert result.values["description"] == STRING_TOKEN


# -- real tokens through the construct ---------------------------------------------------------------


def _snap(synth: Callable[[Any], dict[str, Any]], stack: Any, name: str = "s") -> dict[str, Any]:
    resource: dict[str, Any] = synth(stack)["resource"]["alicloud_ecs_snapshot"][name]
    return resource


def test_tokens_number_variable_synthesizes_as_reference(cdk: Any, stack: Any, synth: Any) -> None:
    days = cdk.TerraformVariable(stack, "days", type="number")
    EcsSnapshot(stack, "s", disk_id="d-1", retention_days=days.number_value)
    assert _snap(synth, stack)["retention_days"] == "${var.days}"


def test_tokens_number_variable_in_instant_access_days(cdk: Any, stack: Any, synth: Any) -> None:
    days = cdk.TerraformVariable(stack, "days", type="number")
    EcsSnapshot(stack, "s", disk_id="d-1", instant_access=True, instant_access_retention_days=days.number_value)
    assert _snap(synth, stack)["instant_access_retention_days"] == "${var.days}"


def test_tokens_string_variable_synthesizes_as_reference(cdk: Any, stack: Any, synth: Any) -> None:
    text = cdk.TerraformVariable(stack, "text", type="string")
    EcsSnapshot(stack, "s", disk_id=text.string_value, snapshot_name=text.string_value, description=text.string_value)
    assert _snap(synth, stack) == {
        "disk_id": "${var.text}",
        "snapshot_name": "${var.text}",
        "description": "${var.text}",
    }


def test_tokens_map_variable_as_string_map(cdk: Any, stack: Any, synth: Any) -> None:
    tags = cdk.TerraformVariable(stack, "tags", type="map(string)")
    EcsSnapshot(stack, "s", disk_id="d-1", tags=cdk.Token.as_string_map(tags.value))
    assert _snap(synth, stack)["tags"] == "${var.tags}"


def test_tokens_tag_values_may_be_tokens(cdk: Any, stack: Any, synth: Any) -> None:
    owner = cdk.TerraformVariable(stack, "owner", type="string")
    EcsSnapshot(stack, "s", disk_id="d-1", tags={"owner": owner.string_value, "team": "infra"})
    assert _snap(synth, stack)["tags"] == {"owner": "${var.owner}", "team": "infra"}


def test_tokens_reference_to_other_resource(cdk: Any, stack: Any, synth: Any) -> None:
    disk = cdk.TerraformResource(stack, "disk", terraform_resource_type="alicloud_ecs_disk")
    EcsSnapshot(stack, "s", disk_id=disk.get_string_attribute("id"))
    assert _snap(synth, stack)["disk_id"] == "${alicloud_ecs_disk.disk.id}"


def test_tokens_reference_to_other_snapshot(stack: Any, synth: Any) -> None:
    first = EcsSnapshot(stack, "first", disk_id="d-1", retention_days=10)
    EcsSnapshot(stack, "second", disk_id=first.disk_id, retention_days=first.retention_days)
    assert _snap(synth, stack, "second") == {
        "disk_id": "${alicloud_ecs_snapshot.first.disk_id}",
        "retention_days": "${alicloud_ecs_snapshot.first.retention_days}",
    }


def test_tokens_category_variable_skips_enum_check(cdk: Any, stack: Any, synth: Any) -> None:
    category = cdk.TerraformVariable(stack, "category", type="string")
    EcsSnapshot(stack, "s", disk_id="d-1", category=category.string_value)
    assert _snap(synth, stack)["category"] == "${var.category}"
