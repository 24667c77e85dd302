"""Lint formatters: text, json and SARIF 2.1.0 from the same report."""

from __future__ import annotations

import json

from cdktf_ecs_snapshot.formatters import FORMATTERS
from cdktf_ecs_snapshot.lint import lint_paths
from cdktf_ecs_snapshot.rule_catalog import RULES


def _report():  # type: ignore[no-untyped-def]
    return lint_paths(["tests/fixtures/lint/bad/main.tf", "tests/fixtures/lint/broken.tf"])


def test_formatters_registry_names() -> None:
    assert sorted(FORMATTERS) == ["json", "sarif", "text"]


def test_format_text_line_shape() -> None:
    first = FORMATTERS["text"](_report()).splitlines()[0]
    assert first.startswith("tests/fixtures/lint/bad/main.tf:18: error[ecs_snapshot_invalid_category]: ")


def test_format_json_keeps_findings_and_errors_apart() -> None:
    data = json.loads(FORMATTERS["json"](_report()))
    assert set(data) == {"findings", "errors"}
    assert len(data["errors"]) == 1 and data["errors"][0]["file"] == "tests/fixtures/lint/broken.tf"
    assert {"rule_id", "severity", "file", "line", "message", "attribute"} <= set(data["findings"][0])


def test_format_sarif_version_and_rules_listed_once() -> None:
    sarif = json.loads(FORMATTERS["sarif"](_report()))
    assert sarif["version"] == "2.1.0"
    ids = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) == len(RULES)


def test_format_sarif_results_point_at_their_rule() -> None:
    run = json.loads(FORMATTERS["sarif"](_report()))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_format_sarif_errors_are_notifications_not_results() -> None:
    run = json.loads(FORMATTERS["sarif"](_report()))["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert len(invocation["toolExecutionNotifications"]) == 1
    assert len(run["results"]) == 6
