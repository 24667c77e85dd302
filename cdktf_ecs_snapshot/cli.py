"""The ``cdktf-ecs-snapshot`` command: render plain Terraform JSON, lint Terraform, answer ForceNew questions.

Usage::

    cdktf-ecs-snapshot render SPEC [-o main.tf.json]
    cdktf-ecs-snapshot lint PATH... [--format text|json|sarif] [--fail-on error|warning]
                                    [--provider-version CONSTRAINT] [--strict]
    cdktf-ecs-snapshot force-new --provider-version VERSION_OR_CONSTRAINT [--format text|json]
    cdktf-ecs-snapshot check-import-id ID... [--format text|json]
    cdktf-ecs-snapshot rules

Exit codes (ty/SQLFluff convention; argparse already exits 2 on usage errors):

* 0: success, nothing at or above the failure threshold;
* 1: findings: validation errors (``render``), findings at/above ``--fail-on`` (``lint``), bad import ids;
* 2: usage errors, unreadable or unparsable files, bad version constraints (tool errors win over
  findings).

Results go to stdout, diagnostics (warnings, errors, summaries) to stderr. No subcommand imports the CDK
core, so none of them starts Node.

Adding a subcommand from another module: give the module a function ``register(subparsers)`` that calls
``subparsers.add_parser(name, help=...)``, adds its arguments and sets ``parser.set_defaults(run=fn)``
where ``fn(args: argparse.Namespace) -> int`` returns the exit code; then add the module's dotted name to
``COMMAND_MODULES`` below. Import heavy dependencies inside ``fn``, not at module level, so that ``--help``
and the other subcommands stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from .errors import InputError, UnsupportedProviderVersionError, ValidationError
from .findings import Finding, Severity

__all__ = ["COMMAND_MODULES", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

# Modules that contribute subcommands through ``register(subparsers)`` (see the module docstring).
COMMAND_MODULES: tuple[str, ...] = ("cdktf_ecs_snapshot.plan_guard", "cdktf_ecs_snapshot.importer")

Register = Callable[[Any], None]


def _say(stream: TextIO, text: str) -> None:
    stream.write(text if text.endswith("\n") else text + "\n")


# -- render -------------------------------------------------------------------------------------


def _register_render(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write plain Terraform JSON for the snapshots of a spec file (no Node)",
        description="Validate the spec's snapshots and write Terraform JSON. Nothing is written if any "
        "snapshot is invalid; the output file is replaced atomically.",
    )
    parser.add_argument("spec", help="spec file (.yaml/.yml, or .json)")
    parser.add_argument("-o", "--output", help="output file, e.g. main.tf.json (default: stdout)")
    parser.set_defaults(run=_run_render)


def _run_render(args: argparse.Namespace) -> int:
    from .plain import build_document, write_atomic
    from .spec import load_spec

    try:
        spec = load_spec(args.spec)
    except InputError as exc:
        _say(sys.stderr, f"error: {exc}")
        return EXIT_USAGE
    output_name = args.output or "main.tf.json"
    try:
        built = build_document(
            spec.snapshots,
            provider=spec.provider,
            outputs=spec.outputs,
            output_name=output_name.replace("\\", "/").rsplit("/", 1)[-1],
        )
    except ValidationError as exc:
        for finding in exc.findings:
            _say(
                sys.stderr,
                f"{_spec_where(args.spec, spec.lines, finding)}error[{finding.rule_id}]: {finding.message}",
            )
        count = len(exc.findings)
        _say(sys.stderr, f"{count} {'error' if count == 1 else 'errors'}; nothing written")
        return EXIT_FINDINGS
    for finding in built.warnings:
        _say(
            sys.stderr,
            f"{_spec_where(args.spec, spec.lines, finding)}warning[{finding.rule_id}]: {finding.message}",
        )
    text = built.text()
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomic(args.output, text)
    except OSError as exc:
        _say(sys.stderr, f"error: {args.output}: cannot write: {exc.strerror or exc}")
        return EXIT_USAGE
    count = len(spec.snapshots)
    _say(sys.stderr, f"wrote {args.output} ({count} snapshot{'' if count == 1 else 's'})")
    return EXIT_OK


def _spec_where(path: str, lines: dict[str, int], finding: Finding) -> str:
    line = lines.get(finding.name)
    return f"{path}:{line}: " if line is not None else f"{path}: "


# -- lint ---------------------------------------------------------------------------------------


def _register_lint(subparsers: Any) -> None:
    from .formatters import FORMATTERS

    parser = subparsers.add_parser(
        "lint",
        help="check alicloud_ecs_snapshot/alicloud_snapshot resources in .tf and .tf.json files",
        description="Apply the library's rules to Terraform files and directories (recursively). "
        "Expressions and references are unknown values and are skipped.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="output format")
    parser.add_argument(
        "--fail-on",
        choices=["error", "warning"],
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--provider-version",
        metavar="CONSTRAINT",
        help="provider constraint for version rules (default: required_providers in the files)",
    )
    parser.add_argument("--strict", action="store_true", help="report warnings as errors")
    parser.set_defaults(run=_run_lint)


def _run_lint(args: argparse.Namespace) -> int:
    from .formatters import FORMATTERS
    from .lint import lint_paths

    try:
        report = lint_paths(args.paths, provider=args.provider_version, strict=args.strict)
    except UnsupportedProviderVersionError as exc:
        _say(sys.stderr, f"error: --provider-version: {exc}")
        return EXIT_USAGE
    sys.stdout.write(FORMATTERS[args.format](report))
    if args.format == "text":
        for error in report.errors:
            _say(sys.stderr, f"error: {error}")
    failing = report.failing(Severity(args.fail_on))
    errors = sum(1 for f in report.findings if f.finding.severity is Severity.ERROR)
    warnings = len(report.findings) - errors
    _say(
        sys.stderr,
        f"{report.files} files: {errors} errors, {warnings} warnings"
        + (f", {len(report.errors)} files could not be read" if report.errors else ""),
    )
    if report.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK


# -- force-new ----------------------------------------------------------------------------------


def _register_force_new(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "force-new",
        help="list the attributes whose change replaces the snapshot, for a provider version",
        description="Answer 'which changes replace (delete and recreate) the snapshot?' for a provider "
        "version or constraint. A constraint spanning a change gets the conservative answer.",
    )
    parser.add_argument(
        "--provider-version",
        required=True,
        metavar="VERSION_OR_CONSTRAINT",
        help="e.g. 1.230.0 or '>= 1.200.0, < 2.0.0'",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(run=_run_force_new)


def _run_force_new(args: argparse.Namespace) -> int:
    from .force_new import force_new_attributes

    try:
        answer = force_new_attributes(args.provider_version)
    except UnsupportedProviderVersionError as exc:
        _say(sys.stderr, f"error: --provider-version: {exc}")
        return EXIT_USAGE
    if args.format == "json":
        data = {
            "constraint": answer.constraint,
            "attributes": list(answer.attributes),
            "always": list(answer.always),
            "sometimes": list(answer.sometimes),
            "conservative": answer.conservative,
            "notes": answer.notes,
        }
        sys.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    out = [f"provider constraint: {answer.constraint}", "changing these replaces the snapshot:"]
    width = max((len(a) for a in answer.attributes), default=0)
    for attr in answer.attributes:
        mark = "always   " if attr in answer.always else "may      "
        out.append(f"  {attr.ljust(width)}  {mark}{answer.notes[attr]}")
    if answer.conservative:
        out.append(
            "note: the constraint admits releases on both sides of a ForceNew change; "
            "'may' attributes are listed to be safe; pin the provider for an exact answer"
        )
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


# -- check-import-id ----------------------------------------------------------------------------


def _register_check_import_id(subparsers: Any) -> None:
    parser = subparsers.add_parser("check-import-id", help="check that ids are ECS snapshot ids (s-...)")
    parser.add_argument("ids", nargs="+", metavar="ID")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(run=_run_check_import_id)


def _run_check_import_id(args: argparse.Namespace) -> int:
    from .importid import check_import_id

    results = []
    for ident in args.ids:
        findings = check_import_id(ident, name="import")
        results.append((ident, findings))
    if args.format == "json":
        data = [
            {"id": ident, "valid": not findings, "findings": [f.to_dict() for f in findings]}
            for ident, findings in results
        ]
        sys.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
    else:
        for ident, findings in results:
            if findings:
                f = findings[0]
                _say(sys.stdout, f"{ident}: invalid: {f.problem}; expected {f.expected}; {f.hint}")
            else:
                _say(sys.stdout, f"{ident}: ok")
    return EXIT_FINDINGS if any(findings for _, findings in results) else EXIT_OK


# -- rules --------------------------------------------------------------------------------------


def _register_rules(subparsers: Any) -> None:
    parser = subparsers.add_parser("rules", help="print the rule table as Markdown")
    parser.set_defaults(run=_run_rules)


def _run_rules(args: argparse.Namespace) -> int:
    from .rule_catalog import markdown_table

    sys.stdout.write(markdown_table())
    return EXIT_OK


_BUILTIN: tuple[Register, ...] = (
    _register_render,
    _register_lint,
    _register_force_new,
    _register_check_import_id,
    _register_rules,
)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with the built-in subcommands and those of ``COMMAND_MODULES``."""
    parser = argparse.ArgumentParser(
        prog="cdktf-ecs-snapshot",
        description="Alibaba Cloud ECS snapshots for Terraform: render, lint, ForceNew answers, import ids.",
        epilog="exit codes: 0 ok, 1 findings, 2 usage or input errors",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in _BUILTIN:
        register(subparsers)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see the module docstring)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except InputError as exc:
        _say(sys.stderr, f"error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `| head`; nothing more to say
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
