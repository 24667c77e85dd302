"""Benchmark: the construct against two baselines, the plain path against json.dumps, import time, the
external-data helper against a bare SDK call, and validation alone. A script, not a test::

    .venv/bin/python tests/bench/bench.py [--quick] [--out bench-results.json] [--repeat 3]

Every construct case runs in a fresh subprocess (no Node state leaks between cases), cases are
interleaved, each is repeated (>= 3) and the median is reported. Targets (from the issue):
EcsSnapshot <= 0.5x hand-written and <= 1.0x generated; plain <= 3x json.dumps; import without core
<= 0.1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PY = sys.executable
CASES = ("ecs", "handwritten", "generated")

# -- worker: one construct case in this (fresh) process ---------------------------------------------


def _count_kernel_calls() -> dict[str, int]:
    """Count every request Python sends to the Node kernel (one per crossing, callbacks' answers included)."""
    from jsii._kernel.providers.process import _NodeProcess

    counts: dict[str, int] = {}
    original = _NodeProcess.send

    def send(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
        name = type(request).__name__
        counts[name] = counts.get(name, 0) + 1
        return original(self, request, *args, **kwargs)

    _NodeProcess.send = send  # type: ignore[method-assign]
    return counts


def snapshot_arguments(i: int) -> dict[str, Any]:
    """The arguments of snapshot ``i``, the same for every case that builds snapshots."""
    return {
        "disk_id": f"d-{i:08x}",
        "category": "standard",
        "description": "nightly backup",
        "retention_days": 30,
        "snapshot_name": f"nightly-{i}",
        "tags": {"team": "infra", "env": "prod"},
    }


def worker(case: str, n: int, count_calls: bool) -> dict[str, Any]:
    t_import = time.perf_counter()
    from cdktf_ecs_snapshot._core import core

    cdk = core()
    import_s = time.perf_counter() - t_import
    counts = _count_kernel_calls() if count_calls else None
    outdir = tempfile.mkdtemp(prefix="bench-")
    setup: Any
    if case == "ecs":
        from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot

        def setup(stack: Any) -> None:
            AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
            for i in range(n):
                EcsSnapshot(stack, f"snap{i}", **snapshot_arguments(i))
    elif case == "handwritten":
        import jsii

        class Naive(cdk.TerraformResource):  # type: ignore[misc]
            """The naive way: a TerraformResource subclass whose attributes come from a Python callback."""

            def __init__(self, scope: Any, id: str, **values: Any) -> None:
                super().__init__(
                    scope,
                    id,
                    terraform_resource_type="alicloud_ecs_snapshot",
                    terraform_generator_metadata=cdk.TerraformProviderGeneratorMetadata(provider_name="alicloud"),
                )
                self._values = values

            @jsii.member(jsii_name="synthesizeAttributes")
            def _synthesize_attributes(self) -> Any:
                return dict(self._values)

        from cdktf_ecs_snapshot import AlicloudProvider

        def setup(stack: Any) -> None:
            AlicloudProvider(stack, "alicloud", region="cn-hangzhou")  # the same provider as the ecs case
            for i in range(n):
                Naive(stack, f"snap{i}", **snapshot_arguments(i))
    elif case == "empty":

        def setup(stack: Any) -> None:
            """Nothing: the app, the stack and synthesis, which every case pays once."""

    elif case == "generated":
        from cdktf_cdktf_provider_null.provider import NullProvider
        from cdktf_cdktf_provider_null.resource import Resource

        def setup(stack: Any) -> None:
            NullProvider(stack, "null")
            for i in range(n):
                Resource(
                    stack,
                    f"snap{i}",
                    triggers={
                        "disk_id": f"d-{i:08x}",
                        "category": "standard",
                        "description": "nightly backup",
                        "retention_days": "30",
                        "snapshot_name": f"nightly-{i}",
                    },
                )
    else:
        raise SystemExit(f"unknown case {case}")
    t0 = time.perf_counter()
    app = cdk.App(outdir=outdir)
    stack = cdk.TerraformStack(app, "bench")
    setup(stack)
    t1 = time.perf_counter()
    app.synth()
    t2 = time.perf_counter()
    result: dict[str, Any] = {
        "case": case,
        "n": n,
        "import_s": import_s,
        "construct_s": t1 - t0,
        "synth_s": t2 - t1,
        "total_s": t2 - t0,
    }
    if counts is not None:
        result["kernel_calls"] = dict(counts)
        result["kernel_calls_total"] = sum(counts.values())
    return result


# -- driver ----------------------------------------------------------------------------------------


def run_worker(case: str, n: int, count_calls: bool = False) -> dict[str, Any]:
    cmd = [PY, os.path.abspath(__file__), "--worker", case, str(n)] + (["--count-calls"] if count_calls else [])
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="18,20")
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"worker {case} {n} failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_wall_s"] = wall
    return result


