"""Lint output formats as one registry: ``text``, ``json`` and ``sarif`` render the same report records.

Why a registry: the CLI's ``--format`` choices are the registry's keys, so an unknown format is a usage
error (exit 2) rather than a silent fallback, and a new format is one function plus one entry.

* ``text``: one line per finding, ``file:line: severity[rule_id]: message`` (errors go to stderr).
* ``json``: ``{"findings": [...], "errors": [...]}`` with each finding's ``Finding.to_dict()`` plus
  ``file`` and ``line``.
* ``sarif``: SARIF 2.1.0; every rule is listed once in ``tool.driver.rules`` and results refer to it by
  ``ruleId``/``ruleIndex``; errors become ``toolExecutionNotifications``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .findings import Severity
from .lint import LintReport
from .rule_catalog import RULES, doc_url

__all__ = ["FORMATTERS", "format_json", "format_sarif", "format_text"]

_TOOL = "cdktf-ecs-snapshot"
_INFO_URI = "https://github.com/cdktf-ecs-snapshot/cdktf-ecs-snapshot"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def format_text(report: LintReport) -> str:
    """Human-readable lines, sorted by file and line; empty when there is nothing to report."""
    lines = []
    for item in report.findings:
        where = f"{item.path}:{item.line}" if item.line is not None else item.path
        finding = item.finding
        lines.append(f"{where}: {finding.severity}[{finding.rule_id}]: {finding.message}")
    return "".join(line + "\n" for line in lines)


def format_json(report: LintReport) -> str:
    """The report as JSON: ``{"findings": [...], "errors": [...]}``."""
    data = {
        "findings": [item.to_dict() for item in report.findings],
        "errors": [error.to_dict() for error in report.errors],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cdktf-ecs-snapshot")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def format_sarif(report: LintReport) -> str:
    """The report as SARIF 2.1.0 (rules listed once, results by ``ruleId``/``ruleIndex``)."""
    rule_ids = list(RULES)
    for item in report.findings:  # a rule outside the catalogue still gets listed (once)
        if item.finding.rule_id not in RULES and item.finding.rule_id not in rule_ids:
            rule_ids.append(item.finding.rule_id)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = []
    for rule_id in rule_ids:
        severity, summary = RULES.get(rule_id, (Severity.ERROR, rule_id))
        rules.append(
            {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": summary},
                "helpUri": doc_url(rule_id),
                "defaultConfiguration": {"level": _LEVEL[severity]},
            }
        )
    results = []
    for item in report.findings:
        finding = item.finding
        region = {"startLine": item.line} if item.line is not None else None
        location: dict[str, object] = {"artifactLocation": {"uri": _uri(item.path)}}
        if region is not None:
            location["region"] = region
        results.append(
            {
                "ruleId": finding.rule_id,
                "ruleIndex": index[finding.rule_id],
                "level": _LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": location}],
            }
        )
    notifications = []
    for error in report.errors:
        note: dict[str, object] = {"level": "error", "message": {"text": error.message}}
        location = {"artifactLocation": {"uri": _uri(error.path)}}
        if error.line is not None:
            location["region"] = {"startLine": error.line}
        note["locations"] = [{"physicalLocation": location}]
        notifications.append(note)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": _TOOL,
                        "version": _version(),
                        "informationUri": _INFO_URI,
                        "rules": rules,
                    }
                },
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
            }
        ],
    }
    return json.dumps(sarif, indent=2, sort_keys=True) + "\n"


def _uri(path: str) -> str:
    return path.replace("\\", "/")


FORMATTERS: dict[str, Callable[[LintReport], str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
}
