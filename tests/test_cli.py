"""The command line: exit codes 0/1/2, outputs on stdout, diagnostics on stderr, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cdktf_ecs_snapshot.cli import main
from cdktf_ecs_snapshot.rule_catalog import RULES

GOLDEN = Path("tests/golden/sample.tf.json")


def test_cli_render_matches_golden_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "main.tf.json"
    assert main(["render", "tests/fixtures/specs/sample.yaml", "-o", str(out)]) == 0
    assert out.read_bytes() == GOLDEN.read_bytes()


def test_cli_render_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "tests/fixtures/specs/sample.yaml"]) == 0
    assert capsys.readouterr().out == GOLDEN.read_text()


def test_cli_render_invalid_spec_exits_1_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "main.tf.json"
    assert main(["render", "tests/fixtures/specs/invalid.yaml", "-o", str(out)]) == 1
    assert os.listdir(tmp_path) == []
    err = capsys.readouterr().err
    assert "tests/fixtures/specs/invalid.yaml:4: error[ecs_snapshot_invalid_category]" in err
    assert "ecs_snapshot_retention_days_range" in err


def test_cli_render_invalid_spec_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "main.tf.json"
    out.write_text("previous")
    assert main(["render", "tests/fixtures/specs/invalid.yaml", "-o", str(out)]) == 1
    assert out.read_text() == "previous"


def test_cli_render_unwritable_output_exits_2_without_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "main.tf.json"
    assert main(["render", "tests/fixtures/specs/sample.yaml", "-o", str(out)]) == 2
    assert os.listdir(tmp_path) == []


def test_cli_render_missing_spec_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "tests/fixtures/specs/nope.yaml"]) == 2
    assert "cannot read the spec" in capsys.readouterr().err


def test_cli_render_warnings_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text("snapshots:\n  a:\n    disk_id: d-1\n    name: legacy\n")
    assert main(["render", str(spec)]) == 0
    captured = capsys.readouterr()
    assert "warning[ecs_snapshot_name_deprecated]" in captured.err
    assert json.loads(captured.out)["resource"]["alicloud_ecs_snapshot"]["a"]["name"] == "legacy"


def test_cli_lint_clean_exits_0() -> None:
    assert main(["lint", "tests/fixtures/lint/clean"]) == 0


def test_cli_lint_findings_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "tests/fixtures/lint/bad"]) == 1
    assert "error[ecs_snapshot_invalid_category]" in capsys.readouterr().out


def test_cli_lint_warnings_only_exit_0_by_default() -> None:
    assert main(["lint", "tests/fixtures/lint/warn.tf"]) == 0


def test_cli_lint_fail_on_warning_exits_1() -> None:
    assert main(["lint", "tests/fixtures/lint/warn.tf", "--fail-on", "warning"]) == 1


def test_cli_lint_parse_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "tests/fixtures/lint/bad", "tests/fixtures/lint/broken.tf"]) == 2
    assert "tests/fixtures/lint/broken.tf:2: cannot parse HCL" in capsys.readouterr().err


def test_cli_lint_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "tests/fixtures/lint/bad/main.tf", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert sorted(data) == ["errors", "findings"] and len(data["findings"]) == 6


def test_cli_lint_sarif_shape(capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "tests/fixtures/lint/bad/main.tf", "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 6


def test_cli_lint_unknown_format_is_usage_error() -> None:
    assert main(["lint", "tests/fixtures/lint/clean", "--format", "xml"]) == 2


def test_cli_lint_bad_provider_version_exits_2() -> None:
    assert main(["lint", "tests/fixtures/lint/clean", "--provider-version", ">= banana"]) == 2


def test_cli_force_new_text_lists_conservative_attributes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["force-new", "--provider-version", ">= 1.200.0"]) == 0
    out = capsys.readouterr().out
    assert "retention_days" in out and "conservative" in out


def test_cli_force_new_json_for_exact_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["force-new", "--provider-version", "1.239.0", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["attributes"] == ["category", "disk_id"] and data["conservative"] is False


def test_cli_force_new_bad_version_exits_2() -> None:
    assert main(["force-new", "--provider-version", "latest"]) == 2


def test_cli_force_new_requires_provider_version() -> None:
    assert main(["force-new"]) == 2


def test_cli_check_import_id_valid_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-import-id", "s-bp1abc"]) == 0
    assert capsys.readouterr().out == "s-bp1abc: ok\n"


def test_cli_check_import_id_invalid_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-import-id", "s-bp1abc", "d-bp1abc"]) == 1
    assert "d-bp1abc: invalid" in capsys.readouterr().out


def test_cli_check_import_id_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check-import-id", "S-ABC", "--format", "json"])
    assert json.loads(capsys.readouterr().out)[0]["valid"] is False


def test_cli_rules_prints_one_row_per_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith('| <a id="rule-')]
    assert len(rows) == len(RULES)
    assert all(f'<a id="rule-{rule_id}"></a>`{rule_id}`' in "".join(rows) for rule_id in RULES)


def test_cli_no_command_is_usage_error() -> None:
    assert main([]) == 2


def test_cli_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "render" in capsys.readouterr().out


def test_cli_registry_accepts_module_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys
    import types

    from cdktf_ecs_snapshot import cli

    module = types.ModuleType("fake_commands")

    def register(subparsers: object) -> None:
        parser = subparsers.add_parser("hello")  # type: ignore[attr-defined]
        parser.set_defaults(run=lambda args: print("hi") or 0)

    module.register = register  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_commands", module)
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("fake_commands",))
    assert main(["hello"]) == 0
    assert capsys.readouterr().out == "hi\n"


_OK_SPEC = "snapshots:\n  a:\n    disk_id: d-bp1abc\n"


def test_cli_render_yaml_date_and_set_do_not_trace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unquoted date renders as a string; a !!set is a one-line file:line error, exit 2."""
    spec = tmp_path / "s.yaml"
    spec.write_text("snapshots:\n  a:\n    disk_id: d-bp1abc\n    description: 2024-01-01\n")
    assert main(["render", str(spec)]) == 0
    assert '"description": "2024-01-01"' in capsys.readouterr().out
    spec.write_text("snapshots:\n  a:\n    disk_id: d-bp1abc\n    tags: !!set {a, b}\n")
    assert main(["render", str(spec)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{spec}:4: a set" in err


def test_cli_render_bad_provider_shape_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text('provider: {assume_role: "x"}\n' + _OK_SPEC)
    assert main(["render", str(spec)]) == 2
    assert f"{spec}:1: provider: assume_role must be a mapping" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["deep.json", "deep.yaml"])
def test_cli_render_deep_nesting_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    spec = tmp_path / name
    spec.write_text("[" * 100000)
    assert main(["render", str(spec)]) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_cli_lint_deep_nesting_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "deep.tf.json"
    source.write_text('{"resource": ' + "[" * 100000)
    assert main(["lint", str(source)]) == 2
    assert "nested too deeply" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_cli_render_refuses_special_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """-o naming a FIFO or a directory: one-line error, exit 2, and the target is left in place."""
    spec = tmp_path / "s.yaml"
    spec.write_text(_OK_SPEC)
    target = tmp_path / "out"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    assert main(["render", str(spec), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("not a regular file" in err or "is a directory" in err)
    assert target.is_fifo() if kind == "fifo" else target.is_dir()


def test_cli_render_output_symlink_writes_its_target(tmp_path: Path) -> None:
    """-o naming a symlink replaces the link's target and keeps the link."""
    spec = tmp_path / "s.yaml"
    spec.write_text(_OK_SPEC)
    real = tmp_path / "real.tf.json"
    real.write_text("old")
    link = tmp_path / "main.tf.json"
    link.symlink_to(real.name)
    assert main(["render", str(spec), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == real.name
    assert json.loads(real.read_text())["resource"]["alicloud_ecs_snapshot"]["a"]["disk_id"] == "d-bp1abc"


def test_cli_lint_device_is_not_a_terraform_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "/dev/null"]) == 2
    assert "/dev/null: not a .tf or .tf.json file" in capsys.readouterr().err
