"""The plan guard: fail CI when a Terraform plan would delete or replace an ECS snapshot.

Reads ``terraform show -json tfplan`` output (JSON output format ``1.x``) and reports every
``alicloud_ecs_snapshot`` / ``alicloud_snapshot`` whose ``resource_changes[].change.actions`` is

* ``["delete"]`` — deleted (``action_reason`` says why, e.g. no longer in the configuration);
* ``["delete", "create"]`` — replaced, the old snapshot deleted first;
* ``["create", "delete"]`` — replaced with ``create_before_destroy``: the old snapshot is still deleted.

``change.replace_paths`` names the attributes that force a replacement. ``["forget"]`` (a ``removed`` block with
``destroy = false``) keeps the snapshot and is not reported. ``--allow ADDRESS`` accepts a named one.

Exit codes (like ty and SQLFluff, and argparse's own 2)::

    0  no snapshot is deleted or replaced (or every one is allowed)
    1  at least one snapshot would be deleted or replaced
    2  usage or input error: unreadable, not JSON, a binary plan, an unknown format_version, a plan that
       errored (incomplete) or a corrupt one (resource_changes entries not shaped as Terraform writes them)

Usage::

    terraform plan -out tfplan && terraform show -json tfplan > plan.json
    cdktf-ecs-snapshot plan-guard plan.json [--allow alicloud_ecs_snapshot.old] [--format json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError
from .existing import SNAPSHOT_TYPES, parse_json

__all__ = [
    "EXIT_INPUT",
    "EXIT_LOSS",
    "EXIT_OK",
    "PlanReport",
    "SnapshotLoss",
    "add_arguments",
    "check_plan",
    "load_plan",
    "main",
    "register",
    "render",
    "run",
]

EXIT_OK, EXIT_LOSS, EXIT_INPUT = 0, 1, 2
PROG = "cdktf-ecs-snapshot plan-guard"

_REASONS = {
    "replace_because_cannot_update": "an attribute that cannot be updated in place changed",
    "replace_because_tainted": "the snapshot is tainted (terraform taint / a failed create)",
    "replace_by_request": "replacement was requested (-replace=ADDRESS)",
    "replace_by_triggers": "lifecycle.replace_triggered_by fired",
    "delete_because_no_resource_config": "it is no longer in the configuration",
    "delete_because_no_module": "its module is no longer in the configuration",
    "delete_because_wrong_repetition": "count/for_each was added or removed",
    "delete_because_count_index": "its count index is out of range",
    "delete_because_each_key": "its for_each key is gone",
    "delete_because_no_move_target": "its moved block points nowhere",
}
_LOSSY = {("delete",): "delete", ("delete", "create"): "replace", ("create", "delete"): "replace"}


@dataclass(frozen=True)
class SnapshotLoss:
    """One snapshot the plan deletes or replaces."""

    address: str
    snapshot_id: str | None
    kind: str  # "delete" or "replace"
    actions: tuple[str, ...]
    action_reason: str | None
    replace_paths: tuple[str, ...]
    changes: tuple[tuple[str, object, object], ...]
    allowed: bool = False

    @property
    def why(self) -> str:
        if self.action_reason:
            return _REASONS.get(self.action_reason, self.action_reason)
        return "it is no longer in the configuration or Terraform gave no reason"

    @property
    def message(self) -> str:
        order = "delete, then create" if self.actions == ("delete", "create") else "create, then delete the old one"
        what = "deleted" if self.kind == "delete" else f"replaced ({order})"
        sid = self.snapshot_id or "(id unknown)"
        text = f"{self.address}: snapshot {sid} would be {what}; because {self.why}"
        if self.changes:
            forced = ", ".join(f"{p}: {_show(b)} → {_show(a)}" for p, b, a in self.changes)
            text += f"; forced by {forced}"
        elif self.replace_paths:
            text += "; forced by " + ", ".join(self.replace_paths)
        if not self.allowed:
            text += f"; to accept it, pass --allow {self.address}"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "address": self.address,
            "snapshot_id": self.snapshot_id,
            "kind": self.kind,
            "actions": list(self.actions),
            "action_reason": self.action_reason,
            "replace_paths": list(self.replace_paths),
            "changes": [{"attribute": p, "before": b, "after": a} for p, b, a in self.changes],
            "allowed": self.allowed,
            "message": self.message,
        }


@dataclass
class PlanReport:
    """What the plan does to snapshots: losses (not allowed), allowed losses, notes."""

    path: str
    losses: list[SnapshotLoss] = field(default_factory=list)
    allowed: list[SnapshotLoss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    snapshots_seen: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_LOSS if self.losses else EXIT_OK


def _show(value: object) -> str:
    if value is _UNKNOWN:
        text = "(known after apply)"
    elif value is _SENSITIVE:
        text = "(sensitive)"
    else:
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


_UNKNOWN = object()
_SENSITIVE = object()


def load_plan(path: str) -> dict[str, Any]:
    """Read ``terraform show -json`` plan output from ``path`` (``-`` for stdin); raise ``InputError``."""
    if path == "-":
        return _parse_plan(sys.stdin.read(), "<stdin>")
    file = Path(path)
    if file.is_dir():
        raise InputError("is a directory; expected the file written by `terraform show -json tfplan`", path=path)
    if not file.exists():
        raise InputError("file not found; expected the output of `terraform show -json tfplan`", path=path)
    if not file.is_file():
        raise InputError(
            "is not a regular file (a FIFO, device or socket); expected the output of "
            "`terraform show -json tfplan`, or - for stdin",
            path=path,
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    if data[:2] == b"PK":
        raise InputError(
            "is a binary plan file; convert it first: `terraform show -json tfplan > plan.json`", path=path
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason}); expected JSON from `terraform show -json`", path=path
        ) from exc
    return _parse_plan(text, path)


def _parse_plan(text: str, path: str) -> dict[str, Any]:
    document = parse_json(
        text, path=path, what="plan (`terraform show -json tfplan`)", remake="terraform show -json tfplan > plan.json"
    )
    if not isinstance(document, dict):
        raise InputError(f"expected a JSON object (a plan); got a JSON {type(document).__name__}", path=path)
    version = document.get("format_version")
    if version is None:
        raise InputError("no format_version; expected the output of `terraform show -json tfplan`", path=path)
    if str(version).split(".")[0] != "1":
        raise InputError(
            f"unsupported plan format_version; got {version!r}; expected '1.x' (Terraform 0.12 to 1.x); "
            "upgrade cdktf-ecs-snapshot to read a newer major format",
            path=path,
        )
    if "resource_changes" not in document and "planned_values" not in document:
        kind = "a state (`terraform show -json` without a plan)" if "values" in document else "not a plan"
        raise InputError(f"{kind}; expected `terraform show -json tfplan` output with resource_changes", path=path)
    if document.get("errored") is True:
        raise InputError(
            "the plan errored; it is incomplete (`terraform plan` failed part way); fix the errors and plan again",
            path=path,
        )
    changes = document.get("resource_changes") or []
    if not isinstance(changes, list):
        raise InputError(f"corrupt plan: resource_changes must be a list; got {type(changes).__name__}", path=path)
    for i, rc in enumerate(changes):
        _check_change(rc, i, path)
    return document


def _corrupt(path: str, i: int, field: str, problem: str) -> InputError:
    where = f"resource_changes[{i}]" + (f".{field}" if field else "")
    return InputError(
        f"corrupt plan: {where}: {problem}; re-create it with "
        "`terraform show -json tfplan > plan.json`",
        path=path,
    )


def _check_change(rc: object, i: int, path: str) -> None:
    """Refuse a ``resource_changes`` entry whose shape is not Terraform's (rather than fail open)."""
    if not isinstance(rc, dict):
        raise _corrupt(path, i, "", f"must be an object; got {type(rc).__name__}")
    for key in ("address", "type"):
        if key in rc and not isinstance(rc[key], str):
            raise _corrupt(path, i, key, f"{key} must be a string; got {type(rc[key]).__name__}")
    change = rc.get("change")
    if not isinstance(change, dict):
        raise _corrupt(path, i, "change", f"change must be an object; got {type(change).__name__}")
    actions = change.get("actions")
    if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
        raise _corrupt(path, i, "change.actions", "actions must be a list of strings")
    replace_paths = change.get("replace_paths")
    if replace_paths is not None and not (
        isinstance(replace_paths, list)
        and all(
            isinstance(p, list) and all(isinstance(step, str | int) and not isinstance(step, bool) for step in p)
            for p in replace_paths
        )
    ):
        raise _corrupt(
            path,
            i,
            "change.replace_paths",
            "replace_paths must be a list of paths, each a list of attribute names and indexes",
        )
    reason = rc.get("action_reason")
    if reason is not None and not isinstance(reason, str):
        raise _corrupt(path, i, "action_reason", "action_reason must be a string")


