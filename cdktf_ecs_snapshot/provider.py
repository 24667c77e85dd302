"""``AlicloudProvider``: the ``aliyun/alicloud`` provider block, with a version constraint that fits.

The default constraint is the lowest release that supports every argument and attribute the stack's
snapshots use (never below 1.120.0), up to the next major: ``>= 1.120.0, < 2.0.0`` for plain snapshots,
``>= 1.239.0, < 2.0.0`` once ``create_time`` is referenced. It is computed at synthesis, so snapshots
added after the provider still count.

Literal ``access_key``/``secret_key``/``security_token`` values would be written in plain text into
``cdk.tf.json``; they are refused unless ``allow_plaintext_credentials=True``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import jsii

from ._core import core, load_constructs
from ._hcl import hcl_attributes
from ._meta_checks import reserved_id_finding
from ._python_only import python_only
from ._stack_registry import registry_of, stack_of
from .errors import ValidationError
from .findings import Finding
from .provider_config import _finding, check_provider_arguments, default_constraint_for
from .tokens import is_jsii_object, is_unresolved
from .validate import minimum_provider_for
from .versions import Version, parse_constraint

__all__ = ["AlicloudProvider", "default_constraint"]

_cdk = core()
_SECRETS = ("access_key", "secret_key", "security_token")
_SOURCE = "aliyun/alicloud"
_CREDENTIAL_FIX = (
    "remove it and export ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY (or set profile=...); "
    "pass allow_plaintext_credentials=True only if plain text in cdk.tf.json is acceptable"
)


def default_constraint(stack: Any) -> str:
    """Return ``>= X, < 2.0.0`` where X is the lowest release every snapshot of ``stack`` needs."""
    return default_constraint_for((s.arguments, s.reads) for s in registry_of(stack).snapshots)


_SNAKE_EDGES = re.compile(r"^[^A-Za-z0-9]*|[^A-Za-z0-9]*$")
_SNAKE_HUMPS = re.compile(r"([a-z0-9])([A-Z])")
_SNAKE_RUNS = re.compile(r"[^A-Za-z0-9]+|_+")
_KEEP_KEYS = ("tags", "environment")  # keys whose values cdktf leaves as they are


def _snake_case(key: object) -> str:
    """cdktf's ``snakeCase``, so that keys written here are the ones cdktf would write."""
    key = _SNAKE_EDGES.sub("", str(key))
    key = _SNAKE_HUMPS.sub(lambda m: m.group(1) + "_" + m.group(2).lower(), key)
    return _SNAKE_RUNS.sub("_", key).lower()


def _snake_keys(value: Any) -> Any:
    """cdktf's ``keysToSnakeCase`` on plain values (dicts and lists, nested)."""
    if isinstance(value, list):
        return [_snake_keys(item) for item in value]
    if isinstance(value, dict):
        return {
            key if key in _KEEP_KEYS else _snake_case(key): item if key in _KEEP_KEYS else _snake_keys(item)
            for key, item in value.items()
        }
    return value


