"""The plain path and the cdktf path agree: same resource blocks, same imports, same provider constraint.

Each corpus row builds the same snapshot twice: with ``EcsSnapshot`` (references as real tokens such as
``disk.id``) and with ``SnapshotSpec`` (references as ``${...}`` strings). The synthesized document
(``Testing.synth``, which carries no ``//`` metadata) must equal the plain document as data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from cdktf_ecs_snapshot.errors import ValidationError
from cdktf_ecs_snapshot.lint import lint_paths
from cdktf_ecs_snapshot.plain import ProviderSpec, SnapshotSpec, build_document


@dataclass(frozen=True)
class Refs:
    """References as the two paths write them: tokens (cdktf) or ``${...}`` strings (plain)."""

    disk_id: Any
    days: Any
    env: Any


def _cdk_refs(stack: Any) -> Refs:
    from cdktf_ecs_snapshot import EcsDisk, cdk

    disk = EcsDisk(stack, "data", zone_id="cn-hangzhou-i", size=40)
    days = cdk.TerraformVariable(stack, "days", type="number")
    env = cdk.TerraformVariable(stack, "env", type="string")
    return Refs(disk.id, days.number_value, env.string_value)


_PLAIN_REFS = Refs("${alicloud_ecs_disk.data.id}", "${var.days}", "${var.env}")

Row = Callable[[Refs], dict[str, Any]]

CORPUS: dict[str, Row] = {
    "minimal": lambda r: {"disk_id": "d-bp1abc"},
    "disk_reference": lambda r: {"disk_id": r.disk_id},
    "category_standard": lambda r: {"disk_id": "d-bp1abc", "category": "standard"},
    "category_flash": lambda r: {"disk_id": "d-bp1abc", "category": "flash"},
    "description": lambda r: {"disk_id": "d-bp1abc", "description": "Nightly snapshot of the data disk"},
    "force": lambda r: {"disk_id": "d-bp1abc", "force": True},
    "retention_number": lambda r: {"disk_id": "d-bp1abc", "retention_days": 30},
    "retention_string_converted": lambda r: {"disk_id": "d-bp1abc", "retention_days": "20"},
    "retention_token": lambda r: {"disk_id": r.disk_id, "retention_days": r.days},
    "resource_group": lambda r: {"disk_id": "d-bp1abc", "resource_group_id": "rg-acfm2abc"},
    "snapshot_name": lambda r: {"disk_id": "d-bp1abc", "snapshot_name": "nightly-data.v1:a"},
    "name_token": lambda r: {"disk_id": "d-bp1abc", "snapshot_name": r.env},
    "deprecated_name": lambda r: {"disk_id": "d-bp1abc", "name": "legacy-name"},
    "tags_colon_space": lambda r: {"disk_id": "d-bp1abc", "tags": {"cost center": "eng:42", "team": "infra"}},
    "tag_value_token": lambda r: {"disk_id": "d-bp1abc", "tags": {"env": r.env}},
    "timeouts": lambda r: {"disk_id": "d-bp1abc", "timeouts": {"create": "10m", "delete": "5m"}},
    "instant_access": lambda r: {"disk_id": "d-bp1abc", "instant_access": True, "instant_access_retention_days": 3},
    "protect": lambda r: {"disk_id": "d-bp1abc", "protect": True},
    "import": lambda r: {"disk_id": "d-bp1abc", "import_id": "s-bp1existing01"},
    "everything": lambda r: {
        "disk_id": r.disk_id,
        "category": "standard",
        "description": "all arguments",
        "force": False,
        "resource_group_id": "rg-1",
        "retention_days": r.days,
        "snapshot_name": "snap-all",
        "tags": {"a b": "c:d"},
        "timeouts": {"create": "1h30m"},
        "protect": True,
        "import_id": "s-abc123",
    },
}


def _cdk_document(cdk: Any, synth: Callable[[Any], dict[str, Any]], row: Row) -> dict[str, Any]:
    from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot

    app = cdk.Testing.app()
    stack = cdk.TerraformStack(app, "diff")
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    kwargs = row(_cdk_refs(stack))
    import_id = kwargs.pop("import_id", None)
    snapshot = EcsSnapshot(stack, "snap", **kwargs)
    if import_id is not None:
        snapshot.import_from(import_id)
    return synth(stack)


def _plain_document(row: Row) -> dict[str, Any]:
    spec = SnapshotSpec(id="snap", **row(_PLAIN_REFS))
    return build_document([spec], provider=ProviderSpec(region="cn-hangzhou")).document


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_differential_resource_blocks_equal(case: str, cdk: Any, synth: Callable[[Any], dict[str, Any]]) -> None:
    synthesized = _cdk_document(cdk, synth, CORPUS[case])
    plain = _plain_document(CORPUS[case])
    cdk_snapshots = synthesized["resource"]["alicloud_ecs_snapshot"]
    assert {k: {a: v for a, v in b.items() if a != "//"} for k, b in cdk_snapshots.items()} == (
        plain["resource"]["alicloud_ecs_snapshot"]
    )
    assert synthesized.get("import") == plain.get("import")
    assert synthesized["terraform"]["required_providers"] == plain["terraform"]["required_providers"]
    assert synthesized["provider"] == plain["provider"]


# -- the linter and the constructs find the same problems --------------------------------------------

_FIXTURES = "tests/fixtures/lint/bad"


def _lint_ids(path: str) -> set[tuple[str, str, str]]:
    report = lint_paths([path])
    assert report.errors == ()
    return {(f.finding.rule_id, f.finding.name, f.finding.attribute) for f in report.findings}


def test_differential_lint_tf_and_tf_json_twin_agree() -> None:
    assert _lint_ids(f"{_FIXTURES}/main.tf") == _lint_ids(f"{_FIXTURES}/main.tf.json")


def test_differential_lint_matches_construct_errors(cdk: Any) -> None:
    from cdktf_ecs_snapshot import EcsSnapshot

    stack = cdk.TerraformStack(cdk.Testing.app(), "diff")
    with pytest.raises(ValidationError) as raised:
        EcsSnapshot(
            stack,
            "fail",
            disk_id="d-bp1abc",
            category="Flash",
            retention_days=0,
            snapshot_name="1nightly",
            timeouts={"create": "ten minutes"},
        )
    construct = {(f.rule_id, f.name, f.attribute) for f in raised.value.findings}
    linted = {t for t in _lint_ids(f"{_FIXTURES}/main.tf") if t[1] == "fail" and t[2] != "import_id"}
    assert construct == linted
    assert len(construct) == 4


def test_differential_lint_matches_construct_import_id_error(cdk: Any) -> None:
    from cdktf_ecs_snapshot import EcsSnapshot

    stack = cdk.TerraformStack(cdk.Testing.app(), "diff")
    snapshot = EcsSnapshot(stack, "fail", disk_id="d-bp1abc")
    with pytest.raises(ValidationError) as raised:
        snapshot.import_from("d-bp1abc")
    construct = {(f.rule_id, f.attribute) for f in raised.value.findings}
    linted = {(t[0], t[2]) for t in _lint_ids(f"{_FIXTURES}/main.tf") if t[2] == "import_id"}
    assert construct == linted == {("ecs_snapshot_import_id", "import_id")}


def test_differential_plain_raises_same_rule_ids_as_construct(cdk: Any) -> None:
    from cdktf_ecs_snapshot import EcsSnapshot

    arguments = {"disk_id": "d-bp1abc", "category": "Flash", "retention_days": 0, "snapshot_name": "1nightly"}
    stack = cdk.TerraformStack(cdk.Testing.app(), "diff")
    with pytest.raises(ValidationError) as from_construct:
        EcsSnapshot(stack, "fail", **arguments)
    with pytest.raises(ValidationError) as from_plain:
        build_document([SnapshotSpec(id="fail", **arguments)])
    assert [f.message for f in from_construct.value.findings] == [f.message for f in from_plain.value.findings]