def bench_constructs(sizes: list[int], repeat: int) -> dict[str, Any]:
    raw: dict[str, dict[int, list[dict[str, Any]]]] = {c: {n: [] for n in sizes} for c in CASES}
    floor: list[dict[str, Any]] = []
    for n in sizes:
        for r in range(repeat):
            order = CASES[r % 3 :] + CASES[: r % 3]  # interleave and rotate the order
            if n == sizes[0]:
                floor.append(run_worker("empty", 0))
            for case in order:
                raw[case][n].append(run_worker(case, n))
                print(f"  {case:12} n={n:5} run {r + 1}: total {raw[case][n][-1]['total_s']:.3f}s", file=sys.stderr)
    empty_s = statistics.median(r["total_s"] for r in floor)
    table: dict[str, Any] = {"empty_app_s": empty_s}
    for n in sizes:
        row: dict[str, Any] = {}
        for case in CASES:
            runs = raw[case][n]
            row[case] = {
                key: statistics.median(r[key] for r in runs)
                for key in ("construct_s", "synth_s", "total_s", "process_wall_s", "import_s")
            }
        row["ratio_vs_handwritten"] = row["ecs"]["total_s"] / row["handwritten"]["total_s"]
        row["ratio_vs_generated"] = row["ecs"]["total_s"] / row["generated"]["total_s"]
        # What the app, stack and synthesis cost with no resource at all, as a share of the hand-written
        # total: the lowest ratio any construct could reach at this size.
        row["empty_app_vs_handwritten"] = empty_s / row["handwritten"]["total_s"]
        table[str(n)] = row
    crossing_n = 100
    calls = {case: run_worker(case, crossing_n, count_calls=True) for case in CASES}
    table["kernel_calls_per_snapshot_n100"] = {
        case: {
            "total": calls[case]["kernel_calls_total"] / crossing_n,
            **{k: v / crossing_n for k, v in sorted(calls[case]["kernel_calls"].items())},
        }
        for case in CASES
    }
    return table


def _doc_specs(n: int) -> Any:
    from cdktf_ecs_snapshot.plain import SnapshotSpec

    return [SnapshotSpec(id=f"snap{i}", **snapshot_arguments(i)) for i in range(n)]


def bench_plain(sizes: list[int], repeat: int) -> dict[str, Any]:
    from cdktf_ecs_snapshot.plain import ProviderSpec, build_document, render

    out: dict[str, Any] = {}
    provider = ProviderSpec(region="cn-hangzhou")
    for n in sizes:
        specs = _doc_specs(n)
        document = build_document(specs, provider=provider).document
        plain, dumps, with_specs = [], [], []
        for _ in range(max(repeat, 5)):
            t = time.perf_counter()
            text = render(specs, provider=provider)
            plain.append(time.perf_counter() - t)
            t = time.perf_counter()
            baseline = json.dumps(document, sort_keys=True, indent=2) + "\n"
            dumps.append(time.perf_counter() - t)
            t = time.perf_counter()
            render(_doc_specs(n), provider=provider)
            with_specs.append(time.perf_counter() - t)
        assert text == baseline, "plain output differs from json.dumps of the identical document"
        p, d, w = statistics.median(plain), statistics.median(dumps), statistics.median(with_specs)
        out[str(n)] = {
            "plain_s": p,
            "json_dumps_s": d,
            "ratio": p / d,
            "plain_including_spec_objects_s": w,
            "ratio_including_spec_objects": w / d,
        }
    return out


def bench_import(repeat: int) -> dict[str, Any]:
    snippets = {
        "without_core": "import cdktf_ecs_snapshot",
        "with_core": "import cdktf_ecs_snapshot; cdktf_ecs_snapshot.cdk",
    }
    out: dict[str, Any] = {}
    for name, code in snippets.items():
        probe = f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"
        times, walls = [], []
        for _ in range(max(repeat, 5)):
            t = time.perf_counter()
            proc = subprocess.run(
                [PY, "-c", probe],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
                env=dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="18,20"),
            )
            walls.append(time.perf_counter() - t)
            times.append(float(proc.stdout.strip().splitlines()[-1]))
        out[name] = {"import_s": statistics.median(times), "process_wall_s": statistics.median(walls)}
    return out


