"""The real ``cdktf`` CLI (cdktf-cli 0.21.0 from npm) runs an app that uses the library.

The CLI is installed once into ``.cache/cdktf-cli`` (under a file lock, so parallel sessions share it);
without npm, or when the install fails, these tests skip and say why.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI_DIR = ROOT / ".cache" / "cdktf-cli"
CLI = CLI_DIR / "node_modules" / ".bin" / "cdktf"
CLI_VERSION = "0.21.0"
APP = Path(__file__).resolve().parent / "fixtures" / "construct" / "cli_app"
FLASH_WARN = "WARN [cli/nightly]: alicloud_ecs_snapshot.nightly.category: local (flash) snapshots are retired"


def _installed() -> bool:
    package = CLI_DIR / "node_modules" / "cdktf-cli" / "package.json"
    if not CLI.exists() or not package.is_file():
        return False
    return bool(json.loads(package.read_text(encoding="utf-8")).get("version") == CLI_VERSION)


@pytest.fixture(scope="session")
def cdktf_cli() -> Path:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not on PATH: cannot install cdktf-cli")
    CLI_DIR.parent.mkdir(parents=True, exist_ok=True)
    with open(CLI_DIR.parent / "cdktf-cli.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not _installed():
                done = subprocess.run(
                    [npm, "install", "--prefix", str(CLI_DIR), f"cdktf-cli@{CLI_VERSION}", "--no-audit", "--no-fund"],
                    capture_output=True,
                    text=True,
                    timeout=600,
                )
                if done.returncode != 0 or not _installed():
                    pytest.skip(f"npm install cdktf-cli@{CLI_VERSION} failed: {done.stderr.strip()[-400:]}")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return CLI


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    target = tmp_path / "app"
    shutil.copytree(APP, target)
    (target / "cdktf.json").write_text(
        json.dumps(
            {
                "language": "python",
                "app": f"{sys.executable} main.py",
                "sendCrashReports": "false",
                "terraformProviders": [],
                "terraformModules": [],
                "context": {},
            }
        ),
        encoding="utf-8",
    )
    return target


def _synth(cli: Path, cwd: Path, *args: str, category: str | None = None) -> subprocess.CompletedProcess[str]:
    empty = cwd.parent / "empty.tfrc"
    empty.write_text("", encoding="utf-8")
    env: dict[str, Any] = {
        **os.environ,
        "CI": "1",
        "CHECKPOINT_DISABLE": "1",
        "TF_CLI_CONFIG_FILE": str(empty),
        "FORCE_COLOR": "0",
        "NO_COLOR": "1",
    }
    env.pop("CDKTF_OUTDIR", None)
    if category is not None:
        env["CLI_APP_CATEGORY"] = category
    return subprocess.run([str(cli), "synth", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180)


def test_cdktf_cli_synth_succeeds_and_prints_library_warning(cdktf_cli: Path, app_dir: Path) -> None:
    done = _synth(cdktf_cli, app_dir)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert FLASH_WARN in output
    doc = json.loads((app_dir / "cdktf.out" / "stacks" / "cli" / "cdk.tf.json").read_text(encoding="utf-8"))
    resource = doc["resource"]["alicloud_ecs_snapshot"]["nightly"]
    assert resource["category"] == "flash"
    assert resource["retention_days"] == 7


def test_cdktf_cli_bad_app_fails_with_library_message(cdktf_cli: Path, app_dir: Path) -> None:
    done = _synth(cdktf_cli, app_dir, category="Standard")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "ValidationError: 1 problem in cli/nightly: alicloud_ecs_snapshot.nightly.category" in output
    assert "values are case-sensitive, use 'standard'" in output
    assert not (app_dir / "cdktf.out" / "stacks" / "cli" / "cdk.tf.json").exists()


def test_cdktf_cli_synth_hcl_writes_snapshot_attributes(cdktf_cli: Path, app_dir: Path) -> None:
    done = _synth(cdktf_cli, app_dir, "--hcl", category="standard")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (app_dir / "cdktf.out" / "stacks" / "cli" / "cdk.tf").read_text(encoding="utf-8")
    assert 'resource "alicloud_ecs_snapshot" "nightly"' in text
    for line in ('disk_id        = "d-cli0001"', 'category       = "standard"', "retention_days = 7"):
        assert line in text
    assert '"cost:center" = "cc 1"' in text
    assert FLASH_WARN not in done.stdout + done.stderr