def _holds_jsii_object(value: object) -> bool:
    if isinstance(value, Mapping):
        return any(_holds_jsii_object(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_jsii_object(item) for item in value)
    return is_jsii_object(value)


_TerraformProvider: Any = _cdk.TerraformProvider


class AlicloudProvider(_TerraformProvider):  # type: ignore[misc]
    """The ``alicloud`` provider (source ``aliyun/alicloud``).

    Args:
        scope: the stack (or a construct inside it).
        id: construct id.
        region: region such as ``cn-hangzhou``. Default: - ``ALICLOUD_REGION``, else the provider's
            default ``cn-beijing``.
        version: a Terraform version constraint such as ``"~> 1.239"``. Default: - the lowest release
            supporting everything used, ``>= X, < 2.0.0`` (X >= 1.120.0).
        alias: provider alias for multi-region stacks. Default: - the default provider.
        profile: credentials profile (``~/.aliyun/config.json``). Default: - ``ALICLOUD_PROFILE``.
        shared_credentials_file: path of the credentials file. Default: - ``~/.aliyun/config.json``.
        assume_role: ``{"role_arn": ..., "session_name": ..., "policy": ..., "session_expiration": ...,
            "external_id": ...}``. Default: - no role is assumed.
        assume_role_with_oidc: ``{"oidc_provider_arn": ..., "role_arn": ..., "oidc_token_file": ...}``
            (provider 1.220.0). Default: - none.
        ecs_role_name: RAM role of the ECS instance running Terraform. Default: - none.
        endpoints: custom endpoints, e.g. ``{"ecs": "127.0.0.1:8900"}``. Default: - the public ones.
        skip_region_validation, protocol, account_id, account_type, configuration_source,
        client_read_timeout, client_connect_timeout, source_ip, secure_transport, max_retry_timeout:
            passed through as the provider documents them. Default: - the provider's.
        access_key, secret_key, security_token: refused unless ``allow_plaintext_credentials=True``,
            because they would be written in plain text. Default: - from the environment.
    """

    TF_RESOURCE_TYPE = "alicloud"

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        region: str | None = None,
        version: str | None = None,
        alias: str | None = None,
        profile: str | None = None,
        shared_credentials_file: str | None = None,
        assume_role: Mapping[str, Any] | None = None,
        assume_role_with_oidc: Mapping[str, Any] | None = None,
        ecs_role_name: str | None = None,
        endpoints: Mapping[str, str] | None = None,
        skip_region_validation: bool | None = None,
        protocol: str | None = None,
        account_id: str | None = None,
        account_type: str | None = None,
        configuration_source: str | None = None,
        client_read_timeout: int | None = None,
        client_connect_timeout: int | None = None,
        source_ip: str | None = None,
        secure_transport: str | None = None,
        max_retry_timeout: int | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        security_token: str | None = None,
        allow_plaintext_credentials: bool = False,
    ) -> None:
        stack = stack_of(scope)
        secrets = {"access_key": access_key, "secret_key": secret_key, "security_token": security_token}
        findings = check_provider_arguments(id, version, secrets, allow_plaintext_credentials, assume_role)
        for problem in (_alias_finding(id, alias), reserved_id_finding(stack, scope, "provider", id)):
            if problem is not None:
                findings.append(problem)
        for key, block in (("assume_role_with_oidc", assume_role_with_oidc), ("endpoints", endpoints)):
            if block is not None and not isinstance(block, Mapping):
                findings.append(
                    _finding(
                        id,
                        key,
                        block,
                        f"not a mapping ({type(block).__name__})",
                        "a dict",
                        "pass one dict, e.g. endpoints={'ecs': 'ecs.cn-hangzhou.aliyuncs.com'}",
                    )
                )
        registry = registry_of(stack)
        pinned = registry.pinned_version()
        if version is not None and pinned is not None and findings == [] and _differs(version, pinned):
            findings.append(
                _finding(
                    id,
                    "version",
                    version,
                    f"differs from the constraint {pinned!r} already set on another AlicloudProvider of this "
                    "stack; Terraform keeps one constraint per provider, so one of them would be dropped",
                    f"{pinned!r}, or no version (it then follows {pinned!r})",
                    "set the version on one AlicloudProvider of the stack only",
                )
            )
        if findings:
            raise ValidationError(findings, where=f"{scope.node.path}/{id}")
        self.version_input = version
        self.alias_input = alias
        self._stack = stack
        self._uses_escape_hatch = False
        self._allow_plaintext_credentials = allow_plaintext_credentials
        super().__init__(
            scope,
            id,
            terraform_resource_type="alicloud",
            terraform_generator_metadata=_cdk.TerraformProviderGeneratorMetadata(
                provider_name="alicloud", provider_version_constraint=version
            ),
            terraform_provider_source=_SOURCE,
        )
        attributes: dict[str, Any] = {
            "region": region,
            "profile": profile,
            "shared_credentials_file": shared_credentials_file,
            "assume_role": [dict(assume_role)] if assume_role else None,
            "assume_role_with_oidc": [dict(assume_role_with_oidc)] if assume_role_with_oidc else None,
            "ecs_role_name": ecs_role_name,
            "endpoints": [dict(endpoints)] if endpoints else None,
            "skip_region_validation": skip_region_validation,
            "protocol": protocol,
            "account_id": account_id,
            "account_type": account_type,
            "configuration_source": configuration_source,
            "client_read_timeout": client_read_timeout,
            "client_connect_timeout": client_connect_timeout,
            "source_ip": source_ip,
            "secure_transport": secure_transport,
            "max_retry_timeout": max_retry_timeout,
            # Literal credentials only by opt-in; references (variables, tokens) are never plain text.
            **{k: v for k, v in secrets.items() if allow_plaintext_credentials or is_unresolved(v)},
        }
        self._attributes = {k: v for k, v in attributes.items() if v is not None}
        self._checks_one_default = False
        self._watch_default()
        registry.providers.append(self)
        if version is not None:
            _check_snapshots_against(registry.snapshots, version, id, f"{scope.node.path}/{id}")

    @property
    def alias(self) -> str | None:
        return self.alias_input

    @alias.setter
    def alias(self, value: str | None) -> None:
        finding = _alias_finding(str(self.node.id), value)
        if finding is not None:
            raise ValidationError([finding], where=str(self.node.path))
        self.alias_input = value
        self._watch_default()

    def _watch_default(self) -> None:
        """Terraform refuses two provider blocks without alias; since an alias may still be set or removed
        before synthesis, a second default provider is checked when cdktf validates the stack."""
        if self.alias_input is not None or self._checks_one_default:
            return
        if any(p is not self for p in registry_of(self._stack).default_providers()):
            self.node.add_validation(_OneDefaultProvider(self))
            self._checks_one_default = True

    def version_constraint(self) -> str:
        """The constraint written to ``required_providers``: ``version``, else the one pinned on another
        AlicloudProvider of the stack (Terraform keeps one per provider name), else the default computed
        from every snapshot of the stack."""
        if self.version_input is not None:
            return str(self.version_input)
        return registry_of(self._stack).pinned_version() or default_constraint(self._stack)

    @jsii.member(jsii_name="toTerraform")
    def to_terraform(self) -> Any:
        # Built here in one callback per synthesis pass; cdktf's own makes three (attributes, alias and
        # a lazily produced version). Escape hatches and jsii values (dynamic blocks) go through cdktf's.
        # A subclass may override the attributes or the alias: cdktf's path asks them.
        if type(self) is not AlicloudProvider or self._uses_escape_hatch or _holds_jsii_object(self._attributes):
            return self._with_version(super().to_terraform())
        block = _snake_keys(self._attributes)
        if self.alias_input is not None:
            block["alias"] = self.alias_input
        required = {"alicloud": {"version": self.version_constraint(), "source": _SOURCE}}
        return {"terraform": {"required_providers": required}, "provider": {"alicloud": [block]}}

    @jsii.member(jsii_name="toHclTerraform")
    def to_hcl_terraform(self) -> Any:
        return self._with_version(super().to_hcl_terraform())

    def _with_version(self, fragment: Any) -> Any:
        """cdktf's fragment with the version put where cdktf puts it (first, before ``source``)."""
        required = fragment["terraform"]["required_providers"]
        rest = {k: v for k, v in required["alicloud"].items() if k != "version"}
        required["alicloud"] = {"version": self.version_constraint(), **rest}
        return fragment

    @python_only
    def add_override(self, path: str, value: Any) -> None:
        """cdktf's escape hatch; literal credentials are refused here as in the constructor."""
        key = _snake_case(path)  # cdktf writes 'secretKey' as secret_key too
        if key in _SECRETS:
            findings = check_provider_arguments(
                str(self.node.id), None, {key: value}, self._allow_plaintext_credentials, None
            )
            if findings:
                raise ValidationError(findings, where=str(self.node.path))
        self._uses_escape_hatch = True
        super().add_override(path, value)

    @jsii.member(jsii_name="synthesizeAttributes")
    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return dict(self._attributes)

    @jsii.member(jsii_name="synthesizeHclAttributes")
    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return hcl_attributes(self._attributes)


