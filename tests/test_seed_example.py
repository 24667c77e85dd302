"""examples/basic reproduces the provider documentation's example (seed.tf) as data, in JSON and HCL."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import hcl2
import pytest
from hcl2 import SerializationOptions

from cdktf_ecs_snapshot.schema import Kind, attribute

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "basic" / "main.py"
SEED = ROOT / "examples" / "basic" / "seed.tf"
_HCL = SerializationOptions(with_comments=False, explicit_blocks=False, strip_string_quotes=True)


def _parse_hcl(text: str) -> dict[str, Any]:
    parsed: dict[str, Any] = hcl2.loads(text, serialization_options=_HCL)
    return parsed


def _resources(parsed: dict[str, Any], rtype: str = "alicloud_ecs_snapshot") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for block in parsed.get("resource", []):
        out.update(block.get(rtype, {}))
    return out


def _as_terraform_sees_it(attributes: dict[str, Any]) -> dict[str, Any]:
    """Convert like Terraform does for the schema's types: "20" for a number attribute is 20."""
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        kind = attribute(key).kind
        if kind is Kind.NUMBER and isinstance(value, str):
            out[key] = int(value)
        elif kind is Kind.BOOL and isinstance(value, str):
            out[key] = value == "true"
        else:
            out[key] = value
    return out


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE), run_name="basic_example")


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    resource: dict[str, Any] = _resources(_parse_hcl(SEED.read_text(encoding="utf-8")))["default"]
    return resource


def test_seed_hcl_parses_to_the_documented_values(seed: dict[str, Any]) -> None:
    assert seed == {
        "category": "standard",
        "description": "Test For Terraform",
        "disk_id": "d-gw8csgxxxxxxxxx",
        "retention_days": "20",
        "snapshot_name": "tf-test",
        "tags": {"Created": "TF", "For": "Acceptance-test"},
    }


def test_seed_example_main_synthesizes_seed_as_data(
    cdk: Any, example: dict[str, Any], seed: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CDKTF_OUTDIR", str(tmp_path))
    path = example["main"]()
    assert path == tmp_path / "stacks" / "basic" / "cdk.tf.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    resource = dict(doc["resource"]["alicloud_ecs_snapshot"]["default"])
    resource.pop("//", None)
    assert resource == _as_terraform_sees_it(seed)


def test_seed_example_retention_days_is_the_number_20(cdk: Any, example: dict[str, Any], synth: Any) -> None:
    app = cdk.Testing.app()
    stack = example["BasicStack"](app, "basic")
    value = synth(stack)["resource"]["alicloud_ecs_snapshot"]["default"]["retention_days"]
    assert value == 20
    assert type(value) is int


def test_seed_example_synth_hcl_parses_to_seed(cdk: Any, example: dict[str, Any], seed: dict[str, Any]) -> None:
    app = cdk.Testing.app()
    stack = example["BasicStack"](app, "basic")
    parsed = _parse_hcl(cdk.Testing.synth_hcl(stack))
    assert _resources(parsed)["default"] == _as_terraform_sees_it(seed)


def test_seed_example_synth_hcl_has_provider_block(cdk: Any, example: dict[str, Any]) -> None:
    app = cdk.Testing.app()
    parsed = _parse_hcl(cdk.Testing.synth_hcl(example["BasicStack"](app, "basic")))
    assert parsed["provider"] == [{"alicloud": {"region": "cn-hangzhou"}}]


def test_seed_example_runs_as_script_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "CDKTF_OUTDIR": str(tmp_path / "out")}
    env.pop("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", None)  # the library must set it itself
    done = subprocess.run(
        [sys.executable, str(EXAMPLE)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    expected = tmp_path / "out" / "stacks" / "basic" / "cdk.tf.json"
    assert done.stdout.strip() == f"synthesized {expected}"
    assert expected.is_file()
    assert done.stderr == ""
    assert "cdk.tf.json" in done.stdout
