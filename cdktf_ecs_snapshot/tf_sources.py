"""Read snapshot resources out of existing Terraform: ``.tf`` (via python-hcl2) and ``.tf.json`` files.

The linter judges what a user wrote, so values come back as written: literals as Python values and every
expression or interpolation as a ``${...}`` string, which the rules treat as unknown and skip. Lines come
from scanning the source text for the resource header and attribute names: python-hcl2 8 accepts a
``with_meta`` option but does not fill it in, and ``json`` keeps no positions.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import InputError
from .schema import LEGACY_RESOURCE_TYPE, RESOURCE_TYPE

__all__ = ["SNAPSHOT_TYPES", "SourceFile", "SourceImport", "SourceResource", "discover", "read_source"]

SNAPSHOT_TYPES = (RESOURCE_TYPE, LEGACY_RESOURCE_TYPE)
_META_ARGUMENTS = frozenset(
    {"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection", "dynamic"}
)
# ``to`` of an import block: ``${type.name}`` from python-hcl2, a bare ``type.name`` in .tf.json.
_TO = re.compile(r"^(?:\$\{)?(alicloud_ecs_snapshot|alicloud_snapshot)\.([A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?\}?$")


@dataclass(frozen=True)
class SourceResource:
    """One snapshot resource as written: its arguments (meta-arguments dropped) and where it is."""

    path: str
    resource_type: str
    name: str
    arguments: dict[str, object]
    line: int | None = None
    attribute_lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceImport:
    """An ``import`` block whose ``to`` is a snapshot resource."""

    path: str
    resource_type: str
    name: str
    id: object
    line: int | None = None


@dataclass(frozen=True)
class SourceFile:
    """What one file holds for the linter."""

    path: str
    resources: tuple[SourceResource, ...] = ()
    imports: tuple[SourceImport, ...] = ()
    provider_versions: tuple[str, ...] = ()


def discover(paths: Iterable[str]) -> tuple[list[str], list[InputError]]:
    """Expand files and directories (recursively, skipping hidden ones such as ``.terraform``).

    Returns the ``.tf``/``.tf.json`` files in a stable order and an error for each path that is missing.
    """
    files: list[str] = []
    errors: list[InputError] = []
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, n) for n in names if _is_terraform(n))
            files.extend(sorted(found))
        elif os.path.isfile(path):
            files.append(path)
        elif os.path.exists(path):
            errors.append(InputError("not a .tf or .tf.json file (not a regular file)", path=path))
        else:
            errors.append(InputError("no such file or directory", path=path))
    return list(dict.fromkeys(files)), errors


def _is_terraform(name: str) -> bool:
    return name.endswith((".tf", ".tf.json"))


def read_source(path: str) -> SourceFile:
    """Read one ``.tf`` or ``.tf.json`` file; raise ``InputError`` (with the line if known) otherwise."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    except UnicodeDecodeError:
        raise InputError("cannot read: not UTF-8 text", path=path) from None
    if not path.endswith((".json", ".tf")):
        raise InputError("not a .tf or .tf.json file; expected a name ending in .tf or .tf.json", path=path)
    try:
        source = _read_json(path, text) if path.endswith(".json") else _read_hcl(path, text)
    except RecursionError:
        raise InputError("nested too deeply to read", path=path) from None
    for resource in source.resources:
        if _depth(resource.arguments) > _MAX_DEPTH:
            raise InputError(
                f"{resource.resource_type}.{resource.name}: arguments nested more than {_MAX_DEPTH} levels deep",
                path=path,
                line=resource.line,
            )
    return source


_MAX_DEPTH = 64


