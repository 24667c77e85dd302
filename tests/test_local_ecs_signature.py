"""The local endpoint verifies signatures like the real one: the real SDK gets the real error shapes."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from alibabacloud_ecs20140526 import models
from alibabacloud_ecs20140526.client import Client
from alibabacloud_tea_openapi.exceptions import ClientException
from alibabacloud_tea_openapi.utils_models import Config, OpenApiRequest, Params
from darabonba.runtime import RuntimeOptions
from ecs_fixtures import AK, REGION, local_world, sdk_client


def test_signature_v3_accepts_correct_secret() -> None:
    with local_world() as world:
        body = sdk_client(world.ecs).describe_disks(models.DescribeDisksRequest(region_id=REGION)).body
        assert body.total_count == 6


def test_signature_v3_wrong_secret_gives_signature_does_not_match() -> None:
    with local_world() as world:
        client = sdk_client(world.ecs, secret="not-the-secret")
        with pytest.raises(ClientException) as caught:
            client.describe_disks(models.DescribeDisksRequest(region_id=REGION))
    error = caught.value
    assert (error.code, error.status_code) == ("SignatureDoesNotMatch", 400)
    assert {"RequestId", "HostId", "Code", "Message", "Recommend"} <= set(error.data)
    assert error.request_id == error.data["RequestId"]


def test_signature_unknown_access_key_gives_not_found() -> None:
    with local_world() as world:
        client = sdk_client(world.ecs, access_key_id="LTAI-nobody")
        with pytest.raises(ClientException) as caught:
            client.describe_disks(models.DescribeDisksRequest(region_id=REGION))
    assert caught.value.code == "InvalidAccessKeyId.NotFound"


def test_signature_missing_authorization_gives_incomplete_signature() -> None:
    with local_world() as world:
        request = urllib.request.Request(
            f"http://{world.ecs.endpoint}/?RegionId={REGION}",
            method="POST",
            headers={"x-acs-action": "DescribeDisks", "x-acs-version": "2014-05-26"},
        )
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=5)
    assert json.loads(caught.value.read())["Code"] == "IncompleteSignature"


def test_signature_tampered_query_is_rejected() -> None:
    with local_world() as world:
        client = sdk_client(world.ecs)
        # Spaces, '+' and non-ASCII must survive canonicalisation (this one passes the signature check)...
        with pytest.raises(ClientException) as caught:
            client.create_snapshot(models.CreateSnapshotRequest(disk_id=world.data1, snapshot_name="a b+ü"))
    # ...and then fail on the API's own rule, proving the signature matched.
    assert caught.value.code == "InvalidSnapshotName.Malformed"


def test_signature_v2_rpc_style_is_accepted() -> None:
    with local_world() as world:
        config = Config(
            access_key_id=AK,
            access_key_secret="sEcReT-value-9f8e7d6c5b4a",
            endpoint=world.ecs.endpoint,
            protocol="http",
            region_id=REGION,
            signature_algorithm="v2",
        )
        body = (
            Client(config)
            .describe_disks(models.DescribeDisksRequest(region_id=REGION, disk_name="data1"))
            .body
        )
    assert [d.disk_name for d in body.disks.disk] == ["data1"]


def test_signature_v2_wrong_secret_is_rejected() -> None:
    with local_world() as world:
        config = Config(
            access_key_id=AK,
            access_key_secret="wrong",
            endpoint=world.ecs.endpoint,
            protocol="http",
            region_id=REGION,
            signature_algorithm="v2",
        )
        with pytest.raises(ClientException) as caught:
            Client(config).describe_disks(models.DescribeDisksRequest(region_id=REGION))
    assert caught.value.code == "SignatureDoesNotMatch"


def test_action_unknown_gives_invalid_action() -> None:
    with local_world() as world:
        client = sdk_client(world.ecs)
        params = Params(
            action="DescribeNothing",
            version="2014-05-26",
            protocol="HTTP",
            pathname="/",
            method="POST",
            auth_type="AK",
            style="RPC",
            req_body_type="formData",
            body_type="json",
        )
        with pytest.raises(ClientException) as caught:
            client.call_api(params, OpenApiRequest(query={"RegionId": REGION}), RuntimeOptions())
    assert (caught.value.code, caught.value.status_code) == ("InvalidAction.NotFound", 404)


def test_request_log_records_action_and_params_without_signature() -> None:
    with local_world() as world:
        sdk_client(world.ecs).describe_disks(models.DescribeDisksRequest(region_id=REGION, disk_name="data1"))
        record = world.ecs.requests[-1]
    assert (record.action, record.params, record.status) == (
        "DescribeDisks",
        {"RegionId": REGION, "DiskName": "data1"},
        200,
    )