def bench_validation() -> dict[str, Any]:
    from cdktf_ecs_snapshot.validate import validate_snapshot

    args = {
        "disk_id": "d-123",
        "category": "standard",
        "description": "nightly backup",
        "retention_days": 30,
        "snapshot_name": "nightly-1",
        "tags": {"team": "infra", "env": "prod"},
    }
    token = {"disk_id": "${alicloud_ecs_disk.d.id}", "retention_days": "${var.days}"}
    out = {}
    for name, arguments in (("typical", args), ("tokens", token), ("minimal", {"disk_id": "d-1"})):
        samples = []
        for _ in range(5):
            n = 20000
            t = time.perf_counter()
            for _ in range(n):
                validate_snapshot(arguments, name="x")
            samples.append((time.perf_counter() - t) / n)
        out[name + "_us"] = statistics.median(samples) * 1e6
    return out


def bench_external(repeat: int) -> dict[str, Any]:
    package = os.path.join(ROOT, "cdktf_ecs_snapshot")
    if not (os.path.isdir(os.path.join(package, "ecs_external")) and os.path.isdir(os.path.join(package, "local_ecs"))):
        return {"skipped": "cdktf_ecs_snapshot/ecs_external or local_ecs is not present"}
    secret = "bench-secret"
    env = dict(os.environ, LOCAL_ECS_ACCESS_KEY_SECRET=secret)
    seed_text = subprocess.run(
        [PY, "-m", "cdktf_ecs_snapshot.local_ecs", "example-seed"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    seed = json.loads(seed_text)
    disk_id = seed["instances"][0]["disks"][1]["disk_id"]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(seed_text)
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "cdktf_ecs_snapshot.local_ecs",
            "serve",
            "--port",
            "0",
            "--access-key-id",
            "LTAI-bench",
            "--region",
            seed.get("region_id", "cn-hangzhou"),
            "--seed",
            handle.name,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        endpoint = line.split(" listening on ")[1].split()[0]
        client_env = dict(
            os.environ,
            ALICLOUD_ACCESS_KEY="LTAI-bench",
            ALICLOUD_SECRET_KEY=secret,
            ALICLOUD_REGION=seed.get("region_id", "cn-hangzhou"),
            ALICLOUD_ECS_ENDPOINT=endpoint,
        )
        bare = (
            "import os\n"
            "from alibabacloud_ecs20140526.client import Client\n"
            "from alibabacloud_ecs20140526.models import DescribeDisksRequest\n"
            "from alibabacloud_tea_openapi.utils_models import Config\n"
            "c = Client(Config(access_key_id=os.environ['ALICLOUD_ACCESS_KEY'],"
            " access_key_secret=os.environ['ALICLOUD_SECRET_KEY'], region_id=os.environ['ALICLOUD_REGION'],"
            " endpoint=os.environ['ALICLOUD_ECS_ENDPOINT'], protocol='http'))\n"
            f"r = c.describe_disks(DescribeDisksRequest(region_id=os.environ['ALICLOUD_REGION'],"
            f" disk_ids='[\"{disk_id}\"]'))\n"
            "print(r.body.disks.disk[0].disk_id)\n"
        )
        helper_times, bare_times = [], []
        for _ in range(max(repeat, 3)):
            t = time.perf_counter()
            helper = subprocess.run(
                [PY, "-m", "cdktf_ecs_snapshot.ecs_external", "disk"],
                input=json.dumps({"disk_id": disk_id}),
                capture_output=True,
                text=True,
                cwd=ROOT,
                env=client_env,
                check=False,
            )
            helper_times.append(time.perf_counter() - t)
            if helper.returncode != 0:
                return {"skipped": f"helper failed: {helper.stderr.strip()[-400:]}"}
            t = time.perf_counter()
            direct = subprocess.run(
                [PY, "-c", bare], capture_output=True, text=True, cwd=ROOT, env=client_env, check=False
            )
            bare_times.append(time.perf_counter() - t)
            if direct.returncode != 0:
                return {"skipped": f"bare SDK call failed: {direct.stderr.strip()[-400:]}"}
        h, b = statistics.median(helper_times), statistics.median(bare_times)
        return {"helper_process_s": h, "bare_sdk_process_s": b, "ratio": h / b, "disk_id": disk_id}
    finally:
        server.terminate()
        server.wait(timeout=10)
        os.unlink(handle.name)


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((ln.split(":", 1)[1].strip() for ln in handle if ln.startswith("model name")), "")
    except OSError:
        pass
    try:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        node = "not found"
    from cdktf_ecs_snapshot._core import core_name

    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "node": node,
        "core": core_name(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 1 and 100 only, fewer repeats")
    parser.add_argument("--out", default="bench-results.json")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", nargs=2, metavar=("CASE", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--count-calls", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.count_calls)))
        return 0
    repeat = max(3, args.repeat)
    sizes = [1, 100] if args.quick else [1, 100, 1000]
    results: dict[str, Any] = {"machine": machine(), "repeat": repeat}
    print("(a) constructs", file=sys.stderr)
    results["constructs"] = bench_constructs(sizes, repeat)
    print("(b) plain", file=sys.stderr)
    results["plain"] = bench_plain([1000] if args.quick else [1000, 10000], repeat)
    print("(c) import", file=sys.stderr)
    results["import"] = bench_import(repeat)
    print("(d) external helper", file=sys.stderr)
    try:
        results["external"] = bench_external(repeat)
    except Exception as exc:  # e.g. the [ecs] extra is not installed: say so in the results, do not stop
        results["external"] = {"skipped": f"{type(exc).__name__}: {exc}"}
    print("(e) validation", file=sys.stderr)
    results["validation"] = bench_validation()
    results["targets"] = _targets(results)
    with open(args.out, "w") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
        handle.write("\n")
    _print_summary(results)
    return 0


