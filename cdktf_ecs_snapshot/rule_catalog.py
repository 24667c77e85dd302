"""Every rule id any face can report, with severity and summary: the README table and SARIF's rule list.

``rules.RULE_SUMMARIES`` holds the attribute rules; a few more ids are reported by other modules (import
ids, provider arguments, Terraform names in the plain emitter). Listing them in one place keeps the
documentation and the SARIF ``tool.driver.rules`` complete, so a result never names an undocumented rule.
"""

from __future__ import annotations

from .findings import Severity
from .rules import RULE_SUMMARIES

__all__ = ["DOC_BASE", "RULES", "doc_url", "markdown_table"]

DOC_BASE = "https://github.com/cdktf-ecs-snapshot/cdktf-ecs-snapshot#rule-"

_EXTRA: dict[str, tuple[Severity, str]] = {
    "ecs_snapshot_import_id": (
        Severity.ERROR,
        "import ids are ECS snapshot ids: 's-' then lowercase letters/digits",
    ),
    "ecs_snapshot_attribute_version": (
        Severity.ERROR,
        "computed attributes read (create_time, region_id) exist in the admitted provider versions",
    ),
    "alicloud_provider_version": (
        Severity.ERROR,
        "the provider constraint parses and admits a release >= 1.120.0",
    ),
    "alicloud_provider_access_key": (Severity.ERROR, "no literal access_key in generated JSON"),
    "alicloud_provider_secret_key": (Severity.ERROR, "no literal secret_key in generated JSON"),
    "alicloud_provider_security_token": (Severity.ERROR, "no literal security_token in generated JSON"),
    "alicloud_provider_assume_role": (Severity.ERROR, "assume_role has a role_arn"),
    "terraform_invalid_name": (Severity.ERROR, "resource and output names are Terraform identifiers"),
    "terraform_duplicate_name": (Severity.ERROR, "resource names are unique per resource type"),
    "terraform_name_fixed": (
        Severity.ERROR,
        "override_logical_id comes before the resource's fqn is used (cdktf refuses it after)",
    ),
    "terraform_depends_on": (Severity.ERROR, "depends_on lists resources, data sources or modules"),
    "terraform_provider": (Severity.ERROR, "provider= is a provider construct of the resource's own stack"),
    "terraform_reserved_id": (
        Severity.ERROR,
        "the construct id is not 'Default' or one of this library's element ids",
    ),
    "terraform_resource_type": (
        Severity.ERROR,
        "spec resource_type is alicloud_ecs_snapshot or alicloud_snapshot",
    ),
}

RULES: dict[str, tuple[Severity, str]] = dict(sorted({**RULE_SUMMARIES, **_EXTRA}.items()))


def doc_url(rule_id: str) -> str:
    """Return the documentation anchor of ``rule_id``."""
    return DOC_BASE + rule_id


def markdown_table() -> str:
    """Return the rule table as GitHub Markdown (id, severity, what it checks), sorted by id."""
    lines = ["| rule id | severity | checks |", "|---|---|---|"]
    for rule_id, (severity, summary) in RULES.items():
        cell = summary.replace("|", "\\|")
        # The anchor is where each finding's doc link points (README.md#rule-<id>).
        lines.append(f'| <a id="rule-{rule_id}"></a>`{rule_id}` | {severity} | {cell} |')
    return "\n".join(lines) + "\n"
