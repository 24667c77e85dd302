"""``python -m cdktf_ecs_snapshot.ecs_external <operation>`` (console script ``cdktf-ecs-snapshot-external``).

The program of a Terraform ``external`` data source: the query as a JSON object on stdin, the result as a flat
JSON object of strings on stdout. Exit status 0 on success; 1 when the API, the network or a lookup fails;
2 for bad usage (operation, stdin, query keys, settings). On failure stdout stays empty and one line
(plus usage for status 2) goes to stderr, never containing a secret.

Imports are kept to what the operation needs: no cdktf/cdktn, and the SDK only once the input is valid.
"""

from __future__ import annotations

import os
import sys

from ..ecs_client import Scrubber, SettingsError, build_client, quiet_sdk_logging, settings_from
from ..errors import SnapshotLibError
from .operations import COMMON_KEYS, OPERATIONS
from .protocol import UsageError, check_keys, read_query, render_result

__all__ = ["main"]

PROG = "cdktf-ecs-snapshot-external"


def usage() -> str:
    """The usage text: operations and their keys, common keys, exit codes."""
    lines = [f"usage: {PROG} <operation>  (query: JSON object of strings on stdin)"]
    lines += [f"  {op.name:<16} {op.summary}" for op in OPERATIONS.values()]
    lines.append("  common keys: " + ", ".join(sorted(COMMON_KEYS)) + "; exit 0 ok, 1 failure, 2 usage")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one operation; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    scrubber = Scrubber.from_env(os.environ)
    if args in (["-h"], ["--help"]):
        print(usage())
        return 0
    try:
        if len(args) != 1 or args[0] not in OPERATIONS:
            got = " ".join(args) or "nothing"
            raise UsageError(f"expected one operation ({', '.join(OPERATIONS)}); got {got}")
        operation = OPERATIONS[args[0]]
        query = read_query(sys.stdin)
        check_keys(
            query,
            required=operation.required,
            allowed=operation.optional | COMMON_KEYS | set(operation.required),
        )
        settings = settings_from(query, os.environ)
        from ..ecs_calls import EcsSession

        with quiet_sdk_logging():
            session = EcsSession(build_client(settings), settings, scrubber)
            result = operation.run(session, query)
    except (UsageError, SettingsError) as error:
        sys.stderr.write(f"{PROG}: {scrubber.scrub(str(error))}\n{usage()}\n")
        return 2
    except SnapshotLibError as error:
        sys.stderr.write(f"{PROG}: {scrubber.scrub(str(error))}\n")
        return 1
    except Exception as error:  # a bug or an unexpected SDK failure: still one clean line, still no secret
        sys.stderr.write(f"{PROG}: unexpected {type(error).__name__}: {scrubber.scrub(str(error))}\n")
        return 1
    sys.stdout.write(render_result(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
