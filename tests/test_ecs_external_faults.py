"""The helper under network and API faults: bounded retries, clear errors, empty stdout, no secret leaks."""

from __future__ import annotations

import socket
import time

from ecs_fixtures import HELPER_RUNS, SECRET, helper_env, local_world, result_of, run_helper


def test_faults_throttling_is_retried_then_succeeds() -> None:
    with local_world() as world:
        world.ecs.add_fault("throttling", count=2)
        result = result_of(run_helper(world.ecs.endpoint, "preflight", {"disk_id": world.data1}))
        faulted = [r.fault for r in world.ecs.requests if r.fault]
    assert (result["ok"], faulted) == ("true", ["throttling", "throttling"])


def test_faults_throttling_beyond_total_bound_fails() -> None:
    with local_world() as world:
        world.ecs.add_fault("throttling", code="Throttling", count=-1)
        start = time.monotonic()
        query = {"disk_id": world.data1, "max_retry_seconds": "1"}
        proc = run_helper(world.ecs.endpoint, "preflight", query)
        elapsed = time.monotonic() - start
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "Throttling" in proc.stderr and "gave up after" in proc.stderr and "request id" in proc.stderr
    assert elapsed < 8


def test_faults_retry_after_header_is_honoured() -> None:
    with local_world() as world:
        world.ecs.add_fault("throttling", retry_after_ms=600)
        result_of(run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1}))
        first, second = world.ecs.requests[:2]
    assert second.at - first.at >= 0.55


def test_faults_server_errors_are_retried() -> None:
    with local_world() as world:
        world.ecs.add_fault("unavailable")
        world.ecs.add_fault("internal")
        result = result_of(run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1}))
    assert result["disk_id"] == world.data1


def test_faults_api_error_prints_code_message_and_request_id() -> None:
    with local_world() as world:
        world.ecs.add_fault("error", status=403, code="Forbidden.RAM", message="User not authorized.")
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1})
        request_id = world.ecs.requests[0].request_id
    assert (proc.returncode, proc.stdout) == (1, "")
    assert (
        "Forbidden.RAM" in proc.stderr and "User not authorized." in proc.stderr and request_id in proc.stderr
    )


def test_faults_slow_reply_is_a_timeout_error() -> None:
    with local_world() as world:
        endpoint = world.ecs.endpoint
        world.ecs.add_fault("slow", delay_seconds=3)
        proc = run_helper(endpoint, "disk", {"disk_id": world.data1, "read_timeout": "0.5"})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert f"http://{endpoint} did not answer within the read timeout of 0.5s" in proc.stderr


def test_faults_non_json_body_is_a_clear_error() -> None:
    with local_world() as world:
        world.ecs.add_fault("html")
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "replied with a body that is not JSON" in proc.stderr


def test_faults_dropped_connection_is_a_clear_error() -> None:
    with local_world() as world:
        world.ecs.add_fault("drop")
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "closed the connection without a reply" in proc.stderr


def test_faults_connection_refused_names_the_endpoint() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = run_helper(f"127.0.0.1:{port}", "disk", {"disk_id": "d-1"})
    assert (proc.returncode, proc.stdout) == (1, "")
    assert f"cannot connect to ECS endpoint http://127.0.0.1:{port}: connection refused" in proc.stderr


def test_faults_wrong_secret_is_an_api_error_without_the_secret() -> None:
    wrong = "wrong-secret-value-1234"
    with local_world() as world:
        env = helper_env(world.ecs.endpoint, ALICLOUD_SECRET_KEY=wrong)
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1}, env=env)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "SignatureDoesNotMatch" in proc.stderr and wrong not in proc.stderr


def test_faults_no_secret_in_any_output_or_request_log() -> None:
    with local_world() as world:
        endpoint = world.ecs.endpoint
        world.ecs.add_fault("throttling")
        world.ecs.add_fault("html", action="DescribeSnapshots")
        runs = [
            ("disk", {"disk_id": world.data1}),
            ("latest_snapshot", {"disk_id": world.data1}),
            ("latest_snapshot", {"disk_id": world.data1, "optional": "true"}),
            ("preflight", {"disk_id": world.data1, "strict": "true"}),
            ("preflight", {"disk_id": world.data1, "secret_key": SECRET}),
            ("disk", {"disk_name": "twin"}),
        ]
        for operation, query in runs:
            run_helper(endpoint, operation, query)
        log = repr(world.ecs.requests)
    outputs = "".join(out + err for out, err in HELPER_RUNS)
    assert HELPER_RUNS and SECRET not in outputs and SECRET not in log
