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


def test_lint_tf_json_array_form_of_blocks_is_read(tmp_path: Path) -> None:
    """Terraform JSON's array form ("resource": [{type: [{name: [{...}]}]}]) is linted like the object form."""
    text = '{"resource": [{"alicloud_ecs_snapshot": [{"n": [{"disk_id": "d-bp1abc", "category": "Standard"}]}]}]}'
    report = lint_paths([_write(tmp_path, "a.tf.json", text)])
    assert [(f.finding.name, f.finding.rule_id) for f in report.findings] == [("n", "ecs_snapshot_invalid_category")]


def test_lint_tf_json_wrong_block_shape_is_a_parse_error(tmp_path: Path) -> None:
    """"alicloud_ecs_snapshot": "oops" is an error with file and line, not silently ignored."""
    path = _write(tmp_path, "a.tf.json", '{\n  "resource": {\n    "alicloud_ecs_snapshot": "oops"\n  }\n}\n')
    report = lint_paths([path])
    assert [(e.path, e.line) for e in report.errors] == [(path, 3)]
    assert "must be a JSON object or an array of objects" in report.errors[0].message


def test_lint_duplicate_address_in_one_file_is_a_finding(tmp_path: Path) -> None:
    block = 'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-bp1abc"\n}\n'
    path = _write(tmp_path, "main.tf", block + block)
    report = lint_paths([path])
    dup = [f for f in report.findings if f.finding.rule_id == "terraform_duplicate_name"]
    assert [(f.line, f.finding.severity) for f in dup] == [(4, Severity.ERROR)]
    assert f"{path}:1" in dup[0].finding.message and f"{path}:4" in dup[0].finding.message


def test_lint_duplicate_address_across_files_of_a_module_is_a_finding(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.tf", 'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-bp1abc"\n}\n')
    second = _write(tmp_path, "b.tf.json", '{"resource": {"alicloud_ecs_snapshot": {"a": {"disk_id": "d-x"}}}}')
    other = tmp_path / "other"
    other.mkdir()
    _write(other, "c.tf", 'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-bp1abc"\n}\n')
    report = lint_paths([str(tmp_path)])
    dup = [f for f in report.findings if f.finding.rule_id == "terraform_duplicate_name"]
    assert [f.path for f in dup] == [second]
    assert first in dup[0].finding.message


def test_lint_tf_json_repeated_key_is_a_duplicate(tmp_path: Path) -> None:
    """A name repeated inside one JSON object (json keeps only the last) is still reported."""
    text = '{"resource": {"alicloud_ecs_snapshot": {\n"a": {"disk_id": "d-1"},\n"a": {"disk_id": "d-2"}}}}'
    report = lint_paths([_write(tmp_path, "a.tf.json", text)])
    assert [(f.finding.rule_id, f.line) for f in report.findings] == [("terraform_duplicate_name", 3)]


def test_lint_hcl_exponent_literal_is_a_number(tmp_path: Path) -> None:
    """retention_days = 1e300 is a value (python-hcl2 gives "${1e300}"), so the range rule fires."""
    path = _write(tmp_path, "main.tf", 'resource "alicloud_ecs_snapshot" "a" {\n  disk_id = "d-bp1abc"\n'
                  "  retention_days = 1e300\n}\n")
    report = lint_paths([path])
    assert [(f.finding.rule_id, f.line) for f in report.findings] == [("ecs_snapshot_retention_days_range", 3)]


def test_lint_device_path_is_not_a_terraform_file() -> None:
    report = lint_paths(["/dev/null"])
    assert [(e.path, e.message) for e in report.errors] == [
        ("/dev/null", "not a .tf or .tf.json file (not a regular file)")
    ]
