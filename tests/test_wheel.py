"""A built wheel carries the provider facts: ``provider_dir()`` points inside the unpacked package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        if "hatchling" in done.stderr and ("Could not find" in done.stderr or "connection" in done.stderr.lower()):
            pytest.skip(f"cannot fetch the build backend: {done.stderr.strip()[-300:]}")
        raise AssertionError(done.stderr)
    (wheel,) = dist.glob("cdktf_ecs_snapshot-*.whl")
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def _run(site: Path, code: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CDKTF_ECS_SNAPSHOT_CORE")}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_wheel_contains_provider_facts(unpacked: Path) -> None:
    provider = unpacked / "cdktf_ecs_snapshot" / "_provider"
    assert (provider / "facts" / "alicloud_ecs_snapshot.json").is_file()
    assert sorted(p.name for p in (provider / "schemas").glob("*.json")) == [
        "1.120.0.json",
        "1.231.0.json",
        "1.239.0.json",
    ]
    assert (unpacked / "cdktf_ecs_snapshot" / "py.typed").is_file()


def test_wheel_provider_dir_points_inside_unpacked_package(unpacked: Path, tmp_path: Path) -> None:
    code = (
        "import cdktf_ecs_snapshot, cdktf_ecs_snapshot.provider_facts as pf; "
        "print(cdktf_ecs_snapshot.__file__); print(pf.provider_dir())"
    )
    module_file, provider = _run(unpacked, code, tmp_path).splitlines()
    assert Path(module_file).is_relative_to(unpacked)
    assert Path(provider) == unpacked / "cdktf_ecs_snapshot" / "_provider"


def test_wheel_force_new_attributes_work_outside_repo(unpacked: Path, tmp_path: Path) -> None:
    code = (
        "from cdktf_ecs_snapshot import force_new_attributes; "
        "from cdktf_ecs_snapshot.provider_facts import facts; "
        "print(','.join(force_new_attributes('1.230.0').attributes)); print(facts()['resource'])"
    )
    attributes, resource = _run(unpacked, code, tmp_path).splitlines()
    assert attributes == "category,disk_id,instant_access_retention_days,resource_group_id,retention_days"
    assert resource == "alicloud_ecs_snapshot"