def _path_text(path: object) -> str:
    if not isinstance(path, list):
        return str(path)
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _lookup(values: object, path: object) -> object:
    node = values
    for step in path if isinstance(path, list) else [path]:
        if isinstance(node, dict):
            if step not in node:
                return None
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def _sensitive(marks: object, path: object) -> bool:
    """True when ``before_sensitive``/``after_sensitive`` marks the value at ``path`` (or any part of it)."""
    node = marks
    for step in path if isinstance(path, list) else [path]:
        if node is True:
            return True
        if isinstance(node, dict) and isinstance(step, str):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return False
    return _any_true(node)


def _any_true(marks: object) -> bool:
    stack = [marks]
    while stack:
        node = stack.pop()
        if node is True:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def check_plan(document: Mapping[str, Any], *, allow: Iterable[str] = (), path: str = "<plan>") -> PlanReport:
    """Return what the plan does to snapshots; ``allow`` lists addresses whose loss is accepted.

    Values marked in ``before_sensitive``/``after_sensitive`` are reported as ``(sensitive)``, never shown.
    """
    allowed = set(allow)
    report = PlanReport(path)
    matched: set[str] = set()
    changes_list = document.get("resource_changes") or []
    if not isinstance(changes_list, list):
        raise InputError(
            f"corrupt plan: resource_changes must be a list; got {type(changes_list).__name__}", path=path
        )
    for i, rc in enumerate(changes_list):
        _check_change(rc, i, path)
        if rc.get("mode", "managed") != "managed" or rc.get("type") not in SNAPSHOT_TYPES:
            continue
        report.snapshots_seen += 1
        change = rc["change"]
        actions = tuple(change.get("actions") or ())
        kind = _LOSSY.get(actions)
        if kind is None:
            continue
        address = str(rc.get("address"))
        before = change.get("before") if isinstance(change.get("before"), dict) else {}
        after = change.get("after") if isinstance(change.get("after"), dict) else {}
        unknown = change.get("after_unknown") if isinstance(change.get("after_unknown"), dict) else {}
        before_marks, after_marks = change.get("before_sensitive"), change.get("after_sensitive")
        paths = [p for p in change.get("replace_paths") or []]
        changes = tuple(
            (
                _path_text(p),
                _SENSITIVE if _sensitive(before_marks, p) else _lookup(before, p),
                _SENSITIVE
                if _sensitive(after_marks, p)
                else (_UNKNOWN if _lookup(unknown, p) is True else _lookup(after, p)),
            )
            for p in paths
        )
        sid = before.get("id") if isinstance(before.get("id"), str) else None
        if sid is not None and _sensitive(before_marks, ["id"]):
            sid = "(sensitive)"
        is_allowed = address in allowed
        loss = SnapshotLoss(
            address,
            sid,
            kind,
            actions,
            rc.get("action_reason"),
            tuple(_path_text(p) for p in paths),
            changes if kind == "replace" else (),
            is_allowed,
        )
        if is_allowed:
            matched.add(address)
            report.allowed.append(loss)
        else:
            report.losses.append(loss)
    for address in sorted(allowed - matched):
        report.notes.append(f"--allow {address} matched no deleted or replaced snapshot in the plan")
    report.losses.sort(key=lambda loss: loss.address)
    report.allowed.sort(key=lambda loss: loss.address)
    return report


