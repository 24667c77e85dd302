"""Plan- and apply-time helpers shared by the double's resources.

The contract that matters (pitfall 5 of the reference): whatever a resource returns from apply must agree with
every value that was *known* in the plan, or Terraform stops with "Provider produced inconsistent result". The
real provider (SDKv2) is excused from that check; the double is not. So apply returns the planned known values
and fills only the unknown ones from what ECS reports, and the *next* refresh (a plain read) is where any
difference between config and ECS shows up, exactly when a user of the real provider would see it.
"""

from __future__ import annotations

from typing import Any

import attrs
from pyvider.cty import CtyValue
from pyvider.cty.conversion import cty_to_native
from pyvider.schema import PvsSchema

from . import runtime
from .ecs import parse_duration
from .schema_gen import facts, in_ranges


def as_dict(obj: Any) -> dict[str, Any]:
    """A config/state object (attrs instance, dict or None) as a plain dict."""
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return dict(obj)
    if attrs.has(type(obj)):
        return attrs.asdict(obj, recurse=False)
    return {}


def unknown_keys(value: CtyValue | None) -> set[str]:
    """Top-level attribute names whose value is unknown in a cty object (planned state or config)."""
    if value is None or value.is_null or not isinstance(value.value, dict):
        return set()
    return {k for k, v in value.value.items() if isinstance(v, CtyValue) and v.is_unknown}


def known_dict(value: CtyValue | None) -> dict[str, Any]:
    """The known top-level values of a cty object as native Python (unknowns left out)."""
    if value is None or value.is_null or not isinstance(value.value, dict):
        return {}
    out: dict[str, Any] = {}
    for k, v in value.value.items():
        if isinstance(v, CtyValue):
            if v.is_unknown:
                continue
            out[k] = None if v.is_null else cty_to_native(v)
        else:
            out[k] = v
    return out


def merge_applied(
    schema: PvsSchema, planned: CtyValue | None, read_back: dict[str, Any], fallback: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Planned known values win; unknown ones come from ``read_back`` (then ``fallback``)."""
    known = known_dict(planned)
    unknown = unknown_keys(planned)
    out: dict[str, Any] = {}
    for name in schema.block.attributes:
        if name in unknown:
            value = read_back.get(name)
            if value is None and fallback is not None:
                value = fallback.get(name)
            out[name] = value
        else:
            out[name] = known.get(name)
    for block in schema.block.block_types:
        out[block.type_name] = known.get(block.type_name)
    return out


def timeout_seconds(resource_facts: str, operation: str, timeouts: Any) -> float:
    """The operation's timeout: the ``timeouts`` block value, else the version's default from the facts."""
    default = 300.0
    for row in facts(resource_facts).get("timeouts", []):
        if in_ranges([row], runtime.version()) and row.get(operation):
            default = parse_duration(row[operation], default)
    timeouts = native(timeouts)
    if isinstance(timeouts, list):
        timeouts = timeouts[0] if timeouts else None
    configured = (timeouts if isinstance(timeouts, dict) else as_dict(timeouts)).get(operation)
    return parse_duration(configured, default)


def deprecation_warnings(ctx: Any, resource_facts: str, config: dict[str, Any]) -> None:
    """Warn for each deprecated argument set in the configuration, as SDKv2 providers do."""
    for name, fact in facts(resource_facts).get("deprecated", {}).items():
        if config.get(name) is None:
            continue
        if fact.get("since") and not in_ranges([{"from": fact["since"], "until": None}], runtime.version()):
            continue
        ctx.add_attribute_warning(name, "Argument is deprecated", fact["message"])


def validation_errors(resource_facts: str, config: dict[str, Any]) -> list[str]:
    """``provider_validation`` and ``conflicts`` facts applied to the known config values."""
    config = {k: native(v) for k, v in config.items()}
    errors: list[str] = []
    resource = facts(resource_facts)
    for name, rule in resource.get("provider_validation", {}).items():
        if "from" in rule and not in_ranges([rule], runtime.version()):
            continue
        value = config.get(name)
        if value is None:
            continue
        if rule["kind"] == "string_in_slice" and value not in rule["values"]:
            allowed = " ".join(f'"{v}"' for v in rule["values"])
            errors.append(f"expected {name} to be one of [{allowed}], got {value}")
        elif rule["kind"] == "int_between" and not rule["min"] <= value <= rule["max"]:
            errors.append(f"expected {name} to be in the range ({rule['min']} - {rule['max']}), got {value}")
    for conflict in resource.get("conflicts", []):
        present = [n for n in conflict["attributes"] if config.get(n) not in (None, "")]
        if len(present) > 1:
            for name in present:
                others = ", ".join(o for o in present if o != name)
                errors.append(f'"{name}": conflicts with {others}')
    timeouts = config.get("timeouts")
    if isinstance(timeouts, list):
        timeouts = timeouts[0] if timeouts else None
    for key, value in (timeouts if isinstance(timeouts, dict) else as_dict(timeouts)).items():
        if value is None:
            continue
        try:
            parse_duration(value, 0)
        except ValueError as exc:
            errors.append(f"timeouts.{key}: {exc}")
    return errors


def native(value: Any) -> Any:
    """Plain Python for a value that may hold ``CtyValue`` leaves (unknown and null become None)."""
    if isinstance(value, CtyValue):
        return None if value.is_null or value.is_unknown else cty_to_native(value)
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [native(v) for v in value]
    return value


def config_of(ctx: Any) -> dict[str, Any]:
    """The known configuration of a context: from ``config_cty`` when pyvider passes it (resources), else
    from the decoded ``config`` object (data sources get only that)."""
    if getattr(ctx, "config_cty", None) is not None:
        return known_dict(ctx.config_cty)
    return {k: native(v) for k, v in as_dict(ctx.config).items()}