def _depth(value: object) -> int:
    """Nesting depth of lists and mappings (iterative, so that it cannot overflow the stack)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping | list):
            depth += 1
            deepest = max(deepest, depth)
            if depth <= _MAX_DEPTH:
                stack.extend((child, depth) for child in (item.values() if isinstance(item, Mapping) else item))
    return deepest


# -- .tf -----------------------------------------------------------------------------------------


def _read_hcl(path: str, text: str) -> SourceFile:
    import hcl2  # imported here: the parser builds its grammar on first use, only the linter needs it

    options = hcl2.SerializationOptions(strip_string_quotes=True, with_comments=False, preserve_heredocs=False)
    try:
        data = hcl2.loads(text, serialization_options=options)
    except Exception as exc:  # lark raises several unrelated classes; all mean "cannot parse"
        line = getattr(exc, "line", None)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"cannot parse HCL: {first}", path=path, line=line if isinstance(line, int) else None
        ) from None
    resources: list[SourceResource] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in _as_list(data.get("resource")):
        for rtype, named in _items(entry):
            if rtype not in SNAPSHOT_TYPES:
                continue
            for name, body in _items(named):
                for block in _as_list(body):
                    if isinstance(block, Mapping):
                        nth = seen[rtype, name] = seen.get((rtype, name), -1) + 1
                        arguments = _hcl_arguments(block)
                        resources.append(_resource(path, text, rtype, name, arguments, hcl=True, nth=nth))
    imports = [
        imp for block in _as_list(data.get("import")) if (imp := _import(path, text, block, hcl=True)) is not None
    ]
    versions: list[str] = []
    for terraform in _as_list(data.get("terraform")):
        if isinstance(terraform, Mapping):
            for required in _as_list(terraform.get("required_providers")):
                versions.extend(_alicloud_version(required))
    return SourceFile(path, tuple(resources), tuple(imports), tuple(versions))


def _unquote(value: str) -> str:
    """python-hcl2 keeps escapes (``\\"``); HCL's string escapes are JSON's, so decode them that way."""
    if "\\" not in value:
        return value
    try:
        decoded = json.loads(f'"{value}"')
    except ValueError:
        return value
    return decoded if isinstance(decoded, str) else value


# python-hcl2 gives numbers with an exponent (``1e300``) as an interpolation, ``"${1e300}"``.
_NUMBER = re.compile(r"^\$\{\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*\}$")
_MAX_DIGITS = 4000


def _number(text: str) -> int | float | None:
    """The value of a plain numeric literal (``1e300`` → an int), or ``None`` if it is too large to hold."""
    value = Decimal(text)
    if value == value.to_integral_value():
        if value.adjusted() >= _MAX_DIGITS:
            return None
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def _hcl_value(value: Any) -> Any:
    if isinstance(value, str):
        literal = _NUMBER.match(value)
        if literal is not None:
            number = _number(literal.group(1))
            return value if number is None else number
        return _unquote(value)
    if isinstance(value, Mapping):
        return {_unquote(str(k)): _hcl_value(v) for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, list):
        return [_hcl_value(v) for v in value]
    return value


def _hcl_arguments(block: Mapping[str, Any]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in block.items():
        if key.startswith("__") or key in _META_ARGUMENTS:
            continue
        if isinstance(value, list) and value and all(isinstance(v, Mapping) and v.get("__is_block__") for v in value):
            # A nested block such as ``timeouts { ... }``: the resource allows one.
            out[key] = _hcl_value(value[0])
        else:
            out[key] = _hcl_value(value)
    return out


# -- .tf.json ------------------------------------------------------------------------------------


class _JsonObject(dict[str, Any]):
    """A JSON object that keeps the members whose key repeats an earlier one (``json`` keeps the last)."""

    duplicates: list[tuple[str, Any]]


def _json_object(pairs: list[tuple[str, Any]]) -> _JsonObject:
    out = _JsonObject()
    out.duplicates = []
    for key, value in pairs:
        if key in out:
            out.duplicates.append((key, value))
        else:
            out[key] = value
    return out


def _json_objects(value: object, what: str, path: str, line: int | None) -> list[Mapping[str, Any]]:
    """Terraform JSON's block forms: one object, or an array of objects; anything else is an error."""
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, Mapping) for item in items):
        got = type(value).__name__ if not isinstance(value, list) else "an array with non-objects"
        raise InputError(f"{what} must be a JSON object or an array of objects; got {got}", path=path, line=line)
    return list(items)


