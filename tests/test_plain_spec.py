"""Spec files (YAML/JSON) for the plain emitter: loading and messages that point at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdktf_ecs_snapshot.errors import InputError
from cdktf_ecs_snapshot.spec import load_spec, parse_spec


def test_spec_yaml_sample_loads_in_file_order() -> None:
    spec = load_spec("tests/fixtures/specs/sample.yaml")
    assert [s.id for s in spec.snapshots] == ["nightly", "from_reference", "adopted"]


def test_spec_yaml_records_snapshot_lines() -> None:
    spec = load_spec("tests/fixtures/specs/sample.yaml")
    assert spec.lines["nightly"] == 5


def test_spec_json_loads_provider_version() -> None:
    spec = load_spec("tests/fixtures/specs/sample.json")
    assert spec.provider.version == "~> 1.239"


def test_spec_duplicate_yaml_snapshot_names_give_line() -> None:
    text = "snapshots:\n  a:\n    disk_id: d-1\n  a:\n    disk_id: d-2\n"
    with pytest.raises(InputError) as raised:
        parse_spec(text, path="s.yaml")
    assert str(raised.value) == "s.yaml:4: duplicate key 'a'"


def test_spec_duplicate_json_keys_rejected() -> None:
    with pytest.raises(InputError, match="duplicate key 'a'"):
        parse_spec('{"snapshots": {"a": {"disk_id": "d-1"}, "a": {"disk_id": "d-2"}}}', path="s.json")


def test_spec_yaml_syntax_error_gives_line() -> None:
    with pytest.raises(InputError) as raised:
        parse_spec("snapshots:\n  a: [unclosed\n", path="s.yaml")
    assert raised.value.line is not None and str(raised.value).startswith(f"s.yaml:{raised.value.line}: not valid YAML")


def test_spec_json_syntax_error_gives_line() -> None:
    with pytest.raises(InputError) as raised:
        parse_spec('{\n"snapshots": }', path="s.json")
    assert raised.value.line == 2


def test_spec_unknown_snapshot_key_named_with_line() -> None:
    with pytest.raises(InputError) as raised:
        parse_spec("snapshots:\n  a:\n    disk_id: d-1\n    retention: 3\n", path="s.yaml")
    assert raised.value.line == 4
    assert "unknown key(s) 'retention'" in str(raised.value)


def test_spec_unknown_top_level_key_rejected() -> None:
    with pytest.raises(InputError, match="unknown top-level key"):
        parse_spec("snapshot:\n  a: {}\n", path="s.yaml")


def test_spec_missing_snapshots_rejected() -> None:
    with pytest.raises(InputError, match="'snapshots' must be a non-empty mapping"):
        parse_spec("provider: {region: cn-hangzhou}\n", path="s.yaml")


def test_spec_protect_must_be_bool() -> None:
    with pytest.raises(InputError, match="protect must be true or false"):
        parse_spec("snapshots:\n  a:\n    disk_id: d-1\n    protect: 'yes'\n", path="s.yaml")


def test_spec_unquoted_float_version_rejected() -> None:
    with pytest.raises(InputError, match="version must be a string"):
        parse_spec("provider:\n  version: 1.2\nsnapshots:\n  a: {disk_id: d-1}\n", path="s.yaml")


def test_spec_bare_output_value_accepted() -> None:
    spec = parse_spec("snapshots:\n  a: {disk_id: d-1}\noutputs:\n  x: ${alicloud_ecs_snapshot.a.id}\n")
    assert spec.outputs["x"].value == "${alicloud_ecs_snapshot.a.id}"


def test_spec_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the spec"):
        load_spec(tmp_path / "nope.yaml")
