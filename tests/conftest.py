"""Shared fixtures. The CDK core is chosen by CDKTF_ECS_SNAPSHOT_CORE (cdktf or cdktn); tests that use
the ``cdk``/``stack``/``app`` fixtures are marked ``core`` so CI can run them again under the other core."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

_CORE_FIXTURES = {"cdk", "app", "stack", "synth"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _CORE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.core)
        if any("terraform" in str(m.kwargs.get("reason", "")) for m in item.iter_markers("skipif")):
            item.add_marker(pytest.mark.terraform)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say how many tests drove real Terraform, so a run that skipped them all cannot pass unnoticed."""
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for outcome in counts:
        for report in terminalreporter.stats.get(outcome, []):
            counted_phase = report.when == "call" or (outcome != "passed" and report.when == "setup")
            if "terraform" in getattr(report, "keywords", {}) and counted_phase:
                counts[outcome] += 1
    total = sum(counts.values())
    if total:
        terminalreporter.write_line(
            f"real terraform tests: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped"
        )


def pytest_report_header(config: pytest.Config) -> str:
    from cdktf_ecs_snapshot._core import core_name

    try:
        return f"cdk core: {core_name()}"
    except Exception as exc:  # the header must never break collection
        return f"cdk core: unavailable ({exc})"


@pytest.fixture(scope="session")
def cdk() -> Any:
    """The CDK core module in use (cdktf or cdktn)."""
    from cdktf_ecs_snapshot._core import core

    return core()


@pytest.fixture
def app(cdk: Any) -> Any:
    return cdk.Testing.app()


@pytest.fixture
def stack(cdk: Any, app: Any) -> Any:
    return cdk.TerraformStack(app, "test")


@pytest.fixture
def synth(cdk: Any) -> Callable[[Any], dict[str, Any]]:
    """Synthesize a stack with ``Testing.synth`` and return the parsed JSON."""

    def run(target: Any) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(cdk.Testing.synth(target))
        return result

    return run
