"""Tests for cdktf_ecs_snapshot.importer against the local ECS endpoint (real SDK wire protocol)."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from cdktf_ecs_snapshot.importer import add_arguments, logical_ids, run
from cdktf_ecs_snapshot.local_ecs import LocalEcs

AK, SECRET = "LTAI5tImporterKey01", "importer-secret-value-42"


@pytest.fixture
def ecs() -> Iterator[LocalEcs]:
    with LocalEcs(access_key_id=AK, access_key_secret=SECRET) as local:
        yield local


def _import(ecs: LocalEcs, *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    env = {
        "ALICLOUD_ACCESS_KEY": AK,
        "ALICLOUD_SECRET_KEY": SECRET,
        "ALICLOUD_REGION": "cn-hangzhou",
        "ALICLOUD_ECS_ENDPOINT": ecs.endpoint,
    }
    out, err = io.StringIO(), io.StringIO()
    code = run(parser.parse_args(list(argv)), stdout=out, stderr=err, env=env)
    return code, out.getvalue(), err.getvalue()


def _synth_generated(cdk: Any, code: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "generated"}
    exec(compile(code, "generated.py", "exec"), namespace)
    stack = namespace["ImportedSnapshots"](cdk.Testing.app(), "imported")
    result: dict[str, Any] = json.loads(cdk.Testing.synth(stack))
    return result


def _read_back(snap: Any) -> dict[str, object]:
    """What the provider reads back on import (reference §2), for a LocalEcs snapshot."""
    out: dict[str, object] = {"disk_id": snap.source_disk_id, "category": snap.category}
    for key in ("snapshot_name", "description", "resource_group_id"):
        if getattr(snap, key):
            out[key] = getattr(snap, key)
    if snap.retention_days:
        out["retention_days"] = snap.retention_days
    tags = {k: v for k, v in snap.tags.items() if not k.startswith(("aliyun", "acs:", "http://", "https://"))}
    if tags:
        out["tags"] = tags
    return out


def _round_trip(cdk: Any, ecs: LocalEcs, snaps: list[Any], code: str) -> None:
    synthesized = _synth_generated(cdk, code)
    resources = synthesized.get("resource", {}).get("alicloud_ecs_snapshot", {})
    imports = {block["id"]: block["to"] for block in synthesized.get("import", [])}
    assert len(resources) == len(imports) == len(snaps)
    for snap in snaps:
        name = imports[snap.snapshot_id].removeprefix("alicloud_ecs_snapshot.")
        assert resources[name] == _read_back(snap), snap.snapshot_id


def test_importer_zero_snapshots_gives_empty_stack(cdk: Any, ecs: LocalEcs) -> None:
    """A disk without snapshots gives a stack that synthesizes with no snapshot."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    code, out, _ = _import(ecs, "--disk", disk.disk_id)
    assert code == 0
    assert "resource" not in _synth_generated(cdk, out) or not _synth_generated(cdk, out)["resource"].get(
        "alicloud_ecs_snapshot"
    )


def test_importer_one_snapshot_round_trips(cdk: Any, ecs: LocalEcs) -> None:
    """One snapshot with every argument: the generated code synthesizes to exactly what the provider reads."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    snap = ecs.add_snapshot(
        disk.disk_id,
        snapshot_name="nightly.data",
        description="nightly backup",
        retention_days=30,
        resource_group_id="rg-acfm0001",
        tags={"Env": "prod", "acs:rm:rgId": "rg-x", "aliyun-managed": "1"},
    )
    code, out, _ = _import(ecs, "--snapshot", snap.snapshot_id)
    assert code == 0
    _round_trip(cdk, ecs, [snap], out)


def test_importer_never_writes_force_instant_access_or_name(ecs: LocalEcs) -> None:
    """force, instant_access* and the deprecated name are never written."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    ecs.add_snapshot(disk.disk_id, snapshot_name="named", instant_access=True)
    code, out, _ = _import(ecs, "--disk", disk.disk_id)
    assert code == 0
    assert not any(f"{word}=" in out for word in ("force", "instant_access", " name"))


