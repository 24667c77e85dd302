"""Process-wide facts of one provider launch: the provider version served and the configured ECS client.

Terraform starts one provider process per command (several per command, in fact) and configures it once; the
version is fixed by the launcher script that Terraform found in the mirror, the client by ``ConfigureProvider``.
"""

from __future__ import annotations

import os

from .ecs import Ecs, EcsCallError, Settings
from .schema_gen import LATEST_KNOWN

_version = os.environ.get("ALICLOUD_DOUBLE_VERSION", LATEST_KNOWN)
_settings: Settings | None = None
_ecs: Ecs | None = None


def set_version(version: str) -> None:
    global _version
    _version = version


def version() -> str:
    return _version


def configure(settings: Settings) -> None:
    global _settings, _ecs
    _settings, _ecs = settings, None


def ecs() -> Ecs:
    """The ECS client; raises with a rehearsal hint when no endpoint is configured."""
    global _ecs
    if _ecs is None:
        if _settings is None:
            raise EcsCallError(
                "provider",
                "Configure",
                "NotConfigured",
                "the alicloud provider double was not configured (no provider block reached it)",
            )
        if not _settings.endpoint:
            raise EcsCallError(
                "provider",
                "Configure",
                "MissingEcsEndpoint",
                "no ECS endpoint: this is the offline provider double, it only talks to a local ECS endpoint; "
                'set endpoints { ecs = "127.0.0.1:PORT" } in the provider block or export ALICLOUD_ECS_ENDPOINT '
                "(python -m cdktf_ecs_snapshot.rehearsal up prints it)",
            )
        _ecs = Ecs(_settings)
    return _ecs
