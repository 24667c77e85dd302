"""Fault injection of the local endpoint, seen through the real SDK's exceptions."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from alibabacloud_ecs20140526 import models
from alibabacloud_tea_openapi.exceptions import ClientException, ServerException, ThrottlingException
from ecs_fixtures import REGION, World, local_world, sdk_client
from Tea.exceptions import UnretryableException

from cdktf_ecs_snapshot.local_ecs import Fault


def _describe(world: World, read_timeout_ms: int = 5000) -> int:
    client = sdk_client(world.ecs, read_timeout_ms=read_timeout_ms)
    return int(client.describe_disks(models.DescribeDisksRequest(region_id=REGION)).body.total_count)


def test_fault_throttling_gives_client_exception_then_recovers() -> None:
    with local_world() as world:
        world.ecs.add_fault("throttling")
        with pytest.raises(ClientException) as caught:
            _describe(world)
        assert (caught.value.code, caught.value.status_code) == ("Throttling.User", 400)
        assert _describe(world) == 6


def test_fault_throttling_with_retry_after_gives_throttling_exception() -> None:
    with local_world() as world:
        world.ecs.add_fault("throttling", code="Throttling", retry_after_ms=1500)
        with pytest.raises(ThrottlingException) as caught:
            _describe(world)
    assert (caught.value.code, caught.value.retry_after) == ("Throttling", 1500)


@pytest.mark.parametrize(
    ("kind", "status", "code"),
    [("unavailable", 503, "ServiceUnavailable"), ("internal", 500, "InternalError")],
)
def test_fault_server_errors_give_server_exception(kind: str, status: int, code: str) -> None:
    with local_world() as world:
        world.ecs.add_fault(kind)
        with pytest.raises(ServerException) as caught:
            _describe(world)
    assert (caught.value.status_code, caught.value.code) == (status, code)


def test_fault_html_body_gives_unretryable_json_error() -> None:
    with local_world() as world:
        world.ecs.add_fault("html")
        with pytest.raises(UnretryableException) as caught:
            _describe(world)
    assert "json" in str(caught.value)


def test_fault_drop_gives_unretryable_connection_error() -> None:
    with local_world() as world:
        world.ecs.add_fault("drop")
        with pytest.raises(UnretryableException) as caught:
            _describe(world)
    assert "Connection aborted" in str(caught.value) or "RemoteDisconnected" in str(caught.value)


def test_fault_slow_reply_exceeds_read_timeout() -> None:
    with local_world() as world:
        world.ecs.add_fault("slow", delay_seconds=1.5)
        with pytest.raises(UnretryableException) as caught:
            _describe(world, read_timeout_ms=300)
    assert "timed out" in str(caught.value).lower()


def test_fault_limited_to_action_spares_other_actions() -> None:
    with local_world() as world:
        world.ecs.add_fault("internal", action="DescribeSnapshots", count=-1)
        assert _describe(world) == 6
        assert len(world.ecs.fault_plan.pending()) == 1


def test_fault_count_hits_exactly_n_requests() -> None:
    with local_world(faults=[Fault("unavailable", count=2)]) as world:
        outcomes = []
        for _ in range(3):
            try:
                outcomes.append(_describe(world))
            except ServerException as error:
                outcomes.append(error.code)
    assert outcomes == ["ServiceUnavailable", "ServiceUnavailable", 6]


def test_fault_control_endpoint_adds_and_lists_faults() -> None:
    with local_world() as world:
        body = json.dumps(
            {"faults": [{"kind": "throttling", "count": 2, "action": "DescribeDisks"}]}
        ).encode()
        request = urllib.request.Request(
            f"http://{world.ecs.endpoint}/__control/faults", data=body, method="POST"
        )
        with urllib.request.urlopen(request, timeout=5) as reply:
            pending = json.loads(reply.read())["faults"]
        with pytest.raises(ClientException):
            _describe(world)
    assert [(f["kind"], f["count"], f["action"]) for f in pending] == [("throttling", 2, "DescribeDisks")]


def test_fault_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="fault kind"):
        Fault("gremlins")


def _raw(world: World, request: bytes) -> tuple[int, dict[str, object]]:
    """Send raw bytes to the endpoint; return the status and the JSON body (fails if the body is not JSON)."""
    import socket

    host, port = world.ecs.endpoint.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize(
    "headers",
    [b"Content-Length: -5\r\n", b"Content-Length: abc\r\n", b"Transfer-Encoding: chunked\r\n"],
)
def test_fault_bad_content_length_or_chunked_gives_api_error(headers: bytes) -> None:
    """A negative/non-numeric Content-Length or a chunked body: HTTP 400 in the API's JSON error shape."""
    with local_world() as world:
        status, body = _raw(world, b"POST / HTTP/1.1\r\nHost: x\r\n" + headers + b"Connection: close\r\n\r\n")
    assert (status, body["Code"]) == (400, "InvalidParameter")
    assert {"RequestId", "HostId", "Message"} <= set(body)


def test_fault_url_over_64kb_gives_api_error_shape() -> None:
    """A request line over 64 KB gets HTTP 414 with a JSON body, not http.server's HTML page."""
    with local_world() as world:
        status, body = _raw(world, b"GET /?" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (status, body["Code"]) == (414, "InvalidParameter")


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "slow", "delay_seconds": 1e308},
        {"kind": "slow", "delay_seconds": -1},
        {"kind": "slow", "delay_seconds": float("nan")},
        {"kind": "throttling", "count": 0},
        {"kind": "throttling", "count": 1e9},
        {"kind": "error", "status": 99},
    ],
)
def test_fault_out_of_range_fields_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must be"):
        Fault.from_json(fields)


def test_fault_control_errors_do_not_echo_internals() -> None:
    """A control request of an unexpected shape gets a generic message, a known one a clear message."""
    with local_world() as world:

        def post(route: str, payload: bytes) -> tuple[int, str]:
            request = urllib.request.Request(
                f"http://{world.ecs.endpoint}/__control/{route}", data=payload, method="POST"
            )
            try:
                with urllib.request.urlopen(request, timeout=5) as reply:
                    return reply.status, json.loads(reply.read())["error"]
            except urllib.error.HTTPError as error:
                return error.code, json.loads(error.read())["error"]

        assert post("seed", b'{"disks": [{"creation_time": "garbage"}]}') == (
            400,
            "invalid request body for POST /__control/seed",
        )
        assert post("faults", b'{"kind": "slow", "delay_seconds": 1e308}')[0] == 400
        assert "delay_seconds" in post("faults", b'{"kind": "slow", "delay_seconds": 1e308}')[1]
        assert post("settings", b'{"snapshot_seconds": "nan"}')[1].startswith("snapshot_seconds must be")
        assert post("seed", b"[1]") == (400, "a seed must be a JSON object; got a JSON list")
