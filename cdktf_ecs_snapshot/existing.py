"""Read what already exists: the snapshots recorded in Terraform state or in a previous synthesis.

Three inputs are understood, detected from their content (never from the file name):

* **state v4** — a local ``terraform.tfstate`` (``{"version": 4, "resources": [{"mode", "type", "name",
  "instances": [{"attributes": {...}}]}]}``), as written by Terraform 0.12 and later;
* **show** — ``terraform show -json`` output (``{"format_version": "1.x", "values": {"root_module":
  {"resources": [...], "child_modules": [...]}}}``), which is how to read a remote backend's state;
* **synth** — a previously synthesized ``cdk.tf.json`` (``{"resource": {"alicloud_ecs_snapshot": {name:
  {...}}}}``): the configuration last applied, without ids.

Only ``alicloud_ecs_snapshot`` and its legacy alias ``alicloud_snapshot`` (``mode: managed``) are kept. A file
that is missing, not JSON, truncated, of an unknown format or version, a plan, or that holds no snapshot
resource raises ``InputError`` naming the file and what to do. No cdktf import: this module is pure Python.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .schema import LEGACY_RESOURCE_TYPE, RESOURCE_TYPE

__all__ = [
    "SNAPSHOT_TYPES",
    "ExistingSnapshot",
    "ExistingSnapshots",
    "detect_format",
    "load_existing",
    "parse_existing",
]

SNAPSHOT_TYPES = (RESOURCE_TYPE, LEGACY_RESOURCE_TYPE)
FORMATS = ("state", "show", "synth")
_META_ARGUMENTS = frozenset(
    {"//", "count", "for_each", "depends_on", "provider", "lifecycle", "connection", "provisioner"}
)


@dataclass(frozen=True)
class ExistingSnapshot:
    """One snapshot that exists (state) or was configured (synth), keyed by its Terraform address."""

    address: str
    resource_type: str
    name: str
    attributes: Mapping[str, object]
    id: str | None
    source: str

    @property
    def id_text(self) -> str:
        """The snapshot id for messages, or why it is unknown."""
        if self.id:
            return self.id
        if self.source == "synth":
            return "(id unknown: compared with previous cdk.tf.json)"
        return "(id unknown: not recorded in the state)"


@dataclass(frozen=True)
class ExistingSnapshots:
    """Every snapshot read from one file; ``by_address`` maps ``type.name`` (with index, module) to it."""

    path: str
    format: str
    snapshots: tuple[ExistingSnapshot, ...] = ()
    other_resources: tuple[str, ...] = field(default=())

    @property
    def by_address(self) -> dict[str, ExistingSnapshot]:
        return {s.address: s for s in self.snapshots}

    def find(self, resource_type: str, name: str) -> ExistingSnapshot | None:
        """The root-module snapshot ``resource_type.name`` (no module, no index), if it exists."""
        return self.by_address.get(f"{resource_type}.{name}")

    def __iter__(self) -> Iterator[ExistingSnapshot]:
        return iter(self.snapshots)

    def __len__(self) -> int:
        return len(self.snapshots)


def detect_format(document: object, *, path: str = "<input>") -> str:
    """Return ``"state"``, ``"show"`` or ``"synth"`` for a parsed document; raise ``InputError`` otherwise."""
    if not isinstance(document, dict):
        raise InputError(
            f"not a Terraform state, `terraform show -json` output or cdk.tf.json; got a JSON "
            f"{type(document).__name__}; expected a JSON object",
            path=path,
        )
    if "resource_changes" in document or "planned_values" in document:
        raise InputError(
            "this is a plan (`terraform show -json tfplan`), not a state; use `cdktf-ecs-snapshot plan-guard` "
            "for plans, or pass the state (terraform.tfstate or `terraform show -json`)",
            path=path,
        )
    if "version" in document and ("resources" in document or "modules" in document or "lineage" in document):
        version = document.get("version")
        if version != 4:
            raise InputError(
                f"unsupported state version; got {version!r}; expected 4 (Terraform 0.12 or later); run "
                "`terraform show -json > state.json` with a current Terraform and pass that file",
                path=path,
            )
        return "state"
    if "format_version" in document:
        _check_format_version(document.get("format_version"), path=path, what="`terraform show -json` output")
        return "show"
    if "resource" in document or "terraform" in document or "provider" in document:
        return "synth"
    keys = ", ".join(sorted(map(str, document))[:6]) or "none"
    raise InputError(
        f"unknown format; got an object with keys {keys}; expected a state (version 4), "
        "`terraform show -json` output (format_version 1.x) or a cdk.tf.json (resource)",
        path=path,
    )


def _check_format_version(value: object, *, path: str, what: str) -> None:
    text = str(value) if isinstance(value, str | int | float) else ""
    if text.split(".")[0] != "1":
        raise InputError(
            f"unsupported format_version of {what}; got {value!r}; expected '1.x'; this tool understands "
            "Terraform's JSON output format 1; upgrade cdktf-ecs-snapshot for a newer major format",
            path=path,
        )


def load_existing(
    path: str | os.PathLike[str], *, format: str = "auto", allow_empty: bool = False
) -> ExistingSnapshots:
    """Read ``path`` (state, ``terraform show -json`` output or cdk.tf.json) and return its snapshots.

    Args:
        path: the file.
        format: ``"auto"`` (detect), ``"state"``, ``"show"`` or ``"synth"``.
        allow_empty: accept a file without any snapshot resource (a project before its first apply).
            Default: - such a file is an error, because it usually means the wrong file was given.

    Raises:
        InputError: missing, unreadable, not JSON, truncated, unknown format/version, or no snapshot.
    """
    shown = os.fspath(path)
    file = Path(shown)
    if not file.exists():
        raise InputError(
            "file not found; expected a terraform.tfstate, `terraform show -json` output or cdk.tf.json; "
            "check the path (relative paths start at the current directory "
            f"{os.getcwd()!r})",
            path=shown,
        )
    if file.is_dir():
        raise InputError("is a directory; expected a file (e.g. terraform.tfstate or cdk.tf.json)", path=shown)
    if not file.is_file():
        raise InputError("is not a regular file (a FIFO, device or socket); expected a file", path=shown)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=shown) from exc
    return parse_existing(text, path=shown, format=format, allow_empty=allow_empty)


def parse_existing(
    text: str, *, path: str = "<input>", format: str = "auto", allow_empty: bool = False
) -> ExistingSnapshots:
    """Like ``load_existing`` for text already read."""
    if format not in ("auto", *FORMATS):
        raise InputError(f"unknown format; got {format!r}; expected one of 'auto', 'show', 'state', 'synth'", path=path)
    document = parse_json(text, path=path, what="state or cdk.tf.json")
    found = detect_format(document, path=path)
    if format != "auto" and found != format:
        raise InputError(f"expected {format} input; got {found}", path=path)
    assert isinstance(document, dict)
    if found == "state":
        snapshots, others = _from_state(document, path)
    elif found == "show":
        snapshots, others = _from_show(document, path)
    else:
        snapshots, others = _from_synth(document, path)
    result = ExistingSnapshots(path, found, tuple(sorted(snapshots, key=lambda s: s.address)), tuple(others))
    if not result.snapshots and not allow_empty:
        if others:
            listed = ", ".join(sorted(others)[:5]) + (", ..." if len(others) > 5 else "")
            what = f"{len(others)} resource(s) of other types ({listed})"
        else:
            what = "no resources at all"
        raise InputError(
            f"holds no alicloud_ecs_snapshot or alicloud_snapshot resource; got {what}; is this the state of "
            "the right stack? Pass allow_empty=True (CDKTF_ECS_SNAPSHOT_GUARD_ALLOW_EMPTY=1) before the "
            "first apply",
            path=path,
        )
    return result


def parse_json(text: str, *, path: str, what: str, remake: str = "terraform state pull > terraform.tfstate") -> Any:
    """``json.loads`` with an ``InputError`` that says where the text is broken or truncated.

    ``remake`` is the command that produces the file again, shown in the message.
    """
    if not text.strip():
        raise InputError(f"empty file; expected a JSON {what}", path=path)
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(f"nested too deeply to read; expected a JSON {what}", path=path) from None
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
        problem = "truncated JSON (the file ends early)" if truncated else f"not valid JSON: {exc.msg}"
        raise InputError(
            f"{problem} (line {exc.lineno}, column {exc.colno}); expected a complete JSON {what}; "
            f"re-create it (for example with `{remake}`)",
            path=path,
            line=exc.lineno,
        ) from exc


def _corrupt(path: str, where: str, expected: str, got: object) -> InputError:
    return InputError(
        f"corrupt {where}: expected {expected}; got {type(got).__name__}; the file may have been edited by "
        "hand or written by another tool",
        path=path,
    )


def _from_state(document: dict[str, Any], path: str) -> tuple[list[ExistingSnapshot], list[str]]:
    resources = document.get("resources", [])
    if not isinstance(resources, list):
        raise _corrupt(path, "state", "'resources' to be a list", resources)
    snapshots: list[ExistingSnapshot] = []
    others: list[str] = []
    for i, resource in enumerate(resources):
        if not isinstance(resource, dict):
            raise _corrupt(path, f"state resources[{i}]", "an object", resource)
        rtype, name, mode = resource.get("type"), resource.get("name"), resource.get("mode", "managed")
        if not isinstance(rtype, str) or not isinstance(name, str):
            raise _corrupt(path, f"state resources[{i}]", "string 'type' and 'name'", rtype)
        module = resource.get("module")
        prefix = f"{module}." if isinstance(module, str) and module else ""
        data = "data." if mode == "data" else ""
        base = f"{prefix}{data}{rtype}.{name}"
        if mode != "managed" or rtype not in SNAPSHOT_TYPES:
            others.append(base)
            continue
        instances = resource.get("instances", [])
        if not isinstance(instances, list):
            raise _corrupt(path, f"state resource {base}", "'instances' to be a list", instances)
        for instance in instances:
            if not isinstance(instance, dict) or not isinstance(instance.get("attributes"), dict):
                raise _corrupt(path, f"state resource {base}", "instances with an 'attributes' object", instance)
            address = base + _index(instance.get("index_key"))
            attributes = dict(instance["attributes"])
            snapshots.append(_snapshot(address, rtype, name, attributes, "state"))
    return snapshots, others


def _index(key: object) -> str:
    if key is None:
        return ""
    return f"[{json.dumps(key)}]" if isinstance(key, str) else f"[{key}]"


def _snapshot(address: str, rtype: str, name: str, attributes: dict[str, object], source: str) -> ExistingSnapshot:
    raw_id = attributes.get("id")
    return ExistingSnapshot(
        address, rtype, name, attributes, raw_id if isinstance(raw_id, str) and raw_id else None, source
    )


def _from_show(document: dict[str, Any], path: str) -> tuple[list[ExistingSnapshot], list[str]]:
    values = document.get("values")
    if values is None:  # `terraform show -json` of an empty state: {"format_version": "1.0"}
        return [], []
    if not isinstance(values, dict):
        raise _corrupt(path, "`terraform show -json` output", "'values' to be an object", values)
    snapshots: list[ExistingSnapshot] = []
    others: list[str] = []
    stack: list[object] = [values.get("root_module") or {}]
    while stack:
        module = stack.pop()
        if not isinstance(module, dict):
            raise _corrupt(path, "`terraform show -json` module", "an object", module)
        for resource in module.get("resources") or []:
            if not isinstance(resource, dict) or not isinstance(resource.get("address"), str):
                raise _corrupt(path, "`terraform show -json` resource", "an object with 'address'", resource)
            address, rtype, mode = resource["address"], resource.get("type"), resource.get("mode", "managed")
            if mode != "managed" or rtype not in SNAPSHOT_TYPES:
                others.append(address)
                continue
            attributes = resource.get("values")
            if not isinstance(attributes, dict):
                raise _corrupt(path, f"`terraform show -json` resource {address}", "'values' object", attributes)
            snapshots.append(_snapshot(address, str(rtype), str(resource.get("name", "")), dict(attributes), "show"))
        stack.extend(reversed(module.get("child_modules") or []))
    return snapshots, others


def _from_synth(document: dict[str, Any], path: str) -> tuple[list[ExistingSnapshot], list[str]]:
    resources = document.get("resource") or {}
    if not isinstance(resources, dict):
        raise _corrupt(path, "cdk.tf.json", "'resource' to be an object", resources)
    imported = _import_ids(document.get("import"))
    snapshots: list[ExistingSnapshot] = []
    others: list[str] = []
    for rtype, by_name in sorted(resources.items()):
        if not isinstance(by_name, dict):
            raise _corrupt(path, f"cdk.tf.json resource.{rtype}", "an object of resources", by_name)
        for name, body in sorted(by_name.items()):
            if rtype not in SNAPSHOT_TYPES:
                others.append(f"{rtype}.{name}")
                continue
            if not isinstance(body, dict):
                raise _corrupt(path, f"cdk.tf.json resource.{rtype}.{name}", "an object", body)
            if "count" in body or "for_each" in body:
                continue  # several instances of one block: no single old value to compare with
            attributes = {k: v for k, v in body.items() if k not in _META_ARGUMENTS}
            address = f"{rtype}.{name}"
            snapshots.append(ExistingSnapshot(address, rtype, name, attributes, imported.get(address), "synth"))
    return snapshots, others


def _import_ids(blocks: object) -> dict[str, str]:
    """Addresses to ids from the ``import`` blocks of a cdk.tf.json (the only ids a synthesis records)."""
    out: dict[str, str] = {}
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict) and isinstance(block.get("to"), str) and isinstance(block.get("id"), str):
            out[block["to"]] = block["id"]
    return out
