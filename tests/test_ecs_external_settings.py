"""Settings and credential resolution of the shared ECS client module (in process, no network)."""

from __future__ import annotations

import pytest

from cdktf_ecs_snapshot.ecs_client import Scrubber, SettingsError, build_client, settings_from


def test_settings_loopback_endpoint_defaults_to_http() -> None:
    settings = settings_from({"endpoint": "127.0.0.1:8080"}, {"ALICLOUD_REGION": "cn-shanghai"})
    assert (settings.protocol, settings.region_id, settings.display_endpoint) == (
        "http",
        "cn-shanghai",
        "http://127.0.0.1:8080",
    )


def test_settings_remote_endpoint_defaults_to_https() -> None:
    settings = settings_from({}, {"ALIBABA_CLOUD_REGION_ID": "eu-central-1"})
    assert settings.display_endpoint == "https://ecs.eu-central-1.aliyuncs.com"


def test_settings_max_retry_seconds_from_env_and_query() -> None:
    env = {"ALICLOUD_REGION": "cn-hangzhou", "CDKTF_ECS_SNAPSHOT_MAX_RETRY_SECONDS": "7"}
    assert settings_from({}, env).max_retry_seconds == 7
    assert settings_from({"max_retry_seconds": "2.5"}, env).max_retry_seconds == 2.5


@pytest.mark.parametrize(
    ("key", "value"), [("read_timeout", "0"), ("connect_timeout", "abc"), ("protocol", "ftp")]
)
def test_settings_bad_value_is_a_settings_error(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=key if key != "protocol" else "protocol"):
        settings_from({key: value}, {"ALICLOUD_REGION": "cn-hangzhou"})


def test_credentials_half_set_pair_is_a_settings_error() -> None:
    settings = settings_from({}, {"ALICLOUD_REGION": "cn-hangzhou"})
    with pytest.raises(SettingsError, match="ALICLOUD_SECRET_KEY is not"):
        build_client(settings, {"ALICLOUD_ACCESS_KEY": "ak"})


def test_scrubber_from_env_hides_secret_and_token_values() -> None:
    scrubber = Scrubber.from_env(
        {
            "ALICLOUD_SECRET_KEY": "s3cr3t-value",
            "ALICLOUD_SECURITY_TOKEN": "tok-123456",
            "ALICLOUD_REGION": "cn-hangzhou",
        }
    )
    assert scrubber.scrub("a s3cr3t-value b tok-123456 cn-hangzhou") == "a *** b *** cn-hangzhou"
