"""``EcsSnapshot``: the typed cdktf/cdktn construct for ``alicloud_ecs_snapshot``.

Arguments are validated in the constructor (and in every setter) before anything reaches Node, so a bad
value raises ``ValidationError`` at the line that wrote it and no ``cdk.tf.json`` is written.

Why the attributes are written by a per-stack batch and not by ``_synthesize_attributes``: a Python
override called back from Node costs about 1-2.5 ms per resource, more than building the resource. One
``_SnapshotBatch`` element per stack writes the attributes of all its snapshots in a single callback, and
logical ids are computed in Python where cdktf's rule is simple (see ``_logical_id``). ``cdktf synth
--hcl`` still uses a per-resource ``_synthesize_hcl_attributes`` override, which only HCL output calls.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import jsii

from ._core import core
from ._jsii_create import create as create_jsii_object
from ._jsii_create import wire_struct
from ._meta_checks import check_meta_arguments, provider_finding, require_string_id
from ._python_only import python_only as _python_only
from ._stack_registry import registry_of, stack_of
from .errors import SnapshotDeprecationWarning, ValidationError
from .findings import Finding, Severity
from .guard import check_snapshot
from .importid import require_import_id
from .schema import LEGACY_RESOURCE_TYPE, RESOURCE_TYPE, Category, Kind, attribute
from .tokens import contains_unresolved, is_jsii_object
from .validate import ARGUMENTS, Validated, require_valid, validate_snapshot
from .versions import Constraint, Version, parse_constraint

__all__ = ["EcsSnapshot", "LegacySnapshot"]

_cdk = core()
_DISALLOWED = re.compile(r"[^A-Za-z0-9_-]")
# The constructs library writes these separators as "--" in a construct's id.
_ID_SEPARATORS = re.compile(r"[/\n]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_HCL_STORAGE = {
    Kind.STRING: ("simple", "string"),
    Kind.BOOL: ("simple", "boolean"),
    Kind.NUMBER: ("simple", "number"),
    Kind.STRING_MAP: ("map", "stringMap"),
}
_V1239 = Version(1, 239, 0)
_METADATA = _cdk.TerraformProviderGeneratorMetadata(provider_name="alicloud")


_CONFIGS: dict[str, Any] = {}


def _plain_config(resource_type: str) -> Any:
    """Return the shared ``TerraformResourceConfig`` (in wire form) of a resource without meta-arguments."""
    config = _CONFIGS.get(resource_type)
    if config is None:
        config = _CONFIGS[resource_type] = wire_struct(
            _cdk.TerraformResourceConfig(terraform_resource_type=resource_type, terraform_generator_metadata=_METADATA)
        )
    return config


def _hcl_attributes(values: Mapping[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in values.items():
        kind = attribute(key).kind
        if kind is Kind.BLOCK:
            out[key] = {
                "value": value,
                "isBlock": True,
                "type": "struct",
                "storageClassType": "EcsSnapshotTimeouts",
            }
        else:
            hcl_type, storage = _HCL_STORAGE[kind]
            out[key] = {"value": value, "isBlock": False, "type": hcl_type, "storageClassType": storage}
    return out


def _override_tree(overrides: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """The overrides as cdktf stores them (``addOverride``'s path rule, replayed in order)."""
    tree: dict[str, Any] = {}
    for path, value in overrides:
        parts = path.split(".")
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            # cdktf replaces anything that is not a map on the way with a new map.
            node[part] = dict(child) if isinstance(child, Mapping) and not is_jsii_object(child) else {}
            node = node[part]
        node[parts[-1]] = value
    return tree


def _drop_overridden(values: dict[str, Any], tree: Mapping[str, Any]) -> None:
    """Remove from ``values`` what the overrides set, so theirs win when cdktf merges the two.

    A map overriding a map is merged by cdktf (``add_override("tags", {...})`` adds tags), so only the keys
    it sets go; a None sets nothing.
    """
    for key, value in tree.items():
        if value is None:
            continue
        current = values.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping) and not is_jsii_object(value):
            values[key] = kept = dict(current)
            _drop_overridden(kept, value)
        else:
            values.pop(key, None)


