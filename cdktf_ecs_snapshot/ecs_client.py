"""Connect to the ECS API the way the Terraform provider would: same credentials, region and endpoint sources.

Shared by the external-data helper and the importer, and deliberately light: the SDK is imported inside
``build_client`` only, so that reading settings and failing fast on bad input costs no SDK import.

Credentials, first match wins:

1. ``ALICLOUD_ACCESS_KEY`` + ``ALICLOUD_SECRET_KEY`` (+ ``ALICLOUD_SECURITY_TOKEN``) — the provider's names;
2. ``ALIBABA_CLOUD_ACCESS_KEY_ID`` + ``ALIBABA_CLOUD_ACCESS_KEY_SECRET`` (+ ``ALIBABA_CLOUD_SECURITY_TOKEN``);
3. ``ALICLOUD_PROFILE`` (or ``ALIBABA_CLOUD_PROFILE``): that profile of ``~/.aliyun/config.json`` (or of
   ``ALICLOUD_SHARED_CREDENTIALS_FILE``), as the provider and the ``aliyun`` CLI read it;
4. the Alibaba Cloud default chain of ``alibabacloud_credentials``: environment, OIDC role
   (``ALIBABA_CLOUD_OIDC_TOKEN_FILE`` …), CLI profile, ``~/.alibabacloud/credentials``, ECS RAM role.

Region: ``region`` setting, else ``ALICLOUD_REGION``, ``ALIBABA_CLOUD_REGION_ID``, ``ALIBABA_CLOUD_REGION``.
Endpoint: ``endpoint`` setting, else ``ALICLOUD_ECS_ENDPOINT``, else the SDK's regional endpoint. Protocol:
``protocol`` setting (``http``/``https``), else ``http`` for a loopback endpoint and ``https`` otherwise.

Secrets never leave this module in a message: ``Scrubber`` replaces every known secret value with ``***``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_RETRY_SECONDS",
    "DEFAULT_READ_TIMEOUT",
    "ClientSettings",
    "Scrubber",
    "SettingsError",
    "build_client",
    "quiet_sdk_logging",
    "settings_from",
]

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 10.0
DEFAULT_MAX_RETRY_SECONDS = 20.0

_REGION_ENV = ("ALICLOUD_REGION", "ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_REGION")
_LOOPBACK = re.compile(r"^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$")
_ENDPOINT = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(:\d{1,5})?$")
_SECRET_ENV = re.compile(r"SECRET|TOKEN|PASSWORD", re.IGNORECASE)


class SettingsError(ValueError):
    """A setting (query key or environment variable) is missing or malformed; the message says which."""


@dataclass
class Scrubber:
    """Replaces known secret values in any text that may be shown (SDK messages can echo requests)."""

    secrets: set[str] = field(default_factory=set)

    def add(self, value: str | None) -> None:
        """Remember ``value`` as a secret (values under 4 characters would mangle ordinary text)."""
        if value and len(value) >= 4:
            self.secrets.add(value)

    def scrub(self, text: str) -> str:
        """``text`` with every known secret replaced by ``***`` (longest first)."""
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Scrubber:
        """A scrubber knowing every environment value whose name says secret, token or password."""
        scrubber = cls()
        for name, value in env.items():
            if _SECRET_ENV.search(name):
                scrubber.add(value)
        return scrubber


@dataclass(frozen=True)
class ClientSettings:
    """Where and how to call ECS; timeouts and the retry bound in seconds."""

    region_id: str
    endpoint: str | None = None
    protocol: str = "https"
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    max_retry_seconds: float = DEFAULT_MAX_RETRY_SECONDS

    @property
    def display_endpoint(self) -> str:
        """The endpoint as a URL, for messages."""
        host = self.endpoint or f"ecs.{self.region_id}.aliyuncs.com"
        return f"{self.protocol}://{host}"


def _seconds(name: str, raw: str, *, low: float, high: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise SettingsError(f"{name} must be a number of seconds in [{low:g}, {high:g}]; got {raw!r}")
    return value


def settings_from(options: Mapping[str, str], env: Mapping[str, str]) -> ClientSettings:
    """Settings from ``options`` (query keys ``region``, ``endpoint``, ``protocol``, ``connect_timeout``,
    ``read_timeout``, ``max_retry_seconds``) falling back to the environment; raises ``SettingsError``."""
    region = options.get("region") or next((env[n] for n in _REGION_ENV if env.get(n)), "")
    if not region:
        raise SettingsError(
            "no region: set query key 'region' or ALICLOUD_REGION (or ALIBABA_CLOUD_REGION_ID)"
        )
    endpoint = options.get("endpoint") or env.get("ALICLOUD_ECS_ENDPOINT") or None
    if endpoint is not None:
        endpoint = re.sub(r"^https?://", "", endpoint.strip()).rstrip("/")
        match = _ENDPOINT.match(endpoint)
        if not match or (match.group(2) and not 1 <= int(match.group(2)[1:]) <= 65535):
            raise SettingsError(
                f"endpoint must be host[:port] (optionally with http:// or https://), without a path, "
                f"query or user; got {endpoint[:200]!r}"
            )
    protocol = (options.get("protocol") or env.get("ALICLOUD_ECS_PROTOCOL") or "").lower()
    if not protocol:
        protocol = "http" if endpoint and _LOOPBACK.match(endpoint) else "https"
    if protocol not in ("http", "https"):
        raise SettingsError(f"protocol must be 'http' or 'https'; got {protocol!r}")

    def pick(key: str, env_name: str, default: float, high: float) -> float:
        raw = options.get(key) or env.get(env_name) or ""
        return (
            _seconds(key, raw, low=0.0 if key == "max_retry_seconds" else 0.1, high=high) if raw else default
        )

    return ClientSettings(
        region_id=region,
        endpoint=endpoint,
        protocol=protocol,
        connect_timeout=pick(
            "connect_timeout", "CDKTF_ECS_SNAPSHOT_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT, 300
        ),
        read_timeout=pick("read_timeout", "CDKTF_ECS_SNAPSHOT_READ_TIMEOUT", DEFAULT_READ_TIMEOUT, 600),
        max_retry_seconds=pick(
            "max_retry_seconds", "CDKTF_ECS_SNAPSHOT_MAX_RETRY_SECONDS", DEFAULT_MAX_RETRY_SECONDS, 3600
        ),
    )


def _static_pair(env: Mapping[str, str], key_id: str, secret: str, token: str) -> dict[str, str] | None:
    ak, sk = env.get(key_id, ""), env.get(secret, "")
    if bool(ak) != bool(sk):
        missing = secret if ak else key_id
        raise SettingsError(f"{key_id if ak else secret} is set but {missing} is not")
    if not ak:
        return None
    pair = {"access_key_id": ak, "access_key_secret": sk}
    if env.get(token):
        pair["security_token"] = env[token]
    return pair


def _credential_kwargs(env: Mapping[str, str]) -> dict[str, Any]:
    """Keyword arguments for the SDK ``Config``: a static key pair, or a credentials client."""
    for names in (
        ("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"),
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"),
    ):
        pair = _static_pair(env, *names)
        if pair is not None:
            return dict(pair)
    from alibabacloud_credentials.client import Client as CredentialClient

    profile = env.get("ALICLOUD_PROFILE") or ""
    if profile:
        from alibabacloud_credentials.provider.cli_profile import CLIProfileCredentialsProvider

        provider = CLIProfileCredentialsProvider(
            profile_name=profile, profile_file=env.get("ALICLOUD_SHARED_CREDENTIALS_FILE") or None
        )
        return {"credential": CredentialClient(provider=provider)}
    return {"credential": CredentialClient()}


def build_client(settings: ClientSettings, env: Mapping[str, str] | None = None) -> Any:
    """An ``alibabacloud_ecs20140526`` client for ``settings`` with credentials from ``env``.

    The SDK's own retries stay off (the caller retries with a total time bound); timeouts are set from
    ``settings``. Raises ``SettingsError`` for half-set credentials.
    """
    environment = os.environ if env is None else env
    credentials = _credential_kwargs(environment)
    from alibabacloud_ecs20140526.client import Client
    from alibabacloud_tea_openapi.utils_models import Config

    config = Config(
        region_id=settings.region_id,
        endpoint=settings.endpoint,
        protocol=settings.protocol,
        connect_timeout=int(settings.connect_timeout * 1000),
        read_timeout=int(settings.read_timeout * 1000),
        **credentials,
    )
    return Client(config)


_SDK_LOGGERS = ("credentials", "alibabacloud-tea", "darabonba-core", "alibabacloud_credentials", "Tea", "darabonba")


@contextlib.contextmanager
def quiet_sdk_logging() -> Iterator[None]:
    """Silence the SDK and credential loggers (they log whole tracebacks while probing for credentials).

    The failure itself still reaches the caller as an exception and becomes a one-line message.
    """
    saved: list[tuple[logging.Logger, bool, int]] = []
    for name in _SDK_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.disabled, logger.level))
        logger.disabled = True
    try:
        yield
    finally:
        for logger, disabled, level in saved:
            logger.disabled = disabled
            logger.setLevel(level)
