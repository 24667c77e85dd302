"""``python -m cdktf_ecs_snapshot.rehearsal``: the mirror, the CLI config, the endpoint lifecycle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from terraform_fixtures import TERRAFORM, needs_terraform

from cdktf_ecs_snapshot.rehearsal import ALICLOUD_VERSIONS, write_mirror
from cdktf_ecs_snapshot.rehearsal.mirror import platform_dir


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cdktf_ecs_snapshot.rehearsal", *args], capture_output=True, text=True, timeout=60
    )


def test_rehearsal_setup_mirrors_every_pinnable_version(tmp_path: Path) -> None:
    proc = run_cli("setup", "--dir", str(tmp_path), "--provider-version", "1.250.0")
    assert proc.returncode == 0, proc.stderr
    assert f"export TF_CLI_CONFIG_FILE={tmp_path / 'terraformrc'}" in proc.stdout
    base = tmp_path / "mirror" / "registry.terraform.io" / "aliyun" / "alicloud"
    assert {"1.120.0", "1.230.0", "1.231.0", "1.238.0", "1.239.0", "1.289.0"} <= set(ALICLOUD_VERSIONS)
    for version in [*ALICLOUD_VERSIONS, "1.250.0"]:
        folder = base / version / platform_dir()
        assert [p.name for p in folder.iterdir()] == [f"terraform-provider-alicloud_v{version}"]


def test_rehearsal_launcher_is_stable_and_knows_its_version(tmp_path: Path) -> None:
    mirror = write_mirror(tmp_path)
    launcher = next(p for p in mirror.launchers if p.name.endswith("_v1.230.0"))
    text = launcher.read_text()
    assert text.startswith(f"#!{sys.executable}\n")
    assert "sys.dont_write_bytecode = True" in text and "run('1.230.0')" in text
    assert os.access(launcher, os.X_OK)
    before = launcher.stat().st_mtime_ns
    write_mirror(tmp_path)
    assert launcher.stat().st_mtime_ns == before  # rewriting never touches an unchanged launcher


def test_rehearsal_terraformrc_uses_mirror_and_excludes_direct(tmp_path: Path) -> None:
    text = write_mirror(tmp_path).terraformrc.read_text()
    assert f'path    = "{tmp_path.resolve() / "mirror"}"' in text
    assert 'exclude = ["registry.terraform.io/aliyun/alicloud", "registry.terraform.io/hashicorp/external"]' in text
    assert "dev_overrides" not in text


def test_rehearsal_up_background_prints_env_and_down_stops_it(tmp_path: Path) -> None:
    proc = run_cli("up", "--dir", str(tmp_path), "--background")
    assert proc.returncode == 0, proc.stderr
    try:
        env = dict(
            line.removeprefix("export ").split("=", 1)
            for line in proc.stdout.splitlines()
            if line.startswith("export ")
        )
        assert set(env) >= {
            "TF_CLI_CONFIG_FILE",
            "ALICLOUD_ACCESS_KEY",
            "ALICLOUD_SECRET_KEY",
            "ALICLOUD_ECS_ENDPOINT",
            "ALICLOUD_REGION",
        }
        assert env["ALICLOUD_ECS_ENDPOINT"].startswith("127.0.0.1:")
        assert (tmp_path / "env.sh").read_text().count("export ") == len(env)
        pid = int((tmp_path / "local-ecs.pid").read_text())
        os.kill(pid, 0)  # alive
    finally:
        down = run_cli("down", "--dir", str(tmp_path))
    assert down.returncode == 0 and "stopped" in down.stdout
    assert not (tmp_path / "local-ecs.pid").exists()


@needs_terraform
def test_rehearsal_terraform_init_offline_from_mirror(tmp_path: Path) -> None:
    mirror = write_mirror(tmp_path / "setup")
    work = tmp_path / "stack"
    work.mkdir()
    (work / "main.tf.json").write_text(
        json.dumps(
            {
                "terraform": {
                    "required_providers": {
                        "alicloud": {"source": "aliyun/alicloud", "version": "~> 1.230.0"},
                        "external": {"source": "hashicorp/external", "version": "~> 2.3"},
                    }
                }
            }
        )
    )
    env = {**os.environ, **mirror.env()}
    assert TERRAFORM is not None
    proc = subprocess.run(
        [TERRAFORM, "init", "-input=false", "-no-color"], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Installed aliyun/alicloud v1.230.0 (unauthenticated)" in proc.stdout
    assert "Installed hashicorp/external v2.4.2 (unauthenticated)" in proc.stdout


@pytest.mark.parametrize("command", [["setup"], ["up"], ["down"]])
def test_rehearsal_cli_requires_dir(command: list[str]) -> None:
    assert run_cli(*command).returncode == 2