_TerraformElement: Any = _cdk.TerraformElement
_TerraformResource: Any = _cdk.TerraformResource


class _SnapshotBatch(_TerraformElement):  # type: ignore[misc]
    """Writes the attributes (and import blocks) of every snapshot of one stack, in one callback."""

    def __init__(self, stack: Any) -> None:
        super().__init__(stack, "cdktf-ecs-snapshot")
        self.members: list[EcsSnapshot] = []
        self._token: _BatchFragment | None = None

    def to_terraform(self) -> Any:
        if self._token is None:  # one Node object for every pass, not one per pass
            self._token = _BatchFragment(self)
        return self._token

    def fragment(self, *, preparing: bool) -> dict[str, object]:
        """The stack fragment; when ``preparing``, only the snapshots whose values hold tokens.

        cdktf resolves every element twice: a preparing pass whose output it discards (it only looks
        for tokens, to wire cross-stack references), then the real one. Plain values cannot matter to
        the first, and sending them would double what crosses to Node at synthesis.
        """
        resources: dict[str, dict[str, object]] = {}
        named: dict[tuple[str, str], EcsSnapshot] = {}
        for member in self.members:
            if not member._batched:
                continue
            # cdktf keeps the first name it synthesized (an Aspect renaming later does not change it).
            logical_id = member._synthesized_id = member._logical_id()
            first = named.setdefault((member._resource_type, logical_id), member)
            if first is not member:
                raise ValidationError([_same_name(first, member, logical_id)], where=str(member.node.path))
            if preparing and not contains_unresolved(member._values):
                continue
            resources.setdefault(member._resource_type, {})[logical_id] = member._attributes_for_synth()
        return {"resource": resources, **self._imports()}

    def to_hcl_terraform(self) -> Any:
        # HCL output renders each element's fragment separately: attributes come from each resource's
        # own _synthesize_hcl_attributes, only the import blocks (in cdktf's HCL shape) from here.
        blocks = [
            {
                key: {"value": value, "type": "simple", "storageClassType": "reference" if key != "id" else "string"}
                for key, value in block.items()
            }
            for block in self._import_blocks()
        ]
        return {"import": blocks} if blocks else {}

    def _imports(self) -> dict[str, object]:
        blocks = self._import_blocks()
        return {"import": blocks} if blocks else {}

    def _import_blocks(self) -> list[dict[str, object]]:
        imports: list[dict[str, object]] = []
        for member in self.members:
            if member._import is not None:
                block: dict[str, object] = {
                    "id": member._import[0],
                    "to": f"{member._resource_type}.{member._logical_id()}",
                }
                if member._import[1] is not None:
                    block["provider"] = member._import[1].fqn
                imports.append(block)
        return imports


def _same_name(first: EcsSnapshot, second: EcsSnapshot, name: str) -> Finding:
    """Two snapshots cdktf names alike (nested ones, or one built with validate=False): one would vanish."""
    return Finding(
        "terraform_duplicate_name",
        Severity.ERROR,
        second._resource_type,
        name,
        "name",
        name,
        f"is the Terraform name of both {first.node.path!r} and {second.node.path!r} (one would vanish)",
        "a name unique among this stack's snapshots",
        "choose another construct id, or override_logical_id for one of them",
    )


@jsii.implements(_cdk.IResolvable)
class _BatchFragment:
    """A token for the batch's fragment, so that it learns whether cdktf is only preparing."""

    # With a jsii type, jsii passes the object by reference instead of creating a Node twin each time.
    __jsii_type__ = "Object"

    def __init__(self, batch: _SnapshotBatch) -> None:
        self._batch = batch
        jsii.create(_BatchFragment, self, [])

    @property
    def creation_stack(self) -> list[str]:
        return []

    def resolve(self, context: Any) -> Any:
        # One kernel call: ``context.preparing`` through jsii's interface proxy makes two.
        return self._batch.fragment(preparing=bool(jsii.get(context, "preparing")))