def test_importer_250_snapshots_pages_and_round_trips(cdk: Any, ecs: LocalEcs) -> None:
    """250 snapshots need three DescribeSnapshots pages; all are written and synthesize correctly."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    snaps = ecs.add_snapshots(disk.disk_id, 250, name_prefix="daily", retention_days=30)
    ecs.clear_requests()
    code, out, err = _import(ecs, "--disk", disk.disk_id)
    assert code == 0
    pages = [r for r in ecs.requests if r.action == "DescribeSnapshots"]
    assert len(pages) == 3
    assert "import: listed 100 snapshots..." in err
    _round_trip(cdk, ecs, snaps, out)


def test_importer_instance_selects_snapshots_of_all_its_disks(ecs: LocalEcs) -> None:
    """--instance lists the snapshots of every disk of the instance (via DescribeDisks)."""
    instance = ecs.add_instance(data_disks=[{"size": 40}])
    system, data = ecs.disks_of(instance.instance_id)
    wanted = {
        ecs.add_snapshot(system.disk_id, snapshot_name="sys").snapshot_id,
        ecs.add_snapshot(data.disk_id, snapshot_name="data").snapshot_id,
    }
    ecs.add_snapshot(ecs.add_disk(zone_id=instance.zone_id).disk_id, snapshot_name="other")
    code, out, _ = _import(ecs, "--instance", instance.instance_id, "--format", "json")
    assert code == 0
    assert {s["snapshot_id"] for s in json.loads(out)["snapshots"]} == wanted


def test_importer_tag_filters_snapshots(ecs: LocalEcs) -> None:
    """--tag KEY=VALUE keeps only snapshots with that tag."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    keep = ecs.add_snapshot(disk.disk_id, snapshot_name="keep", tags={"Backup": "yes"})
    ecs.add_snapshot(disk.disk_id, snapshot_name="drop", tags={"Backup": "no"})
    code, out, _ = _import(ecs, "--tag", "Backup=yes", "--format", "json")
    assert (code, [s["snapshot_id"] for s in json.loads(out)["snapshots"]]) == (0, [keep.snapshot_id])


def test_importer_refused_name_is_written_with_validate_false(cdk: Any, ecs: LocalEcs) -> None:
    """A name our rules refuse is kept verbatim, with validate=False and a comment, and still round-trips."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    snap = ecs.add_snapshot(disk.disk_id, snapshot_name="auto_20240101", snapshot_type="auto")
    code, out, _ = _import(ecs, "--disk", disk.disk_id, "--include-auto")
    assert code == 0
    assert "validate=False," in out and "# - alicloud_ecs_snapshot.auto_20240101.snapshot_name" in out
    _round_trip(cdk, ecs, [snap], out)


def test_importer_dry_run_lists_without_code(ecs: LocalEcs) -> None:
    """--dry-run prints a table of what would be generated, no code."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    snap = ecs.add_snapshot(disk.disk_id, snapshot_name="weekly")
    code, out, _ = _import(ecs, "--disk", disk.disk_id, "--dry-run")
    assert code == 0
    assert out.splitlines()[1].split() == ["weekly", snap.snapshot_id, disk.disk_id, "weekly"]
    assert "EcsSnapshot(" not in out


def test_importer_output_is_deterministic(ecs: LocalEcs) -> None:
    """Two runs over the same snapshots give byte-identical code."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    ecs.add_snapshots(disk.disk_id, 5, name_prefix="hourly")
    assert _import(ecs, "--disk", disk.disk_id)[1] == _import(ecs, "--disk", disk.disk_id)[1]


def test_importer_missing_snapshot_exits_1(ecs: LocalEcs) -> None:
    """A requested snapshot id that does not exist exits 1 and names it."""
    code, _, err = _import(ecs, "--snapshot", "s-doesnotexist0001")
    assert (code, "not found in cn-hangzhou: s-doesnotexist0001" in err) == (0 + 1, True)


def test_importer_bad_snapshot_id_exits_2(ecs: LocalEcs) -> None:
    """An id that is not a snapshot id is a usage error naming every bad id."""
    code, _, err = _import(ecs, "--snapshot", "d-bp1disk", "--snapshot", "S-UPPER")
    assert code == 2
    assert "'d-bp1disk': not an ECS snapshot id" in err and "'S-UPPER'" in err


def test_importer_no_selection_exits_2(ecs: LocalEcs) -> None:
    """Without a selection the importer refuses to list the whole region implicitly."""
    assert _import(ecs)[0] == 2


def test_importer_never_prints_the_secret(ecs: LocalEcs) -> None:
    """An API failure message does not contain the secret."""
    ecs.add_fault("unavailable", count=50, action="DescribeSnapshots")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    err = io.StringIO()
    env = {
        "ALICLOUD_ACCESS_KEY": AK,
        "ALICLOUD_SECRET_KEY": SECRET,
        "ALICLOUD_REGION": "cn-hangzhou",
        "ALICLOUD_ECS_ENDPOINT": ecs.endpoint,
        "CDKTF_ECS_SNAPSHOT_MAX_RETRY_SECONDS": "0",
    }
    code = run(parser.parse_args(["--all"]), stdout=io.StringIO(), stderr=err, env=env)
    assert code == 1 and SECRET not in err.getvalue() and "import: error:" in err.getvalue()


def test_importer_logical_ids_are_unique_valid_and_stable() -> None:
    """Shared names get id suffixes; bad characters are replaced; unnamed snapshots use their id."""
    snaps = [
        {"SnapshotId": "s-aaa111", "SnapshotName": "db:backup"},
        {"SnapshotId": "s-bbb222", "SnapshotName": "db:backup"},
        {"SnapshotId": "s-ccc333", "SnapshotName": ""},
        {"SnapshotId": "s-ddd444", "SnapshotName": "9lives"},
    ]
    assert logical_ids(snaps) == {
        "s-aaa111": "db_backup_aaa111",
        "s-bbb222": "db_backup_bbb222",
        "s-ccc333": "s-ccc333",
        "s-ddd444": "s_9lives",
    }


def test_importer_failed_listing_keeps_existing_output_file(ecs: LocalEcs, tmp_path: Any) -> None:
    """A missing snapshot exits 1 and leaves an existing -o file exactly as it was."""
    target = tmp_path / "stack.py"
    target.write_text("# hand\n")
    code, _, err = _import(ecs, "--snapshot", "s-doesnotexist0001", "-o", str(target))
    assert (code, target.read_text()) == (1, "# hand\n")
    assert "nothing written to" in err


def test_importer_output_file_is_written_atomically_on_success(ecs: LocalEcs, tmp_path: Any) -> None:
    """On success -o gets the whole code and no temporary file is left behind."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    ecs.add_snapshot(disk.disk_id, snapshot_name="kept")
    target = tmp_path / "stack.py"
    target.write_text("# hand\n")
    code, out, _ = _import(ecs, "--disk", disk.disk_id, "-o", str(target))
    assert (code, out) == (0, "")
    assert "EcsSnapshot(" in target.read_text() and [p.name for p in tmp_path.iterdir()] == ["stack.py"]


