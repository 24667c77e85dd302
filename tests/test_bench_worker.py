"""The benchmark script keeps working, and the crossings it counts stay at one per snapshot.

Not a timed test: it counts jsii kernel requests, which are deterministic, with the benchmark's own
worker (a fresh process per case, as the benchmark runs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).parent / "bench" / "bench.py"


def _worker(case: str, n: int) -> dict[str, Any]:
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="18,20")
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--worker", case, str(n), "--count-calls"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("case", ["ecs", "generated", "handwritten"])
def test_bench_worker_kernel_calls_per_added_snapshot(case: str) -> None:
    small, large = _worker(case, 10), _worker(case, 30)
    assert (small["case"], small["n"], large["n"]) == (case, 10, 30)
    per_snapshot = (large["kernel_calls_total"] - small["kernel_calls_total"]) / 20
    # One create per snapshot for EcsSnapshot and the generated binding; the hand-written resource also
    # answers a synthesis callback per snapshot twice (cdktf's preparing pass and the real one).
    expected = {"ecs": 1.0, "generated": 1.0, "handwritten": 3.0}[case]
    assert per_snapshot == expected, large["kernel_calls"]


def test_bench_worker_empty_app_has_no_resources() -> None:
    result = _worker("empty", 0)
    assert result["case"] == "empty"
    assert result["total_s"] > 0
    assert "CreateRequest" in result["kernel_calls"]