def _batch_for(stack: Any) -> _SnapshotBatch:
    registry = registry_of(stack)
    if registry.batch is None:
        registry.batch = _SnapshotBatch(stack)
    batch: _SnapshotBatch = registry.batch
    return batch


class _SnapshotMembers:
    """The Python-only members of ``EcsSnapshot``.

    They live on a mixin placed after the jsii base class because jsii scans a class's own members on
    every object it creates, looking for overrides; keeping only the real overrides on ``EcsSnapshot``
    makes that scan short.
    """

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...

    TF_RESOURCE_TYPE: ClassVar[str]
    _stack: Any
    _values: dict[str, object]
    _batched: bool
    _synthesized_id: str | None
    _logical_override: str | None
    _construct_id: str
    _scope_is_stack: bool
    _user_overrides: list[tuple[str, Any]]
    _claimed_name: tuple[str, str] | None

    @property
    def _resource_type(self) -> str:
        return str(type(self).TF_RESOURCE_TYPE)

    def _constraint(self) -> Constraint | None:
        provider = self._provider
        if provider is None:
            provider = registry_of(self._stack).default_provider()
        text = getattr(provider, "version_input", None)
        if not isinstance(text, str):
            text = registry_of(self._stack).pinned_version()
        return parse_constraint(text) if isinstance(text, str) else None

    def _check(self, arguments: Mapping[str, object], *, where: Any) -> Validated:
        if not self._validate:
            return Validated({k: v for k, v in arguments.items() if v is not None}, ())
        validated = validate_snapshot(
            arguments,
            name=self._guess_name(),
            resource_type=self._resource_type,
            provider=self._constraint(),
            strict=self._strict,
        )
        if validated.errors:
            require_valid(validated, where=where())
        return validated

    def _guess_name(self) -> str:
        if self._logical_override is not None:
            return self._logical_override
        return _DISALLOWED.sub("", self._construct_id) or self._construct_id

    def _known_logical_id(self) -> str | None:
        """The Terraform name when it is known without asking Node (the scope is the stack), else None."""
        if self._logical_override is not None:
            return self._logical_override
        if self._scope_is_stack and _plain_naming(self._stack) and self._construct_id != "Default":
            candidate = _DISALLOWED.sub("", self._construct_id)
            return candidate if len(candidate) <= 255 else None  # longer ones get cdktf's hashed name
        return None

    def _claim_name(self, name: str | None, *, where: Any) -> None:
        """Refuse a Terraform name that is invalid or already taken in this stack (one would vanish)."""
        if name is None or not self._validate:
            return
        finding = self._name_finding(name)
        if finding is not None:
            raise ValidationError([finding], where=where())
        self._take_name(name)

    def _name_finding(self, name: str, *, overriding: bool = False) -> Finding | None:
        holder = registry_of(self._stack).names.get((self._resource_type, name))
        if not _IDENTIFIER.fullmatch(name):
            return Finding(
                "terraform_invalid_name",
                Severity.ERROR,
                self._resource_type,
                name or "''",
                "name",
                name,
                "is not a valid Terraform name"
                + (
                    f" (cdktf keeps only A-Z a-z 0-9 _ - of the id {self._construct_id!r})"
                    if not overriding and name != self._logical_override
                    else ""
                ),
                "a letter or '_' followed by letters, digits, '_' or '-'",
                "use a construct id (or override_logical_id) that starts with a letter, in ASCII",
            )
        if holder is not None and holder is not self:
            return Finding(
                "terraform_duplicate_name",
                Severity.ERROR,
                self._resource_type,
                name,
                "name",
                name,
                f"is already used by {holder.node.path!r} (one of them would vanish)",
                "a name unique among this stack's snapshots",
                "choose another construct id or logical id",
            )
        return None

    def _take_name(self, name: str | None) -> None:
        """Record ``name`` as this snapshot's, releasing the one held before (None only releases)."""
        names = registry_of(self._stack).names
        if self._claimed_name is not None and names.get(self._claimed_name) is self:
            del names[self._claimed_name]
        self._claimed_name = (self._resource_type, name) if name is not None else None
        if self._claimed_name is not None:
            names[self._claimed_name] = self

    def _name_fixed(self, wanted: str | None, *, current: str) -> Finding:
        return Finding(
            "terraform_name_fixed",
            Severity.ERROR,
            self._resource_type,
            current,
            "name",
            wanted,
            f"cannot change: cdktf has fixed the name {current!r} (it keeps the first name computed: at a rename, "
            "a first reference such as .id or depends_on, or a synthesis, which runs before Aspects in app.synth())",
            "one override_logical_id, before the snapshot is referenced",
            "call override_logical_id once, right after creating the snapshot",
        )

    def _report_warnings(self, findings: Sequence[Finding]) -> None:
        for finding in findings:
            _cdk.Annotations.of(self).add_warning(finding.message)
            if finding.rule_id.endswith(("_deprecated", "_no_effect", "_legacy_type")):
                warnings.warn(finding.message, SnapshotDeprecationWarning, stacklevel=4)

    def _after_validation(self) -> None:
        """Hook for checks that compare with existing infrastructure (the replacement guard)."""
        check_snapshot(self)

    # -- synthesis --------------------------------------------------------------------------------

    def _logical_id(self) -> str:
        """Return the Terraform name: the one cdktf fixed (at a rename or a synthesis), else computed in
        Python when cdktf's rule is the plain one, else asked from Node."""
        if self._synthesized_id is not None:
            return self._synthesized_id
        return self._known_logical_id() or str(self.friendly_unique_id)

    def _attributes_for_synth(self) -> dict[str, object]:
        values = dict(self._values)
        if self._user_overrides:
            _drop_overridden(values, _override_tree(self._user_overrides))
        return values

    def _unbatch(self) -> None:
        # A moved resource is written under its new address by cdktf itself; give it its attributes.
        if self._batched:
            self._batched = False
            for key, value in self._attributes_for_synth().items():
                _TerraformResource.add_override(self, key, value)

    # -- typed attribute access -------------------------------------------------------------------

    def _set(self, key: str, value: object) -> None:
        arguments = {**self._values, key: value}
        validated = self._check(arguments, where=lambda: str(self.node.path))
        previous, self._values = self._values, validated.values
        try:
            check_snapshot(self)  # a setter can replace a snapshot as surely as the constructor
        except ValidationError:
            self._values = previous
            raise
        self._report_warnings([f for f in validated.warnings if f.attribute == key])

    def _read(self, key: str) -> None:
        self._reads.add(key)
        floor = attribute(key).since
        # Terraform has one alicloud constraint per module: every explicit provider version counts.
        explicit = [p.version_input for p in registry_of(self._stack).providers if p.version_input is not None]
        for constraint in (parse_constraint(text) for text in explicit):
            if not all(i.high <= floor for i in constraint.intervals):
                continue
            finding = Finding(
                "ecs_snapshot_attribute_version",
                Severity.ERROR,
                self._resource_type,
                self._logical_id(),
                key,
                constraint.text,
                f"is only available from provider {floor}",
                f"provider >= {floor}",
                f"raise the provider version constraint to >= {floor}",
            )
            raise ValidationError([finding], where=str(self.node.path))

    @property
    def reads(self) -> frozenset[str]:
        """Computed attributes referenced so far (they raise the default provider version)."""
        return frozenset(self._reads)

    @property
    def arguments(self) -> dict[str, object]:
        """The validated argument values, as they will be synthesized (before user overrides)."""
        return dict(self._values)

    @property
    def id(self) -> str:
        """Reference to the snapshot id (``s-...``)."""
        return str(self.get_string_attribute("id"))

    @property
    def status(self) -> str:
        """Reference to the status: ``progressing``, ``accomplished`` or ``failed``."""
        return str(self.get_string_attribute("status"))

    @property
    def create_time(self) -> str:
        """Reference to the creation time. Needs provider 1.239.0 (raises the default constraint)."""
        self._read("create_time")
        return str(self.get_string_attribute("create_time"))

    @property
    def region_id(self) -> str:
        """Reference to the region id. Needs provider 1.239.0 (raises the default constraint)."""
        self._read("region_id")
        return str(self.get_string_attribute("region_id"))

    @property
    def category(self) -> str:
        """Reference to the category (computed by the provider when not set)."""
        return str(self.get_string_attribute("category"))

    @category.setter
    def category(self, value: Category | str | None) -> None:
        self._set("category", value.value if isinstance(value, Category) else value)

    @property
    def snapshot_name(self) -> str:
        """Reference to the snapshot name (computed by the provider when not set)."""
        return str(self.get_string_attribute("snapshot_name"))

    @snapshot_name.setter
    def snapshot_name(self, value: str | None) -> None:
        self._set("snapshot_name", value)

    @property
    def disk_id(self) -> str:
        """Reference to the source disk id."""
        return str(self.get_string_attribute("disk_id"))

    @disk_id.setter
    def disk_id(self, value: str) -> None:
        self._set("disk_id", value)

    @property
    def description(self) -> str:
        return str(self.get_string_attribute("description"))

    @description.setter
    def description(self, value: str | None) -> None:
        self._set("description", value)

    @property
    def retention_days(self) -> float:
        """Reference to the retention in days (a number token)."""
        return float(_cdk.Token.as_number(self.get_number_attribute("retention_days")))

    @retention_days.setter
    def retention_days(self, value: int | float | str | None) -> None:
        self._set("retention_days", value)

    @property
    def resource_group_id(self) -> str:
        return str(self.get_string_attribute("resource_group_id"))

    @resource_group_id.setter
    def resource_group_id(self, value: str | None) -> None:
        self._set("resource_group_id", value)

    @property
    def tags(self) -> Any:
        """Reference to the tags map (a string-map token)."""
        return self.get_string_map_attribute("tags")

    @tags.setter
    def tags(self, value: Mapping[str, str] | None) -> None:
        self._set("tags", value)

    @property
    def force(self) -> Any:
        """Reference to ``force`` (a boolean token)."""
        return self.get_boolean_attribute("force")

    @force.setter
    def force(self, value: bool | None) -> None:
        self._set("force", value)

    @property
    def instant_access(self) -> Any:
        """Reference to ``instant_access`` (deprecated, no effect since provider 1.231.0)."""
        return self.get_boolean_attribute("instant_access")

    @instant_access.setter
    def instant_access(self, value: bool | None) -> None:
        self._set("instant_access", value)

    @property
    def instant_access_retention_days(self) -> float:
        """Reference to ``instant_access_retention_days`` (deprecated, no effect since provider 1.231.0)."""
        return float(_cdk.Token.as_number(self.get_number_attribute("instant_access_retention_days")))

    @instant_access_retention_days.setter
    def instant_access_retention_days(self, value: int | float | str | None) -> None:
        self._set("instant_access_retention_days", value)

    @property
    def name(self) -> str:
        """Reference to the deprecated ``name`` (the provider sets it from the snapshot name)."""
        return str(self.get_string_attribute("name"))

    @name.setter
    def name(self, value: str | None) -> None:
        self._set("name", value)

    @property
    def timeouts(self) -> dict[str, str] | None:
        """The configured timeouts (``put_timeouts`` or assignment sets them, validated)."""
        value = self._values.get("timeouts")
        return dict(value) if isinstance(value, Mapping) else None

    @timeouts.setter
    def timeouts(self, value: Mapping[str, str] | None) -> None:
        self._set("timeouts", value)

    def put_timeouts(self, *, create: str | None = None, update: str | None = None, delete: str | None = None) -> None:
        """Set the operation timeouts (``update`` needs provider 1.231.0)."""
        timeouts = {k: v for k, v in (("create", create), ("update", update), ("delete", delete)) if v}
        self._set("timeouts", timeouts or None)

    def input(self, key: str) -> object:
        """Return the configured value of argument ``key`` (``None`` if unset), like ``<attr>_input``."""
        if key not in ARGUMENTS:
            raise KeyError(f"{key!r} is not an argument of {self._resource_type}")
        return self._values.get(key)


