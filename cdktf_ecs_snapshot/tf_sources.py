"""Read snapshot resources out of existing Terraform: ``.tf`` (via python-hcl2) and ``.tf.json`` files.

The linter judges what a user wrote, so values come back as written: literals as Python values and every
expression or interpolation as a ``${...}`` string, which the rules treat as unknown and skip. Lines come
from scanning the source text for the resource header and attribute names: python-hcl2 8 accepts a
``with_meta`` option but does not fill it in, and ``json`` keeps no positions.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
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
    if path.endswith(".json"):
        return _read_json(path, text)
    if path.endswith(".tf"):
        return _read_hcl(path, text)
    raise InputError("not a Terraform file; expected a name ending in .tf or .tf.json", path=path)


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
    for entry in _as_list(data.get("resource")):
        for rtype, named in _items(entry):
            if rtype not in SNAPSHOT_TYPES:
                continue
            for name, body in _items(named):
                for block in _as_list(body):
                    if isinstance(block, Mapping):
                        resources.append(_resource(path, text, rtype, name, _hcl_arguments(block), hcl=True))
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


def _hcl_value(value: Any) -> Any:
    if isinstance(value, str):
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


def _read_json(path: str, text: str) -> SourceFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"cannot parse JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, Mapping):
        raise InputError("a .tf.json file holds a JSON object", path=path, line=1)
    resources: list[SourceResource] = []
    for entry in _as_list(data.get("resource")):
        for rtype, named in _items(entry):
            if rtype not in SNAPSHOT_TYPES:
                continue
            for name, body in _items(named):
                for block in _as_list(body):
                    if isinstance(block, Mapping):
                        resources.append(_resource(path, text, rtype, name, _json_arguments(block), hcl=False))
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
    path: str, text: str, rtype: str, name: str, arguments: dict[str, object], *, hcl: bool
) -> SourceResource:
    lines = text.splitlines()
    if hcl:
        header = re.compile(rf'^\s*resource\s+"?{re.escape(rtype)}"?\s+"?{re.escape(name)}"?\s*\{{')
        start = _line_of(text, header)
    else:
        start = _json_key_line(text, rtype, name)
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


def _json_key_line(text: str, rtype: str, name: str) -> int | None:
    type_at = re.search(rf'"{re.escape(rtype)}"\s*:', text)
    if type_at is None:
        return None
    name_at = re.compile(rf'"{re.escape(name)}"\s*:').search(text, type_at.end())
    position = name_at.start() if name_at is not None else type_at.start()
    return text.count("\n", 0, position) + 1