# -- output ------------------------------------------------------------------------------------------------------


def _text(report: PlanReport) -> str:
    lines: list[str] = []
    if report.losses:
        noun = "snapshot" if len(report.losses) == 1 else "snapshots"
        lines.append(f"plan-guard: {len(report.losses)} {noun} would be lost ({report.path}):")
        lines += [f"  - {loss.message}" for loss in report.losses]
    else:
        lines.append(
            f"plan-guard: no snapshot is deleted or replaced ({report.snapshots_seen} in the plan, {report.path})"
        )
    if report.allowed:
        lines.append("allowed by --allow:")
        lines += [f"  - {loss.message}" for loss in report.allowed]
    lines += [f"note: {note}" for note in report.notes]
    return "\n".join(lines)


def _json(report: PlanReport) -> str:
    body = {
        "plan": report.path,
        "snapshots_in_plan": report.snapshots_seen,
        "findings": [loss.to_dict() for loss in report.losses],
        "allowed": [loss.to_dict() for loss in report.allowed],
        "notes": report.notes,
        "errors": [],
        "exit_code": report.exit_code,
    }
    return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False, default=_json_default)


def _json_default(value: object) -> object:
    if value is _UNKNOWN:
        return "(known after apply)"
    if value is _SENSITIVE:
        return "(sensitive)"
    return repr(value)


