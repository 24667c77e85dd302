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


def test_spec_yaml_unquoted_date_stays_a_string() -> None:
    """`description: 2024-01-01` is the string '2024-01-01' (no timestamp resolver), so render works."""
    spec = parse_spec("snapshots:\n  a:\n    disk_id: d-1\n    description: 2024-01-01\n", path="s.yaml")
    assert spec.snapshots[0].description == "2024-01-01"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("!!timestamp 2024-01-01", "a date is not a string; quote it"),
        ("!!set {a, b}", "a set (!!set) is not a JSON value"),
        ("!!binary aGVsbG8=", "binary data (!!binary) is not a JSON value"),
        (".inf", "not a finite number"),
        ("{1: x}", "not a string; quote it"),
    ],
)
def test_spec_yaml_non_json_values_give_file_and_line(value: str, fragment: str) -> None:
    """YAML values JSON cannot hold are refused with file:line instead of a TypeError in json.dumps."""
    text = f"snapshots:\n  a:\n    disk_id: d-1\n    description: {value}\n"
    with pytest.raises(InputError) as raised:
        parse_spec(text, path="s.yaml")
    assert str(raised.value).startswith("s.yaml:4: ") and fragment in str(raised.value)


@pytest.mark.parametrize(
    ("provider", "fragment"),
    [
        ('{assume_role: "x"}', "provider: assume_role must be a mapping"),
        ("{endpoints: {ecs: [1]}}", "provider: endpoints values must be strings"),
        ("{region: [a]}", "provider: region must be a string"),
        ('{client_read_timeout: "5"}', "provider: client_read_timeout must be an integer"),
        ('{skip_region_validation: "yes"}', "provider: skip_region_validation must be true or false"),
    ],
)
def test_spec_provider_shapes_are_checked_with_line(provider: str, fragment: str) -> None:
    """A provider argument of the wrong shape is an InputError at its line, not an AttributeError later."""
    with pytest.raises(InputError) as raised:
        parse_spec(f"snapshots:\n  a:\n    disk_id: d-1\nprovider: {provider}\n", path="s.yaml")
    assert str(raised.value).startswith("s.yaml:4: ") and fragment in str(raised.value)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_spec_deep_nesting_is_an_input_error(suffix: str) -> None:
    """'[' * 100000 is an InputError (no RecursionError), as is moderate nesting that parses."""
    with pytest.raises(InputError, match="nested too deeply"):
        parse_spec("[" * 100000, path="s" + suffix)
    deep = '{"snapshots": {"a": {"disk_id": "d-1", "tags": ' + "[" * 500 + "]" * 500 + "}}}"
    with pytest.raises(InputError, match="nested more than 64 levels"):
        parse_spec(deep, path="s.json")


def test_spec_json_infinity_is_an_input_error() -> None:
    with pytest.raises(InputError, match="Infinity is not a JSON number"):
        parse_spec('{"snapshots": {"a": {"disk_id": "d-1", "retention_days": Infinity}}}', path="s.json")
