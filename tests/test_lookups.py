"""The external-data lookup constructs: synthesized JSON, then the program run exactly as Terraform runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ecs_fixtures import SECRET, helper_env, local_world

from cdktf_ecs_snapshot import (
    DiskLookup,
    EcsSnapshot,
    LatestSnapshotLookup,
    SnapshotPreflight,
    ValidationError,
)

_RESULT_REF = re.compile(r'^\$\{data\.external\.([A-Za-z0-9_-]+)\.result\["([a-z_]+)"\]\}$')


def _run_like_terraform(
    program: list[str], query: dict[str, str], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run argv (looked up on PATH, no shell) with the query as a JSON object on stdin, as Terraform does."""
    executable = shutil.which(program[0], path=env.get("PATH"))
    assert executable is not None, f"{program[0]} not on PATH"
    return subprocess.run(
        [executable, *program[1:]],
        input=json.dumps(query),
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def _venv_env(endpoint: str) -> dict[str, str]:
    env = helper_env(endpoint)
    # Terraform would find `python3` on PATH: put this venv's interpreter first, like an activated venv.
    env["PATH"] = f"{Path(os.sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_disk_lookup_synthesizes_external_data_and_snapshot_pair(stack: Any, synth: Any) -> None:
    """A system-disk lookup and a snapshot of it synthesize to a data.external + alicloud_ecs_snapshot pair."""
    disk = DiskLookup(stack, "system-disk", instance_id="i-abc", disk_type="system")
    EcsSnapshot(stack, "s", disk_id=disk.disk_id)
    out = synth(stack)
    assert out["resource"]["alicloud_ecs_snapshot"]["s"]["disk_id"] == (
        '${data.external.system-disk.result["disk_id"]}'
    )
    data = out["data"]["external"]["system-disk"]
    assert data["program"] == ["python3", "-m", "cdktf_ecs_snapshot.ecs_external", "disk"]
    assert data["query"] == {"instance_id": "i-abc", "disk_type": "system"}


def test_disk_lookup_program_has_no_absolute_path(stack: Any, synth: Any) -> None:
    """The program written into the JSON names an interpreter, not this machine's venv path."""
    DiskLookup(stack, "d", disk_id="d-1")
    program = synth(stack)["data"]["external"]["d"]["program"]
    assert not any(part.startswith("/") for part in program)


def test_disk_lookup_interpreter_is_configurable(stack: Any, synth: Any) -> None:
    """interpreter= replaces python3 in the program."""
    DiskLookup(stack, "d", disk_id="d-1", interpreter="python3.11")
    assert synth(stack)["data"]["external"]["d"]["program"][0] == "python3.11"


@pytest.mark.parametrize("key", ["access_key", "secret_key", "security_token", "password"])
def test_lookup_refuses_secret_query_keys(stack: Any, key: str) -> None:
    """A query key that carries a secret is refused before synthesis (the query is plain text in state)."""
    from cdktf_ecs_snapshot.lookups import _Lookup

    class Raw(_Lookup):
        OPERATION = "disk"

    with pytest.raises(ValidationError) as info:
        Raw(
            stack,
            "raw",
            query={"disk_id": "d-1", key: SECRET},
            region=None,
            endpoint=None,
            interpreter=None,
            program=None,
            max_retry_seconds=None,
        )
    assert "refusing" in str(info.value)
    assert SECRET not in str(info.value)


def test_disk_lookup_requires_a_selector(stack: Any) -> None:
    """Without disk_id, instance_id or disk_name the lookup cannot work: error naming the choices."""
    with pytest.raises(ValidationError) as info:
        DiskLookup(stack, "d")
    assert "disk_id, or instance_id with disk_type, or disk_name" in str(info.value)


def test_synthesized_program_finds_the_system_disk(stack: Any, synth: Any, tmp_path: Path) -> None:
    """Run exactly the program and query found in cdk.tf.json against the local endpoint: right disk."""
    with local_world() as world:
        disk = DiskLookup(
            stack, "system-disk", instance_id=world.instance_id, disk_type="system", region="cn-hangzhou"
        )
        SnapshotPreflight(stack, "can-snapshot", disk_id="d-placeholder")
        EcsSnapshot(stack, "system", disk_id=disk.disk_id, snapshot_name="web-system")
        out = synth(stack)
        ref = out["resource"]["alicloud_ecs_snapshot"]["system"]["disk_id"]
        name, key = _RESULT_REF.match(ref).groups()  # type: ignore[union-attr]
        data = out["data"]["external"][name]
        proc = _run_like_terraform(data["program"], data["query"], _venv_env(world.ecs.endpoint), tmp_path)
        assert proc.returncode == 0, proc.stderr
        result = json.loads(proc.stdout)
        assert result[key] == world.system_disk
        assert result["type"] == "system"
        assert all(isinstance(v, str) for v in result.values())
        assert SECRET not in proc.stdout + proc.stderr


def test_synthesized_latest_snapshot_program_returns_newest(stack: Any, synth: Any, tmp_path: Path) -> None:
    """The latest_snapshot lookup's program returns the newest accomplished snapshot of the disk."""
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 3, name_prefix="nightly")
        lookup = LatestSnapshotLookup(stack, "latest", disk_id=world.data1, name_prefix="nightly")
        EcsSnapshot(stack, "copy-source", disk_id=world.data1, description=lookup.snapshot_id)
        out = synth(stack)
        data = out["data"]["external"]["latest"]
        description = out["resource"]["alicloud_ecs_snapshot"]["copy-source"]["description"]
        assert description == '${data.external.latest.result["snapshot_id"]}'
        proc = _run_like_terraform(data["program"], data["query"], _venv_env(world.ecs.endpoint), tmp_path)
        assert proc.returncode == 0, proc.stderr
        result = json.loads(proc.stdout)
        assert result["snapshot_name"] == "nightly-3"
        assert result["source_disk_id"] == world.data1


