"""``python -m cdktf_ecs_snapshot.rehearsal``: prepare and run an offline rehearsal.

::

    setup --dir DIR [--provider-version V ...]   write DIR/mirror and DIR/terraformrc, print the export line
    up    --dir DIR [--port 0] [--seed F] [--background] [--snapshot-seconds S]
                                                 setup, start the local ECS endpoint, print the exports
    down  --dir DIR                              stop an endpoint started with --background

Exit codes: 0 success, 1 the endpoint failed to start, 2 bad usage.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from .mirror import ALICLOUD_VERSIONS, write_mirror
from .session import (
    REHEARSAL_ACCESS_KEY,
    REHEARSAL_REGION,
    REHEARSAL_SECRET,
    Rehearsal,
    default_seed,
    export_lines,
    start_background,
    stop_background,
)

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cdktf_ecs_snapshot.rehearsal", description="Offline rehearsal against local provider doubles."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("setup", "up"):
        sub = commands.add_parser(name)
        sub.add_argument("--dir", required=True, type=Path, help="rehearsal directory (created if missing)")
        sub.add_argument(
            "--provider-version",
            action="append",
            default=[],
            help=f"extra aliyun/alicloud version to mirror (always: {', '.join(ALICLOUD_VERSIONS)})",
        )
        if name == "up":
            sub.add_argument("--port", type=int, default=0, help="port of the local ECS endpoint (0: any free)")
            sub.add_argument("--seed", type=Path, help="seed for the endpoint (default: an example instance)")
            sub.add_argument("--region", default=REHEARSAL_REGION)
            sub.add_argument(
                "--snapshot-seconds",
                type=float,
                default=0.0,
                help="seconds a new snapshot stays 'progressing' (default 0)",
            )
            sub.add_argument("--background", action="store_true", help="detach; stop later with `down`")
    down = commands.add_parser("down")
    down.add_argument("--dir", required=True, type=Path)
    return parser


def _setup(root: Path, versions: Sequence[str]) -> Rehearsal:
    root.mkdir(parents=True, exist_ok=True)
    wanted = tuple(dict.fromkeys([*ALICLOUD_VERSIONS, *versions]))
    return Rehearsal(write_mirror(root, wanted))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.dir.resolve()
    if args.command == "down":
        stopped = stop_background(root)
        print("local ECS endpoint stopped" if stopped else f"no background endpoint recorded in {root}")
        return 0
    rehearsal = _setup(root, args.provider_version)
    if args.command == "setup":
        print(f"# provider doubles mirrored in {rehearsal.mirror.mirror}")
        print(f"export TF_CLI_CONFIG_FILE={rehearsal.mirror.terraformrc}")
        return 0
    seed = args.seed.resolve() if args.seed else default_seed(root, args.region)
    if args.background:
        try:
            pid, endpoint = start_background(root, args.port, seed, args.region, args.snapshot_seconds)
        except RuntimeError as error:
            print(f"rehearsal: {error}", file=sys.stderr)
            return 1
        rehearsal = Rehearsal(rehearsal.mirror, endpoint, args.region)
        env_file = rehearsal.write_env_file()
        print(f"# local ECS endpoint pid {pid} (stop: python -m cdktf_ecs_snapshot.rehearsal down --dir {root})")
        print(f"# also written to {env_file}: source it")
        print(export_lines(rehearsal.env()), end="")
        return 0
    from ..local_ecs import LocalEcs

    ecs = LocalEcs(
        access_key_id=REHEARSAL_ACCESS_KEY,
        access_key_secret=REHEARSAL_SECRET,
        region_id=args.region,
        state=str(seed),
        state_file=str(root / "ecs-state.json"),
        snapshot_seconds=args.snapshot_seconds,
        port=args.port,
    )
    ecs.start()
    rehearsal = Rehearsal(rehearsal.mirror, ecs.endpoint, args.region)
    env_file = rehearsal.write_env_file()

    def _stop(signum: int, frame: FrameType | None) -> None:
        ecs.stop()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(f"# local ECS endpoint on {ecs.endpoint}; Ctrl-C stops it. Also written to {env_file}.")
    print(export_lines(rehearsal.env()), end="", flush=True)
    ecs.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
