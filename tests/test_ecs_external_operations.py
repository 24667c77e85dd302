"""The helper's operations, run as a real subprocess against the local endpoint."""

from __future__ import annotations

import time

from ecs_fixtures import REGION, local_world, result_of, run_helper


def test_disk_by_id_returns_all_keys() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 3)
        world.ecs.add_snapshot(world.data1, snapshot_type="auto")
        result = result_of(run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1}))
    assert result == {
        "disk_id": world.data1,
        "disk_name": "data1",
        "category": "cloud_essd",
        "size": "100",
        "status": "In_use",
        "zone_id": f"{REGION}-i",
        "region_id": REGION,
        "instance_id": world.instance_id,
        "device": "/dev/xvdb",
        "encrypted": "false",
        "type": "data",
        "manual_snapshot_count": "3",
    }


def test_disk_by_instance_and_system_type() -> None:
    with local_world() as world:
        query = {"instance_id": world.instance_id, "disk_type": "system"}
        result = result_of(run_helper(world.ecs.endpoint, "disk", query))
    assert (result["disk_id"], result["device"]) == (world.system_disk, "/dev/xvda")


def test_disk_by_instance_data_type_and_device() -> None:
    with local_world() as world:
        query = {"instance_id": world.instance_id, "disk_type": "data", "device": "/dev/xvdc"}
        result = result_of(run_helper(world.ecs.endpoint, "disk", query))
    assert result["disk_id"] == world.data2


def test_disk_several_matches_is_an_error_listing_ids() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "disk", {"instance_id": world.instance_id, "disk_type": "data"})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "2 disks match" in proc.stderr and world.data1 in proc.stderr and world.data2 in proc.stderr


def test_disk_by_name_matching_two_disks_is_an_error() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_name": "twin"})
    assert proc.returncode == 1 and all(d in proc.stderr for d in world.twin_disks)


def test_disk_no_match_names_the_search() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_name": "nope", "zone_id": "cn-hangzhou-b"})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "no disk matches disk_name='nope', zone_id='cn-hangzhou-b'" in proc.stderr


def test_latest_snapshot_follows_paging_over_250() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 250)
        result = result_of(run_helper(world.ecs.endpoint, "latest_snapshot", {"disk_id": world.data1}))
        pages = sum(1 for r in world.ecs.requests if r.action == "DescribeSnapshots")
    assert (result["snapshot_name"], result["status"], result["source_disk_id"], pages) == (
        "snapshot-250",
        "accomplished",
        world.data1,
        3,
    )


def test_latest_snapshot_skips_progressing_by_default() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 2)
        world.ecs.add_snapshot(
            world.data1, snapshot_name="busy", status="progressing", creation_time=time.time() + 60
        )
        default = result_of(run_helper(world.ecs.endpoint, "latest_snapshot", {"disk_id": world.data1}))
        any_status = result_of(
            run_helper(world.ecs.endpoint, "latest_snapshot", {"disk_id": world.data1, "status": "all"})
        )
    assert (default["snapshot_name"], any_status["snapshot_name"]) == ("snapshot-2", "busy")


def test_latest_snapshot_filters_by_name_prefix_and_tag() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(
            world.data1, 3, name_prefix="weekly", retention_days=30, tags={"tier": "gold"}
        )
        world.ecs.add_snapshots(world.data1, 2, name_prefix="nightly", tags={"tier": "gold"})
        query = {"disk_id": world.data1, "name_prefix": "weekly", "tag_key": "tier", "tag_value": "gold"}
        result = result_of(run_helper(world.ecs.endpoint, "latest_snapshot", query))
    assert (result["snapshot_name"], result["retention_days"]) == ("weekly-3", "30")


def test_latest_snapshot_none_is_an_error() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "latest_snapshot", {"disk_id": world.data2})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert f"disk_id='{world.data2}'" in proc.stderr


def test_latest_snapshot_optional_gives_empty_values() -> None:
    with local_world() as world:
        query = {"disk_id": world.data2, "optional": "true"}
        result = result_of(run_helper(world.ecs.endpoint, "latest_snapshot", query))
    assert set(result.values()) == {""} and "snapshot_id" in result


def test_preflight_ok_for_in_use_disk() -> None:
    with local_world() as world:
        result = result_of(run_helper(world.ecs.endpoint, "preflight", {"disk_id": world.data1}))
    assert result == {
        "ok": "true",
        "reasons": "",
        "message": "",
        "manual_snapshot_count": "0",
        "progressing_count": "0",
        "disk_status": "In_use",
    }


def test_preflight_reports_progressing_and_quota() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 256)
        world.ecs.add_snapshot(world.data1, status="progressing")
        result = result_of(run_helper(world.ecs.endpoint, "preflight", {"disk_id": world.data1}))
    assert (result["ok"], result["reasons"]) == ("false", "snapshot_in_progress,quota_reached")
    assert (result["manual_snapshot_count"], result["progressing_count"]) == ("257", "1")


def test_preflight_reports_disk_status() -> None:
    with local_world() as world:
        world.ecs.store.disks[world.data1].status = "Attaching"
        result = result_of(run_helper(world.ecs.endpoint, "preflight", {"disk_id": world.data1}))
    assert (result["ok"], result["reasons"], result["disk_status"]) == ("false", "disk_status", "Attaching")


def test_preflight_missing_disk_is_not_ok() -> None:
    with local_world() as world:
        result = result_of(run_helper(world.ecs.endpoint, "preflight", {"disk_id": "d-gone000000000000000"}))
    assert (result["ok"], result["reasons"], result["disk_status"]) == ("false", "disk_not_found", "")


def test_preflight_strict_fails_with_reasons_on_stderr() -> None:
    with local_world() as world:
        world.ecs.add_snapshot(world.data1, status="progressing")
        proc = run_helper(world.ecs.endpoint, "preflight", {"disk_id": world.data1, "strict": "true"})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "still progressing" in proc.stderr


def test_helper_makes_only_read_calls() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 2)
        for operation, query in (
            ("disk", {"disk_id": world.data1}),
            ("latest_snapshot", {"disk_id": world.data1}),
            ("preflight", {"disk_id": world.data1}),
        ):
            result_of(run_helper(world.ecs.endpoint, operation, query))
        actions = {r.action for r in world.ecs.requests}
    assert actions == {"DescribeDisks", "DescribeSnapshots"}
