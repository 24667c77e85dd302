"""Per-stack bookkeeping in Python: the snapshots and providers of each stack, without Node round trips.

The registry is stored on the stack's Python object, so finding it costs nothing; ``stack_of`` crosses
into Node only when a construct's scope is not the stack itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._core import core, core_name
from .tokens import is_jsii_object

__all__ = ["StackRegistry", "registry_of", "stack_of"]

_ATTR = "_cdktf_ecs_snapshot_registry"


@dataclass
class StackRegistry:
    """What this library placed in one stack."""

    stack: Any
    snapshots: list[Any] = field(default_factory=list)
    providers: list[Any] = field(default_factory=list)
    batch: Any = None
    names: dict[tuple[str, str], Any] = field(default_factory=dict)
    external_provider: Any = None

    def default_provider(self) -> Any:
        """Return the stack's (first) AlicloudProvider without alias, if any."""
        defaults = self.default_providers()
        return defaults[0] if defaults else None

    def default_providers(self) -> list[Any]:
        """The stack's AlicloudProviders without alias (Terraform accepts one)."""
        return [provider for provider in self.providers if provider.alias_input is None]

    def pinned_version(self) -> str | None:
        """Return the version constraint set explicitly on one of the stack's AlicloudProviders, if any.

        Terraform keeps one ``required_providers`` entry per provider name, so that constraint holds
        for every alias of the provider in the stack.
        """
        for provider in self.providers:
            if provider.version_input is not None:
                return str(provider.version_input)
        return None


def stack_of(scope: Any) -> Any:
    """Return the TerraformStack containing ``scope`` (no Node call when ``scope`` is the stack)."""
    cdk = core()
    if isinstance(scope, cdk.TerraformStack):
        return scope
    if isinstance(scope, cdk.App):
        raise TypeError("scope is the App; pass a TerraformStack (or a construct inside one) as the first argument")
    other = _other_core(scope)
    if other is not None:
        raise TypeError(
            f"scope comes from {other!r} but cdktf_ecs_snapshot uses {core_name()!r}; set "
            f"CDKTF_ECS_SNAPSHOT_CORE={other} (both cores are installed) so that the two match"
        )
    if not is_jsii_object(scope):
        raise TypeError(
            f"scope must be a construct (a TerraformStack or a construct inside one); got {scope!r} "
            f"({type(scope).__name__}); pass the stack (or a construct inside it) as the first argument"
        )
    return cdk.TerraformStack.of(scope)


def _other_core(scope: Any) -> str | None:
    """The CDK core ``scope``'s class comes from, if it is not the one in use."""
    ours = core_name()
    for klass in type(scope).__mro__:
        root = klass.__module__.split(".")[0]
        if root in ("cdktf", "cdktn") and root != ours:
            return root
    return None


def registry_of(stack: Any) -> StackRegistry:
    """Return (creating on first use) the registry kept on ``stack``."""
    found: StackRegistry | None = stack.__dict__.get(_ATTR)
    if found is None:
        found = StackRegistry(stack)
        stack.__dict__[_ATTR] = found
    return found
