"""Constructs that ask the ECS API at plan time, through Terraform's ``external`` data source.

Each construct adds ``data "external"`` running the bundled helper
(``python3 -m cdktf_ecs_snapshot.ecs_external <operation>``) and exposes its results as typed references,
so ``EcsSnapshot(stack, "s", disk_id=lookup.disk_id)`` synthesizes
``${data.external.<name>.result["disk_id"]}``.

The ``program`` written into the JSON holds no absolute path of the machine that ran the synthesis
(synth on a laptop, deploy in CI): the interpreter defaults to ``python3`` (override per construct or with
``CDKTF_ECS_SNAPSHOT_PYTHON``) and must find this package when Terraform runs it. The query is stored in
plain text in the configuration and the state, so keys that carry secrets are refused here, before
synthesis, with the same rule the helper applies.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import jsii

from ._core import external_provider, load_constructs
from ._meta_checks import reserved_id_finding
from ._stack_registry import registry_of, stack_of
from .ecs_external.operations import COMMON_KEYS, OPERATIONS
from .ecs_external.protocol import UsageError, check_keys
from .errors import ValidationError
from .findings import Finding, Severity
from .tokens import is_unresolved

__all__ = ["DiskLookup", "LatestSnapshotLookup", "SnapshotPreflight"]

_Construct: Any = load_constructs().Construct
PYTHON_ENV = "CDKTF_ECS_SNAPSHOT_PYTHON"
# Query values the helper accepts; checked here so a typo fails before synthesis, not at terraform plan.
_CHOICES = {"disk_type": ("system", "data"), "status": ("accomplished", "progressing", "failed", "all")}
_MODULE = "cdktf_ecs_snapshot.ecs_external"


def _ensure_external_provider(stack: Any) -> None:
    """Reuse the stack's own default ``external`` provider, else add one (Terraform takes one default)."""
    registry = registry_of(stack)
    if registry.external_provider is None:
        provider_class = external_provider().provider.ExternalProvider
        found = _default_external_providers(stack, provider_class)
        if found:
            registry.external_provider = found[0]
            return
        ours = provider_class(stack, "cdktf-ecs-snapshot-external")
        ours.node.add_validation(_OneExternalProvider(stack, ours, provider_class))
        registry.external_provider = ours


def _default_external_providers(stack: Any, provider_class: type) -> list[Any]:
    """The stack's ``external`` providers without alias, nested ones included (asked once per stack)."""
    return [c for c in stack.node.find_all() if isinstance(c, provider_class) and getattr(c, "alias", None) is None]


@jsii.implements(load_constructs().IValidation)
class _OneExternalProvider:
    """Fails cdktf's validation if the stack got its own default ``external`` provider after ours."""

    def __init__(self, stack: Any, ours: Any, provider_class: type) -> None:
        self._stack, self._ours, self._class = stack, ours, provider_class

    def validate(self) -> list[str]:
        others = [p for p in _default_external_providers(self._stack, self._class) if p is not self._ours]
        if not others or self._ours.alias is not None:
            return []
        return [
            f"external.{others[0].node.id}.alias: a second default 'external' provider in this stack; got "
            f"{others[0].node.path!r} besides the one the lookups added; expected one (Terraform refuses two); "
            "create your ExternalProvider before the first lookup (it is then used), or leave it out"
        ]


