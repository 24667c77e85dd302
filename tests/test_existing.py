"""Tests for cdktf_ecs_snapshot.existing: reading state v4, `terraform show -json` and cdk.tf.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdktf_ecs_snapshot.errors import InputError
from cdktf_ecs_snapshot.existing import load_existing, parse_existing

STATE = Path(__file__).parent / "fixtures" / "state"


def test_existing_state_reads_snapshot_attributes_and_id() -> None:
    """A v4 state yields the snapshot's attributes and its id."""
    found = load_existing(STATE / "snapshots.tfstate")
    nightly = found.find("alicloud_ecs_snapshot", "nightly")
    assert nightly is not None
    assert (nightly.id, nightly.attributes["retention_days"], found.format) == ("s-bp1nightly00000001", 30, "state")


def test_existing_state_keeps_legacy_type_and_skips_other_types() -> None:
    """alicloud_snapshot is kept; disks and data sources are not snapshots."""
    found = load_existing(STATE / "snapshots.tfstate")
    assert sorted(found.by_address) == ["alicloud_ecs_snapshot.nightly", "alicloud_snapshot.legacy"]
    assert "data.alicloud_ecs_snapshots.all" in found.other_resources


def test_existing_state_addresses_modules_and_indexes() -> None:
    """Module and count-indexed instances get their full address."""
    found = load_existing(STATE / "modules.tfstate")
    assert "module.backup.alicloud_ecs_snapshot.weekly[1]" in found.by_address


def test_existing_show_json_reads_root_and_child_modules() -> None:
    """`terraform show -json` output is read, child modules included."""
    found = load_existing(STATE / "show.json")
    assert found.format == "show"
    assert sorted(found.by_address) == [
        "alicloud_ecs_snapshot.nightly",
        "module.backup.alicloud_ecs_snapshot.weekly[0]",
    ]


def test_existing_show_json_of_empty_state_is_empty_when_allowed() -> None:
    """`terraform show -json` of an empty state has no values; allow_empty accepts it."""
    assert len(parse_existing('{"format_version":"1.0"}', allow_empty=True)) == 0


def test_existing_synth_has_no_id_and_says_so() -> None:
    """A previous cdk.tf.json has no ids; messages say the comparison was with it."""
    found = load_existing(STATE / "cdk.tf.json")
    nightly = found.find("alicloud_ecs_snapshot", "nightly")
    assert nightly is not None and nightly.id is None
    assert nightly.id_text == "(id unknown: compared with previous cdk.tf.json)"


def test_existing_synth_takes_id_from_import_block() -> None:
    """An import block in the previous cdk.tf.json supplies the id."""
    text = (
        '{"resource":{"alicloud_ecs_snapshot":{"a":{"disk_id":"d-1"}}},'
        '"import":[{"id":"s-abc","to":"alicloud_ecs_snapshot.a"}]}'
    )
    assert parse_existing(text).by_address["alicloud_ecs_snapshot.a"].id == "s-abc"


def test_existing_missing_file_is_input_error() -> None:
    """A missing file names the path and says it was not found."""
    with pytest.raises(InputError, match=r"nope\.tfstate: file not found"):
        load_existing(STATE / "nope.tfstate")


def test_existing_truncated_state_is_input_error() -> None:
    """A truncated state says so, with the line."""
    with pytest.raises(InputError, match=r"truncated JSON \(the file ends early\) \(line \d+"):
        load_existing(STATE / "truncated.tfstate")


def test_existing_corrupt_state_is_input_error() -> None:
    """A state that is not valid JSON says so."""
    with pytest.raises(InputError, match=r"corrupt\.tfstate:\d+: not valid JSON"):
        load_existing(STATE / "corrupt.tfstate")


def test_existing_state_of_other_type_is_input_error() -> None:
    """A state without snapshot resources lists what it holds."""
    with pytest.raises(
        InputError,
        match=r"holds no alicloud_ecs_snapshot or alicloud_snapshot resource; got 2 "
        r"resource\(s\) of other types \(alicloud_ecs_disk\.data, "
        r"alicloud_instance\.web\)",
    ):
        load_existing(STATE / "other-type.tfstate")


def test_existing_empty_state_is_input_error_unless_allowed() -> None:
    """An empty state is refused by default and accepted with allow_empty."""
    with pytest.raises(InputError, match="got no resources at all"):
        load_existing(STATE / "empty.tfstate")
    assert len(load_existing(STATE / "empty.tfstate", allow_empty=True)) == 0


def test_existing_state_version_3_is_input_error() -> None:
    """A pre-0.12 state (version 3) is refused with the version named."""
    with pytest.raises(InputError, match="unsupported state version; got 3; expected 4"):
        load_existing(STATE / "v3.tfstate")


def test_existing_show_format_2_is_input_error() -> None:
    """An unknown major format_version is refused."""
    with pytest.raises(InputError, match=r"unsupported format_version .* got '2\.0'; expected '1\.x'"):
        load_existing(STATE / "show-format-2.json")


def test_existing_plan_is_input_error_pointing_to_plan_guard() -> None:
    """A plan is not a state; the message points to plan-guard."""
    with pytest.raises(InputError, match=r"this is a plan .* plan-guard"):
        load_existing(Path(__file__).parent / "fixtures" / "plans" / "replace.json")


def test_existing_unknown_object_is_input_error() -> None:
    """A JSON object of no known format lists its keys."""
    with pytest.raises(InputError, match="unknown format; got an object with keys a, b"):
        parse_existing('{"a": 1, "b": 2}')


def test_existing_directory_is_input_error(tmp_path: Path) -> None:
    """A directory is not a state file."""
    with pytest.raises(InputError, match="is a directory"):
        load_existing(tmp_path)


def test_existing_deeply_nested_file_is_an_input_error(tmp_path: Path) -> None:
    """'[' * 100000 is an InputError, not a RecursionError."""
    path = tmp_path / "terraform.tfstate"
    path.write_text("[" * 100000)
    with pytest.raises(InputError, match="nested too deeply"):
        load_existing(path)