_ALIAS = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _alias_finding(id: str, alias: object) -> Finding | None:
    if alias is None or (isinstance(alias, str) and _ALIAS.fullmatch(alias)):
        return None
    return _finding(
        id,
        "alias",
        alias,
        "is not a Terraform name (snapshots refer to the provider as alicloud.<alias>)",
        "a letter or '_' followed by letters, digits, '_' or '-'",
        "use an alias such as 'eu' or 'hangzhou', or None for the default provider",
    )


def _differs(version: str, pinned: str) -> bool:
    """True if two constraints admit different releases (``'~> 1.239'`` and ``'~>1.239'`` do not)."""
    return parse_constraint(version).intervals != parse_constraint(pinned).intervals


@jsii.implements(load_constructs().IValidation)
class _OneDefaultProvider:
    """Fails cdktf's validation if the stack still has two AlicloudProviders without alias."""

    def __init__(self, provider: AlicloudProvider) -> None:
        self._provider = provider

    def validate(self) -> list[str]:
        provider = self._provider
        if provider.alias_input is not None:
            return []
        others = [p for p in registry_of(provider._stack).default_providers() if p is not provider]
        if not others:
            return []
        return [
            f"alicloud.{provider.node.id}.alias: a second AlicloudProvider without alias in this stack "
            f"(the first is {others[0].node.path!r}); got no alias; expected one default configuration per "
            "provider (Terraform refuses two); give one of them alias='...' and pass provider=... to the "
            "snapshots that use it"
        ]


def _check_snapshots_against(snapshots: list[Any], version: str, id: str, where: str) -> None:
    """Refuse an explicit constraint that excludes every release the existing snapshots need."""
    constraint = parse_constraint(version)
    findings: list[Finding] = []
    for snapshot in snapshots:
        needed: Version = minimum_provider_for(snapshot.arguments, reads=tuple(snapshot.reads))
        if all(i.high <= needed for i in constraint.intervals):
            findings.append(
                _finding(
                    id,
                    "version",
                    version,
                    f"excludes every release snapshot {snapshot.node.path!r} needs",
                    f"provider >= {needed}",
                    f"raise the constraint to admit {needed} or later",
                )
            )
    if findings:
        raise ValidationError(findings, where=where)