def _json_members(obj: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, value in obj.items():
        if key != "//":
            yield key, value
    for key, value in getattr(obj, "duplicates", ()):
        if key != "//":
            yield key, value


def _read_json(path: str, text: str) -> SourceFile:
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise InputError(f"cannot parse JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, Mapping):
        raise InputError("a .tf.json file holds a JSON object", path=path, line=1)
    resources: list[SourceResource] = []
    seen: dict[tuple[str, str], int] = {}
    if "resource" in data:
        where = _line_of(text, re.compile(r'"resource"\s*:'))
        for entry in _json_objects(data["resource"], "'resource'", path, where):
            for rtype, named in _json_members(entry):
                if rtype not in SNAPSHOT_TYPES:
                    continue
                type_line = _line_of(text, re.compile(rf'"{re.escape(rtype)}"\s*:'))
                for group in _json_objects(named, f"resource {rtype!r}", path, type_line):
                    for name, body in _json_members(group):
                        nth = seen[rtype, name] = seen.get((rtype, name), -1) + 1
                        body_line = _json_key_line(text, rtype, name, nth) or type_line
                        for block in _json_objects(body, f"resource {rtype}.{name}", path, body_line):
                            resources.append(
                                _resource(path, text, rtype, name, _json_arguments(block), hcl=False, nth=nth)
                            )
    imports = [
        imp for block in _as_list(data.get("import")) if (imp := _import(path, text, block, hcl=False)) is not None
    ]
    versions: list[str] = []
    for terraform in _as_list(data.get("terraform")):
        if isinstance(terraform, Mapping):
            for required in _as_list(terraform.get("required_providers")):
                versions.extend(_alicloud_version(required))
    return SourceFile(path, tuple(resources), tuple(imports), tuple(versions))


def _json_arguments(block: Mapping[str, Any]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in block.items():
        if key == "//" or key in _META_ARGUMENTS:
            continue
        if key == "timeouts" and isinstance(value, list) and len(value) == 1 and isinstance(value[0], Mapping):
            value = value[0]
        out[key] = value
    return out


# -- shared --------------------------------------------------------------------------------------


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _items(value: object) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not str(key).startswith("__") and key != "//":
                yield str(key), item


def _alicloud_version(required: object) -> list[str]:
    if not isinstance(required, Mapping):
        return []
    alicloud = required.get("alicloud")
    if isinstance(alicloud, Mapping) and isinstance(alicloud.get("version"), str):
        return [str(alicloud["version"])]
    return []


def _import(path: str, text: str, block: object, *, hcl: bool) -> SourceImport | None:
    if not isinstance(block, Mapping):
        return None
    to = block.get("to")
    match = _TO.match(to) if isinstance(to, str) else None
    if match is None:
        return None
    line = _line_of(
        text,
        re.compile(r"^\s*\"?to\"?\s*[:=]\s*\"?\$?\{?" + re.escape(match.group(1) + "." + match.group(2))),
    )
    ident = _hcl_value(block.get("id")) if hcl else block.get("id")
    return SourceImport(path, match.group(1), match.group(2), ident, line)


def _line_of(text: str, pattern: re.Pattern[str], start: int = 0) -> int | None:
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if pattern.search(line):
            return number
    return None


def _resource(
    path: str, text: str, rtype: str, name: str, arguments: dict[str, object], *, hcl: bool, nth: int = 0
) -> SourceResource:
    lines = text.splitlines()
    if hcl:
        header = re.compile(rf'^\s*resource\s+"?{re.escape(rtype)}"?\s+"?{re.escape(name)}"?\s*\{{')
        start = _line_of(text, header)
        for _ in range(nth):  # the nth block with this header
            if start is None:
                break
            start = _line_of(text, header, start) or start
    else:
        start = _json_key_line(text, rtype, name, nth)
    attribute_lines: dict[str, int] = {}
    if start is not None:
        end = len(lines)
        top_level = re.compile(r"^(resource|data|module|variable|output|locals|provider|terraform|import|moved)\b")
        for number in range(start, len(lines)):
            if hcl and top_level.match(lines[number]):
                end = number
                break
        for key in arguments:
            quoted = rf'"{re.escape(key)}"\s*:' if not hcl else rf"^\s*{re.escape(key)}\s*[={{]"
            pattern = re.compile(quoted)
            for number in range(start, end):
                if pattern.search(lines[number]):
                    attribute_lines[key] = number + 1
                    break
    return SourceResource(path, rtype, name, arguments, start, attribute_lines)


def _json_key_line(text: str, rtype: str, name: str, nth: int = 0) -> int | None:
    type_at = re.search(rf'"{re.escape(rtype)}"\s*:', text)
    if type_at is None:
        return None
    pattern = re.compile(rf'"{re.escape(name)}"\s*:')
    name_at = pattern.search(text, type_at.end())
    for _ in range(nth):  # the nth member with this name (a repeated key, or another block)
        following = pattern.search(text, name_at.end()) if name_at is not None else None
        if following is None:
            break
        name_at = following
    position = name_at.start() if name_at is not None else type_at.start()
    return text.count("\n", 0, position) + 1