def test_synthesized_strict_preflight_stops_on_missing_disk(stack: Any, synth: Any, tmp_path: Path) -> None:
    """A strict preflight of a disk that does not exist exits non-zero with empty stdout, like a failed plan."""
    with local_world() as world:
        SnapshotPreflight(stack, "pre", disk_id="d-doesnotexist000000")
        data = synth(stack)["data"]["external"]["pre"]
        proc = _run_like_terraform(data["program"], data["query"], _venv_env(world.ecs.endpoint), tmp_path)
        assert proc.returncode != 0
        assert proc.stdout == ""
        assert "d-doesnotexist000000 does not exist" in proc.stderr


@pytest.mark.parametrize(
    ("kwargs", "attribute"),
    [
        pytest.param({"instance_id": "i-1", "disk_type": "root"}, "query.disk_type", id="disk-type"),
        pytest.param({"instance_id": "i-1"}, "query.instance_id", id="instance-without-type"),
        pytest.param({"disk_id": "d-1", "max_retry_seconds": -5}, "query.max_retry_seconds", id="negative-retry"),
        pytest.param({"disk_id": "d-1", "program": []}, "program", id="empty-program"),
    ],
)
def test_disk_lookup_refuses_what_the_helper_would_refuse_at_plan(stack: Any, kwargs: Any, attribute: str) -> None:
    """Arguments the helper rejects at terraform plan are refused at construction instead."""
    with pytest.raises(ValidationError) as info:
        DiskLookup(stack, "d", **kwargs)
    assert attribute in [f.attribute for f in info.value.findings]


def test_latest_snapshot_lookup_refuses_unknown_status(stack: Any) -> None:
    """status must be one the helper knows."""
    with pytest.raises(ValidationError, match=r"query\.status"):
        LatestSnapshotLookup(stack, "l", disk_id="d-1", status="bogus")


def test_snapshot_preflight_strict_must_be_a_bool(stack: Any) -> None:
    """strict='no' used to mean strict; a non-bool is now refused."""
    with pytest.raises(ValidationError, match="strict"):
        SnapshotPreflight(stack, "p", disk_id="d-1", strict="no")  # type: ignore[arg-type]
