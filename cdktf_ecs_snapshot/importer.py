"""The importer: list existing snapshots through the ECS API and write the cdktf code that adopts them.

``cdktf-ecs-snapshot import --disk d-... [--instance i-...] [--snapshot s-...] [--tag KEY=VALUE] [--all]``
calls ``DescribeSnapshots`` (paged with ``NextToken``; an instance's disks come from ``DescribeDisks``) with the
same credentials, region and endpoint handling as the external-data helper (``ecs_client``), and prints a
ready-to-run stack: one ``EcsSnapshot(self, "<logical id>", ...).import_from("s-...")`` per snapshot.

The arguments written are exactly what the provider reads back on import, so the first ``cdktf plan`` shows
imports and no change: ``disk_id`` (``SourceDiskId``), ``snapshot_name`` (only if named), ``description``,
``retention_days``, ``resource_group_id``, ``category`` (exactly as the API spells it) and ``tags`` without the
keys the provider ignores (``aliyun*``, ``acs:*``, ``http(s)://*``, ``sae.do.not.delete``). Never written:
``force``, ``instant_access*`` (not read back) and the deprecated ``name``.

Values our own rules refuse (an old name the API once accepted, such as ``auto_...`` of an automatic snapshot,
or a category spelled ``Standard``) are kept verbatim — rewriting them would modify or replace the snapshot —
and that one ``EcsSnapshot`` gets ``validate=False`` with a comment listing each finding. Review those by hand.

Logical ids come from the snapshot name (characters other than letters, digits, ``_`` and ``-`` become ``_``;
a leading digit gets an ``s_`` prefix; at most 64 characters), else from the snapshot id. Names shared by
several snapshots get the id as a suffix (``name_bp1abc``), so ids do not depend on what else was listed.
Output is sorted by logical id and byte-identical for the same snapshots.

``--all`` cannot be combined with ``--snapshot``/``--disk``/``--instance`` (``--tag`` filters it). A ``--disk``
or ``--instance`` that does not exist is an error; a disk that exists without snapshots only gets a note.
``-o`` is written atomically and only on success: on any failure an existing file keeps its content.

Exit codes: 0 written; 1 the API failed, a requested snapshot does not exist or a ``--disk``/``--instance``
matched nothing; 2 usage or settings error (including ``-o`` in a missing directory, a ``--class-name`` that is
not a Python identifier and a ``--provider-version`` that is not a constraint).
"""

from __future__ import annotations

import argparse
import json
import keyword
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from .errors import InputError, SnapshotLibError
from .importid import check_import_id
from .schema import RESOURCE_TYPE
from .validate import validate_snapshot

__all__ = [
    "ImportEntry",
    "Selection",
    "add_arguments",
    "arguments_of",
    "generate_code",
    "list_snapshots",
    "logical_ids",
    "plan_entries",
    "register",
    "run",
]

_IGNORED_TAG_PREFIXES = ("aliyun", "acs:", "http://", "https://", "sae.do.not.delete")
_NOT_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
_RESERVED_IDS = frozenset({"alicloud", "Default"})
_MAX_ID = 64
_ID_BATCH = 100
_ARGUMENT_ORDER = ("disk_id", "snapshot_name", "description", "category", "retention_days",
                   "resource_group_id", "tags")  # fmt: skip


class UsageError(SnapshotLibError, ValueError):
    """Bad command-line input (exit status 2)."""


@dataclass(frozen=True)
class Selection:
    """Which snapshots to list: the union of ids, disks and instances, filtered by tags and type."""

    snapshot_ids: tuple[str, ...] = ()
    disk_ids: tuple[str, ...] = ()
    instance_ids: tuple[str, ...] = ()
    tags: tuple[tuple[str, str | None], ...] = ()
    everything: bool = False
    include_auto: bool = False

    @property
    def empty(self) -> bool:
        return not (self.snapshot_ids or self.disk_ids or self.instance_ids or self.tags or self.everything)


