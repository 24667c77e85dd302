"""Shared helpers for the local ECS endpoint and external-helper tests (imported explicitly, not a conftest).

``local_world()`` starts a ``LocalEcs`` seeded with one instance (system disk + two data disks), a loose
disk, and two disks sharing a name; ``sdk_client`` points the real SDK at it; ``run_helper`` runs the real
helper as a subprocess and records every run so a test can scan all output for the secret.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from alibabacloud_ecs20140526.client import Client
from alibabacloud_tea_openapi.utils_models import Config

from cdktf_ecs_snapshot.local_ecs import LocalEcs

__all__ = [
    "AK",
    "HELPER_RUNS",
    "REGION",
    "SECRET",
    "World",
    "helper_env",
    "local_world",
    "result_of",
    "run_helper",
    "sdk_client",
]

AK = "LTAI5tTestKeyId0001"
SECRET = "sEcReT-value-9f8e7d6c5b4a"
REGION = "cn-hangzhou"
HELPER_RUNS: list[tuple[str, str]] = []


@dataclass
class World:
    """The seeded endpoint and the ids tests refer to."""

    ecs: LocalEcs
    instance_id: str
    system_disk: str
    data1: str
    data2: str
    loose_disk: str
    twin_disks: tuple[str, str]


@contextmanager
def local_world(**kwargs: Any) -> Iterator[World]:
    """A started ``LocalEcs`` with the standard seed; ``kwargs`` go to ``LocalEcs``."""
    kwargs.setdefault("access_key_id", AK)
    kwargs.setdefault("access_key_secret", SECRET)
    kwargs.setdefault("region_id", REGION)
    with LocalEcs(**kwargs) as ecs:
        inst = ecs.add_instance(
            instance_name="web-1",
            data_disks=[{"size": 100, "disk_name": "data1"}, {"size": 200, "disk_name": "data2"}],
        )
        system, data1, data2 = (d.disk_id for d in ecs.disks_of(inst.instance_id))
        loose = ecs.add_disk(status="Available", size=20, disk_name="loose").disk_id
        twin_a = ecs.add_disk(status="Available", size=20, disk_name="twin").disk_id
        twin_b = ecs.add_disk(status="Available", size=20, disk_name="twin").disk_id
        yield World(ecs, inst.instance_id, system, data1, data2, loose, (twin_a, twin_b))


def sdk_client(
    ecs: LocalEcs, *, access_key_id: str = AK, secret: str = SECRET, read_timeout_ms: int = 5000
) -> Client:
    """The real SDK client pointed at ``ecs`` over plain HTTP."""
    config = Config(
        access_key_id=access_key_id,
        access_key_secret=secret,
        endpoint=ecs.endpoint,
        protocol="http",
        region_id=REGION,
        read_timeout=read_timeout_ms,
        connect_timeout=2000,
    )
    return Client(config)


def helper_env(endpoint: str, **extra: str) -> dict[str, str]:
    """The helper's environment: this process's, minus any Alibaba settings, plus static test credentials."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALICLOUD", "ALIBABA", "CDKTF_ECS"))}
    env.update(
        ALICLOUD_ACCESS_KEY=AK,
        ALICLOUD_SECRET_KEY=SECRET,
        ALICLOUD_REGION=REGION,
        ALICLOUD_ECS_ENDPOINT=endpoint,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED="true",
        CDKTF_ECS_SNAPSHOT_MAX_RETRY_SECONDS="3",
    )
    env.update(extra)
    return env


def run_helper(
    endpoint: str,
    operation: str,
    query: Mapping[str, Any] | str,
    *,
    env: Mapping[str, str] | None = None,
    args: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cdktf_ecs_snapshot.ecs_external <operation>`` with ``query`` on stdin."""
    stdin = query if isinstance(query, str) else json.dumps(query)
    argv = [
        sys.executable,
        "-m",
        "cdktf_ecs_snapshot.ecs_external",
        *(args if args is not None else [operation]),
    ]
    proc = subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(env) if env is not None else helper_env(endpoint),
        timeout=60,
        check=False,
    )
    HELPER_RUNS.append((proc.stdout, proc.stderr))
    return proc


def result_of(proc: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """The helper's stdout parsed, after checking it succeeded."""
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert all(isinstance(v, str) for v in data.values())
    return dict(data)
