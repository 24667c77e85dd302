"""The helper's side of Terraform's external protocol: input checks, usage errors, output shape."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ecs_fixtures import REGION, local_world, run_helper

from cdktf_ecs_snapshot.ecs_external.protocol import render_result, stringify

_NO_ENDPOINT = "127.0.0.1:9"


@pytest.mark.parametrize(
    ("stdin", "fragment"),
    [
        ("{not json", "stdin is not JSON"),
        ('["a"]', "must be a JSON object"),
        ('{"disk_id": 5}', "must be strings"),
    ],
)
def test_protocol_malformed_stdin_exits_2_with_usage(stdin: str, fragment: str) -> None:
    proc = run_helper(_NO_ENDPOINT, "preflight", stdin)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert fragment in proc.stderr and "usage:" in proc.stderr


def test_protocol_unknown_operation_exits_2() -> None:
    proc = run_helper(_NO_ENDPOINT, "snapshot_everything", {})
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "expected one operation" in proc.stderr


def test_protocol_missing_key_exits_2() -> None:
    proc = run_helper(_NO_ENDPOINT, "latest_snapshot", {})
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "missing query key(s) disk_id" in proc.stderr


def test_protocol_unknown_key_exits_2() -> None:
    proc = run_helper(_NO_ENDPOINT, "preflight", {"disk_id": "d-1", "diskid": "d-1"})
    assert proc.returncode == 2 and "unknown query key(s) diskid" in proc.stderr


@pytest.mark.parametrize(
    "key", ["access_key", "secret_key", "security_token", "password", "AccessKey", "my_Secret"]
)
def test_protocol_secret_bearing_key_is_refused(key: str) -> None:
    proc = run_helper(_NO_ENDPOINT, "preflight", {"disk_id": "d-1", key: "x"})
    assert (proc.returncode, proc.stdout) == (2, "")
    assert f"refusing query key(s) {key}" in proc.stderr


def test_protocol_instance_without_disk_type_exits_2() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "disk", {"instance_id": world.instance_id})
    assert proc.returncode == 2 and "needs disk_type" in proc.stderr


def test_protocol_missing_region_exits_2() -> None:
    from ecs_fixtures import helper_env

    env = {k: v for k, v in helper_env(_NO_ENDPOINT).items() if k != "ALICLOUD_REGION"}
    proc = run_helper(_NO_ENDPOINT, "preflight", {"disk_id": "d-1"}, env=env)
    assert proc.returncode == 2 and "no region" in proc.stderr


def test_protocol_region_from_query_overrides_env() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1, "region": "cn-beijing"})
    assert proc.returncode == 1 and "in region cn-beijing" in proc.stderr


def test_protocol_output_is_flat_object_of_strings() -> None:
    with local_world() as world:
        proc = run_helper(world.ecs.endpoint, "disk", {"disk_id": world.data1})
    data = json.loads(proc.stdout)
    assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values())
    assert data["region_id"] == REGION


@pytest.mark.parametrize(
    ("value", "text"),
    [(40, "40"), (True, "true"), (False, "false"), (None, ""), (["a", "b"], "a,b"), ([], ""), ("x", "x")],
)
def test_stringify_rule(value: object, text: str) -> None:
    assert stringify(value) == text


def test_render_result_sorts_keys_and_stringifies() -> None:
    assert render_result({"b": 1, "a": None}) == '{"a": "", "b": "1"}'


def test_protocol_deeply_nested_stdin_exits_2() -> None:
    """stdin nested 100000 levels deep is a usage error, not a RecursionError traceback."""
    proc = run_helper(_NO_ENDPOINT, "preflight", '{"a":' * 100000)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "nested too deeply" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("endpoint", ["127.0.0.1:9/x?y", "user@host", "host:99999", "http://h/p"])
def test_protocol_endpoint_with_path_is_usage_error(endpoint: str) -> None:
    """An endpoint that is not host[:port] is refused with a clear usage error before any request."""
    proc = run_helper(_NO_ENDPOINT, "preflight", {"disk_id": "d-bp1abc", "endpoint": endpoint, "region": REGION})
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[0].startswith("cdktf-ecs-snapshot-external: endpoint must be host[:port]")


def test_protocol_no_credentials_gives_one_line(tmp_path: Path) -> None:
    """No credentials anywhere: exactly one stderr line (the SDK's logging tracebacks are silenced)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALICLOUD_", "ALIBABA_CLOUD_"))}
    env.update(HOME=str(tmp_path), ALICLOUD_REGION=REGION)
    proc = run_helper(_NO_ENDPOINT, "preflight", {"disk_id": "d-bp1abc", "endpoint": _NO_ENDPOINT}, env=env)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr.count("\n") == 1, proc.stderr[:2000]
    assert "cannot load Alibaba Cloud credentials" in proc.stderr
