"""Create many jsii objects of one class, computing once what is the same for all of them.

``jsii.create`` re-derives for every object what depends only on its class (the overrides: a scan of
the class's members against each jsii interface in its MRO) and re-serializes every argument,
including a config struct whose unset fields still cross to Node as nulls, one kernel check each.
For the thousand snapshots of a large stack that is about a fifth of construction time.

``create`` keeps the class-level part per class and takes arguments that are already in jsii's wire
form (``wire_struct``). It uses jsii's private kernel API: if that is not the one this was written
against (checked at import), ``create`` is ``jsii.create`` and ``FAST`` is False, so the result is
the same either way, only slower.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsii

__all__ = ["FAST", "create", "wire_struct"]

try:
    from jsii import _reference_map
    from jsii._kernel import _callback_till_result, _get_overides, _make_reference_for_native
    from jsii._kernel.types import Callback, CreateRequest, CreateResponse

    _kernel: Any = jsii.kernel
    FAST = callable(getattr(_kernel.provider, "create", None)) and callable(_reference_map.register_reference)
except (ImportError, AttributeError):  # pragma: no cover - another jsii release
    FAST = False

_CLASS_PARTS: dict[type, tuple[str, list[Any], list[str]]] = {}


def wire_struct(struct: Any) -> Any:
    """Return ``struct`` (a jsii data type) in wire form, once, leaving out the fields that are unset."""
    if not FAST:
        return struct
    wire = _make_reference_for_native(_kernel, struct)
    return _without_nulls(wire)


def _without_nulls(wire: Any) -> Any:
    if isinstance(wire, Mapping):
        if "$jsii.struct" in wire:
            body = wire["$jsii.struct"]
            data = {k: _without_nulls(v) for k, v in body["data"].items() if v is not None}
            return {"$jsii.struct": {"fqn": body["fqn"], "data": data}}
        return {k: _without_nulls(v) for k, v in wire.items()}
    return wire


def create(obj: Any, scope: Any, id: str, config: Any) -> None:
    """Create ``obj``'s Node twin with ``(scope, id, config)``; ``config`` from :func:`wire_struct`."""
    if not FAST:
        jsii.create(type(obj), obj, [scope, id, config])
        return
    klass = type(obj)
    parts = _CLASS_PARTS.get(klass)
    if parts is None:
        interfaces = [iface.__jsii_type__ for iface in getattr(klass, "__jsii_ifaces__", [])]
        parts = _CLASS_PARTS[klass] = (klass.__jsii_type__ or "Object", _get_overides(klass, obj), interfaces)
    fqn, overrides, interfaces = parts
    args = [_make_reference_for_native(_kernel, scope), id, config]
    response = _kernel.provider.create(CreateRequest(fqn=fqn, args=args, overrides=overrides, interfaces=interfaces))
    obj.__jsii_ref__ = (
        _callback_till_result(_kernel, response, CreateResponse) if isinstance(response, Callback) else response
    )
    _reference_map.register_reference(obj)