class EcsSnapshot(_TerraformResource, _SnapshotMembers):  # type: ignore[misc]
    """A disk snapshot, ``alicloud_ecs_snapshot`` (provider ``aliyun/alicloud`` >= 1.120.0).

    A snapshot is a backup: changing ``disk_id`` or ``category`` (and, before provider 1.231.0,
    ``retention_days``; before 1.239.0, ``resource_group_id``) replaces it, which deletes the old one.
    See ``cdktf_ecs_snapshot.force_new_attributes``. Provider docs:
    https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/ecs_snapshot

    Args:
        scope: the construct scope (a stack or a construct inside one).
        id: the construct id; also the Terraform name when the scope is the stack.
        disk_id: the disk to snapshot (``d-...`` or a reference such as ``disk.id``). Changing this
            replaces the snapshot.
        category: ``Category.STANDARD`` or ``Category.FLASH`` (or the same strings, case-sensitive).
            Changing this replaces the snapshot. Default: - the API's default (standard).
        description: 2-256 characters, not starting with ``http://``/``https://``. Updated in place.
            Default: - no description.
        force: delete even if disks were created from the snapshot. Only used on delete.
            Default: - false.
        instant_access: deprecated, no effect since provider 1.231.0. Default: - disabled.
        instant_access_retention_days: deprecated, no effect since provider 1.231.0; 1-65535, only with
            ``instant_access=True``. Default: - same as ``retention_days``.
        resource_group_id: resource group. Replaces the snapshot before provider 1.239.0, updated in
            place since. Default: - the account's default resource group.
        retention_days: 1-65536 days, a whole number (``"20"`` becomes 20). The API only extends it.
            Replaces the snapshot before provider 1.231.0. Default: - kept until deleted.
        snapshot_name: 2-128 characters, starts with a letter; letters, digits, ``:_.-``; not starting
            with ``http://``, ``https://`` or ``auto``. Default: - no name.
        name: deprecated since provider 1.120.0, use ``snapshot_name``. Default: - no name.
        tags: up to 20 string tags. Default: - no tags.
        timeouts: ``{"create": "10m", "update": "10m", "delete": "10m"}`` (``update`` needs provider
            1.231.0). Default: - the provider's (2m before 1.239.0, 5m since).
        protect: emit ``lifecycle.prevent_destroy`` so Terraform refuses to delete or replace it.
            Default: - false.
        allow_replacement: let the replacement guard pass a change that replaces this snapshot.
            Default: - false.
        strict: treat warnings (deprecations, flash) as errors. Default: - false.
        validate: run the rules. ``False`` is an escape hatch: values pass through unchecked.
            Default: - true.
        depends_on, count, for_each, provider, lifecycle, connection, provisioners: Terraform
            meta-arguments, as in every cdktf resource.

    Raises:
        ValidationError: with every error found, before anything is synthesized.
    """

    TF_RESOURCE_TYPE = RESOURCE_TYPE

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        disk_id: str,
        category: Category | str | None = None,
        description: str | None = None,
        force: bool | None = None,
        instant_access: bool | None = None,
        instant_access_retention_days: int | float | str | None = None,
        resource_group_id: str | None = None,
        retention_days: int | float | str | None = None,
        snapshot_name: str | None = None,
        name: str | None = None,
        tags: Mapping[str, str] | None = None,
        timeouts: Mapping[str, str] | None = None,
        protect: bool = False,
        allow_replacement: bool = False,
        strict: bool = False,
        validate: bool = True,
        depends_on: Sequence[Any] | None = None,
        count: Any = None,
        for_each: Any = None,
        provider: Any = None,
        lifecycle: Any = None,
        connection: Any = None,
        provisioners: Sequence[Any] | None = None,
    ) -> None:
        arguments: dict[str, object] = {
            "disk_id": disk_id,
            "category": category.value if isinstance(category, Category) else category,
            "description": description,
            "force": force,
            "instant_access": instant_access,
            "instant_access_retention_days": instant_access_retention_days,
            "resource_group_id": resource_group_id,
            "retention_days": retention_days,
            "snapshot_name": snapshot_name,
            "name": name,
            "tags": tags,
            "timeouts": timeouts,
        }
        require_string_id(id)
        stack = stack_of(scope)
        meta_findings = check_meta_arguments(stack, scope, self._resource_type, id, depends_on, provider)
        if meta_findings:
            raise ValidationError(meta_findings, where=f"{_path_of(scope)}/{id}")
        if depends_on is not None:
            depends_on = list(depends_on)  # jsii passes lists, not tuples
        self._scope_is_stack = stack is scope
        self._construct_id = _ID_SEPARATORS.sub("--", id)
        self._logical_override: str | None = None
        self._synthesized_id: str | None = None
        self._user_overrides: list[tuple[str, Any]] = []
        self._claimed_name = None
        self._import: tuple[str, Any] | None = None
        self._batched = True
        self._validate, self._strict = validate, strict
        self.allow_replacement = allow_replacement
        self._stack = stack
        self._provider = provider
        validated = self._check(arguments, where=lambda: f"{_path_of(scope)}/{id}")
        self._claim_name(self._known_logical_id(), where=lambda: f"{_path_of(scope)}/{id}")

        if protect:
            lifecycle = _with_prevent_destroy(lifecycle)
        meta = (provider, depends_on, count, for_each, lifecycle, connection, provisioners)
        try:
            self._create(scope, id, meta)
        except BaseException:
            self._take_name(None)  # nothing was created: the name stays free for a retry
            raise
        self._values = validated.values
        self._reads: set[str] = set()
        registry = registry_of(stack)
        registry.snapshots.append(self)
        _batch_for(stack).members.append(self)
        self._report_warnings(validated.warnings)
        self._after_validation()

    def _create(self, scope: Any, id: str, meta: tuple[Any, ...]) -> None:
        provider, depends_on, count, for_each, lifecycle, connection, provisioners = meta
        if all(m is None for m in meta):
            # The common case: exactly what TerraformResource.__init__ ends with, minus its per-call
            # typeguard checks and config struct (a third of the construction time), reusing one config.
            create_jsii_object(self, scope, id, _plain_config(self._resource_type))
            return
        super().__init__(
            scope,
            id,
            terraform_resource_type=self._resource_type,
            terraform_generator_metadata=_METADATA,
            provider=provider,
            depends_on=depends_on,
            count=count,
            for_each=for_each,
            lifecycle=lifecycle,
            connection=connection,
            provisioners=provisioners,
        )

    # -- validation -------------------------------------------------------------------------------

    @jsii.member(jsii_name="synthesizeHclAttributes")
    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return _hcl_attributes(self._values)

    # -- escape hatches that must keep the batch in step --------------------------------------------

    @_python_only
    def add_override(self, path: str, value: Any) -> None:
        """Like cdktf's ``add_override``; the override wins over the typed value at ``path``."""
        self._user_overrides.append((path, value))
        super().add_override(path, value)

    @_python_only
    def override_logical_id(self, new_logical_id: str) -> None:
        """Set the Terraform name, once, before the snapshot is referenced.

        cdktf keeps the first name it computes (reading ``.id`` computes it) and would silently ignore a
        later rename; here that is an error (``terraform_name_fixed``), as is a second rename.
        """
        if not isinstance(new_logical_id, str):
            raise TypeError(f"the logical id must be a string; got {new_logical_id!r}")
        where = str(self.node.path)
        if self._synthesized_id is not None:  # cdktf has fixed the name: at a rename or a synthesis
            if self._synthesized_id == new_logical_id:
                return  # the same rename again (an Aspect runs at every synthesis): nothing changes
            raise ValidationError([self._name_fixed(new_logical_id, current=self._synthesized_id)], where=where)
        if self._logical_override is None and self._known_logical_id() == new_logical_id:
            return  # already its name
        finding = self._name_finding(new_logical_id, overriding=True) if self._validate else None
        if finding is not None:
            raise ValidationError([finding], where=where)
        try:
            super().override_logical_id(new_logical_id)
        except RuntimeError as exc:
            if "may not be overridden" not in str(exc):
                raise
            raise ValidationError([self._name_fixed(new_logical_id, current=self._logical_id())], where=where) from None
        # Asking fixes the name in Node (as any later reference would) and tells whether the rename took.
        actual = self._synthesized_id = str(self.friendly_unique_id)
        if actual != new_logical_id:
            raise ValidationError([self._name_fixed(new_logical_id, current=actual)], where=where)
        self._logical_override = new_logical_id
        self._take_name(new_logical_id if self._validate else None)

    @_python_only
    def reset_override_logical_id(self) -> None:
        """Undo ``override_logical_id``: not possible once it took (cdktf has fixed the name)."""
        if self._logical_override is not None:
            finding = self._name_fixed("reset_override_logical_id()", current=self._logical_override)
            raise ValidationError([finding], where=str(self.node.path))
        super().reset_override_logical_id()

    @_python_only
    def move_to(self, move_target: str, index: Any = None) -> None:
        self._unbatch()
        super().move_to(move_target, index)

    @_python_only
    def move_to_id(self, id: str) -> None:
        self._unbatch()
        super().move_to_id(id)

    @_python_only
    def import_from(self, id: str, provider: Any = None) -> None:
        """Import the existing snapshot ``id`` (``s-...``) into this resource (an ``import`` block).

        The id is checked before synthesis; the block needs Terraform >= 1.5.
        """
        where = str(self.node.path)
        require_import_id(id, name=self._guess_name(), resource_type=self._resource_type, where=where)
        foreign = provider_finding(self._stack, self._resource_type, self._guess_name(), provider)
        if foreign is not None:
            raise ValidationError([foreign], where=where)
        self._import = (id, provider)


