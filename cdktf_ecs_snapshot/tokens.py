"""Recognise values that are unknown until Terraform runs: cdktf tokens and ``${...}`` expressions.

Rules never judge such values (their result would be a guess): they skip them, the way aws-cdk's
``Token.isUnresolved`` guards and checkov's UNKNOWN result do. Recognised without starting Node:

* strings containing ``${`` (Terraform interpolation, including cdktf's ``${TfToken[TOKEN.n]}``);
* cdktf list tokens (``#{TfToken[...]}``) and map tokens (a key ``&{TfToken[...]}``);
* number tokens, which reach Python as huge negative floats (about -8.1e+298) with cdktf's marker bits;
* jsii objects (an ``IResolvable`` proxy, a construct), since they are resolved at synthesis.

Anything else (a ``Decimal``, a ``set``, a ``date``, a float such as -1e300) is a plain value and is judged.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence

__all__ = ["contains_unresolved", "is_jsii_object", "is_unresolved"]

_MARKERS = ("${", "#{TfToken[", "&{TfToken[")
# cdktf encodes a number token as a double whose top 16 bits are this marker (the low bits count tokens).
_NUMBER_TOKEN_MARKERS = frozenset({0xFDFF, 0xFBFF})
_SCALARS = frozenset({str, int, bool, float, type(None)})


def _is_number_token(value: float) -> bool:
    return (struct.unpack(">Q", struct.pack(">d", value))[0] >> 48) in _NUMBER_TOKEN_MARKERS


def is_jsii_object(value: object) -> bool:
    """True for objects jsii passes to Node by reference (constructs, tokens), judged without Node."""
    kind = type(value)
    return kind.__module__.startswith("jsii") or hasattr(kind, "__jsii_type__") or hasattr(value, "__jsii_ref__")


def is_unresolved(value: object) -> bool:
    """Return True if ``value`` (or, for containers, the container itself) is unknown before apply."""
    kind = type(value)
    # Exact-type fast paths first: validation calls this for every value of every snapshot.
    if kind is str:
        return "{" in value and any(marker in value for marker in _MARKERS)  # type: ignore[operator]
    if value is None or kind is bool or kind is int:
        return False
    if kind is dict:
        return any(type(k) is str and "{TfToken[" in k for k in value)  # type: ignore[attr-defined]
    if isinstance(value, bool | int):
        return False
    if isinstance(value, str):
        return any(marker in value for marker in _MARKERS)
    if isinstance(value, float):
        return _is_number_token(value)
    if isinstance(value, Mapping):
        return any(isinstance(k, str) and "{TfToken[" in k for k in value)
    if isinstance(value, Sequence):
        return len(value) == 1 and isinstance(value[0], str) and value[0].startswith("#{TfToken[")
    return is_jsii_object(value)


def contains_unresolved(value: object) -> bool:
    """Return True if ``value`` or anything inside it (map keys and values, list items) is unresolved."""
    if is_unresolved(value):
        return True
    if type(value) in _SCALARS:  # fast path: the synthesis pass asks this of every value of every snapshot
        return False
    if isinstance(value, Mapping):
        return any(contains_unresolved(k) or contains_unresolved(v) for k, v in value.items())
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return any(contains_unresolved(item) for item in value)
    return False
