"""The shape cdktf's HCL renderer wants from ``_synthesize_hcl_attributes``, derived from plain values.

cdktf renders ``cdktf synth --hcl`` from ``{name: {value, isBlock, type, storageClassType}}``; a construct
that only overrides ``_synthesize_attributes`` prints empty blocks there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["hcl_attributes"]


def hcl_attributes(values: Mapping[str, object]) -> dict[str, Any]:
    """Describe each value for the HCL renderer: maps as maps, lists of dicts as blocks, scalars as simple."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Mapping):
            out[key] = {"value": value, "isBlock": False, "type": "map", "storageClassType": "stringMap"}
        elif isinstance(value, list):
            out[key] = {"value": value, "isBlock": True, "type": "list", "storageClassType": "objectList"}
        else:
            storage = "boolean" if isinstance(value, bool) else "number" if isinstance(value, int) else "string"
            out[key] = {"value": value, "isBlock": False, "type": "simple", "storageClassType": storage}
    return out