def _targets(results: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n, row in results["constructs"].items():
        if not n.isdigit():
            continue
        out[f"ecs_vs_handwritten_n{n} <= 0.5"] = {
            "value": row["ratio_vs_handwritten"],
            "met": row["ratio_vs_handwritten"] <= 0.5,
        }
        out[f"ecs_vs_generated_n{n} <= 1.0"] = {
            "value": row["ratio_vs_generated"],
            "met": row["ratio_vs_generated"] <= 1.0,
        }
    for n, row in results["plain"].items():
        out[f"plain_vs_json_dumps_n{n} <= 3"] = {"value": row["ratio"], "met": row["ratio"] <= 3}
    imp = results["import"]["without_core"]["import_s"]
    out["import_without_core <= 0.1s"] = {"value": imp, "met": imp <= 0.1}
    return out


def _print_summary(results: dict[str, Any]) -> None:
    m = results["machine"]
    print(f"machine: {m['nproc']} CPU {m['cpu_model']}; Python {m['python']}; Node {m['node']}; core {m['core']}")
    print("\n(a) construct + synth, median of", results["repeat"], "fresh processes (seconds)")
    print(
        f"{'n':>6} {'EcsSnapshot':>12} {'hand-written':>13} {'generated':>10} {'vs hand':>8} {'vs gen':>7}"
        f" {'empty app vs hand':>18}"
    )
    for n, row in results["constructs"].items():
        if n.isdigit():
            print(
                f"{n:>6} {row['ecs']['total_s']:12.3f} {row['handwritten']['total_s']:13.3f} "
                f"{row['generated']['total_s']:10.3f} {row['ratio_vs_handwritten']:8.2f} "
                f"{row['ratio_vs_generated']:7.2f} {row['empty_app_vs_handwritten']:18.2f}"
            )
    print(f"empty app (App + stack + synth, no resources): {results['constructs']['empty_app_s']:.4f}s")
    calls = results["constructs"]["kernel_calls_per_snapshot_n100"]
    print("jsii kernel calls per snapshot (n=100):", ", ".join(f"{case} {calls[case]['total']:.1f}" for case in CASES))
    print("\n(b) plain path vs json.dumps of the identical document")
    for n, row in results["plain"].items():
        print(
            f"{n:>6}: plain {row['plain_s']:.4f}s, json.dumps {row['json_dumps_s']:.4f}s, ratio "
            f"{row['ratio']:.2f} (with building spec objects {row['ratio_including_spec_objects']:.2f})"
        )
    imp = results["import"]
    print(
        f"\n(c) import cdktf_ecs_snapshot: {imp['without_core']['import_s']:.3f}s without core, "
        f"{imp['with_core']['import_s']:.3f}s with core (process wall {imp['without_core']['process_wall_s']:.3f}s"
        f" / {imp['with_core']['process_wall_s']:.3f}s)"
    )
    ext = results["external"]
    if "skipped" in ext:
        print(f"\n(d) external helper: skipped ({ext['skipped']})")
    else:
        print(
            f"\n(d) external helper process {ext['helper_process_s']:.3f}s vs bare SDK process "
            f"{ext['bare_sdk_process_s']:.3f}s (ratio {ext['ratio']:.2f})"
        )
    val = results["validation"]
    print(
        f"\n(e) validate_snapshot: typical {val['typical_us']:.1f} us, tokens {val['tokens_us']:.1f} us, "
        f"minimal {val['minimal_us']:.1f} us"
    )
    print("\ntargets:")
    for name, target in results["targets"].items():
        print(f"  {'met ' if target['met'] else 'MISS'} {name}: {target['value']:.3f}")


if __name__ == "__main__":
    sys.exit(main())