class LegacySnapshot(EcsSnapshot):
    """The legacy type name ``alicloud_snapshot`` (same schema), for code migrating from it.

    The provider deprecated this name in 1.120.0; prefer ``EcsSnapshot`` and a ``moved`` block.
    """

    TF_RESOURCE_TYPE = LEGACY_RESOURCE_TYPE


def _plain_naming(stack: Any) -> bool:
    """True if the stack uses cdktf's own logical-id scheme (not overridden in Python)."""
    cls = type(stack)
    base = _cdk.TerraformStack
    return all(
        getattr(cls, name, None) is getattr(base, name, None)
        for name in ("allocate_logical_id", "_allocate_logical_id", "get_logical_id")
    )


def _path_of(scope: Any) -> str:
    return str(scope.node.path)


def _with_prevent_destroy(lifecycle: Any) -> Any:
    if lifecycle is None:
        return _cdk.TerraformResourceLifecycle(prevent_destroy=True)
    if isinstance(lifecycle, Mapping):
        return {**lifecycle, "prevent_destroy": True}
    return _cdk.TerraformResourceLifecycle(
        create_before_destroy=lifecycle.create_before_destroy,
        ignore_changes=lifecycle.ignore_changes,
        postcondition=lifecycle.postcondition,
        precondition=lifecycle.precondition,
        replace_triggered_by=lifecycle.replace_triggered_by,
        prevent_destroy=True,
    )
