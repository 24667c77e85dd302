"""``AlicloudProvider``: provider block arguments, alias, version constraint, credential refusal."""

from __future__ import annotations

import json
from typing import Any

import jsii
import pytest

from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, ValidationError

SECRET = "LTAI-literal-S3cr3t"


def _providers(synth: Any, stack: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = synth(stack)["provider"]["alicloud"]
    return found


def _required(synth: Any, stack: Any) -> dict[str, Any]:
    found: dict[str, Any] = synth(stack)["terraform"]["required_providers"]["alicloud"]
    return found


def test_provider_region_profile_assume_role_endpoints_synthesize(stack: Any, synth: Any) -> None:
    AlicloudProvider(
        stack,
        "alicloud",
        region="cn-hangzhou",
        profile="ops",
        shared_credentials_file="~/.aliyun/config.json",
        assume_role={"role_arn": "acs:ram::123:role/ops", "session_name": "cdktf", "session_expiration": 3600},
        endpoints={"ecs": "127.0.0.1:8900"},
        skip_region_validation=True,
        client_read_timeout=30000,
    )
    assert _providers(synth, stack) == [
        {
            "region": "cn-hangzhou",
            "profile": "ops",
            "shared_credentials_file": "~/.aliyun/config.json",
            "assume_role": [{"role_arn": "acs:ram::123:role/ops", "session_name": "cdktf", "session_expiration": 3600}],
            "endpoints": [{"ecs": "127.0.0.1:8900"}],
            "skip_region_validation": True,
            "client_read_timeout": 30000,
        }
    ]


def test_provider_source_is_aliyun_alicloud(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    assert _required(synth, stack)["source"] == "aliyun/alicloud"


def test_provider_with_no_arguments_is_an_empty_block(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    assert _providers(synth, stack) == [{}]


def test_provider_alias_synthesizes(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    AlicloudProvider(stack, "eu", region="eu-central-1", alias="eu")
    assert _providers(synth, stack) == [{"region": "cn-hangzhou"}, {"alias": "eu", "region": "eu-central-1"}]


def test_provider_alias_reference_on_snapshot(stack: Any, synth: Any) -> None:
    eu = AlicloudProvider(stack, "eu", region="eu-central-1", alias="eu")
    EcsSnapshot(stack, "s", disk_id="d-1", provider=eu)
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["s"]["provider"] == "alicloud.eu"


def test_provider_alias_setter(stack: Any, synth: Any) -> None:
    p = AlicloudProvider(stack, "eu")
    p.alias = "west"
    assert p.alias == "west"
    assert _providers(synth, stack) == [{"alias": "west"}]


def test_provider_default_version_constraint(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1")
    assert _required(synth, stack)["version"] == ">= 1.120.0, < 2.0.0"


def test_provider_default_version_rises_for_create_time(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    assert s.create_time.startswith("${TfToken[")
    assert _required(synth, stack)["version"] == ">= 1.239.0, < 2.0.0"


def test_provider_default_version_rises_for_region_id_of_later_snapshot(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")  # created first: the default is computed at synthesis
    EcsSnapshot(stack, "s", disk_id="d-1").region_id  # noqa: B018
    assert _required(synth, stack)["version"] == ">= 1.239.0, < 2.0.0"


def test_provider_default_version_rises_for_timeouts_update(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1", timeouts={"update": "10m"})
    assert _required(synth, stack)["version"] == ">= 1.231.0, < 2.0.0"


def test_provider_default_version_rises_for_put_timeouts_update(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1").put_timeouts(update="10m")
    assert _required(synth, stack)["version"] == ">= 1.231.0, < 2.0.0"


def test_provider_default_version_not_raised_by_id_or_status(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    s.id  # noqa: B018
    s.status  # noqa: B018
    assert _required(synth, stack)["version"] == ">= 1.120.0, < 2.0.0"


def test_provider_explicit_version_is_kept(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", version="~> 1.239")
    EcsSnapshot(stack, "s", disk_id="d-1").create_time  # noqa: B018
    assert _required(synth, stack)["version"] == "~> 1.239"


@pytest.mark.parametrize("key", ["access_key", "secret_key", "security_token"])
def test_provider_literal_credential_refused_without_leaking(stack: Any, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        AlicloudProvider(stack, "alicloud", **{key: SECRET})
    text = str(info.value)
    assert SECRET not in text
    assert SECRET not in repr(info.value.findings)
    assert "ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY" in text
    assert "profile=" in text
    assert "in test/alicloud" in text
    assert info.value.findings[0].value == "***"


def test_provider_literal_credentials_allowed_when_opted_in(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", access_key="AK", secret_key="SK", allow_plaintext_credentials=True)
    assert _providers(synth, stack) == [{"access_key": "AK", "secret_key": "SK"}]


def test_provider_credential_token_is_not_refused(cdk: Any, stack: Any) -> None:
    secret = cdk.TerraformVariable(stack, "secret", type="string", sensitive=True)
    AlicloudProvider(stack, "alicloud", secret_key=secret.string_value)


def test_provider_credential_token_is_written_as_reference(cdk: Any, stack: Any, synth: Any) -> None:
    secret = cdk.TerraformVariable(stack, "secret", type="string", sensitive=True)
    AlicloudProvider(stack, "alicloud", secret_key=secret.string_value)
    assert _providers(synth, stack)[0].get("secret_key") == "${var.secret}"


def test_provider_credential_token_written_when_allowed(cdk: Any, stack: Any, synth: Any) -> None:
    secret = cdk.TerraformVariable(stack, "secret", type="string", sensitive=True)
    AlicloudProvider(stack, "alicloud", secret_key=secret.string_value, allow_plaintext_credentials=True)
    assert _providers(synth, stack)[0]["secret_key"] == "${var.secret}"


def test_provider_bad_version_constraint_refused(stack: Any) -> None:
    with pytest.raises(ValidationError, match=r"alicloud\.alicloud\.version: .*got 'latest'"):
        AlicloudProvider(stack, "alicloud", version="latest")


def test_provider_constraint_excluding_snapshot_needs_refused(stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1").create_time  # noqa: B018
    with pytest.raises(ValidationError, match=r"provider >= 1\.239\.0"):
        AlicloudProvider(stack, "alicloud", version="< 1.239.0")


def test_provider_synth_hcl_has_blocks(cdk: Any, stack: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou", assume_role={"role_arn": "acs:ram::1:role/x"})
    text = cdk.Testing.synth_hcl(stack)
    assert 'region = "cn-hangzhou"' in text
    assert "assume_role {" in text


def test_provider_to_have_provider_with_properties(cdk: Any, stack: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    assert cdk.Testing.to_have_provider_with_properties(cdk.Testing.synth(stack), "alicloud", {"region": "cn-hangzhou"})


def test_provider_presence_validation_passes_in_full_synth(cdk: Any, stack: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    EcsSnapshot(stack, "s", disk_id="d-1")
    cdk.Testing.full_synth(stack)  # raises "Found resources without a matching provider" otherwise


def test_provider_missing_is_reported_by_cdktf(cdk: Any, stack: Any) -> None:
    EcsSnapshot(stack, "s", disk_id="d-1")
    with pytest.raises(RuntimeError, match="without a matching provider"):
        cdk.Testing.full_synth(stack)


def test_provider_alias_version_excluding_create_time_refused(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    AlicloudProvider(stack, "eu", region="eu-central-1", alias="eu", version="~> 1.230.0")
    s = EcsSnapshot(stack, "s", disk_id="d-1")
    try:
        s.create_time  # noqa: B018
        version = _required(synth, stack)["version"]
    except ValidationError:
        return
    raise AssertionError(f"required_providers version {version!r} excludes create_time (>= 1.239.0)")


def test_provider_pinned_version_survives_a_later_alias_without_version(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "main", version="~> 1.239")
    AlicloudProvider(stack, "eu", alias="eu", region="eu-central-1")
    EcsSnapshot(stack, "s", disk_id="d-1")
    assert _required(synth, stack)["version"] == "~> 1.239"


def test_provider_pinned_version_wins_over_an_earlier_alias_without_version(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "eu", alias="eu", region="eu-central-1")
    AlicloudProvider(stack, "main", version="~> 1.239")
    assert _required(synth, stack)["version"] == "~> 1.239"


def test_provider_same_pin_on_two_providers_is_accepted(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "main", version="~> 1.239")
    AlicloudProvider(stack, "eu", alias="eu", version="~>1.239")
    assert _required(synth, stack)["version"] == "~>1.239"


def test_provider_different_pins_in_one_stack_refused(stack: Any) -> None:
    AlicloudProvider(stack, "main", version="~> 1.239")
    with pytest.raises(ValidationError) as info:
        AlicloudProvider(stack, "eu", alias="eu", version=">= 1.240.0")
    message = str(info.value)
    assert "test/eu" in message
    assert "alicloud.eu.version" in message
    assert "'>= 1.240.0'" in message and "'~> 1.239'" in message
    assert "set the version on one AlicloudProvider of the stack only" in message


def test_provider_pin_on_another_provider_checks_snapshots_of_an_alias(stack: Any) -> None:
    AlicloudProvider(stack, "main", version="~> 1.200.0")
    eu = AlicloudProvider(stack, "eu", alias="eu")
    with pytest.raises(ValidationError, match="timeouts"):
        EcsSnapshot(stack, "s", disk_id="d-1", provider=eu, timeouts={"update": "5m"})


_PROVIDER_ARGUMENT_SETS = [
    {},
    {"region": "cn-hangzhou"},
    {"region": "cn-hangzhou", "alias": "hz", "profile": "ops", "skip_region_validation": True},
    {"assume_role": {"role_arn": "acs:ram::1:role/x", "session_name": "s"}, "endpoints": {"ecs": "127.0.0.1:1"}},
    {"assume_role_with_oidc": {"oidcProviderArn": "arn", "roleArn": "acs:ram::1:role/y"}},
    {"endpoints": {"ecsEndpoint": "x", "ECS": "y"}, "client_read_timeout": 30, "version": "~> 1.239"},
    {"region": "${var.region}", "max_retry_timeout": 5},
]


@pytest.mark.parametrize("arguments", _PROVIDER_ARGUMENT_SETS, ids=lambda a: ",".join(a) or "none")
def test_provider_block_equals_what_cdktf_merges_itself(cdk: Any, arguments: dict[str, Any]) -> None:
    """The provider block built in Python equals cdktf's own (the path escape hatches take)."""
    built, merged = (cdk.TerraformStack(cdk.Testing.app(), name) for name in ("built", "merged"))
    AlicloudProvider(built, "alicloud", **arguments)
    AlicloudProvider(merged, "alicloud", **arguments)._uses_escape_hatch = True
    fast, cdktf_own = (json.loads(cdk.Testing.synth(stack)) for stack in (built, merged))
    assert fast["provider"] == cdktf_own["provider"]
    assert fast["terraform"] == cdktf_own["terraform"]


def test_provider_add_override_is_written_with_the_version(stack: Any, synth: Any) -> None:
    provider = AlicloudProvider(stack, "alicloud", region="cn-hangzhou", endpoints={"ecs": "a"})
    provider.add_override("endpoints.0.ecs", "b")
    provider.add_override("skip_region_validation", True)
    EcsSnapshot(stack, "s", disk_id="d-1").create_time  # noqa: B018
    assert _providers(synth, stack) == [
        {"region": "cn-hangzhou", "endpoints": [{"ecs": "b"}], "skip_region_validation": True}
    ]
    assert _required(synth, stack) == {"source": "aliyun/alicloud", "version": ">= 1.239.0, < 2.0.0"}


def test_provider_token_attribute_goes_through_cdktf(cdk: Any, stack: Any, synth: Any) -> None:
    region = cdk.TerraformVariable(stack, "region", type="string")
    AlicloudProvider(stack, "alicloud", region=region.string_value, client_read_timeout=region.number_value)
    block = _providers(synth, stack)[0]
    assert block == {"region": "${var.region}", "client_read_timeout": "${var.region}"}
    assert _required(synth, stack)["version"] == ">= 1.120.0, < 2.0.0"


def test_provider_without_snapshots_gets_the_default_version(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    assert _required(synth, stack) == {"source": "aliyun/alicloud", "version": ">= 1.120.0, < 2.0.0"}


def test_provider_hcl_output_has_the_version(cdk: Any, stack: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou", alias="hz")
    EcsSnapshot(stack, "s", disk_id="d-1").create_time  # noqa: B018
    lines = [line.strip() for line in cdk.Testing.synth_hcl(stack).splitlines()]
    assert 'version = ">= 1.239.0, < 2.0.0"' in lines
    assert 'source = "aliyun/alicloud"' in lines
    assert 'alias = "hz"' in lines


def test_provider_two_without_alias_fail_cdktf_validation(cdk: Any, tmp_path: Any) -> None:
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.TerraformStack(app, "t")
    AlicloudProvider(stack, "a")
    AlicloudProvider(stack, "b")
    with pytest.raises(RuntimeError) as info:
        app.synth()
    message = str(info.value)
    assert "[t/b] alicloud.b.alias: a second AlicloudProvider without alias in this stack" in message
    assert "(the first is 't/a')" in message
    assert "give one of them alias='...'" in message
    assert not (tmp_path / "stacks" / "t" / "cdk.tf.json").exists()


def test_provider_second_default_given_an_alias_later_is_accepted(cdk: Any, tmp_path: Any) -> None:
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.TerraformStack(app, "t")
    AlicloudProvider(stack, "a")
    AlicloudProvider(stack, "b").alias = "eu"
    app.synth()
    written = json.loads((tmp_path / "stacks" / "t" / "cdk.tf.json").read_text(encoding="utf-8"))
    assert [block.get("alias") for block in written["provider"]["alicloud"]] == [None, "eu"]


@pytest.mark.parametrize("key", ["access_key", "secret_key", "security_token"])
def test_provider_literal_credential_through_add_override_refused(stack: Any, key: str) -> None:
    provider = AlicloudProvider(stack, "alicloud")
    with pytest.raises(ValidationError) as info:
        provider.add_override(key, SECRET)
    assert f"provider.alicloud.alicloud.{key}" in str(info.value)
    assert SECRET not in str(info.value)


def test_provider_credential_override_allowed_when_opted_in_or_a_reference(cdk: Any, stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", allow_plaintext_credentials=True).add_override("secret_key", SECRET)
    other = AlicloudProvider(stack, "other", alias="other")
    other.add_override("secret_key", cdk.TerraformVariable(stack, "secret", type="string", sensitive=True).string_value)
    blocks = _providers(synth, stack)
    assert blocks[0]["secret_key"] == SECRET
    assert blocks[1]["secret_key"] == "${var.secret}"


def test_provider_subclass_overrides_are_written(stack: Any, synth: Any) -> None:
    class Pinned(AlicloudProvider):
        @jsii.member(jsii_name="synthesizeAttributes")
        def _synthesize_attributes(self) -> Any:
            return {**super()._synthesize_attributes(), "skip_region_validation": True}

        @property
        def alias(self) -> str | None:
            return "fixed"

        @alias.setter
        def alias(self, value: str | None) -> None:
            pass

    provider = Pinned(stack, "alicloud", region="cn-hangzhou")
    EcsSnapshot(stack, "s", disk_id="d-1", provider=provider)
    document = synth(stack)
    assert document["provider"]["alicloud"] == [
        {"region": "cn-hangzhou", "skip_region_validation": True, "alias": "fixed"}
    ]
    assert document["resource"]["alicloud_ecs_snapshot"]["s"]["provider"] == "alicloud.fixed"
    assert _required(synth, stack)["version"] == ">= 1.120.0, < 2.0.0"


def test_provider_non_string_nested_key_is_written_as_text(stack: Any, synth: Any) -> None:
    AlicloudProvider(stack, "alicloud", endpoints={1: "x"})  # type: ignore[dict-item]
    assert _providers(synth, stack) == [{"endpoints": [{"1": "x"}]}]


def test_provider_required_providers_lists_version_first(cdk: Any, stack: Any) -> None:
    AlicloudProvider(stack, "alicloud")
    lines = [line.strip() for line in cdk.Testing.synth_hcl(stack).splitlines()]
    assert lines.index('version = ">= 1.120.0, < 2.0.0"') < lines.index('source = "aliyun/alicloud"')
