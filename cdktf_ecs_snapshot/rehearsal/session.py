"""Start the local ECS endpoint for a rehearsal and say which environment Terraform needs.

The credentials are fixed, public rehearsal values: the local endpoint checks signatures (so the SDK path is
the real one) but guards nothing. ``up --background`` runs the endpoint as a child process in its own session
and records its pid in ``DIR/local-ecs.pid`` so that ``down`` can stop exactly that process.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .mirror import Mirror

__all__ = [
    "REHEARSAL_ACCESS_KEY",
    "REHEARSAL_REGION",
    "REHEARSAL_SECRET",
    "Rehearsal",
    "rehearsal_env",
    "start_background",
    "stop_background",
]

REHEARSAL_ACCESS_KEY = "LTAIrehearsal"
REHEARSAL_SECRET = "rehearsal-only-secret"
REHEARSAL_REGION = "cn-hangzhou"
PID_FILE = "local-ecs.pid"
ENV_FILE = "env.sh"


def rehearsal_env(mirror: Mirror, endpoint: str | None, region: str = REHEARSAL_REGION) -> dict[str, str]:
    """The variables to export for Terraform (and ``cdktf``) to use the doubles."""
    env = {
        "TF_CLI_CONFIG_FILE": str(mirror.terraformrc),
        "CHECKPOINT_DISABLE": "1",
        "ALICLOUD_ACCESS_KEY": REHEARSAL_ACCESS_KEY,
        "ALICLOUD_SECRET_KEY": REHEARSAL_SECRET,
        "ALICLOUD_REGION": region,
    }
    if endpoint:
        env["ALICLOUD_ECS_ENDPOINT"] = endpoint
    return env


def export_lines(env: dict[str, str]) -> str:
    lines = "".join(f"export {key}={value}\n" for key, value in env.items())
    # The lookups' external data sources run `python3`: make it this venv's, which has the helper.
    return lines + f'export PATH="{Path(sys.executable).parent}:$PATH"\n'



@dataclass(frozen=True)
class Rehearsal:
    """A prepared rehearsal directory: the mirror and, once started, the endpoint address."""

    mirror: Mirror
    endpoint: str | None = None
    region: str = REHEARSAL_REGION

    def env(self) -> dict[str, str]:
        return rehearsal_env(self.mirror, self.endpoint, self.region)

    def write_env_file(self) -> Path:
        path = self.mirror.root / ENV_FILE
        path.write_text(export_lines(self.env()), encoding="utf-8")
        return path


def default_seed(root: Path, region: str) -> Path:
    """Write (once) a seed with one instance and its disks, for stacks that snapshot an existing disk."""
    path = root / "seed.json"
    if not path.exists():
        out = subprocess.run(
            [sys.executable, "-m", "cdktf_ecs_snapshot.local_ecs", "example-seed"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        seed = json.loads(out)
        seed["region_id"] = region
        path.write_text(json.dumps(seed, indent=2) + "\n", encoding="utf-8")
    return path


def serve_command(root: Path, port: int, seed: Path | None, region: str, snapshot_seconds: float) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "cdktf_ecs_snapshot.local_ecs",
        "serve",
        "--port",
        str(port),
        "--access-key-id",
        REHEARSAL_ACCESS_KEY,
        "--region",
        region,
        "--state-file",
        str(root / "ecs-state.json"),
        "--snapshot-seconds",
        str(snapshot_seconds),
    ]
    if seed is not None:
        command += ["--seed", str(seed)]
    return command


def serve_env() -> dict[str, str]:
    return {**os.environ, "LOCAL_ECS_ACCESS_KEY_SECRET": REHEARSAL_SECRET, "PYTHONUNBUFFERED": "1"}


def start_background(
    root: Path, port: int, seed: Path | None, region: str, snapshot_seconds: float = 0.0
) -> tuple[int, str]:
    """Start the endpoint as a detached child; return ``(pid, "127.0.0.1:PORT")`` once it listens."""
    log = (root / "local-ecs.log").open("ab")
    process = subprocess.Popen(
        serve_command(root, port, seed, region, snapshot_seconds),
        env=serve_env(),
        stdout=subprocess.PIPE,
        stderr=log,
        start_new_session=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    if "listening on" not in line:
        process.wait(timeout=5)
        raise RuntimeError(f"local ECS endpoint did not start (exit {process.returncode}); see {log.name}")
    endpoint = line.split("listening on", 1)[1].split()[0]
    (root / PID_FILE).write_text(f"{process.pid}\n", encoding="utf-8")
    return process.pid, endpoint


def stop_background(root: Path) -> bool:
    """Stop the endpoint started by ``start_background`` in ``root`` (by its recorded pid only)."""
    pid_file = root / PID_FILE
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text(encoding="utf-8").strip())
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    pid_file.unlink()
    return True
