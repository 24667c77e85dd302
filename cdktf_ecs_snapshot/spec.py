"""Spec files: the plain emitter's input, in YAML or JSON, read with messages that point at ``file:line``.

Format (YAML shown; JSON is the same structure; ``.json`` files are read as JSON, anything else as YAML)::

    provider:                     # optional; the arguments of AlicloudProvider
      region: cn-hangzhou
      version: ">= 1.239.0, < 2.0.0"   # optional; default: the lowest release every snapshot needs
    snapshots:                    # required; Terraform name -> EcsSnapshot arguments
      nightly:
        disk_id: d-bp1abc               # or "${alicloud_ecs_disk.data.id}"
        category: standard
        retention_days: 30
        tags: {team: infra}
        protect: true                   # lifecycle.prevent_destroy
        import_id: s-bp1xyz             # an import block
    outputs:                      # optional; name -> {value, description?, sensitive?} or a bare value
      nightly_id: "${alicloud_ecs_snapshot.nightly.id}"

Why a mapping keyed by name: the name is the Terraform address, so duplicates are refused here (YAML and
JSON would silently keep the last one), with the line of the second occurrence.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import yaml

from .errors import InputError
from .plain import OutputSpec, ProviderSpec, SnapshotSpec

__all__ = ["Spec", "load_spec", "parse_spec"]

_SNAPSHOT_KEYS = frozenset(f.name for f in fields(SnapshotSpec)) - {"id"}
_PROVIDER_KEYS = frozenset(f.name for f in fields(ProviderSpec))
_TOP_KEYS = ("outputs", "provider", "snapshots")


@dataclass(frozen=True)
class Spec:
    """A loaded spec: the snapshots in file order, the provider, the outputs and each snapshot's line."""

    snapshots: tuple[SnapshotSpec, ...]
    provider: ProviderSpec
    outputs: dict[str, OutputSpec]
    lines: dict[str, int] = field(default_factory=dict)
    path: str | None = None


_MAX_DEPTH = 64


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and remembers the line of every mapping key.

    Only JSON values come out: unquoted dates stay strings (no timestamp resolver), and explicit
    ``!!timestamp``, ``!!set``, ``!!binary``, ``.inf``/``.nan`` and non-string mapping keys are refused with
    their line.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[tuple[int, str], int] = {}


# No timestamp resolver: an unquoted date such as 2024-01-01 stays the string it looks like.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse(what: str) -> Any:
    def construct(loader: _Loader, node: yaml.Node) -> Any:
        raise InputError(what, line=node.start_mark.line + 1)

    return construct


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = loader.construct_yaml_float(node)
    if not math.isfinite(value):
        raise InputError(
            f"{node.value!r} is not a finite number; JSON has no infinity or NaN", line=node.start_mark.line + 1
        )
    return value


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise InputError("a mapping key must be a scalar", line=key_node.start_mark.line + 1) from None
        if not isinstance(key, str):
            raise InputError(
                f"mapping key {key!r} is a {type(key).__name__}, not a string; quote it",
                line=key_node.start_mark.line + 1,
            )
        if key in out:
            raise InputError(f"duplicate key {key!r}", line=key_node.start_mark.line + 1)
        out[key] = loader.construct_object(value_node, deep=True)
        if isinstance(key, str):
            loader.lines[id(out), key] = key_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _refuse("a date is not a string; quote it"))
