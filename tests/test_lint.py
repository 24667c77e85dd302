"""The linter over .tf and .tf.json: same rules, unknown values skipped, file and line in findings."""

from __future__ import annotations

from pathlib import Path

from cdktf_ecs_snapshot.findings import Severity
from cdktf_ecs_snapshot.lint import lint_paths

BAD = "tests/fixtures/lint/bad"


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_lint_clean_directory_has_no_findings() -> None:
    report = lint_paths(["tests/fixtures/lint/clean"])
    assert report.findings == () and report.errors == ()


def test_lint_references_are_skipped() -> None:
    report = lint_paths([f"{BAD}/main.tf"])
    assert not [f for f in report.findings if f.finding.name == "pass"]


def test_lint_tf_finding_has_attribute_line() -> None:
    report = lint_paths([f"{BAD}/main.tf"])
    category = next(f for f in report.findings if f.finding.rule_id == "ecs_snapshot_invalid_category")
    assert (category.path, category.line) == (f"{BAD}/main.tf", 18)


def test_lint_tf_json_finding_has_attribute_line() -> None:
    report = lint_paths([f"{BAD}/main.tf.json"])
    category = next(f for f in report.findings if f.finding.rule_id == "ecs_snapshot_invalid_category")
    assert category.line == 21


def test_lint_legacy_type_checked_with_same_rules() -> None:
    report = lint_paths(["tests/fixtures/lint/warn.tf"])
    assert [(f.finding.resource_type, f.finding.rule_id) for f in report.findings] == [
        ("alicloud_snapshot", "ecs_snapshot_name_deprecated")
    ]


def test_lint_import_block_id_checked() -> None:
    report = lint_paths([f"{BAD}/main.tf"])
    assert [f.line for f in report.findings if f.finding.rule_id == "ecs_snapshot_import_id"] == [32]


def test_lint_interpolated_string_is_unknown(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "a.tf",
        'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-1"\n  snapshot_name = "1-${var.x}"\n}\n',
    )
    assert lint_paths([path]).findings == ()


def test_lint_string_number_converted_like_terraform(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "a.tf", 'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-1"\n  retention_days = "65537"\n}\n'
    )
    assert [f.finding.rule_id for f in lint_paths([path]).findings] == ["ecs_snapshot_retention_days_range"]


def test_lint_escaped_quote_is_decoded(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "a.tf",
        'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-1"\n  description = "say \\"hi\\" twice"\n}\n',
    )
    assert lint_paths([path]).findings == ()


def test_lint_other_resource_types_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.tf", 'resource "alicloud_ecs_disk" "a" {\n  category = "Flash"\n}\n')
    assert lint_paths([path]).findings == ()


def test_lint_parse_error_is_error_not_finding() -> None:
    report = lint_paths(["tests/fixtures/lint/broken.tf"])
    assert report.findings == ()
    assert [(e.path, e.line) for e in report.errors] == [("tests/fixtures/lint/broken.tf", 2)]


def test_lint_json_parse_error_has_line() -> None:
    report = lint_paths(["tests/fixtures/lint/broken.tf.json"])
    assert report.errors[0].line == 1 and report.errors[0].message.startswith("cannot parse JSON")


def test_lint_missing_path_is_error() -> None:
    report = lint_paths(["tests/fixtures/lint/nope"])
    assert report.errors[0].message == "no such file or directory"


def test_lint_declared_provider_version_used(tmp_path: Path) -> None:
    _write(tmp_path, "versions.tf", Path("tests/fixtures/lint/old_provider.tf").read_text())
    _write(
        tmp_path,
        "main.tf",
        'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-1"\n  timeouts {\n    update = "5m"\n  }\n}\n',
    )
    report = lint_paths([str(tmp_path)])
    assert [f.finding.rule_id for f in report.findings] == ["ecs_snapshot_timeouts_update_version"]


def test_lint_explicit_provider_overrides_declared(tmp_path: Path) -> None:
    _write(tmp_path, "versions.tf", Path("tests/fixtures/lint/old_provider.tf").read_text())
    _write(
        tmp_path,
        "main.tf",
        'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-1"\n  timeouts {\n    update = "5m"\n  }\n}\n',
    )
    assert lint_paths([str(tmp_path)], provider=">= 1.239.0").findings == ()


def test_lint_failing_threshold_warning_includes_warnings() -> None:
    report = lint_paths(["tests/fixtures/lint/warn.tf"])
    assert report.failing(Severity.ERROR) == () and len(report.failing(Severity.WARNING)) == 1


def test_lint_hidden_directories_skipped(tmp_path: Path) -> None:
    (tmp_path / ".terraform").mkdir()
    _write(tmp_path, ".terraform/x.tf", 'resource "alicloud_ecs_snapshot" "a" {\n  category = "Flash"\n}\n')
    assert lint_paths([str(tmp_path)]).files == 0


def test_lint_findings_sorted_by_file_and_line() -> None:
    report = lint_paths([BAD])
    keys = [(f.path, f.line or 0) for f in report.findings]
    assert keys == sorted(keys)
