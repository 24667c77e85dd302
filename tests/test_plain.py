"""The plain emitter: same rules as the construct, deterministic Terraform JSON, no Node."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cdktf_ecs_snapshot.errors import ValidationError
from cdktf_ecs_snapshot.plain import OutputSpec, ProviderSpec, SnapshotSpec, build_document, render, write_atomic
from cdktf_ecs_snapshot.schema import Category


def _doc(*specs: SnapshotSpec, provider: ProviderSpec | None = None) -> dict[str, object]:
    return build_document(specs, provider=provider).document


def test_plain_render_is_sorted_json_with_trailing_newline() -> None:
    text = render([SnapshotSpec(id="a", disk_id="d-1", tags={"z": "1", "a": "2"})])
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2) + "\n"


def test_plain_render_is_deterministic_across_input_order() -> None:
    one = [SnapshotSpec(id="a", disk_id="d-1"), SnapshotSpec(id="b", disk_id="d-2")]
    assert render(one) == render(list(reversed(one)))


def test_plain_converts_string_days_like_terraform() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1", retention_days="20"))
    assert doc["resource"]["alicloud_ecs_snapshot"]["a"]["retention_days"] == 20  # type: ignore[index]


def test_plain_category_enum_becomes_its_string() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1", category=Category.STANDARD))
    assert doc["resource"]["alicloud_ecs_snapshot"]["a"]["category"] == "standard"  # type: ignore[index]


def test_plain_default_constraint_is_minimum_provider() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1"))
    assert doc["terraform"]["required_providers"]["alicloud"] == {  # type: ignore[index]
        "source": "aliyun/alicloud",
        "version": ">= 1.120.0, < 2.0.0",
    }


def test_plain_default_constraint_rises_for_timeouts_update() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1", timeouts={"update": "5m"}))
    assert doc["terraform"]["required_providers"]["alicloud"]["version"] == ">= 1.231.0, < 2.0.0"  # type: ignore[index]


def test_plain_explicit_constraint_is_kept() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1"), provider=ProviderSpec(version="~> 1.239"))
    assert doc["terraform"]["required_providers"]["alicloud"]["version"] == "~> 1.239"  # type: ignore[index]


def test_plain_explicit_constraint_too_old_for_timeouts_update_raises() -> None:
    spec = SnapshotSpec(id="a", disk_id="d-1", timeouts={"update": "5m"})
    with pytest.raises(ValidationError) as raised:
        build_document([spec], provider=ProviderSpec(version="~> 1.220.0"))
    assert "ecs_snapshot_timeouts_update_version" in {f.rule_id for f in raised.value.findings}


def test_plain_protect_writes_prevent_destroy() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1", protect=True))
    assert doc["resource"]["alicloud_ecs_snapshot"]["a"]["lifecycle"] == {"prevent_destroy": True}  # type: ignore[index]


def test_plain_import_id_writes_import_block() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1", import_id="s-abc1"))
    assert doc["import"] == [{"id": "s-abc1", "to": "alicloud_ecs_snapshot.a"}]


def test_plain_bad_import_id_raises() -> None:
    with pytest.raises(ValidationError) as raised:
        build_document([SnapshotSpec(id="a", disk_id="d-1", import_id="d-1")])
    assert [f.rule_id for f in raised.value.findings] == ["ecs_snapshot_import_id"]


def test_plain_legacy_resource_type_is_written_under_its_name() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1", resource_type="alicloud_snapshot"))
    assert list(doc["resource"]) == ["alicloud_snapshot"]  # type: ignore[call-overload]


def test_plain_collects_errors_of_all_snapshots() -> None:
    specs = [SnapshotSpec(id="a", disk_id="d-1", category="Flash"), SnapshotSpec(id="b", retention_days=0)]
    with pytest.raises(ValidationError) as raised:
        build_document(specs)
    assert {(f.name, f.rule_id) for f in raised.value.findings} == {
        ("a", "ecs_snapshot_invalid_category"),
        ("b", "ecs_snapshot_disk_id_required"),
        ("b", "ecs_snapshot_retention_days_range"),
    }


def test_plain_duplicate_name_rejected() -> None:
    with pytest.raises(ValidationError) as raised:
        build_document([SnapshotSpec(id="a", disk_id="d-1"), SnapshotSpec(id="a", disk_id="d-2")])
    assert [f.rule_id for f in raised.value.findings] == ["terraform_duplicate_name"]


@pytest.mark.parametrize("name", ["1snap", "snap shot", "snap.x", ""])
def test_plain_invalid_identifier_rejected(name: str) -> None:
    with pytest.raises(ValidationError) as raised:
        build_document([SnapshotSpec(id=name, disk_id="d-1")])
    assert [f.rule_id for f in raised.value.findings] == ["terraform_invalid_name"]


@pytest.mark.parametrize("name", ["_snap", "snap-1", "Snap_2"])
def test_plain_valid_identifier_accepted(name: str) -> None:
    assert name in _doc(SnapshotSpec(id=name, disk_id="d-1"))["resource"]["alicloud_ecs_snapshot"]  # type: ignore[index]


def test_plain_literal_secret_key_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        build_document([SnapshotSpec(id="a", disk_id="d-1")], provider=ProviderSpec(secret_key="abc"))
    finding = raised.value.findings[0]
    assert finding.rule_id == "alicloud_provider_secret_key"
    assert "abc" not in str(raised.value)
    assert "main.tf.json" in finding.message


def test_plain_secret_key_allowed_when_opted_in() -> None:
    provider = ProviderSpec(access_key="ak", secret_key="sk", allow_plaintext_credentials=True)
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1"), provider=provider)
    assert doc["provider"] == {"alicloud": [{"access_key": "ak", "secret_key": "sk"}]}


def test_plain_secret_reference_is_not_a_literal() -> None:
    doc = _doc(SnapshotSpec(id="a", disk_id="d-1"), provider=ProviderSpec(region="${var.region}"))
    assert doc["provider"] == {"alicloud": [{"region": "${var.region}"}]}


def test_plain_bad_provider_constraint_raises() -> None:
    with pytest.raises(ValidationError) as raised:
        build_document([SnapshotSpec(id="a", disk_id="d-1")], provider=ProviderSpec(version=">= banana"))
    assert [f.rule_id for f in raised.value.findings] == ["alicloud_provider_version"]


def test_plain_outputs_are_written() -> None:
    built = build_document(
        [SnapshotSpec(id="a", disk_id="d-1")],
        outputs={"a_id": OutputSpec("${alicloud_ecs_snapshot.a.id}", description="id")},
    )
    assert built.document["output"] == {"a_id": {"value": "${alicloud_ecs_snapshot.a.id}", "description": "id"}}


def test_plain_warnings_are_returned_not_raised() -> None:
    built = build_document([SnapshotSpec(id="a", disk_id="d-1", name="legacy")])
    assert [f.rule_id for f in built.warnings] == ["ecs_snapshot_name_deprecated"]


def test_plain_strict_turns_warnings_into_errors() -> None:
    with pytest.raises(ValidationError):
        build_document([SnapshotSpec(id="a", disk_id="d-1", name="legacy", strict=True)])


def test_plain_write_atomic_replaces_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "main.tf.json"
    target.write_text("old")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert os.listdir(tmp_path) == ["main.tf.json"]


def test_plain_write_atomic_file_is_world_readable_under_default_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "main.tf.json", "{}\n")
    finally:
        os.umask(old)
    assert (tmp_path / "main.tf.json").stat().st_mode & 0o777 == 0o644
