"""``python -m cdktf_ecs_snapshot.local_ecs serve``: run the local ECS endpoint until interrupted.

::

    LOCAL_ECS_ACCESS_KEY_SECRET=… python -m cdktf_ecs_snapshot.local_ecs serve \\
        --port 0 --access-key-id LTAI-local --region cn-hangzhou \\
        --seed seed.json --state-file state.json --snapshot-seconds 2 \\
        --fault '{"kind": "throttling", "count": 2}'

The secret comes only from the environment (``LOCAL_ECS_ACCESS_KEY_SECRET``), never from argv, where ``ps``
would show it. Once listening, one line goes to stdout and is flushed, for scripts to read the port::

    local-ecs listening on 127.0.0.1:PORT region cn-hangzhou

``example-seed`` prints a seed document to start from. Exit codes: 0 on SIGINT/SIGTERM, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from types import FrameType

from .apierror import ConfigError
from .faults import Fault
from .server import LocalEcs, check_loopback_host
from .store import check_snapshot_seconds

__all__ = ["SECRET_ENV", "main"]

SECRET_ENV = "LOCAL_ECS_ACCESS_KEY_SECRET"
KEY_ID_ENV = "LOCAL_ECS_ACCESS_KEY_ID"

_EXAMPLE_SEED = {
    "region_id": "cn-hangzhou",
    "instances": [
        {
            "instance_id": "i-bp1example0000000001",
            "instance_name": "web-1",
            "zone_id": "cn-hangzhou-i",
            "disks": [
                {"disk_id": "d-bp1system00000000001", "type": "system", "size": 40, "category": "cloud_essd"},
                {"disk_id": "d-bp1data0000000000001", "type": "data", "size": 100, "disk_name": "data1"},
                # The disk of the provider documentation's example (examples/basic), so it deploys here.
                {"disk_id": "d-gw8csgxxxxxxxxx", "type": "data", "size": 40, "disk_name": "docs-example"},
            ],
        }
    ],
    "disks": [
        {"disk_id": "d-bp1loose000000000001", "status": "Available", "size": 20, "zone_id": "cn-hangzhou-i"}
    ],
    "snapshots": [
        {
            "source_disk_id": "d-bp1data0000000000001",
            "snapshot_name": "nightly",
            "count": 3,
            "creation_time": "2026-01-01T00:00:00Z",
            "tags": {"team": "infra"},
        },
    ],
}


def _fault_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"--fault is not JSON: {error.msg}; got {text[:80]!r}") from None
    except RecursionError:
        raise ConfigError("--fault is nested too deeply") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cdktf_ecs_snapshot.local_ecs", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the endpoint until interrupted")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="loopback address to bind: 127.x.y.z, ::1 or localhost (default 127.0.0.1)",
    )
    serve.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default)")
    serve.add_argument(
        "--region", default="cn-hangzhou", help="region of seeded resources (default cn-hangzhou)"
    )
    serve.add_argument(
        "--access-key-id",
        default=os.environ.get(KEY_ID_ENV, ""),
        help=f"the access key id clients must sign with (default ${KEY_ID_ENV}); the secret is ${SECRET_ENV}",
    )
    serve.add_argument("--seed", help="JSON seed document to load (ignored when --state-file exists)")
    serve.add_argument("--state-file", help="load state from here if it exists; save every change here")
    serve.add_argument(
        "--snapshot-seconds", type=float, default=0.0, help="seconds a new snapshot stays progressing"
    )
    serve.add_argument("--fault", action="append", default=[], help="a fault as JSON; repeat for more")
    commands.add_parser("example-seed", help="print an example seed document")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "example-seed":
        print(json.dumps(_EXAMPLE_SEED, indent=2))
        return 0
    secret = os.environ.get(SECRET_ENV, "")
    if not args.access_key_id or not secret:
        parser.error(f"--access-key-id (or ${KEY_ID_ENV}) and ${SECRET_ENV} are required")
    try:
        check_loopback_host(args.host)
        if not 0 <= args.port <= 65535:
            raise ConfigError(f"--port must be from 0 to 65535 (0 picks a free port); got {args.port}")
        check_snapshot_seconds(args.snapshot_seconds)
        faults = [Fault.from_json(_fault_json(text)) for text in args.fault]
        ecs = LocalEcs(
            access_key_id=args.access_key_id,
            access_key_secret=secret,
            region_id=args.region,
            state=args.seed,
            state_file=args.state_file,
            snapshot_seconds=args.snapshot_seconds,
            host=args.host,
            port=args.port,
            faults=faults,
        )
        ecs.start()
    except ConfigError as error:
        print(f"local-ecs: {error}", file=sys.stderr)
        return 2
    except RecursionError:
        print("local-ecs: cannot start: a JSON document (seed or state) is nested too deeply", file=sys.stderr)
        return 2
    except json.JSONDecodeError as error:
        print(f"local-ecs: cannot start: seed or state file is not JSON: {error.msg} (line {error.lineno})",
              file=sys.stderr)
        return 2
    except OSError as error:
        print(f"local-ecs: cannot start: {error.strerror or error}"
              + (f": {error.filename}" if error.filename else ""), file=sys.stderr)
        return 2
    except (ValueError, TypeError, KeyError, AttributeError):
        print("local-ecs: cannot start: the seed or state document has an invalid value", file=sys.stderr)
        return 2

    def _stop(signum: int, frame: FrameType | None) -> None:
        ecs.stop()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(f"local-ecs listening on {ecs.endpoint} region {args.region}", flush=True)
    ecs.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
