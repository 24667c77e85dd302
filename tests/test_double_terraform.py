"""The double under real Terraform with hand-written JSON stacks: the provider-side behaviours users hit."""

from __future__ import annotations

import json
import sys
from typing import Any

from terraform_fixtures import *  # noqa: F403
from terraform_fixtures import DATA_DISK, INSTANCE, LOOSE_DISK, needs_terraform, stack_doc

pytestmark = needs_terraform


def snap(**kw: Any) -> dict[str, Any]:
    return {"alicloud_ecs_snapshot": {"s": {"disk_id": DATA_DISK, **kw}}}


def test_double_validate_reports_provider_side_errors(workspace: Any) -> None:
    ws = workspace(stack_doc(snap(category="Flash", name="a-name", snapshot_name="b-name")))
    proc = ws.run("validate", check=False)
    assert proc.returncode == 1
    text = " ".join((proc.stdout + proc.stderr).split())
    assert 'expected category to be one of ["standard" "flash"], got Flash' in text
    assert '"name": conflicts with snapshot_name' in text


def test_double_deprecated_name_warns_and_sets_both_names(workspace: Any) -> None:
    ws = workspace(stack_doc(snap(name="legacy-name")))
    out = " ".join(ws.apply().stdout.split())  # Terraform wraps long lines
    assert "Argument is deprecated" in out and "New field `snapshot_name` instead" in out
    attrs = ws.attributes("alicloud_ecs_snapshot.s")
    assert attrs["name"] == attrs["snapshot_name"] == "legacy-name"
    assert ws.plan().returncode == 0


def test_double_lowering_retention_fails_with_the_api_error(workspace: Any) -> None:
    ws = workspace(stack_doc(snap(retention_days=30)))
    ws.apply()
    ws.write(stack_doc(snap(retention_days=10)))
    proc = ws.run("apply", "-auto-approve", check=False)
    assert proc.returncode == 1
    assert "InvalidRetentionDays.Malformed" in proc.stdout + proc.stderr
    # the next plan shows the same change again: ECS kept 30
    assert "retention_days = 30 -> 10" in ws.plan().stdout


def test_double_import_of_missing_snapshot_is_refused(workspace: Any) -> None:
    ws = workspace(stack_doc(snap(), **{"import": [{"id": "s-doesnotexist0000", "to": "alicloud_ecs_snapshot.s"}]}))
    proc = ws.plan(check=False)
    assert proc.returncode == 1
    assert "Cannot import non-existent remote object" in proc.stdout + proc.stderr


def test_double_import_does_not_read_back_force(workspace: Any, ecs_endpoint: Any) -> None:
    existing = ecs_endpoint.add_snapshot(DATA_DISK, snapshot_name="imported-one").snapshot_id
    ws = workspace(
        stack_doc(
            snap(snapshot_name="imported-one", force=True),
            **{"import": [{"id": existing, "to": "alicloud_ecs_snapshot.s"}]},
        )
    )
    out = ws.plan().stdout
    assert "1 to import, 0 to add, 1 to change, 0 to destroy" in out  # force is not read back: in-place diff
    assert "+ force" in out


def test_double_deleted_out_of_band_plans_a_create(workspace: Any, ecs_endpoint: Any) -> None:
    ws = workspace(stack_doc(snap(snapshot_name="gone-soon")))
    ws.apply()
    del ecs_endpoint.store.snapshots[ws.attributes("alicloud_ecs_snapshot.s")["id"]]
    assert "1 to add, 0 to change, 0 to destroy" in ws.plan().stdout


def test_double_disk_attachment_and_data_source(workspace: Any) -> None:
    doc = stack_doc(
        {
            "alicloud_ecs_disk": {
                "d": {"zone_id": "cn-hangzhou-i", "category": "cloud_essd", "size": 20, "disk_name": "rehearsal-disk"}
            },
            "alicloud_ecs_disk_attachment": {"a": {"disk_id": "${alicloud_ecs_disk.d.id}", "instance_id": INSTANCE}},
            "alicloud_ecs_snapshot": {
                "s": {"disk_id": "${alicloud_ecs_disk_attachment.a.disk_id}", "snapshot_name": "from-new-disk"}
            },
        },
        data={
            "alicloud_ecs_snapshots": {"all": {"name_regex": "^from-new", "depends_on": ["alicloud_ecs_snapshot.s"]}}
        },
        output={
            "names": {"value": "${data.alicloud_ecs_snapshots.all.names}"},
            "disk_of_first": {"value": "${data.alicloud_ecs_snapshots.all.snapshots[0].disk_id}"},
        },
    )
    ws = workspace(doc)
    ws.apply()
    outputs = ws.state()["outputs"]
    assert outputs["names"]["value"] == ["from-new-disk"]
    assert outputs["disk_of_first"]["value"] == ws.attributes("alicloud_ecs_disk.d")["id"]
    assert ws.attributes("alicloud_ecs_disk_attachment.a")["device"]
    assert ws.plan().returncode == 0


def test_double_external_data_source_runs_program_with_query(workspace: Any, tmp_path: Any) -> None:
    program = tmp_path / "echo.py"
    program.write_text("import json, sys\nq = json.load(sys.stdin)\nprint(json.dumps({'got': q['x'] + '!'}))\n")
    doc = {
        "terraform": {"required_providers": {"external": {"source": "hashicorp/external", "version": "2.3.5"}}},
        "data": {"external": {"e": {"program": [sys.executable, str(program)], "query": {"x": "hi"}}}},
        "output": {"got": {"value": "${data.external.e.result.got}"}},
    }
    ws = workspace(doc)
    ws.apply()
    assert ws.state()["outputs"]["got"]["value"] == "hi!"


def test_double_external_failure_shows_stderr(workspace: Any, tmp_path: Any) -> None:
    program = tmp_path / "fail.py"
    program.write_text("import sys\nprint('no such snapshot', file=sys.stderr)\nsys.exit(3)\n")
    doc = {
        "terraform": {"required_providers": {"external": {"source": "hashicorp/external", "version": "2.3.5"}}},
        "data": {"external": {"e": {"program": [sys.executable, str(program)]}}},
    }
    proc = workspace(doc).plan(check=False)
    text = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode == 1
    assert "External Program Execution Failed" in text and "no such snapshot" in text and "exit status 3" in text


def test_double_schema_served_matches_version(workspace: Any) -> None:
    ws = workspace(stack_doc(version="1.230.0"))
    doc = json.loads(ws.run("providers", "schema", "-json").stdout)
    schema = doc["provider_schemas"]["registry.terraform.io/aliyun/alicloud"]["resource_schemas"]
    assert "create_time" not in schema["alicloud_ecs_snapshot"]["block"]["attributes"]
    assert LOOSE_DISK  # seeded, used by the rehearsal docs