class _Lookup(_Construct):  # type: ignore[misc]
    """Common part: validate the query, add the data source, expose ``result`` lookups."""

    OPERATION = ""

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        query: Mapping[str, object],
        region: str | None,
        endpoint: str | None,
        interpreter: str | None,
        program: Sequence[str] | None,
        max_retry_seconds: int | None,
    ) -> None:
        options = {"region": region, "endpoint": endpoint, "max_retry_seconds": max_retry_seconds}
        merged = {k: v for k, v in {**query, **options}.items() if v is not None}
        operation = OPERATIONS[self.OPERATION]
        allowed = frozenset(operation.required) | operation.optional | COMMON_KEYS
        self._check(scope, id, merged, operation.required, allowed)
        stack = stack_of(scope)
        reserved = reserved_id_finding(stack, scope, "data.external", id)
        if reserved is not None:
            raise ValidationError([reserved], where=f"{scope.node.path}/{id}")
        super().__init__(scope, id)
        _ensure_external_provider(stack)
        if program is not None and (not program or not all(isinstance(p, str) and p for p in program)):
            finding = _query_finding(
                id,
                "program",
                list(program),
                "not a command",
                "a non-empty list of non-empty strings",
                "leave program unset to run the bundled helper",
            )
            raise ValidationError([finding], where=f"{scope.node.path}/{id}")
        argv = (
            list(program)
            if program is not None
            else [
                interpreter or os.environ.get(PYTHON_ENV, "python3"),
                "-m",
                _MODULE,
                self.OPERATION,
            ]
        )
        data_external = external_provider().data_external.DataExternal
        self.data = data_external(self, "lookup", program=argv, query={k: _text(v) for k, v in merged.items()})
        if stack is scope:
            # Directly in a stack the data source takes the construct's own name, not a hashed one.
            self.data.override_logical_id(id)

    def _check(
        self,
        scope: Any,
        id: str,
        query: Mapping[str, object],
        required: Sequence[str],
        allowed: frozenset[str],
    ) -> None:
        findings: list[Finding] = []
        where = f"{scope.node.path}/{id}"
        try:
            check_keys({k: "set" for k in query}, required=required, allowed=allowed)
        except UsageError as exc:
            problem = str(exc).split(":")[0]
            hint = (
                "the query is stored in plain text; credentials come from the environment "
                "(ALICLOUD_ACCESS_KEY, ALICLOUD_SECRET_KEY, ALICLOUD_PROFILE)"
                if problem.startswith("refusing")
                else "check the spelling of the keys"
            )
            findings.append(
                _query_finding(
                    id,
                    "query",
                    sorted(query),
                    problem,
                    f"keys among {', '.join(sorted(allowed))}",
                    hint,
                )
            )
        for key, choices in _CHOICES.items():
            value = query.get(key)
            if value is not None and not is_unresolved(value) and value not in choices:
                findings.append(
                    _query_finding(
                        id,
                        f"query.{key}",
                        value,
                        "not an allowed value",
                        "one of " + ", ".join(repr(c) for c in choices),
                        "values are lower-case",
                    )
                )
        for needs, needed in (("tag_value", "tag_key"), ("instance_id", "disk_type")):
            if query.get(needs) is not None and query.get(needed) is None:
                findings.append(
                    _query_finding(
                        id,
                        f"query.{needs}",
                        query[needs],
                        f"needs {needed}",
                        f"{needed} set as well",
                        f"pass {needed}=...",
                    )
                )
        retry = query.get("max_retry_seconds")
        if isinstance(retry, int) and not isinstance(retry, bool) and retry < 0:
            findings.append(
                _query_finding(
                    id,
                    "query.max_retry_seconds",
                    retry,
                    "negative",
                    "0 or more seconds",
                    "pass e.g. 20",
                )
            )
        for key, value in query.items():
            if not (isinstance(value, str | int) and not isinstance(value, bool)) and not is_unresolved(value):
                findings.append(
                    _query_finding(
                        id,
                        f"query.{key}",
                        value,
                        "not a string",
                        "a string (or a whole number, stringified)",
                        "pass text",
                    )
                )
        if findings:
            raise ValidationError(findings, where=where)

    def result(self, key: str) -> str:
        """Reference to one result key: ``${data.external.<name>.result["<key>"]}``."""
        return str(self.data.result.lookup(key))


def _query_finding(id: str, attribute: str, value: object, problem: str, expected: str, hint: str) -> Finding:
    """A finding about a lookup's query (one rule id for every query problem)."""
    return Finding(
        "external_lookup_query", Severity.ERROR, "data.external", id, attribute, value, problem, expected, hint
    )


def _require_bool(scope: Any, id: str, key: str, value: object) -> None:
    if not isinstance(value, bool):
        finding = _query_finding(
            id,
            key,
            value,
            "not a boolean",
            "True or False",
            f"pass {key}=True or {key}=False",
        )
        raise ValidationError([finding], where=f"{scope.node.path}/{id}")


def _text(value: object) -> object:
    return str(value) if isinstance(value, int) else value


