"""Disk and instance actions, seeding, the state file and the ``serve`` command of the local endpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from alibabacloud_ecs20140526 import models
from alibabacloud_tea_openapi.exceptions import ClientException
from ecs_fixtures import AK, REGION, SECRET, World, local_world, sdk_client

from cdktf_ecs_snapshot.local_ecs import LocalEcs


def _disks(world: World, **fields: Any) -> Any:
    return sdk_client(world.ecs).describe_disks(models.DescribeDisksRequest(region_id=REGION, **fields)).body


def test_describe_disks_by_instance_and_type() -> None:
    with local_world() as world:
        body = _disks(world, instance_id=world.instance_id, disk_type="system")
    disk = body.disks.disk[0]
    assert (body.total_count, disk.disk_id, disk.type, disk.status, disk.device) == (
        1,
        world.system_disk,
        "system",
        "In_use",
        "/dev/xvda",
    )


def test_describe_disks_by_ids_json_array() -> None:
    with local_world() as world:
        body = _disks(world, disk_ids=json.dumps([world.data1, world.loose_disk]))
    assert sorted(d.disk_id for d in body.disks.disk) == sorted([world.data1, world.loose_disk])


def test_describe_disks_filters_by_name_zone_and_status() -> None:
    with local_world() as world:
        named = _disks(world, disk_name="twin", zone_id=f"{REGION}-i", status="Available")
        elsewhere = _disks(world, disk_name="twin", zone_id=f"{REGION}-b")
    assert (named.total_count, elsewhere.total_count) == (2, 0)


def test_describe_disks_pages_by_next_token() -> None:
    with local_world() as world:
        first = _disks(world, max_results=4)
        second = _disks(world, max_results=4, next_token=first.next_token)
    assert (len(first.disks.disk), len(second.disks.disk), second.next_token) == (4, 2, "")


def test_describe_disks_without_region_is_missing_region() -> None:
    with local_world() as world, pytest.raises(ClientException) as caught:
        sdk_client(world.ecs).describe_disks(models.DescribeDisksRequest())
    assert caught.value.code == "MissingRegionId"


def test_describe_instances_pages_by_page_number() -> None:
    with local_world() as world:
        for _ in range(4):
            world.ecs.add_instance()
        client = sdk_client(world.ecs)
        pages = [
            client.describe_instances(
                models.DescribeInstancesRequest(region_id=REGION, page_number=n, page_size=2)
            ).body
            for n in (1, 2, 3)
        ]
    assert [len(p.instances.instance) for p in pages] == [2, 2, 1]
    assert pages[0].total_count == 5


def test_create_attach_detach_delete_disk_lifecycle() -> None:
    with local_world() as world:
        client = sdk_client(world.ecs)
        created = client.create_disk(
            models.CreateDiskRequest(
                region_id=REGION,
                zone_id=f"{REGION}-i",
                disk_category="cloud_essd",
                size=50,
                disk_name="scratch",
                tag=[models.CreateDiskRequestTag(key="k", value="v")],
            )
        )
        disk_id = created.body.disk_id
        client.attach_disk(models.AttachDiskRequest(instance_id=world.instance_id, disk_id=disk_id))
        attached = _disks(world, disk_ids=f'["{disk_id}"]').disks.disk[0]
        client.detach_disk(models.DetachDiskRequest(instance_id=world.instance_id, disk_id=disk_id))
        detached = _disks(world, disk_ids=f'["{disk_id}"]').disks.disk[0]
        client.delete_disk(models.DeleteDiskRequest(disk_id=disk_id))
        gone = _disks(world, disk_ids=f'["{disk_id}"]').total_count
    assert (attached.status, attached.instance_id, attached.device) == (
        "In_use",
        world.instance_id,
        "/dev/xvdd",
    )
    assert (detached.status, detached.instance_id, gone) == ("Available", "", 0)


def test_create_disk_from_snapshot_marks_snapshot_used() -> None:
    with local_world() as world:
        snap = world.ecs.add_snapshot(world.data1)
        request = models.CreateDiskRequest(
            region_id=REGION, zone_id=f"{REGION}-i", disk_category="cloud_essd", snapshot_id=snap.snapshot_id
        )
        disk_id = sdk_client(world.ecs).create_disk(request).body.disk_id
        disk = _disks(world, disk_ids=f'["{disk_id}"]').disks.disk[0]
    assert (disk.size, disk.source_snapshot_id, snap.usage) == (100, snap.snapshot_id, "disk")


def test_delete_disk_in_use_is_refused() -> None:
    with local_world() as world, pytest.raises(ClientException) as caught:
        sdk_client(world.ecs).delete_disk(models.DeleteDiskRequest(disk_id=world.data1))
    assert caught.value.code == "IncorrectDiskStatus"


def test_detach_system_disk_is_refused() -> None:
    with local_world() as world, pytest.raises(ClientException) as caught:
        request = models.DetachDiskRequest(instance_id=world.instance_id, disk_id=world.system_disk)
        sdk_client(world.ecs).detach_disk(request)
    assert caught.value.code == "IncorrectDiskType"


def test_seed_document_with_count_creates_many_snapshots() -> None:
    seed = {
        "instances": [
            {"instance_id": "i-seed000000000000001", "disks": [{"disk_id": "d-seed0000000000001"}]}
        ],
        "snapshots": [
            {
                "source_disk_id": "d-seed0000000000001",
                "snapshot_name": "n",
                "count": 250,
                "creation_time": "2026-01-01T00:00:00Z",
            }
        ],
    }
    ecs = LocalEcs(state=seed)
    newest = max(ecs.store.snapshots.values(), key=lambda s: s.creation_time)
    assert (len(ecs.store.snapshots), newest.snapshot_name, ecs.store.disks["d-seed0000000000001"].type) == (
        250,
        "n-250",
        "data",
    )


def test_state_file_survives_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    with LocalEcs(access_key_id=AK, access_key_secret=SECRET, state_file=state) as ecs:
        inst = ecs.add_instance()
        disk_id = ecs.disks_of(inst.instance_id)[0].disk_id
        request = models.CreateSnapshotRequest(disk_id=disk_id, snapshot_name="kept", retention_days=3)
        snapshot_id = sdk_client(ecs).create_snapshot(request).body.snapshot_id
    with LocalEcs(access_key_id=AK, access_key_secret=SECRET, state_file=state) as again:
        body = (
            sdk_client(again)
            .describe_snapshots(
                models.DescribeSnapshotsRequest(region_id=REGION, snapshot_ids=f'["{snapshot_id}"]')
            )
            .body
        )
    snap = body.snapshots.snapshot[0]
    assert (snap.snapshot_name, snap.retention_days, snap.status) == ("kept", 3, "accomplished")
    assert not list(tmp_path.glob("*.tmp"))


def test_serve_command_prints_endpoint_and_serves(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"disks": [{"disk_id": "d-cli000000000000001", "status": "Available"}]}))
    env = {**os.environ, "LOCAL_ECS_ACCESS_KEY_SECRET": SECRET}
    argv = [
        sys.executable,
        "-m",
        "cdktf_ecs_snapshot.local_ecs",
        "serve",
        "--port",
        "0",
        "--access-key-id",
        AK,
        "--seed",
        str(seed),
    ]
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            endpoint = line.split()[3]
            with urllib.request.urlopen(f"http://{endpoint}/__control/state", timeout=5) as reply:
                state = json.loads(reply.read())
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    assert proc.returncode == 0
    assert line.startswith("local-ecs listening on 127.0.0.1:") and line.endswith(f"region {REGION}")
    assert [d["disk_id"] for d in state["disks"]] == ["d-cli000000000000001"]


def test_serve_command_without_secret_env_exits_2() -> None:
    env = {k: v for k, v in os.environ.items() if k != "LOCAL_ECS_ACCESS_KEY_SECRET"}
    argv = [sys.executable, "-m", "cdktf_ecs_snapshot.local_ecs", "serve", "--access-key-id", AK]
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30, check=False)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "LOCAL_ECS_ACCESS_KEY_SECRET" in proc.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--host", "0.0.0.0"], "--host must be a loopback address"),
        (["--port", "-1"], "--port must be from 0 to 65535"),
        (["--port", "70000"], "--port must be from 0 to 65535"),
        (["--snapshot-seconds", "-5"], "snapshot_seconds must be"),
        (["--snapshot-seconds", "nan"], "snapshot_seconds must be"),
        (["--fault", '{"kind": "slow", "delay_seconds": 1e308}'], "delay_seconds must be"),
    ],
)
def test_serve_command_bad_values_exit_2_with_one_line(args: list[str], fragment: str) -> None:
    env = {**os.environ, "LOCAL_ECS_ACCESS_KEY_SECRET": "x"}
    argv = [sys.executable, "-m", "cdktf_ecs_snapshot.local_ecs", "serve", "--access-key-id", AK, *args]
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30, check=False)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.count("\n") == 1 and fragment in proc.stderr


@pytest.mark.parametrize(
    ("seed", "fragment"),
    [
        ("[1, 2]", "a seed must be a JSON object; got a JSON list"),
        ('{"snapshots": [{"source_disk_id": "d-x", "count": 1e9}]}', "count must be an integer from 1 to 100000"),
        ('{"instances": "x"}', "seed instances must be a JSON array"),
    ],
)
def test_serve_command_bad_seed_exits_2_with_one_line(tmp_path: Path, seed: str, fragment: str) -> None:
    path = tmp_path / "seed.json"
    path.write_text(seed)
    env = {**os.environ, "LOCAL_ECS_ACCESS_KEY_SECRET": "x"}
    argv = [sys.executable, "-m", "cdktf_ecs_snapshot.local_ecs", "serve", "--access-key-id", AK, "--seed", str(path)]
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30, check=False)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.count("\n") == 1 and fragment in proc.stderr


def test_local_ecs_refuses_non_loopback_host() -> None:
    with pytest.raises(ValueError, match="loopback"):
        LocalEcs(host="0.0.0.0")
