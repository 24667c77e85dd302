"""Fixtures for driving REAL Terraform against the provider double and the local ECS endpoint.

Cost model: every Terraform command launches the Python provider several times (~0.65 s each), so tests share
one session-wide mirror, one local ECS endpoint and one ``terraform init`` per provider version (the
``.terraform`` folder is copied into each workspace instead of re-running init), and combine steps per apply.

Import the fixtures into a test module with ``from terraform_fixtures import *  # noqa: F403``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot.rehearsal import (
    REHEARSAL_ACCESS_KEY,
    REHEARSAL_REGION,
    REHEARSAL_SECRET,
    Mirror,
    write_mirror,
)

__all__ = [
    "DATA_DISK",
    "INSTANCE",
    "LOOSE_DISK",
    "TIMINGS",
    "Workspace",
    "ecs_endpoint",
    "needs_terraform",
    "rehearsal_mirror",
    "stack_doc",
    "workspace",
]

TERRAFORM = shutil.which("terraform")
needs_terraform = pytest.mark.skipif(TERRAFORM is None, reason="terraform is not on PATH (needed to drive the double)")

INSTANCE = "i-bp1rehearsal0000001"
DATA_DISK = "d-bp1rehearsaldata001"
DATA_DISK_2 = "d-bp1rehearsaldata002"
LOOSE_DISK = "d-bp1rehearsalloose01"
ZONE = "cn-hangzhou-i"
SEED: dict[str, Any] = {
    "region_id": REHEARSAL_REGION,
    "instances": [
        {
            "instance_id": INSTANCE,
            "zone_id": ZONE,
            "disks": [
                {"disk_id": "d-bp1rehearsalsys0001", "type": "system", "size": 40, "category": "cloud_essd"},
                {"disk_id": DATA_DISK, "type": "data", "size": 100, "disk_name": "data1"},
                {"disk_id": DATA_DISK_2, "type": "data", "size": 50, "disk_name": "data2"},
            ],
        }
    ],
    "disks": [{"disk_id": LOOSE_DISK, "status": "Available", "size": 20, "zone_id": ZONE}],
}

#: (command, seconds, label) of every Terraform run in the session, for the timing report.
TIMINGS: list[tuple[str, float, str]] = []


@pytest.fixture(scope="session")
def rehearsal_mirror(tmp_path_factory: pytest.TempPathFactory) -> Mirror:
    """The provider mirror + CLI config, written once per session."""
    return write_mirror(tmp_path_factory.mktemp("rehearsal"))


@pytest.fixture(scope="session")
def ecs_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One local ECS endpoint for the session (in-process, real wire protocol), seeded with one instance."""
    from cdktf_ecs_snapshot.local_ecs import LocalEcs

    with LocalEcs(
        access_key_id=REHEARSAL_ACCESS_KEY, access_key_secret=REHEARSAL_SECRET, region_id=REHEARSAL_REGION, state=SEED
    ) as ecs:
        yield ecs
    summary = tmp_path_factory.getbasetemp() / "terraform-timings.json"
    summary.write_text(json.dumps(TIMINGS, indent=1), encoding="utf-8")


def stack_doc(resources: dict[str, Any] | None = None, version: str = "1.289.0", **extra: Any) -> dict[str, Any]:
    """A hand-written Terraform JSON stack using the alicloud provider at an exact version."""
    doc: dict[str, Any] = {
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": version}}},
        "provider": {"alicloud": [{"region": REHEARSAL_REGION}]},
    }
    if resources:
        doc["resource"] = resources
    doc.update(extra)
    return doc


@dataclass
class Workspace:
    """A Terraform working directory wired to the mirror and the endpoint."""

    path: Path
    env: dict[str, str]
    log: list[str] = field(default_factory=list)

    def write(self, doc: dict[str, Any], name: str = "main.tf.json") -> None:
        (self.path / name).write_text(json.dumps(doc, indent=1), encoding="utf-8")

    def run(self, *args: str, check: bool = True, label: str = "") -> subprocess.CompletedProcess[str]:
        assert TERRAFORM is not None
        started = time.perf_counter()
        proc = subprocess.run(
            [TERRAFORM, *args, "-no-color"] if args[0] not in ("version",) else [TERRAFORM, *args],
            cwd=self.path,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        TIMINGS.append((args[0], time.perf_counter() - started, label))
        self.log.append(f"$ terraform {' '.join(args)}\n{proc.stdout}{proc.stderr}")
        if check and proc.returncode not in (0, 2):
            raise AssertionError(
                f"terraform {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
            )
        return proc

    def apply(self, label: str = "") -> subprocess.CompletedProcess[str]:
        return self.run("apply", "-auto-approve", "-input=false", label=label)

    def plan(self, *extra: str, check: bool = True, label: str = "") -> subprocess.CompletedProcess[str]:
        return self.run("plan", "-input=false", "-detailed-exitcode", *extra, check=check, label=label)

    def state(self) -> dict[str, Any]:
        path = self.path / "terraform.tfstate"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def attributes(self, address: str) -> dict[str, Any]:
        kind, name = address.split(".", 1)
        for resource in self.state().get("resources", []):
            if resource["type"] == kind and resource["name"] == name:
                return resource["instances"][0]["attributes"]  # type: ignore[no-any-return]
        raise KeyError(address)


_INIT_CACHE: dict[str, Path] = {}


def _env(mirror: Mirror, endpoint: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "ALICLOUD_", "ALIBABA"))}
    env.update(
        {
            "TF_CLI_CONFIG_FILE": str(mirror.terraformrc),
            "CHECKPOINT_DISABLE": "1",
            "TF_IN_AUTOMATION": "1",
            "ALICLOUD_ACCESS_KEY": REHEARSAL_ACCESS_KEY,
            "ALICLOUD_SECRET_KEY": REHEARSAL_SECRET,
            "ALICLOUD_ECS_ENDPOINT": endpoint,
            "ALICLOUD_REGION": REHEARSAL_REGION,
        }
    )
    return env


@pytest.fixture
def workspace(
    tmp_path: Path, rehearsal_mirror: Mirror, ecs_endpoint: Any, tmp_path_factory: pytest.TempPathFactory
) -> Any:
    """``workspace(doc)``: a fresh directory with ``doc`` written and ``terraform init`` done (cached per version)."""
    if TERRAFORM is None:
        pytest.skip("terraform is not on PATH (needed to drive the double)")
    env = _env(rehearsal_mirror, ecs_endpoint.endpoint)
    made: list[Workspace] = []

    def make(doc: dict[str, Any], name: str = "ws") -> Workspace:
        path = tmp_path / name
        path.mkdir()
        ws = Workspace(path, env)
        ws.write(doc)
        providers = json.dumps(doc.get("terraform", {}).get("required_providers", {}), sort_keys=True)
        cached = _INIT_CACHE.get(providers)
        if cached is None:
            init_dir = tmp_path_factory.mktemp("init")
            (init_dir / "main.tf.json").write_text(json.dumps({"terraform": doc["terraform"]}), encoding="utf-8")
            Workspace(init_dir, env).run("init", "-input=false", "-backend=false", label="init")
            _INIT_CACHE[providers] = cached = init_dir
        shutil.copytree(cached / ".terraform", path / ".terraform", symlinks=True)
        shutil.copy(cached / ".terraform.lock.hcl", path / ".terraform.lock.hcl")
        made.append(ws)
        return ws

    yield make
    for ws in made:  # leave ECS clean for the next test: destroy what the test created
        if ws.state().get("resources"):
            ws.run("destroy", "-auto-approve", "-input=false", check=False, label="destroy")
