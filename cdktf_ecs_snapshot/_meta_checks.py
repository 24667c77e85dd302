"""Checks of cdktf meta-arguments that cdktf itself would answer with a bare jsii error or a dangling
reference in the output: reserved construct ids, ``depends_on`` entries and ``provider=`` of another stack.

Each returns findings; the construct raises them with its other problems. Nothing here asks Node unless
a provider of unknown origin is passed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._core import core
from ._stack_registry import registry_of, stack_of
from .findings import Finding, Severity
from .tokens import is_jsii_object

__all__ = ["RESERVED_IDS", "check_meta_arguments", "provider_finding", "require_string_id", "reserved_id_finding"]

# 'Default' is left out of paths by the constructs library (cdktf then has no name to give); the others
# are the per-stack elements this library adds.
RESERVED_IDS = frozenset({"Default", "cdktf-ecs-snapshot", "cdktf-ecs-snapshot-external"})


def _finding(
    rtype: str, name: str, rule: str, attr: str, value: object, problem: str, expected: str, hint: str
) -> Finding:
    return Finding(rule, Severity.ERROR, rtype, name, attr, value, problem, expected, hint)


def require_string_id(id: object) -> None:
    """Raise a TypeError naming the bad construct id before any code treats it as text."""
    if not isinstance(id, str):
        raise TypeError(f"the construct id must be a string such as 'nightly'; got {id!r} ({type(id).__name__})")


def _is_provider(value: object) -> bool:
    return isinstance(value, core().TerraformProvider)


def provider_finding(stack: Any, rtype: str, name: str, provider: Any) -> Finding | None:
    """A finding if ``provider`` is not a provider construct of ``stack`` (None when it is, or unset)."""
    if provider is None:
        return None
    if not _is_provider(provider):
        return _finding(
            rtype,
            name,
            "terraform_provider",
            "provider",
            provider,
            "is not a provider construct",
            "a provider of this stack, e.g. an AlicloudProvider",
            "pass the provider object itself, not its name or alias",
        )
    if any(p is provider for p in registry_of(stack).providers) or stack_of(provider) is stack:
        return None
    return _finding(
        rtype,
        name,
        "terraform_provider",
        "provider",
        str(provider.node.path),
        "belongs to another stack, where this stack's Terraform cannot see it",
        "a provider of this stack",
        "create an AlicloudProvider in this stack (with the same alias) and pass that",
    )


def check_meta_arguments(
    stack: Any, scope: Any, rtype: str, name: str, depends_on: Sequence[Any] | None, provider: Any
) -> list[Finding]:
    """Findings for a reserved id, ``depends_on`` entries that are not dependable, a foreign provider."""
    findings: list[Finding] = []
    reserved = reserved_id_finding(stack, scope, rtype, name)
    if reserved is not None:
        findings.append(reserved)
    if depends_on is not None:
        items = list(depends_on) if isinstance(depends_on, Sequence) and not isinstance(depends_on, str) else None
        bad = [depends_on] if items is None else [i for i in items if not _is_dependable(i)]
        if bad:
            findings.append(
                _finding(
                    rtype,
                    name,
                    "terraform_depends_on",
                    "depends_on",
                    _shown(bad[0]),
                    "is not a resource, data source or module construct",
                    "a list of constructs, e.g. depends_on=[disk]",
                    "pass the resource objects themselves, not names, ids, providers or plain constructs "
                    "(for this library's lookups, their .data)",
                )
            )
    foreign = provider_finding(stack, rtype, name, provider)
    if foreign is not None:
        findings.append(foreign)
    return findings


def reserved_id_finding(stack: Any, scope: Any, rtype: str, name: str) -> Finding | None:
    """A finding if ``name`` is reserved directly under the stack."""
    if name not in RESERVED_IDS or scope is not stack:
        return None
    return _finding(
        rtype,
        name,
        "terraform_reserved_id",
        "id",
        name,
        "is reserved ('Default' has no name in cdktf; the others are this library's own elements)",
        f"an id other than {', '.join(repr(i) for i in sorted(RESERVED_IDS))}",
        "choose another construct id",
    )


def _shown(value: object) -> object:
    """A construct by its path in messages, not its Python repr."""
    node = getattr(value, "node", None) if is_jsii_object(value) else None
    return str(node.path) if node is not None else value


def _is_dependable(value: object) -> bool:
    # Resources, data sources and modules have an ``fqn``; providers have one too but Terraform refuses them.
    return is_jsii_object(value) and hasattr(type(value), "fqn") and not _is_provider(value)