@dataclass
class ImportEntry:
    """One snapshot to adopt: its logical id, the arguments to write, and any finding that needs a human."""

    logical_id: str
    snapshot_id: str
    arguments: dict[str, object]
    problems: list[str] = field(default_factory=list)
    skipped: str | None = None

    @property
    def validate(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        return {
            "logical_id": self.logical_id,
            "snapshot_id": self.snapshot_id,
            "arguments": self.arguments,
            "validate": self.validate,
            "problems": self.problems,
            "skipped": self.skipped,
        }


# -- listing -----------------------------------------------------------------------------------------------------


def _models() -> Any:
    from alibabacloud_ecs20140526 import models

    return models


def list_snapshots(
    session: Any,
    selection: Selection,
    progress: Callable[[int], None] | None = None,
    *,
    notes: list[str] | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the selected snapshots (API dicts, each once) and what was requested but does not exist.

    The second list holds snapshot ids that do not exist, and ``--disk``/``--instance`` selectors that
    matched nothing (a disk or instance that does not exist), as ``"disk d-..."``/``"instance i-..."``.
    A disk that exists but has no snapshots is not missing; a note about it goes to ``notes``.
    """
    from .ecs_calls import PAGE_SIZE, describe_all

    models = _models()
    region = session.settings.region_id
    tags = [models.DescribeSnapshotsRequestTag(key=k, value=v) for k, v in selection.tags] or None
    snapshot_type = None if selection.include_auto or selection.snapshot_ids else "user"
    found: dict[str, dict[str, Any]] = {}
    unmatched: list[str] = []

    def note(text: str) -> None:
        if notes is not None:
            notes.append(text)

    def collect(**filters: Any) -> int:
        def request(token: str) -> Any:
            return models.DescribeSnapshotsRequest(
                region_id=region, max_results=PAGE_SIZE, next_token=token or None, tag=tags, **filters
            )

        count = 0
        for item in describe_all(session, "describe_snapshots", request, ("Snapshots", "Snapshot")):
            count += 1
            sid = str(item.get("SnapshotId"))
            if sid not in found:
                found[sid] = item
                if progress is not None and len(found) % PAGE_SIZE == 0:
                    progress(len(found))
        return count

    def disk_exists(disk_id: str) -> bool:
        def disk_request(token: str) -> Any:
            return models.DescribeDisksRequest(
                region_id=region, disk_ids=json.dumps([disk_id]), max_results=PAGE_SIZE, next_token=token or None
            )

        return any(
            disk.get("DiskId") == disk_id
            for disk in describe_all(session, "describe_disks", disk_request, ("Disks", "Disk"))
        )

    disk_ids = list(dict.fromkeys(selection.disk_ids))
    explicit_disks = set(disk_ids)
    for instance_id in dict.fromkeys(selection.instance_ids):

        def instance_disks(token: str, instance_id: str = instance_id) -> Any:
            return models.DescribeDisksRequest(
                region_id=region, instance_id=instance_id, max_results=PAGE_SIZE, next_token=token or None
            )

        disks = [
            str(disk.get("DiskId"))
            for disk in describe_all(session, "describe_disks", instance_disks, ("Disks", "Disk"))
        ]
        if not disks:
            unmatched.append(f"instance {instance_id} (no such instance in {region}, or it has no disks)")
        for disk_id in disks:
            if disk_id not in disk_ids:
                disk_ids.append(disk_id)
    ids = list(dict.fromkeys(selection.snapshot_ids))
    for start in range(0, len(ids), _ID_BATCH):
        collect(snapshot_ids=json.dumps(ids[start : start + _ID_BATCH]))
    kind = "snapshots" if snapshot_type is None else "manual snapshots"
    for disk_id in disk_ids:
        if collect(disk_id=disk_id, snapshot_type=snapshot_type):
            continue
        if disk_id in explicit_disks and not disk_exists(disk_id):
            unmatched.append(f"disk {disk_id} (no such disk in {region})")
        else:
            note(f"disk {disk_id} has no {kind}" + (" with the requested tags" if selection.tags else ""))
    region_wide = selection.everything or (selection.tags and not (ids or disk_ids or selection.instance_ids))
    if region_wide and not collect(snapshot_type=snapshot_type):
        note(f"no {kind} matched in {region}")
    if progress is not None and len(found) >= PAGE_SIZE:
        progress(len(found))
    missing = [sid for sid in ids if sid not in found] + unmatched
    return [found[k] for k in sorted(found)], missing


# -- arguments and ids -------------------------------------------------------------------------------------------


def _tags_of(snapshot: Mapping[str, Any]) -> dict[str, str]:
    raw = (snapshot.get("Tags") or {}).get("Tag") or []
    out: dict[str, str] = {}
    for tag in raw:
        key = str(tag.get("TagKey") or tag.get("Key") or "")
        if key and not key.startswith(_IGNORED_TAG_PREFIXES):
            out[key] = str(tag.get("TagValue") or tag.get("Value") or "")
    return dict(sorted(out.items()))


def arguments_of(snapshot: Mapping[str, Any]) -> dict[str, object]:
    """The arguments the provider reads back for this ``DescribeSnapshots`` item (reference §2)."""
    out: dict[str, object] = {"disk_id": snapshot.get("SourceDiskId") or ""}
    for key, field_name in (
        ("snapshot_name", "SnapshotName"),
        ("description", "Description"),
        ("category", "Category"),
        ("resource_group_id", "ResourceGroupId"),
    ):
        value = snapshot.get(field_name)
        if isinstance(value, str) and value:
            out[key] = value
    retention = snapshot.get("RetentionDays")
    if isinstance(retention, int | str) and str(retention).isdigit() and int(retention) > 0:
        out["retention_days"] = int(retention)
    tags = _tags_of(snapshot)
    if tags:
        out["tags"] = tags
    return {k: out[k] for k in _ARGUMENT_ORDER if k in out}


def _base_id(snapshot: Mapping[str, Any]) -> str:
    name = str(snapshot.get("SnapshotName") or "")
    base = _NOT_ID_CHARS.sub("_", name).strip("_")[:_MAX_ID].rstrip("_")
    if base and not (base[0].isalpha() or base[0] == "_"):
        base = ("s_" + base)[:_MAX_ID]
    if not base or base in _RESERVED_IDS:
        base = str(snapshot.get("SnapshotId"))
    return base


def logical_ids(snapshots: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Snapshot id → unique, valid, stable logical id (see the module docstring)."""
    by_base: dict[str, list[str]] = {}
    for snap in snapshots:
        by_base.setdefault(_base_id(snap), []).append(str(snap.get("SnapshotId")))
    out: dict[str, str] = {}
    used: set[str] = set()
    for base, sids in sorted(by_base.items()):
        for sid in sorted(sids):
            candidate = base if len(sids) == 1 else f"{base[: _MAX_ID - 10]}_{sid.removeprefix('s-')[-8:]}"
            unique, n = candidate, 2
            while unique in used:
                unique, n = f"{candidate}_{n}", n + 1
            used.add(unique)
            out[sid] = unique
    return out


def plan_entries(snapshots: Sequence[Mapping[str, Any]]) -> list[ImportEntry]:
    """One entry per snapshot, sorted by logical id, with the findings of our own rules attached."""
    ids = logical_ids(snapshots)
    entries: list[ImportEntry] = []
    for snap in snapshots:
        sid = str(snap.get("SnapshotId"))
        logical = ids[sid]
        arguments = arguments_of(snap)
        entry = ImportEntry(logical, sid, arguments)
        id_findings = check_import_id(sid, name=logical)
        if id_findings:
            entry.skipped = id_findings[0].message
        elif not arguments.get("disk_id"):
            entry.skipped = (
                f"{RESOURCE_TYPE}.{logical}: the API reports no source disk for {sid}; disk_id is "
                "required, so it cannot be written as code"
            )
        else:
            validated = validate_snapshot(arguments, name=logical)
            entry.problems = [f.message for f in validated.errors]
        entries.append(entry)
    return sorted(entries, key=lambda e: e.logical_id)


# -- code ----------------------------------------------------------------------------------------------------------


def _literal(value: object) -> str:
    if isinstance(value, dict):
        inner = ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid Python escapes
    return repr(value)


def _comment(text: str, indent: str) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > 96:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [f"{indent}# {part}" for part in lines]


def generate_code(
    entries: Sequence[ImportEntry],
    *,
    region: str,
    class_name: str = "ImportedSnapshots",
    stack_id: str = "imported-snapshots",
    provider_version: str | None = None,
    protect: bool = False,
    command: str = "cdktf-ecs-snapshot import",
) -> str:
    """Return a Python module with one stack class adopting ``entries`` (deterministic text)."""
    kept = [e for e in entries if e.skipped is None]
    provider_args = [f"region={_literal(region)}"]
    if provider_version:
        provider_args.append(f"version={_literal(provider_version)}")
    lines = [
        f'"""{len(kept)} existing ECS snapshot(s) in {region}, adopted with import blocks.',
        "",
        f"Generated by `{command}`.",
        "Run `cdktf plan`: it should import each snapshot and change nothing.",
        'After the first apply the import blocks are no-ops; remove the ".import_from(...)" calls when you like.',
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from cdktf_ecs_snapshot import AlicloudProvider, EcsSnapshot, cdk",
        "",
        "",
        f"class {class_name}(cdk.TerraformStack):",
        "    def __init__(self, scope: object, id: str) -> None:",
        "        super().__init__(scope, id)",
        f'        AlicloudProvider(self, "alicloud", {", ".join(provider_args)})',
    ]
    for entry in entries:
        lines.append("")
        if entry.skipped is not None:
            lines += _comment(f"skipped {entry.snapshot_id}: {entry.skipped}", "        ")
            continue
        if entry.problems:
            lines += _comment(
                "validate=False: the API holds values our rules refuse; they are kept as they are, since "
                "changing them would modify or replace the snapshot:",
                "        ",
            )
            for problem in entry.problems:
                lines += _comment(f"- {problem}", "        ")
        lines.append("        EcsSnapshot(")
        lines.append("            self,")
        lines.append(f"            {_literal(entry.logical_id)},")
        for key, value in entry.arguments.items():
            lines.append(f"            {key}={_literal(value)},")
        if protect:
            lines.append("            protect=True,")
        if entry.problems:
            lines.append("            validate=False,")
        lines.append(f"        ).import_from({_literal(entry.snapshot_id)})")
    lines += [
        "",
        "",
        'if __name__ == "__main__":',
        "    app = cdk.App()",
        f"    {class_name}(app, {_literal(stack_id)})",
        "    app.synth()",
        "",
    ]
    return "\n".join(lines)


# -- command line --------------------------------------------------------------------------------------------------


def _tag(text: str) -> tuple[str, str | None]:
    key, sep, value = text.partition("=")
    if not key:
        raise argparse.ArgumentTypeError(f"expected KEY or KEY=VALUE; got {text!r}")
    return key, (value if sep else None)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``import`` arguments to ``parser``."""
    parser.description = "Write cdktf code that adopts existing ECS snapshots (EcsSnapshot + import_from)."
    parser.epilog = (
        "exit codes: 0 written; 1 the API failed, a requested snapshot does not exist or a --disk/--instance "
        "matched nothing; 2 usage "
        "or settings error. Credentials, region and endpoint: as the external-data helper "
        "(ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY, ALICLOUD_REGION, ALICLOUD_ECS_ENDPOINT, ...)"
    )
    select = parser.add_argument_group("selection (combined: union of ids, disks, instances; tags filter)")
    select.add_argument("--snapshot", action="append", default=[], metavar="S_ID", help="a snapshot id")
    select.add_argument("--disk", action="append", default=[], metavar="D_ID", help="snapshots of this disk")
    select.add_argument(
        "--instance", action="append", default=[], metavar="I_ID", help="snapshots of every disk of this instance"
    )
    select.add_argument(
        "--tag", action="append", default=[], type=_tag, metavar="KEY[=VALUE]", help="only snapshots with this tag"
    )
    select.add_argument(
        "--all", action="store_true", help="every manual snapshot in the region (only --tag may filter it)"
    )
    select.add_argument(
        "--include-auto", action="store_true", help="include automatic (policy) snapshots; default: manual ones only"
    )
    parser.add_argument("--region", help="region; default: ALICLOUD_REGION")
    parser.add_argument("--endpoint", help="ECS endpoint host[:port]; default: ALICLOUD_ECS_ENDPOINT or public")
    parser.add_argument("--class-name", default="ImportedSnapshots", help="the generated stack class")
    parser.add_argument("--stack-id", default="imported-snapshots", help="the stack id in the __main__ block")
    parser.add_argument("--provider-version", help="AlicloudProvider version constraint to write")
    parser.add_argument("--protect", action="store_true", help="write protect=True (lifecycle.prevent_destroy)")
    parser.add_argument("--dry-run", action="store_true", help="list what would be generated; write no code")
    parser.add_argument(
        "--format",
        choices=("python", "json"),
        default="python",
        help="python code (default) or a JSON description of each snapshot",
    )
    parser.add_argument("-o", "--output", help="write to this file instead of stdout")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")


def _selection(args: argparse.Namespace) -> Selection:
    bad = [f for sid in args.snapshot for f in check_import_id(sid, name="--snapshot")]
    if bad:
        raise UsageError("; ".join(f"--snapshot {f.value!r}: {f.problem}; {f.hint}" for f in bad))
    for flag, prefix, values in (("--disk", "d-", args.disk), ("--instance", "i-", args.instance)):
        wrong = [v for v in values if not v.startswith(prefix)]
        if wrong:
            raise UsageError(f"{flag} expects ids starting with {prefix!r}; got {', '.join(map(repr, wrong))}")
    selection = Selection(
        tuple(args.snapshot), tuple(args.disk), tuple(args.instance), tuple(args.tag), args.all, args.include_auto
    )
    if selection.empty:
        raise UsageError("select snapshots with --snapshot, --disk, --instance, --tag or --all")
    if args.all and (args.snapshot or args.disk or args.instance):
        raise UsageError(
            "--all lists every snapshot in the region; it cannot be combined with --snapshot, --disk or "
            "--instance (use --tag to filter --all)"
        )
    return selection


def _check_options(args: argparse.Namespace) -> None:
    """Refuse bad --class-name, --stack-id and --provider-version before calling the API."""
    name = args.class_name
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
        raise UsageError(f"--class-name must be a Python identifier (not a keyword); got {name!r}")
    if args.provider_version is not None:
        from .errors import UnsupportedProviderVersionError
        from .versions import parse_constraint

        try:
            parse_constraint(args.provider_version)
        except UnsupportedProviderVersionError as exc:
            raise UsageError(f"--provider-version: {exc}") from None
    if args.output and not args.dry_run:
        from .plain import check_output_path

        try:
            check_output_path(args.output)
        except InputError as exc:
            raise UsageError(f"-o/--output: {exc}") from None


def _dry_run_text(entries: Iterable[ImportEntry]) -> str:
    rows = [("LOGICAL ID", "SNAPSHOT ID", "DISK", "NAME", "NOTE")]
    for e in entries:
        note = "skipped" if e.skipped else ("validate=False" if e.problems else "")
        rows.append(
            (
                e.logical_id,
                e.snapshot_id,
                str(e.arguments.get("disk_id", "")),
                str(e.arguments.get("snapshot_name", "")),
                note,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows) + "\n"


def run(
    args: argparse.Namespace,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
) -> int:
    """Run ``import`` for parsed ``args``; returns the exit code (0, 1 or 2)."""
    from .ecs_client import Scrubber, SettingsError, build_client, quiet_sdk_logging, settings_from

    out, err = stdout or sys.stdout, stderr or sys.stderr
    environment = os.environ if env is None else env
    scrubber = Scrubber.from_env(environment)
    notes: list[str] = []
    try:
        selection = _selection(args)
        _check_options(args)
        options = {k: v for k, v in (("region", args.region), ("endpoint", args.endpoint)) if v}
        settings = settings_from(options, environment)
        from .ecs_calls import EcsSession

        with quiet_sdk_logging():
            session = EcsSession(build_client(settings, environment), settings, scrubber)

            def progress(count: int) -> None:
                if not args.quiet:
                    err.write(f"import: listed {count} snapshots...\n")
                    err.flush()

            snapshots, missing = list_snapshots(session, selection, progress, notes=notes)
    except (UsageError, SettingsError) as exc:
        err.write(f"import: error: {scrubber.scrub(_one_line(str(exc)))}\n")
        return 2
    except SnapshotLibError as exc:
        err.write(f"import: error: {scrubber.scrub(_one_line(str(exc)))}\n")
        return 1
    for text in notes:
        err.write(f"import: note: {text}\n")
    entries = plan_entries(snapshots)
    for entry in entries:
        if entry.skipped:
            err.write(f"import: warning: skipped {entry.snapshot_id}: {entry.skipped}\n")
        elif entry.problems and not args.quiet:
            err.write(
                f"import: warning: {entry.logical_id} ({entry.snapshot_id}) written with validate=False: "
                f"{'; '.join(entry.problems)}\n"
            )
    if args.format == "json":
        text = (
            json.dumps(
                {"region": settings.region_id, "snapshots": [e.to_dict() for e in entries], "missing": missing},
                indent=2,
                sort_keys=True,
                ensure_ascii=False,
            )
            + "\n"
        )
    elif args.dry_run:
        text = _dry_run_text(entries)
    else:
        text = generate_code(
            entries,
            region=settings.region_id,
            class_name=args.class_name,
            stack_id=args.stack_id,
            provider_version=args.provider_version,
            protect=args.protect,
            command=_command(args),
        )
    if missing:
        # Nothing is written to -o on failure: an existing file keeps its content.
        if not (args.output and not args.dry_run):
            out.write(text)
        snapshot_ids = [m for m in missing if m.startswith("s-")]
        selectors = [m for m in missing if not m.startswith("s-")]
        if snapshot_ids:
            err.write(f"import: error: not found in {settings.region_id}: {', '.join(snapshot_ids)}\n")
        for selector in selectors:
            err.write(f"import: error: nothing matched {selector}\n")
        if args.output and not args.dry_run:
            err.write(f"import: nothing written to {args.output}\n")
        return 1
    if args.output and not args.dry_run:
        from .plain import write_atomic

        try:
            write_atomic(args.output, text)
        except (OSError, InputError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            err.write(f"import: error: {args.output}: cannot write: {_one_line(reason)}\n")
            return 2
    else:
        out.write(text)
    if not args.quiet:
        err.write(
            f"import: {len([e for e in entries if not e.skipped])} snapshot(s)"
            f"{' listed' if args.dry_run else ' written'}\n"
        )
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _command(args: argparse.Namespace) -> str:
    parts = ["cdktf-ecs-snapshot import"]
    parts += [f"--snapshot {s}" for s in args.snapshot] + [f"--disk {d}" for d in args.disk]
    parts += [f"--instance {i}" for i in args.instance]
    parts += [f"--tag {k}" + (f"={v}" if v is not None else "") for k, v in args.tag]
    parts += ["--all"] if args.all else []
    return " ".join(parts)


def register(subparsers: Any) -> None:
    """Add the ``import`` subcommand to the ``cdktf-ecs-snapshot`` command (``cli.COMMAND_MODULES``)."""
    parser = subparsers.add_parser(
        "import", help="write cdktf code adopting existing ECS snapshots (EcsSnapshot + import_from)"
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cdktf_ecs_snapshot.importer ...``: the same as the ``import`` subcommand."""
    parser = argparse.ArgumentParser(prog="cdktf-ecs-snapshot import")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
