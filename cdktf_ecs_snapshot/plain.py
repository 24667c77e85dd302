"""Plain Terraform JSON for ``alicloud_ecs_snapshot`` without Node: the same rules, no CDK core.

Why: starting the CDK core costs about half a second and a Node process; a CI job that only needs
``main.tf.json`` for a list of snapshots should not pay that. This module takes the same keyword
arguments as ``EcsSnapshot`` (``SnapshotSpec``), runs the same ``validate_snapshot``, computes the same
default provider constraint (``provider_config``) and writes a document Terraform reads directly::

    {"terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": ...}}},
     "provider": {"alicloud": [{...}]},
     "resource": {"alicloud_ecs_snapshot": {"<name>": {...}}},
     "import": [{"id": "s-...", "to": "alicloud_ecs_snapshot.<name>"}],
     "output": {"<name>": {"value": ...}}}

References are written as Terraform expressions (``"${alicloud_ecs_disk.data.id}"``) and are skipped by
the rules, exactly as cdktf tokens are. Output is deterministic (``json.dumps(sort_keys=True,
indent=2)`` plus a newline), so it can be kept under version control and compared byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .errors import InputError, ValidationError
from .findings import Finding, Severity
from .importid import check_import_id
from .provider_config import PROVIDER_SOURCE, SECRET_ARGUMENTS, check_provider_arguments, constraint_floor
from .schema import LEGACY_RESOURCE_TYPE, RESOURCE_TYPE, Category
from .validate import minimum_provider_for, validate_snapshot
from .versions import Constraint, parse_constraint

__all__ = [
    "IDENTIFIER",
    "OutputSpec",
    "PlainDocument",
    "ProviderSpec",
    "SnapshotSpec",
    "build_document",
    "check_output_path",
    "dumps",
    "render",
    "write_atomic",
]

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_DOC = "https://github.com/cdktf-ecs-snapshot/cdktf-ecs-snapshot#rule-"


@dataclass(frozen=True, kw_only=True)
class SnapshotSpec:
    """One ``alicloud_ecs_snapshot``: ``id`` is the Terraform name, the rest are ``EcsSnapshot``'s arguments.

    Args:
        id: the Terraform resource name (a Terraform identifier, unique per resource type).
        disk_id: the disk to snapshot (``d-...`` or ``"${alicloud_ecs_disk.x.id}"``). Changing this
            replaces the snapshot.
        category, description, force, instant_access, instant_access_retention_days, resource_group_id,
        retention_days, snapshot_name, name, tags, timeouts: as for ``EcsSnapshot``.
            Default: - unset (the provider's default).
        protect: write ``lifecycle.prevent_destroy = true``. Default: - false.
        import_id: write an ``import`` block for the existing snapshot ``s-...``. Default: - none.
        strict: report warnings as errors. Default: - false.
        resource_type: ``alicloud_ecs_snapshot`` or the legacy ``alicloud_snapshot``.
            Default: - ``alicloud_ecs_snapshot``.
    """

    id: str
    disk_id: object = None
    category: object = None
    description: object = None
    force: object = None
    instant_access: object = None
    instant_access_retention_days: object = None
    resource_group_id: object = None
    retention_days: object = None
    snapshot_name: object = None
    name: object = None
    tags: object = None
    timeouts: object = None
    protect: bool = False
    import_id: str | None = None
    strict: bool = False
    resource_type: str = RESOURCE_TYPE

    def arguments(self) -> dict[str, object]:
        """The Terraform arguments that are set (``Category`` members become their strings)."""
        fields = self.__dict__
        out = {key: fields[key] for key in _ARGUMENT_FIELDS if fields[key] is not None}
        if isinstance(self.category, Category):
            out["category"] = self.category.value
        return out


_ARGUMENT_FIELDS = (
    "disk_id",
    "category",
    "description",
    "force",
    "instant_access",
    "instant_access_retention_days",
    "resource_group_id",
    "retention_days",
    "snapshot_name",
    "name",
    "tags",
    "timeouts",
)


@dataclass(frozen=True, kw_only=True)
class ProviderSpec:
    """The ``alicloud`` provider block (same arguments as ``AlicloudProvider``).

    ``version`` Default: - the lowest release supporting every snapshot, ``>= X, < 2.0.0``.
    ``access_key``/``secret_key``/``security_token`` are refused unless ``allow_plaintext_credentials``,
    because they would be written in plain text into the output file.
    """

    region: str | None = None
    version: str | None = None
    alias: str | None = None
    profile: str | None = None
    shared_credentials_file: str | None = None
    assume_role: Mapping[str, object] | None = None
    assume_role_with_oidc: Mapping[str, object] | None = None
    ecs_role_name: str | None = None
    endpoints: Mapping[str, str] | None = None
    skip_region_validation: bool | None = None
    protocol: str | None = None
    account_id: str | None = None
    account_type: str | None = None
    configuration_source: str | None = None
    client_read_timeout: int | None = None
    client_connect_timeout: int | None = None
    source_ip: str | None = None
    secure_transport: str | None = None
    max_retry_timeout: int | None = None
    access_key: str | None = None
    secret_key: str | None = None
    security_token: str | None = None
    allow_plaintext_credentials: bool = False

    def block(self) -> dict[str, object]:
        """The provider's attributes as cdktf writes them (blocks as one-element lists)."""
        out: dict[str, object] = {
            "region": self.region,
            "alias": self.alias,
            "profile": self.profile,
            "shared_credentials_file": self.shared_credentials_file,
            "assume_role": [dict(self.assume_role)] if self.assume_role else None,
            "assume_role_with_oidc": [dict(self.assume_role_with_oidc)] if self.assume_role_with_oidc else None,
            "ecs_role_name": self.ecs_role_name,
            "endpoints": [dict(self.endpoints)] if self.endpoints else None,
            "skip_region_validation": self.skip_region_validation,
            "protocol": self.protocol,
            "account_id": self.account_id,
            "account_type": self.account_type,
            "configuration_source": self.configuration_source,
            "client_read_timeout": self.client_read_timeout,
            "client_connect_timeout": self.client_connect_timeout,
            "source_ip": self.source_ip,
            "secure_transport": self.secure_transport,
            "max_retry_timeout": self.max_retry_timeout,
        }
        if self.allow_plaintext_credentials:
            out.update({key: getattr(self, key) for key in SECRET_ARGUMENTS})
        return {k: v for k, v in out.items() if v is not None}


@dataclass(frozen=True)
class OutputSpec:
    """A Terraform ``output``; ``value`` is usually an expression like ``${alicloud_ecs_snapshot.x.id}``."""

    value: object
    description: str | None = None
    sensitive: bool | None = None

    def block(self) -> dict[str, object]:
        out: dict[str, object] = {"value": self.value}
        if self.description is not None:
            out["description"] = self.description
        if self.sensitive is not None:
            out["sensitive"] = self.sensitive
        return out


@dataclass(frozen=True)
class PlainDocument:
    """The Terraform JSON document and the warnings found while building it (errors raise instead)."""

    document: dict[str, object]
    warnings: tuple[Finding, ...] = field(default=())

    def text(self) -> str:
        return dumps(self.document)


def _name_finding(rule_id: str, rtype: str, name: str, problem: str, expected: str, hint: str) -> Finding:
    return Finding(rule_id, Severity.ERROR, rtype, name, "name", name, problem, expected, hint, _DOC + rule_id)


def _check_name(rtype: str, name: object, seen: set[tuple[str, str]]) -> list[Finding]:
    text = name if isinstance(name, str) else repr(name)
    if not isinstance(name, str) or not IDENTIFIER.fullmatch(name):
        return [
            _name_finding(
                "terraform_invalid_name",
                rtype,
                text,
                "not a Terraform identifier",
                "a letter or '_' followed by letters, digits, '_' or '-'",
                "rename it, e.g. replace spaces with '_'",
            )
        ]
    if (rtype, name) in seen:
        return [
            _name_finding(
                "terraform_duplicate_name",
                rtype,
                name,
                "is used by two resources",
                "a name unique per resource type",
                "rename one of them",
            )
        ]
    seen.add((rtype, name))
    return []


def build_document(
    snapshots: Iterable[SnapshotSpec],
    *,
    provider: ProviderSpec | None = None,
    outputs: Mapping[str, OutputSpec] | None = None,
    output_name: str = "main.tf.json",
) -> PlainDocument:
    """Validate every snapshot and return the Terraform JSON document.

    Raises:
        ValidationError: with every error of every snapshot, the provider and the names, at once.
    """
    provider = provider or ProviderSpec()
    errors: list[Finding] = []
    warnings: list[Finding] = []
    secrets = {key: getattr(provider, key) for key in SECRET_ARGUMENTS}
    errors.extend(
        check_provider_arguments(
            "default",
            provider.version,
            secrets,
            provider.allow_plaintext_credentials,
            provider.assume_role,
            output_name=output_name,
        )
    )
    constraint: Constraint | None = None
    if provider.version is not None and not errors:
        constraint = parse_constraint(provider.version)

    resources: dict[str, dict[str, object]] = {}
    imports: list[dict[str, object]] = []
    uses: list[tuple[dict[str, object], tuple[str, ...]]] = []
    seen: set[tuple[str, str]] = set()
    for spec in snapshots:
        rtype = spec.resource_type
        if rtype not in (RESOURCE_TYPE, LEGACY_RESOURCE_TYPE):
            errors.append(
                Finding(
                    "terraform_resource_type",
                    Severity.ERROR,
                    rtype,
                    spec.id,
                    "resource_type",
                    rtype,
                    "not a snapshot resource type",
                    f"{RESOURCE_TYPE!r} or {LEGACY_RESOURCE_TYPE!r}",
                    f"use {RESOURCE_TYPE!r}",
                    _DOC + "terraform_resource_type",
                )
            )
            continue
        errors.extend(_check_name(rtype, spec.id, seen))
        validated = validate_snapshot(
            spec.arguments(), name=spec.id, resource_type=rtype, provider=constraint, strict=spec.strict
        )
        for finding in validated.findings:
            (errors if finding.severity is Severity.ERROR else warnings).append(finding)
        values = validated.values
        uses.append((values, ()))
        if constraint is not None:
            errors.extend(_excluded(constraint, values, rtype, spec.id))
        if spec.protect:
            values["lifecycle"] = {"prevent_destroy": True}
        resources.setdefault(rtype, {})[spec.id] = values
        if spec.import_id is not None:
            errors.extend(check_import_id(spec.import_id, name=spec.id, resource_type=rtype))
            imports.append({"id": spec.import_id, "to": f"{rtype}.{spec.id}"})

    out_blocks: dict[str, object] = {}
    for out_name, output in (outputs or {}).items():
        if not IDENTIFIER.fullmatch(out_name):
            errors.append(
                _name_finding(
                    "terraform_invalid_name",
                    "output",
                    out_name,
                    "not a Terraform identifier",
                    "a letter or '_' followed by letters, digits, '_' or '-'",
                    "rename the output",
                )
            )
        out_blocks[out_name] = output.block()

    if errors:
        raise ValidationError(errors)
    version = provider.version if provider.version is not None else f">= {constraint_floor(uses)}, < 2.0.0"
    document: dict[str, object] = {
        "terraform": {"required_providers": {"alicloud": {"source": PROVIDER_SOURCE, "version": version}}},
        "provider": {"alicloud": [provider.block()]},
    }
    if resources:
        document["resource"] = resources
    if imports:
        document["import"] = imports
    if out_blocks:
        document["output"] = out_blocks
    return PlainDocument(document, tuple(warnings))


def _excluded(constraint: Constraint, values: Mapping[str, object], rtype: str, name: str) -> list[Finding]:
    """Refuse an explicit constraint excluding every release this snapshot needs (as the construct does)."""
    needed = minimum_provider_for(values)
    if all(i.high <= needed for i in constraint.intervals):
        return [
            Finding(
                "alicloud_provider_version",
                Severity.ERROR,
                rtype,
                name,
                "provider.version",
                constraint.text,
                "excludes every release this snapshot needs",
                f"provider >= {needed}",
                f"raise the constraint to admit {needed} or later",
            )
        ]
    return []


def dumps(document: Mapping[str, object]) -> str:
    """Serialise deterministically: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, sort_keys=True, indent=2) + "\n"


def render(
    snapshots: Iterable[SnapshotSpec],
    *,
    provider: ProviderSpec | None = None,
    outputs: Mapping[str, OutputSpec] | None = None,
) -> str:
    """Return the Terraform JSON text for ``snapshots`` (raises ``ValidationError`` as ``build_document``)."""
    return build_document(snapshots, provider=provider, outputs=outputs).text()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_output_path(path: str | os.PathLike[str]) -> str:
    """Return the real file that writing ``path`` replaces; ``InputError`` if it must not be replaced.

    A symlink is followed (the link stays and its target gets the new content). A directory, FIFO, device
    or socket is refused, as is a missing parent directory.
    """
    target = os.fspath(path)
    if not target:
        raise InputError("empty output path")
    real = os.path.realpath(target)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"cannot use as output: {exc.strerror or exc}", path=target) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory; give a file name", path=target)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise InputError(
            "is not a regular file (a FIFO, device or socket); refusing to replace it", path=target
        )
    parent = os.path.dirname(real) or "."
    if not os.path.isdir(parent):
        raise InputError(f"directory {os.path.dirname(target) or '.'!r} does not exist", path=target)
    return real


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: readers never see half a file.

    ``path`` is checked with ``check_output_path`` first (``InputError`` for a directory, FIFO, device or a
    missing directory); a symlink is followed so that the link itself is kept.
    """
    target = check_output_path(path)
    directory = os.path.dirname(target)
    fd, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp creates 0600; give the file the usual mode
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
