"""Fault injection of the local endpoint, seen through the real SDK's exceptions."""

from __future__ import annotations

import json
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