_Loader.add_constructor("tag:yaml.org,2002:set", _refuse("a set (!!set) is not a JSON value; use a list"))
_Loader.add_constructor("tag:yaml.org,2002:binary", _refuse("binary data (!!binary) is not a JSON value"))
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def _check_depth(data: object) -> None:
    """Refuse documents nested deeper than ``_MAX_DEPTH`` (a spec needs a handful of levels)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, Mapping | list):
            if depth > _MAX_DEPTH:
                raise InputError(f"nested more than {_MAX_DEPTH} levels deep; a spec needs far fewer")
            children = value.values() if isinstance(value, Mapping) else value
            stack.extend((child, depth + 1) for child in children)


def _pairs_no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number; use a finite number")


def parse_spec(text: str, *, path: str | None = None, format: str | None = None) -> Spec:
    """Parse spec ``text`` (``format`` ``"json"`` or ``"yaml"``; default: by ``path``'s suffix, else YAML).

    Raises:
        InputError: unreadable syntax, duplicate keys, unknown keys or wrong shapes, with ``file:line``
            where the YAML parser gives a line.
    """
    kind = format or ("json" if path is not None and path.endswith(".json") else "yaml")
    lines: dict[str, int] = {}
    try:
        if kind == "json":
            data = json.loads(text, object_pairs_hook=_pairs_no_duplicates, parse_constant=_no_constant)
            key_lines: dict[tuple[int, str], int] = {}
        else:
            loader = _Loader(text)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
            key_lines = loader.lines
    except InputError as exc:
        raise InputError(str(exc), path=path, line=exc.line) from None
    except RecursionError:
        raise InputError(f"nested too deeply (more than {_MAX_DEPTH} levels are refused)", path=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except ValueError as exc:  # JSON's Infinity/NaN, refused by _no_constant
        raise InputError(str(exc), path=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"not valid YAML: {problem}", path=path, line=line) from None
    try:
        _check_depth(data)
        if not isinstance(data, Mapping):
            raise InputError("the spec must be a mapping with 'snapshots' (and optionally 'provider', 'outputs')")
        unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
        if unknown:
            raise InputError(
                f"unknown top-level key(s) {', '.join(map(repr, unknown))}; expected "
                + ", ".join(map(repr, _TOP_KEYS)),
                line=_line(key_lines, data, unknown[0]),
            )
        snapshots_data = data.get("snapshots")
        if not isinstance(snapshots_data, Mapping) or not snapshots_data:
            raise InputError(
                "'snapshots' must be a non-empty mapping of Terraform name to arguments",
                line=_line(key_lines, data, "snapshots"),
            )
        snapshots = []
        for name, arguments in snapshots_data.items():
            line = _line(key_lines, snapshots_data, name)
            if line is not None:
                lines[str(name)] = line
            snapshots.append(_snapshot(key_lines, name, arguments, line))
        provider = _provider(key_lines, data.get("provider"), _line(key_lines, data, "provider"))
        outputs = _outputs(key_lines, data.get("outputs"), _line(key_lines, data, "outputs"))
    except InputError as exc:
        raise InputError(str(exc), path=path, line=exc.line) from None
    return Spec(tuple(snapshots), provider, outputs, lines, path)


def _line(key_lines: dict[tuple[int, str], int], container: Mapping[Any, Any], key: object) -> int | None:
    return key_lines.get((id(container), key)) if isinstance(key, str) else None


def _snapshot(key_lines: dict[tuple[int, str], int], name: object, arguments: object, line: int | None) -> SnapshotSpec:
    if not isinstance(name, str):
        raise InputError(f"snapshot name {name!r} must be a string", line=line)
    if arguments is None:
        arguments = {}
    if not isinstance(arguments, Mapping):
        raise InputError(f"snapshot {name!r} must be a mapping of arguments", line=line)
    unknown = sorted(str(k) for k in arguments if k not in _SNAPSHOT_KEYS)
    if unknown:
        raise InputError(
            f"snapshot {name!r}: unknown key(s) {', '.join(map(repr, unknown))}; expected "
            + ", ".join(sorted(_SNAPSHOT_KEYS)),
            line=_line(key_lines, arguments, unknown[0]) or line,
        )
    for flag in ("protect", "strict"):
        if flag in arguments and not isinstance(arguments[flag], bool):
            raise InputError(
                f"snapshot {name!r}: {flag} must be true or false",
                line=_line(key_lines, arguments, flag) or line,
            )
    if "import_id" in arguments and not isinstance(arguments["import_id"], str):
        raise InputError(
            f"snapshot {name!r}: import_id must be a string such as 's-bp1...'",
            line=_line(key_lines, arguments, "import_id") or line,
        )
    return SnapshotSpec(id=name, **{str(k): v for k, v in arguments.items()})


def _provider(key_lines: dict[tuple[int, str], int], data: object, line: int | None) -> ProviderSpec:
    if data is None:
        return ProviderSpec()
    if not isinstance(data, Mapping):
        raise InputError("'provider' must be a mapping of AlicloudProvider arguments", line=line)
    unknown = sorted(str(k) for k in data if k not in _PROVIDER_KEYS)
    if unknown:
        raise InputError(
            f"provider: unknown key(s) {', '.join(map(repr, unknown))}; expected " + ", ".join(sorted(_PROVIDER_KEYS)),
            line=_line(key_lines, data, unknown[0]) or line,
        )
    version = data.get("version")
    if version is not None and not isinstance(version, str):
        raise InputError(
            "provider: version must be a string such as '>= 1.239.0, < 2.0.0' (quote it)",
            line=_line(key_lines, data, "version") or line,
        )
    for key, value in data.items():
        problem = _provider_shape(str(key), value)
        if problem is not None:
            raise InputError(f"provider: {key} {problem}", line=_line(key_lines, data, key) or line)
    return ProviderSpec(**{str(k): v for k, v in data.items()})


_PROVIDER_TYPES: dict[str, str] = {f.name: str(f.type) for f in fields(ProviderSpec)}


def _provider_shape(key: str, value: object) -> str | None:
    """What is wrong with the shape of provider argument ``key`` (``None``: nothing; null means unset)."""
    kind = _PROVIDER_TYPES.get(key, "")
    if value is None:
        return None
    if kind.startswith("str"):
        return None if isinstance(value, str) else f"must be a string; got {type(value).__name__}"
    if kind.startswith("bool"):
        return None if isinstance(value, bool) else f"must be true or false; got {type(value).__name__}"
    if kind.startswith("int"):
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"must be an integer; got {type(value).__name__}"
    if kind.startswith("Mapping"):
        if not isinstance(value, Mapping):
            return f"must be a mapping (a block of arguments); got {type(value).__name__}"
        if key == "endpoints":
            bad = sorted(str(k) for k, v in value.items() if not isinstance(v, str))
            if bad:
                return f"values must be strings (endpoint hosts); not strings: {', '.join(bad)}"
        else:
            bad = sorted(str(k) for k, v in value.items() if isinstance(v, Mapping | list))
            if bad:
                return f"values must be strings, numbers or booleans; nested: {', '.join(bad)}"
    return None


def _outputs(key_lines: dict[tuple[int, str], int], data: object, line: int | None) -> dict[str, OutputSpec]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise InputError("'outputs' must be a mapping of output name to value", line=line)
    out: dict[str, OutputSpec] = {}
    for name, value in data.items():
        where = _line(key_lines, data, name) or line
        if isinstance(value, Mapping):
            extra = sorted(str(k) for k in value if k not in ("value", "description", "sensitive"))
            if "value" not in value or extra:
                raise InputError(
                    f"output {name!r}: expected keys 'value' (required), 'description', 'sensitive'",
                    line=where,
                )
            description, sensitive = value.get("description"), value.get("sensitive")
            if description is not None and not isinstance(description, str):
                raise InputError(f"output {name!r}: description must be a string", line=where)
            if sensitive is not None and not isinstance(sensitive, bool):
                raise InputError(f"output {name!r}: sensitive must be true or false", line=where)
            out[str(name)] = OutputSpec(value["value"], description, sensitive)
        else:
            out[str(name)] = OutputSpec(value)
    return out


def load_spec(path: str | os.PathLike[str]) -> Spec:
    """Read and parse the spec file at ``path`` (``InputError`` if it is missing or unreadable)."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read the spec: {exc.strerror or exc}", path=name) from None
    except UnicodeDecodeError:
        raise InputError("cannot read the spec: not UTF-8 text", path=name) from None
    return parse_spec(text, path=name)