class DiskLookup(_Lookup):
    """Find one disk: by ``disk_id``; by ``instance_id`` + ``disk_type`` (``system``/``data``) and
    optionally ``device``; or by ``disk_name`` and optionally ``zone_id``. No match or several matches
    stop ``terraform plan`` with what was searched and what matched.

    Args:
        region, endpoint: as for the helper. Default: - from the environment that runs Terraform.
        interpreter: the Python that runs the helper. Default: - ``$CDKTF_ECS_SNAPSHOT_PYTHON`` or
            ``python3``.
        program: the whole argv instead. Default: - ``[interpreter, "-m", ...ecs_external, "disk"]``.
    """

    OPERATION = "disk"

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        disk_id: str | None = None,
        instance_id: str | None = None,
        disk_type: str | None = None,
        device: str | None = None,
        disk_name: str | None = None,
        zone_id: str | None = None,
        region: str | None = None,
        endpoint: str | None = None,
        interpreter: str | None = None,
        program: Sequence[str] | None = None,
        max_retry_seconds: int | None = None,
    ) -> None:
        query = {
            "disk_id": disk_id,
            "instance_id": instance_id,
            "disk_type": disk_type,
            "device": device,
            "disk_name": disk_name,
            "zone_id": zone_id,
        }
        if not (disk_id or instance_id or disk_name):
            raise ValidationError(
                [
                    _query_finding(
                        id,
                        "query",
                        None,
                        "no selector",
                        "disk_id, or instance_id with disk_type, or disk_name",
                        "pass e.g. instance_id='i-...', disk_type='system'",
                    )
                ],
                where=f"{scope.node.path}/{id}",
            )
        super().__init__(
            scope,
            id,
            query=query,
            region=region,
            endpoint=endpoint,
            interpreter=interpreter,
            program=program,
            max_retry_seconds=max_retry_seconds,
        )

    disk_id = property(lambda self: self.result("disk_id"), doc="The disk id (``d-...``).")
    category = property(lambda self: self.result("category"), doc="Disk category, e.g. ``cloud_essd``.")
    size = property(lambda self: self.result("size"), doc="Size in GiB (a string).")
    status = property(lambda self: self.result("status"), doc="Disk status, e.g. ``In_use``.")
    zone_id = property(lambda self: self.result("zone_id"), doc="Zone of the disk.")
    instance_id = property(lambda self: self.result("instance_id"), doc="Instance it is attached to.")
    encrypted = property(lambda self: self.result("encrypted"), doc='``"true"`` or ``"false"``.')
    manual_snapshot_count = property(
        lambda self: self.result("manual_snapshot_count"),
        doc="How many manual snapshots the disk has (a string).",
    )


class LatestSnapshotLookup(_Lookup):
    """The newest snapshot of a disk (``accomplished`` by default), optionally by name prefix or tag.

    ``optional=True`` gives empty values instead of stopping the plan when there is none.
    """

    OPERATION = "latest_snapshot"

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        disk_id: str,
        status: str | None = None,
        name_prefix: str | None = None,
        tag_key: str | None = None,
        tag_value: str | None = None,
        optional: bool = False,
        region: str | None = None,
        endpoint: str | None = None,
        interpreter: str | None = None,
        program: Sequence[str] | None = None,
        max_retry_seconds: int | None = None,
    ) -> None:
        query = {
            "disk_id": disk_id,
            "status": status,
            "name_prefix": name_prefix,
            "tag_key": tag_key,
            "tag_value": tag_value,
            "optional": "true" if optional else None,
        }
        _require_bool(scope, id, "optional", optional)
        super().__init__(
            scope,
            id,
            query=query,
            region=region,
            endpoint=endpoint,
            interpreter=interpreter,
            program=program,
            max_retry_seconds=max_retry_seconds,
        )

    snapshot_id = property(lambda self: self.result("snapshot_id"), doc="The snapshot id (``s-...``).")
    snapshot_name = property(lambda self: self.result("snapshot_name"), doc="Its name.")
    creation_time = property(lambda self: self.result("creation_time"), doc="Creation time (ISO 8601).")
    retention_days = property(lambda self: self.result("retention_days"), doc="Retention (a string).")


class SnapshotPreflight(_Lookup):
    """Can a snapshot of ``disk_id`` be created now? With ``strict=True`` the plan stops with the reasons
    (disk state, a snapshot in progress, 256 manual snapshots) instead of ``CreateSnapshot`` failing at
    apply."""

    OPERATION = "preflight"

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        disk_id: str,
        strict: bool = True,
        region: str | None = None,
        endpoint: str | None = None,
        interpreter: str | None = None,
        program: Sequence[str] | None = None,
        max_retry_seconds: int | None = None,
    ) -> None:
        _require_bool(scope, id, "strict", strict)
        query = {"disk_id": disk_id, "strict": "true" if strict else None}
        super().__init__(
            scope,
            id,
            query=query,
            region=region,
            endpoint=endpoint,
            interpreter=interpreter,
            program=program,
            max_retry_seconds=max_retry_seconds,
        )

    ok = property(lambda self: self.result("ok"), doc='``"true"`` if a snapshot can be created now.')
    reasons = property(lambda self: self.result("reasons"), doc="Comma-joined reason codes.")
