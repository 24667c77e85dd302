"""Snapshot actions of the local endpoint through the real SDK: shapes, lifecycle, rules, paging."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from alibabacloud_ecs20140526 import models
from alibabacloud_tea_openapi.exceptions import ClientException
from ecs_fixtures import REGION, World, local_world, sdk_client

Tag = models.CreateSnapshotRequestTag


def _create(world: World, **fields: Any) -> str:
    fields.setdefault("disk_id", world.data1)
    body = sdk_client(world.ecs).create_snapshot(models.CreateSnapshotRequest(**fields)).body
    return str(body.snapshot_id)


def _describe(world: World, **fields: Any) -> Any:
    request = models.DescribeSnapshotsRequest(region_id=REGION, **fields)
    return sdk_client(world.ecs).describe_snapshots(request).body


def _create_error(world: World, **fields: Any) -> ClientException:
    with pytest.raises(ClientException) as caught:
        _create(world, **fields)
    return caught.value


def test_create_snapshot_returns_real_looking_id() -> None:
    with local_world() as world:
        snapshot_id = _create(world, snapshot_name="nightly")
    assert re.fullmatch(r"s-[a-z0-9]{20}", snapshot_id)


def test_describe_snapshots_has_every_documented_field() -> None:
    with local_world() as world:
        snapshot_id = _create(
            world,
            snapshot_name="nightly",
            description="db disk",
            retention_days=7,
            category="standard",
            tag=[Tag(key="team", value="infra")],
        )
        snap = _describe(world, snapshot_ids=f'["{snapshot_id}"]').snapshots.snapshot[0]
    assert (snap.snapshot_name, snap.description, snap.retention_days, snap.source_disk_id) == (
        "nightly",
        "db disk",
        7,
        world.data1,
    )
    assert (snap.status, snap.progress, snap.snapshot_type, snap.region_id) == (
        "accomplished",
        "100%",
        "user",
        REGION,
    )
    assert (snap.source_disk_type, snap.source_disk_size, snap.category) == ("Data", "100", "standard")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", snap.creation_time)
    assert [(t.tag_key, t.tag_value) for t in snap.tags.tag] == [("team", "infra")]


def test_snapshot_progressing_until_configured_delay_passes() -> None:
    with local_world(snapshot_seconds=0.6) as world:
        snapshot_id = _create(world)
        first = _describe(world, snapshot_ids=f'["{snapshot_id}"]').snapshots.snapshot[0].status
        time.sleep(0.7)
        later = _describe(world, snapshot_ids=f'["{snapshot_id}"]').snapshots.snapshot[0].status
    assert (first, later) == ("progressing", "accomplished")


def test_create_snapshot_while_another_progressing_is_refused() -> None:
    with local_world(snapshot_seconds=30) as world:
        _create(world)
        error = _create_error(world)
    assert (error.code, error.status_code) == ("IncorrectDiskStatus.CreatingSnapshot", 403)


def test_create_snapshot_missing_disk_is_not_found() -> None:
    with local_world() as world:
        error = _create_error(world, disk_id="d-doesnotexist0000000")
    assert (error.code, error.status_code) == ("InvalidDiskId.NotFound", 404)


def test_create_snapshot_quota_of_256_manual_snapshots() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 255)
        _create(world)
        error = _create_error(world)
    assert error.code == "QuotaExceed.Snapshot"


def test_create_snapshot_auto_snapshots_do_not_count_toward_quota() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 256, snapshot_type="auto")
        assert _create(world).startswith("s-")


def test_create_snapshot_disk_in_wrong_status_is_refused() -> None:
    with local_world() as world:
        world.ecs.store.disks[world.data1].status = "ReIniting"
        error = _create_error(world)
    assert error.code == "IncorrectDiskStatus"


def test_create_snapshot_never_attached_disk_is_refused() -> None:
    with local_world() as world:
        fresh = world.ecs.add_disk(status="Available", attached_time=0.0).disk_id
        error = _create_error(world, disk_id=fresh)
    assert error.code == "IncorrectDiskStatus.NeverAttached"


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("a", False),
        ("ab", True),
        ("a" * 128, True),
        ("a" * 129, False),
        ("1abc", False),
        ("autosnap", False),
        ("nightly:db_1.v-2", True),
        ("has space", False),
        ("数据盘", True),
    ],
)
def test_create_snapshot_name_rule(name: str, ok: bool) -> None:
    with local_world() as world:
        if ok:
            assert _create(world, snapshot_name=name).startswith("s-")
        else:
            assert _create_error(world, snapshot_name=name).code == "InvalidSnapshotName.Malformed"


@pytest.mark.parametrize(
    ("description", "ok"),
    [
        ("x", False),
        ("xy", True),
        ("x" * 256, True),
        ("x" * 257, False),
        ("http://x", False),
        ("https://x", False),
    ],
)
def test_create_snapshot_description_rule(description: str, ok: bool) -> None:
    with local_world() as world:
        if ok:
            assert _create(world, description=description).startswith("s-")
        else:
            assert _create_error(world, description=description).code == "InvalidDescription.Malformed"


@pytest.mark.parametrize(("days", "ok"), [(0, False), (1, True), (65536, True), (65537, False)])
def test_create_snapshot_retention_days_rule(days: int, ok: bool) -> None:
    with local_world() as world:
        if ok:
            assert _create(world, retention_days=days).startswith("s-")
        else:
            assert _create_error(world, retention_days=days).code == "InvalidRetentionDays.Malformed"


@pytest.mark.parametrize(
    ("tags", "code"),
    [
        ([Tag(key="acs:x", value="v")], "InvalidTagKey.Malformed"),
        ([Tag(key="aliyunx", value="v")], "InvalidTagKey.Malformed"),
        ([Tag(key="k" * 129, value="v")], "InvalidTagKey.Malformed"),
        ([Tag(key="k", value="v" * 129)], "InvalidTagValue.Malformed"),
        ([Tag(key="k", value="https://x")], "InvalidTagValue.Malformed"),
        ([Tag(key="k", value="a"), Tag(key="k", value="b")], "Duplicate.TagKey"),
        ([Tag(key=f"k{i}", value="v") for i in range(21)], "InvalidTagCount"),
    ],
)
def test_create_snapshot_tag_rule(tags: list[Any], code: str) -> None:
    with local_world() as world:
        assert _create_error(world, tag=tags).code == code


def test_create_snapshot_client_token_is_idempotent() -> None:
    with local_world() as world:
        first = _create(world, client_token="tok-1")
        second = _create(world, client_token="tok-1")
        count = _describe(world, disk_id=world.data1).total_count
    assert (first == second, count) == (True, 1)


def test_describe_snapshots_pages_250_by_page_number() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 250)
        ids: list[str] = []
        for page in range(1, 4):
            body = _describe(world, disk_id=world.data1, page_number=page, page_size=100)
            ids += [s.snapshot_id for s in body.snapshots.snapshot]
    assert (body.total_count, len(ids), len(set(ids))) == (250, 250, 250)


def test_describe_snapshots_pages_250_by_next_token_newest_first() -> None:
    with local_world() as world:
        world.ecs.add_snapshots(world.data1, 250)
        names: list[str] = []
        token = None
        while True:
            body = _describe(world, disk_id=world.data1, max_results=100, next_token=token)
            names += [s.snapshot_name for s in body.snapshots.snapshot]
            token = body.next_token
            if not token:
                break
    assert (len(names), names[0], names[-1]) == (250, "snapshot-250", "snapshot-1")


def test_describe_snapshots_filters_by_tag_type_and_status() -> None:
    with local_world() as world:
        world.ecs.add_snapshot(world.data1, snapshot_name="tagged", tags={"team": "infra"})
        world.ecs.add_snapshot(world.data1, snapshot_name="auto1", snapshot_type="auto")
        world.ecs.add_snapshot(world.data1, snapshot_name="failed1", status="failed")
        tagged = _describe(world, tag=[models.DescribeSnapshotsRequestTag(key="team", value="infra")])
        auto = _describe(world, snapshot_type="auto")
        failed = _describe(world, status="failed")
    names = [[s.snapshot_name for s in b.snapshots.snapshot] for b in (tagged, auto, failed)]
    assert names == [["tagged"], ["auto1"], ["failed1"]]


def test_delete_snapshot_removes_it() -> None:
    with local_world() as world:
        snapshot_id = _create(world)
        sdk_client(world.ecs).delete_snapshot(models.DeleteSnapshotRequest(snapshot_id=snapshot_id))
        assert _describe(world, snapshot_ids=f'["{snapshot_id}"]').total_count == 0


def test_delete_snapshot_unknown_is_not_found() -> None:
    with local_world() as world, pytest.raises(ClientException) as caught:
        sdk_client(world.ecs).delete_snapshot(models.DeleteSnapshotRequest(snapshot_id="s-nope"))
    assert caught.value.code == "InvalidSnapshotId.NotFound"


def test_delete_snapshot_used_by_disk_needs_force() -> None:
    with local_world() as world:
        snap = world.ecs.add_snapshot(world.data1, usage="disk")
        client = sdk_client(world.ecs)
        with pytest.raises(ClientException) as caught:
            client.delete_snapshot(models.DeleteSnapshotRequest(snapshot_id=snap.snapshot_id))
        client.delete_snapshot(models.DeleteSnapshotRequest(snapshot_id=snap.snapshot_id, force=True))
        assert caught.value.code == "SnapshotCreatedDisk"
        assert snap.snapshot_id not in world.ecs.store.snapshots


def test_modify_snapshot_extends_retention_and_renames() -> None:
    with local_world() as world:
        snapshot_id = _create(world, retention_days=7)
        request = models.ModifySnapshotAttributeRequest(
            snapshot_id=snapshot_id, retention_days=30, snapshot_name="renamed", description=""
        )
        sdk_client(world.ecs).modify_snapshot_attribute(request)
        snap = _describe(world, snapshot_ids=f'["{snapshot_id}"]').snapshots.snapshot[0]
    assert (snap.retention_days, snap.snapshot_name) == (30, "renamed")


def test_modify_snapshot_shortening_retention_is_refused() -> None:
    with local_world() as world:
        snapshot_id = _create(world, retention_days=30)
        with pytest.raises(ClientException) as caught:
            request = models.ModifySnapshotAttributeRequest(snapshot_id=snapshot_id, retention_days=7)
            sdk_client(world.ecs).modify_snapshot_attribute(request)
    assert caught.value.code == "InvalidRetentionDays.Malformed"


def test_join_resource_group_moves_snapshot() -> None:
    with local_world() as world:
        snapshot_id = _create(world)
        request = models.JoinResourceGroupRequest(
            region_id=REGION,
            resource_id=snapshot_id,
            resource_group_id="rg-aek2abc",
            resource_type="snapshot",
        )
        sdk_client(world.ecs).join_resource_group(request)
        assert _describe(world, snapshot_ids=f'["{snapshot_id}"]').snapshots.snapshot[
            0
        ].resource_group_id == ("rg-aek2abc")


def test_tag_and_untag_resources_update_snapshot_tags() -> None:
    with local_world() as world:
        snapshot_id = _create(world, tag=[Tag(key="old", value="1")])
        client = sdk_client(world.ecs)
        client.untag_resources(
            models.UntagResourcesRequest(
                region_id=REGION, resource_type="snapshot", resource_id=[snapshot_id], tag_key=["old"]
            )
        )
        client.tag_resources(
            models.TagResourcesRequest(
                region_id=REGION,
                resource_type="snapshot",
                resource_id=[snapshot_id],
                tag=[models.TagResourcesRequestTag(key="new", value="2")],
            )
        )
        tags = _describe(world, snapshot_ids=f'["{snapshot_id}"]').snapshots.snapshot[0].tags.tag
    assert [(t.tag_key, t.tag_value) for t in tags] == [("new", "2")]