@pytest.mark.parametrize("selector", [["--snapshot", "s-bp1abc"], ["--disk", "d-nope"], ["--instance", "i-nope"]])
def test_importer_all_with_selector_is_usage_error(ecs: LocalEcs, selector: list[str]) -> None:
    """--all with --snapshot/--disk/--instance is refused before any API call."""
    ecs.clear_requests()
    code, out, err = _import(ecs, "--all", *selector)
    assert (code, out) == (2, "")
    assert "--all" in err and "cannot be combined" in err
    assert ecs.requests == []


def test_importer_all_with_tag_filters_the_region(ecs: LocalEcs) -> None:
    """--all --tag is allowed: every manual snapshot with the tag."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    keep = ecs.add_snapshot(disk.disk_id, snapshot_name="keep", tags={"Backup": "yes"})
    ecs.add_snapshot(disk.disk_id, snapshot_name="drop")
    code, out, _ = _import(ecs, "--all", "--tag", "Backup=yes", "--format", "json")
    assert (code, [s["snapshot_id"] for s in json.loads(out)["snapshots"]]) == (0, [keep.snapshot_id])


def test_importer_unknown_disk_exits_1_saying_nothing_matched(ecs: LocalEcs) -> None:
    """--disk naming a disk that does not exist exits 1 and says so."""
    code, _, err = _import(ecs, "--disk", "d-nope")
    assert code == 1
    assert "nothing matched disk d-nope (no such disk in cn-hangzhou)" in err


def test_importer_unknown_instance_exits_1_saying_nothing_matched(ecs: LocalEcs) -> None:
    """--instance naming an instance that does not exist exits 1 and says so."""
    code, _, err = _import(ecs, "--instance", "i-nope")
    assert code == 1
    assert "nothing matched instance i-nope" in err


def test_importer_existing_disk_without_snapshots_notes_it(ecs: LocalEcs) -> None:
    """A disk that exists but has no snapshots is fine (exit 0) with a note on stderr."""
    disk = ecs.add_disk(zone_id="cn-hangzhou-i")
    code, _, err = _import(ecs, "--disk", disk.disk_id)
    assert code == 0
    assert f"import: note: disk {disk.disk_id} has no manual snapshots" in err


def test_importer_output_in_missing_directory_is_usage_error(ecs: LocalEcs) -> None:
    """-o into a directory that does not exist: one line, exit 2, before any API call."""
    ecs.clear_requests()
    code, _, err = _import(ecs, "--all", "-o", "/nonexistent/x.py")
    assert code == 2
    assert err.count("\n") == 1 and "does not exist" in err
    assert ecs.requests == []


@pytest.mark.parametrize("name", ["1 bad", "class", "", "a-b"])
def test_importer_bad_class_name_is_usage_error(ecs: LocalEcs, name: str) -> None:
    """--class-name must be a Python identifier and not a keyword."""
    code, out, err = _import(ecs, "--all", "--class-name", name)
    assert (code, out) == (2, "")
    assert "--class-name must be a Python identifier" in err


def test_importer_bad_provider_version_is_usage_error(ecs: LocalEcs) -> None:
    """--provider-version is checked with parse_constraint: junk is a usage error."""
    code, out, err = _import(ecs, "--all", "--provider-version", "junk")
    assert (code, out) == (2, "")
    assert err.startswith("import: error: --provider-version:") and err.count("\n") == 1


def test_importer_no_credentials_gives_one_line(ecs: LocalEcs, tmp_path: Any) -> None:
    """Without any credentials the SDK's logging tracebacks are silenced: stderr is exactly one line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALICLOUD_", "ALIBABA_CLOUD_"))}
    env.update(HOME=str(tmp_path), ALICLOUD_REGION="cn-hangzhou", ALICLOUD_ECS_ENDPOINT=ecs.endpoint)
    done = subprocess.run(
        [sys.executable, "-m", "cdktf_ecs_snapshot.cli", "import", "--all", "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr[:2000]
    assert done.stderr.startswith("import: error: cannot load Alibaba Cloud credentials")
