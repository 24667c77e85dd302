"""The double's generated schemas agree with provider/ facts and with the library's ForceNew answers."""

from __future__ import annotations

import pytest

from cdktf_ecs_snapshot import force_new_attributes
from cdktf_ecs_snapshot.rehearsal.loader import MODULE_NAME, load_double

load_double()
schema_gen = __import__(f"{MODULE_NAME}.schema_gen", fromlist=["x"])
provider = __import__(f"{MODULE_NAME}.provider", fromlist=["x"])

VERSIONS = ["1.120.0", "1.230.0", "1.231.0", "1.238.0", "1.239.0", "1.289.0"]


@pytest.mark.parametrize("version", VERSIONS)
def test_double_schema_force_new_matches_library(version: str) -> None:
    schema = schema_gen.resource_schema("alicloud_ecs_snapshot", version)
    replacing = {n for n, a in schema.block.attributes.items() if a.requires_replace}
    assert replacing == set(force_new_attributes(version).attributes)


@pytest.mark.parametrize("version", VERSIONS)
def test_double_schema_alias_serves_same_schema(version: str) -> None:
    a = schema_gen.resource_schema("alicloud_ecs_snapshot", version)
    b = schema_gen.resource_schema("alicloud_snapshot", version)
    assert a.block.to_cty_type() == b.block.to_cty_type()
    assert {n: x.requires_replace for n, x in a.block.attributes.items()} == {
        n: x.requires_replace for n, x in b.block.attributes.items()
    }


def test_double_schema_version_zero_like_sdkv2() -> None:
    assert schema_gen.resource_schema("alicloud_ecs_snapshot", "1.289.0").version == 0


def test_double_schema_flags_copied_from_schema_file() -> None:
    attrs = schema_gen.resource_schema("alicloud_ecs_snapshot", "1.289.0").block.attributes
    assert attrs["disk_id"].required and not attrs["disk_id"].optional
    assert attrs["name"].deprecated and attrs["name"].computed and attrs["name"].optional
    assert attrs["snapshot_name"].computed and not attrs["snapshot_name"].deprecated
    assert attrs["status"].computed and not attrs["status"].optional
    assert attrs["instant_access"].deprecated


def test_double_schema_created_time_only_since_1_239() -> None:
    old = schema_gen.resource_schema("alicloud_ecs_snapshot", "1.238.0").block.attributes
    new = schema_gen.resource_schema("alicloud_ecs_snapshot", "1.239.0").block.attributes
    assert "create_time" not in old and "region_id" not in old
    assert "create_time" in new and "region_id" in new


def test_double_schema_update_timeout_only_since_1_231() -> None:
    def timeouts(version: str) -> set[str]:
        blocks = schema_gen.resource_schema("alicloud_ecs_snapshot", version).block.block_types
        return set(next(b for b in blocks if b.type_name == "timeouts").block.attributes)

    assert timeouts("1.230.0") == {"create", "delete"}
    assert timeouts("1.231.0") == {"create", "update", "delete"}


def test_double_schema_disk_types_only_from_1_122() -> None:
    assert schema_gen.resource_schema("alicloud_ecs_disk", "1.120.0") is None
    assert schema_gen.resource_schema("alicloud_ecs_disk", "1.230.0") is not None
    assert schema_gen.resource_schema("alicloud_ecs_disk_attachment", "1.289.0") is not None


def test_double_schema_data_source_has_no_disk_filter_like_the_real_one() -> None:
    attrs = schema_gen.data_source_schema("alicloud_ecs_snapshots", "1.289.0").block.attributes
    assert {"ids", "name_regex", "status", "names", "snapshots"} <= set(attrs)
    assert "disk_id" not in attrs


def test_double_provider_schema_accepts_library_provider_arguments() -> None:
    block = provider.provider_schema().block
    names = set(block.attributes) | {b.type_name for b in block.block_types}
    emitted = {
        "region",
        "profile",
        "shared_credentials_file",
        "assume_role",
        "assume_role_with_oidc",
        "ecs_role_name",
        "endpoints",
        "skip_region_validation",
        "protocol",
        "account_id",
        "account_type",
        "configuration_source",
        "client_read_timeout",
        "client_connect_timeout",
        "source_ip",
        "secure_transport",
        "max_retry_timeout",
        "access_key",
        "secret_key",
        "security_token",
    }
    assert emitted <= names


def test_double_provider_settings_prefer_arguments_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALICLOUD_ECS_ENDPOINT", "127.0.0.1:1")
    monkeypatch.setenv("ALICLOUD_REGION", "cn-shanghai")
    monkeypatch.setenv("ALICLOUD_ACCESS_KEY", "env-key")

    class Config:
        region = "cn-hangzhou"
        endpoints = ({"ecs": "127.0.0.1:2"},)
        access_key = None

    settings = provider.settings_from(Config())
    assert (settings.region, settings.endpoint, settings.access_key) == ("cn-hangzhou", "127.0.0.1:2", "env-key")


def test_double_provider_settings_default_region_is_cn_beijing(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"):
        monkeypatch.delenv(name, raising=False)
    assert provider.settings_from(None).region == "cn-beijing"
