"""One run of the real ``cdktf`` CLI (npm ``cdktf-cli@0.21.0``): ``cdktf deploy --auto-approve`` of a tiny app
against the provider double. Skipped, with the reason, when npm or the install is unavailable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from terraform_fixtures import *  # noqa: F403
from terraform_fixtures import DATA_DISK, TERRAFORM, _env

CLI_VERSION = "0.21.0"
CACHE = Path(os.environ.get("CDKTF_ECS_SNAPSHOT_CACHE", Path.home() / ".cache" / "cdktf-ecs-snapshot")) / "cdktf-cli"


def cdktf_cli() -> Path:
    """Install cdktf-cli once into a cache folder (~22 s) and return its binary, or skip."""
    binary = CACHE / "node_modules" / ".bin" / "cdktf"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not on PATH: cannot install cdktf-cli for the cdktf deploy test")
    CACHE.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [npm, "install", "--prefix", str(CACHE), f"cdktf-cli@{CLI_VERSION}", "--no-audit", "--no-fund"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0 or not binary.exists():
        pytest.skip(f"npm install cdktf-cli@{CLI_VERSION} failed: {proc.stderr.strip()[-300:]}")
    return binary


@pytest.mark.skipif(TERRAFORM is None, reason="terraform is not on PATH (cdktf deploy runs it)")
def test_acceptance_cdktf_cli_deploy_against_the_double(
    tmp_path: Path, rehearsal_mirror: Any, ecs_endpoint: Any
) -> None:
    binary = cdktf_cli()
    (tmp_path / "cdktf.json").write_text(
        json.dumps(
            {
                "language": "python",
                "app": f"{sys.executable} main.py",
                "projectId": "rehearsal",
                "sendCrashReports": "false",
                "terraformProviders": [],
                "terraformModules": [],
                "context": {},
            }
        )
    )
    (tmp_path / "main.py").write_text(
        textwrap.dedent(f"""
        from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, cdk

        app = cdk.App()
        stack = cdk.TerraformStack(app, "snaps")
        cdk.LocalBackend(stack, path="terraform.snaps.tfstate")
        AlicloudProvider(stack, "alicloud", region="cn-hangzhou", version="1.289.0")
        EcsSnapshot(stack, "nightly", disk_id="{DATA_DISK}", snapshot_name="cli-deployed", retention_days=7)
        app.synth()
    """)
    )
    env = _env(rehearsal_mirror, ecs_endpoint.endpoint)
    env.update(
        {
            "CI": "1",
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
            "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
            "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
        }
    )
    # --skip-provider-lock: `terraform providers lock` asks the registry even with a filesystem mirror
    deploy = [str(binary), "deploy", "--auto-approve", "--skip-provider-lock"]
    proc = subprocess.run(deploy, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 0, text
    assert "1 added" in text
    stack_dir = tmp_path / "cdktf.out" / "stacks" / "snaps"  # the backend path is relative to the stack folder
    state = json.loads((stack_dir / "terraform.snaps.tfstate").read_text())
    attrs = state["resources"][0]["instances"][0]["attributes"]
    assert attrs["snapshot_name"] == "cli-deployed"
    destroy = subprocess.run(
        [str(binary), "destroy", "--auto-approve", "--skip-provider-lock"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert destroy.returncode == 0, destroy.stdout + destroy.stderr
