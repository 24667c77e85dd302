"""The provider block of the double and what ``ConfigureProvider`` does with it.

The block must accept every argument a real ``provider "alicloud"`` block in the project's stacks may carry, or
``terraform validate`` rejects the stack before the double is ever asked anything; so it declares the real
provider's common arguments (region, keys, profile, endpoints, assume_role, ...) even where the double ignores
them. Only region, the keys, the security token, ``protocol`` and ``endpoints { ecs }`` have an effect.

Resolution order, as in the real provider: argument, then environment (``ALICLOUD_*``, ``ALIBABA_CLOUD_*``),
then the default (region ``cn-beijing``). The ECS endpoint also reads ``ALICLOUD_ECS_ENDPOINT``.
"""

from __future__ import annotations

import os
from typing import Any

import attrs
from pyvider.cty import CtyValue
from pyvider.cty.conversion import cty_to_native
from pyvider.providers import BaseProvider, ProviderMetadata, register_provider
from pyvider.schema import a_bool, a_num, a_str, b_list, b_set, s_provider

from . import runtime
from .ecs import Settings

#: Endpoint keys accepted in ``endpoints { ... }`` (a subset of the real provider's ~100; only ``ecs`` is used).
ENDPOINT_KEYS = (
    "actiontrail",
    "cms",
    "ecs",
    "ess",
    "kms",
    "location",
    "log",
    "oss",
    "ram",
    "rds",
    "resourcemanager",
    "slb",
    "sts",
    "vpc",
)

_STRINGS = (
    "region",
    "access_key",
    "secret_key",
    "security_token",
    "profile",
    "shared_credentials_file",
    "ecs_role_name",
    "account_id",
    "account_type",
    "configuration_source",
    "protocol",
    "source_ip",
    "credentials_uri",
    "secure_transport",
)
_NUMBERS = ("client_read_timeout", "client_connect_timeout", "max_retry_timeout")
_BOOLS = ("skip_region_validation",)


def provider_schema() -> Any:
    attributes: dict[str, Any] = {n: a_str(optional=True) for n in _STRINGS}
    attributes.update({n: a_num(optional=True) for n in _NUMBERS})
    attributes.update({n: a_bool(optional=True) for n in _BOOLS})
    attributes["secret_key"] = a_str(optional=True, sensitive=True)
    attributes["security_token"] = a_str(optional=True, sensitive=True)
    blocks = [
        b_set("endpoints", attributes={k: a_str(optional=True) for k in ENDPOINT_KEYS}),
        b_set(
            "assume_role",
            attributes={
                "role_arn": a_str(required=True),
                "session_name": a_str(optional=True),
                "policy": a_str(optional=True),
                "session_expiration": a_num(optional=True),
                "external_id": a_str(optional=True),
            },
            max_items=1,
        ),
        b_list(
            "assume_role_with_oidc",
            attributes={
                "oidc_provider_arn": a_str(required=True),
                "role_arn": a_str(required=True),
                "oidc_token": a_str(optional=True),
                "oidc_token_file": a_str(optional=True),
                "role_session_name": a_str(optional=True),
                "policy": a_str(optional=True),
                "session_expiration": a_num(optional=True),
            },
            max_items=1,
        ),
    ]
    return s_provider(attributes, blocks)


def _config_class() -> type:
    names = [*_STRINGS, *_NUMBERS, *_BOOLS, "endpoints", "assume_role", "assume_role_with_oidc"]
    return attrs.make_class("AlicloudProviderConfig", {n: attrs.field(default=None) for n in names})


def _env(*names: str) -> str:
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return ""


def _native(value: Any) -> Any:
    if isinstance(value, CtyValue):
        return None if value.is_null or value.is_unknown else cty_to_native(value)
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_native(v) for v in value]
    return value


def _first(value: Any) -> dict[str, Any]:
    """A set/list block's single element as a plain dict (``{}`` when absent)."""
    value = _native(value)
    if isinstance(value, dict):
        return value
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                return item
    return {}


def settings_from(config: Any) -> Settings:
    def get(name: str) -> Any:
        return _native(getattr(config, name, None)) if config is not None else None

    endpoints = _first(get("endpoints"))
    return Settings(
        region=get("region") or _env("ALICLOUD_REGION", "ALIBABA_CLOUD_REGION") or "cn-beijing",
        access_key=get("access_key")
        or _env("ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_ID"),
        secret_key=get("secret_key")
        or _env("ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_ACCESS_KEY_SECRET"),
        security_token=get("security_token") or _env("ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN"),
        endpoint=(endpoints.get("ecs") or "") or _env("ALICLOUD_ECS_ENDPOINT"),
        protocol=get("protocol") or "HTTPS",
    )


@register_provider("alicloud")
class AlicloudDoubleProvider(BaseProvider):
    """``aliyun/alicloud`` as served by the double, at the version the launcher chose."""

    def __init__(self) -> None:
        super().__init__(metadata=ProviderMetadata(name="alicloud", version=runtime.version()))

    async def setup(self) -> None:
        self._final_schema = provider_schema()
        self.config_class = _config_class()
        self.capabilities = {"provider": self}
        self._setup_done = True

    async def configure(self, config: Any) -> None:
        await super().configure(config)
        runtime.configure(settings_from(config))
