"""``schema.ATTRIBUTES`` held against ``provider/`` (schemas per version and the behaviour facts). Pure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot.provider_facts import facts, provider_dir, schema_at, schema_versions
from cdktf_ecs_snapshot.schema import ATTRIBUTES, TIMEOUT_KEYS, AttributeSpec, Kind, attribute
from cdktf_ecs_snapshot.versions import INFINITY, Interval, Version

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILES = sorted((ROOT / "provider" / "schemas").glob("*.json"), key=lambda p: Version.parse(p.stem))
ADDRESS = "registry.terraform.io/aliyun/alicloud"
_KIND = {"string": Kind.STRING, "bool": Kind.BOOL, "number": Kind.NUMBER}


def _block(path: Path, resource: str = "alicloud_ecs_snapshot") -> dict[str, Any]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    block: dict[str, Any] = doc["provider_schemas"][ADDRESS]["resource_schemas"][resource]["block"]
    return block


def _kind(tf_type: object) -> Kind:
    if tf_type == ["map", "string"]:
        return Kind.STRING_MAP
    assert isinstance(tf_type, str)
    return _KIND[tf_type]


def _version(path: Path) -> Version:
    return Version.parse(path.stem)


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


LATEST = SCHEMA_FILES[-1]


def test_schema_rows_schema_files_exist() -> None:
    assert [p.stem for p in SCHEMA_FILES] == ["1.120.0", "1.231.0", "1.239.0"]


def test_schema_rows_provider_dir_is_the_checkout() -> None:
    assert provider_dir() == ROOT / "provider"


def test_schema_rows_schema_versions_match_facts() -> None:
    assert [str(v) for v in schema_versions()] == facts()["schema_versions"]


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_ids(SCHEMA_FILES))
def test_schema_rows_legacy_type_has_identical_schema(path: Path) -> None:
    assert _block(path, "alicloud_snapshot") == _block(path)


def test_schema_rows_cover_latest_schema_exactly() -> None:
    block = _block(LATEST)
    provider_names = set(block["attributes"]) | set(block.get("block_types", {}))
    assert {a.name for a in ATTRIBUTES} == provider_names


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_ids(SCHEMA_FILES))
def test_schema_rows_types_agree(path: Path) -> None:
    for name, spec in _block(path)["attributes"].items():
        assert attribute(name).kind is _kind(spec["type"]), name
    assert set(_block(path)["block_types"]) == {"timeouts"}
    assert attribute("timeouts").kind is Kind.BLOCK


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_ids(SCHEMA_FILES))
def test_schema_rows_required_agrees(path: Path) -> None:
    for name, spec in _block(path)["attributes"].items():
        assert attribute(name).required is bool(spec.get("required")), name


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_ids(SCHEMA_FILES))
def test_schema_rows_optional_agrees(path: Path) -> None:
    for name, spec in _block(path)["attributes"].items():
        if name == "id":
            # SDKv2 marks every resource's id Optional+Computed; users cannot set it on a resource.
            assert spec.get("optional") and spec.get("computed")
            assert attribute("id").optional is False
            continue
        assert attribute(name).optional is bool(spec.get("optional")), name


def test_schema_rows_computed_agrees_with_latest() -> None:
    for name, spec in _block(LATEST)["attributes"].items():
        assert attribute(name).computed is bool(spec.get("computed")), name


def test_schema_rows_category_became_computed_in_1_231() -> None:
    assert not _block(SCHEMA_FILES[0])["attributes"]["category"].get("computed")
    assert _block(SCHEMA_FILES[1])["attributes"]["category"]["computed"] is True


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_ids(SCHEMA_FILES))
def test_schema_rows_deprecation_agrees(path: Path) -> None:
    at = _version(path)
    for name, spec in _block(path)["attributes"].items():
        row = attribute(name)
        row_deprecated = row.deprecated_since is not None and row.deprecated_since <= at
        assert row_deprecated is bool(spec.get("deprecated")), name


def test_schema_rows_deprecation_agrees_with_facts() -> None:
    deprecated = facts()["deprecated"]
    assert {a.name for a in ATTRIBUTES if a.deprecated_since is not None} == set(deprecated)
    for name, fact in deprecated.items():
        row = attribute(name)
        assert str(row.deprecated_since) == fact["since"]
        assert row.replaced_by == fact["replaced_by"]
        assert (row.no_effect_since is not None) is bool(fact.get("no_effect"))


@pytest.mark.parametrize("row", ATTRIBUTES, ids=[a.name for a in ATTRIBUTES])
def test_schema_rows_since_is_first_schema_file_with_attribute(row: AttributeSpec) -> None:
    first = next(
        p for p in SCHEMA_FILES if row.name in _block(p)["attributes"] or row.name in _block(p).get("block_types", {})
    )
    assert row.since == _version(first)


def test_schema_rows_since_agrees_with_facts_added() -> None:
    added = facts()["added"]
    for name in ("create_time", "region_id"):
        assert str(attribute(name).since) == added[name]["since"]
    assert str(TIMEOUT_KEYS["update"]) == added["timeouts.update"]["since"]


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_ids(SCHEMA_FILES))
def test_schema_rows_timeout_keys_available_agree(path: Path) -> None:
    keys = set(_block(path)["block_types"]["timeouts"]["block"]["attributes"])
    assert keys == {k for k, since in TIMEOUT_KEYS.items() if since <= _version(path)}


def _fact_intervals(ranges: list[dict[str, Any]]) -> tuple[Interval, ...]:
    return tuple(
        Interval(Version.parse(r["from"]), INFINITY if r["until"] is None else Version.parse(r["until"]))
        for r in ranges
    )


def test_schema_rows_force_new_attributes_match_facts() -> None:
    assert {a.name for a in ATTRIBUTES if a.force_new} == set(facts()["force_new"])


@pytest.mark.parametrize("name", sorted(facts()["force_new"]))
def test_schema_rows_force_new_ranges_match_facts(name: str) -> None:
    assert attribute(name).force_new == _fact_intervals(facts()["force_new"][name])


def test_schema_rows_read_back_matches_facts() -> None:
    not_read = set(facts()["read_back"]["not_read"])
    assert {a.name for a in ATTRIBUTES if not a.read_back} == not_read


def test_schema_rows_schema_at_picks_latest_file_not_after() -> None:
    assert (
        "update"
        not in schema_at(Version(1, 230, 9))["provider_schemas"][ADDRESS]["resource_schemas"]["alicloud_ecs_snapshot"][
            "block"
        ]["block_types"]["timeouts"]["block"]["attributes"]
    )
    assert (
        "create_time"
        in schema_at(Version(1, 289, 0))["provider_schemas"][ADDRESS]["resource_schemas"]["alicloud_ecs_snapshot"][
            "block"
        ]["attributes"]
    )


@pytest.mark.parametrize("row", [a for a in ATTRIBUTES if a.argument], ids=lambda a: a.name)
def test_schema_rows_every_argument_has_doc(row: AttributeSpec) -> None:
    assert row.doc.strip()


@pytest.mark.parametrize("row", [a for a in ATTRIBUTES if a.argument and not a.required], ids=lambda a: a.name)
def test_schema_rows_every_optional_argument_has_default_doc(row: AttributeSpec) -> None:
    assert row.default_doc.strip()


@pytest.mark.parametrize("row", [a for a in ATTRIBUTES if a.force_new], ids=lambda a: a.name)
def test_schema_rows_force_new_doc_says_replaces(row: AttributeSpec) -> None:
    assert "replace" in row.doc.lower()