FORMATTERS = {"text": _text, "json": _json}


def render(report: PlanReport, format: str = "text") -> str:
    """Render ``report`` as ``text`` or ``json`` (sorted, deterministic)."""
    return FORMATTERS[format](report)


# -- command line --------------------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``plan-guard`` arguments to ``parser``."""
    parser.description = "Fail when a Terraform plan deletes or replaces an ECS snapshot."
    parser.epilog = (
        "exit codes: 0 no snapshot deleted or replaced; 1 a snapshot would be deleted or replaced; "
        "2 usage or input error"
    )
    parser.add_argument("plan", help="`terraform show -json tfplan` output, or - for stdin")
    parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="accept the loss of this snapshot (repeatable), e.g. alicloud_ecs_snapshot.old",
    )
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="output format")


def run(args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run ``plan-guard`` for parsed ``args``; returns the exit code (0, 1 or 2)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        document = load_plan(args.plan)
        report = check_plan(document, allow=args.allow, path=args.plan if args.plan != "-" else "<stdin>")
    except InputError as exc:
        if args.format == "json":
            out.write(
                json.dumps(
                    {"findings": [], "errors": [{"message": str(exc), "path": exc.path}], "exit_code": EXIT_INPUT},
                    indent=2,
                    sort_keys=True,
                )
                + "\n"
            )
        err.write(f"plan-guard: error: {exc}\n")
        return EXIT_INPUT
    out.write(render(report, args.format) + "\n")
    return report.exit_code


def register(subparsers: Any) -> None:
    """Add the ``plan-guard`` subcommand to the ``cdktf-ecs-snapshot`` command (``cli.COMMAND_MODULES``)."""
    parser = subparsers.add_parser(
        "plan-guard", help="fail when a Terraform plan deletes or replaces an ECS snapshot (exit 1)"
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cdktf_ecs_snapshot.plan_guard PLAN.json``: the same as the ``plan-guard`` subcommand."""
    parser = argparse.ArgumentParser(prog=PROG)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
