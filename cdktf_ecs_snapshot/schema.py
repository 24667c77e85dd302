"""The ``alicloud_ecs_snapshot`` schema as data: one row per attribute.

Adding an attribute is adding a row. ``tests/test_schema.py`` holds these rows against the provider
facts in ``provider/`` (types, required/computed flags, ForceNew ranges, deprecations, versions), so the
rows cannot drift from what the provider does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .versions import INFINITY, Interval, Version

__all__ = [
    "ATTRIBUTES",
    "COMPUTED",
    "LEGACY_RESOURCE_TYPE",
    "MINIMUM_PROVIDER",
    "RESOURCE_TYPE",
    "TIMEOUT_KEYS",
    "AttributeSpec",
    "Category",
    "Kind",
    "attribute",
]

RESOURCE_TYPE = "alicloud_ecs_snapshot"
LEGACY_RESOURCE_TYPE = "alicloud_snapshot"
MINIMUM_PROVIDER = Version(1, 120, 0)
_V1231 = Version(1, 231, 0)
_V1239 = Version(1, 239, 0)


class Category(StrEnum):
    """Snapshot category; the provider accepts exactly these lower-case values."""

    STANDARD = "standard"
    FLASH = "flash"


class Kind(StrEnum):
    """Terraform type of an attribute."""

    STRING = "string"
    BOOL = "bool"
    NUMBER = "number"
    STRING_MAP = "map(string)"
    BLOCK = "block"


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute of the resource, with the facts every face of the library needs."""

    name: str
    kind: Kind
    doc: str
    default_doc: str = ""
    required: bool = False
    optional: bool = True
    computed: bool = False
    force_new: tuple[Interval, ...] = ()
    deprecated_since: Version | None = None
    replaced_by: str | None = None
    no_effect_since: Version | None = None
    since: Version = MINIMUM_PROVIDER
    read_back: bool = True

    @property
    def argument(self) -> bool:
        """True if users may set it (not computed-only)."""
        return self.required or self.optional


_ALWAYS = (Interval(MINIMUM_PROVIDER, INFINITY),)

ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec(
        "disk_id",
        Kind.STRING,
        required=True,
        optional=False,
        force_new=_ALWAYS,
        doc="The disk to snapshot. Changing this replaces the snapshot.",
    ),
    AttributeSpec(
        "category",
        Kind.STRING,
        computed=True,
        force_new=_ALWAYS,
        doc="Snapshot category: 'standard' or 'flash' (local snapshot, retired for new accounts). "
        "Changing this replaces the snapshot.",
        default_doc="the API's default ('standard'); computed by the provider since 1.231.0",
    ),
    AttributeSpec(
        "description",
        Kind.STRING,
        doc="Description, 2-256 characters, not starting with http:// or https://. Updated in place.",
        default_doc="no description",
    ),
    AttributeSpec(
        "force",
        Kind.BOOL,
        read_back=False,
        doc="Delete the snapshot even if disks were created from it (those disks can no longer be "
        "re-initialised). Only used on delete; never read back.",
        default_doc="false: deleting a snapshot that disks were created from fails",
    ),
    AttributeSpec(
        "instant_access",
        Kind.BOOL,
        read_back=False,
        deprecated_since=_V1231,
        no_effect_since=_V1231,
        doc="Instant access (ESSD only). Deprecated and without effect since provider 1.231.0.",
        default_doc="disabled",
    ),
    AttributeSpec(
        "instant_access_retention_days",
        Kind.NUMBER,
        read_back=False,
        force_new=(Interval(MINIMUM_PROVIDER, _V1231),),
        deprecated_since=_V1231,
        no_effect_since=_V1231,
        doc="Days instant access is kept, 1-65535, only with instant_access=True. Deprecated and without "
        "effect since provider 1.231.0; replaced the snapshot when changed before 1.231.0.",
        default_doc="same as retention_days",
    ),
    AttributeSpec(
        "resource_group_id",
        Kind.STRING,
        force_new=(Interval(MINIMUM_PROVIDER, _V1239),),
        doc="Resource group. Changing it replaces the snapshot before provider 1.239.0; updated in place "
        "(JoinResourceGroup) since 1.239.0.",
        default_doc="the account's default resource group",
    ),
    AttributeSpec(
        "retention_days",
        Kind.NUMBER,
        force_new=(Interval(MINIMUM_PROVIDER, _V1231),),
        doc="Days before the snapshot is released automatically, 1-65536. The API can only extend it. "
        "Changing it replaces the snapshot before provider 1.231.0; updated in place since 1.231.0.",
        default_doc="kept until deleted",
    ),
    AttributeSpec(
        "snapshot_name",
        Kind.STRING,
        computed=True,
        doc="Name, 2-128 characters: starts with a letter; letters, digits, ':', '_', '.', '-'; not "
        "starting with http://, https:// or auto. Conflicts with name. Updated in place.",
        default_doc="no name",
    ),
    AttributeSpec(
        "name",
        Kind.STRING,
        computed=True,
        deprecated_since=MINIMUM_PROVIDER,
        replaced_by="snapshot_name",
        doc="Deprecated since provider 1.120.0: use snapshot_name. Conflicts with snapshot_name.",
        default_doc="no name",
    ),
    AttributeSpec(
        "tags",
        Kind.STRING_MAP,
        doc="Up to 20 tags; keys 1-128 characters not starting with 'aliyun' or 'acs:'; values up to 128 "
        "characters; neither may contain http:// or https://. Updated in place.",
        default_doc="no tags",
    ),
    AttributeSpec(
        "timeouts",
        Kind.BLOCK,
        read_back=False,
        doc="Operation timeouts (create, update, delete), e.g. '10m'. 'update' needs provider 1.231.0.",
        default_doc="the provider's: 2m before 1.239.0, 5m since",
    ),
    AttributeSpec("id", Kind.STRING, optional=False, computed=True, doc="The snapshot id (s-...)."),
    AttributeSpec(
        "status",
        Kind.STRING,
        optional=False,
        computed=True,
        doc="progressing, accomplished or failed.",
    ),
    AttributeSpec(
        "create_time",
        Kind.STRING,
        optional=False,
        computed=True,
        since=_V1239,
        doc="Creation time (ISO 8601, UTC). Since provider 1.239.0.",
    ),
    AttributeSpec(
        "region_id",
        Kind.STRING,
        optional=False,
        computed=True,
        since=_V1239,
        doc="Region of the snapshot. Since provider 1.239.0.",
    ),
)

_BY_NAME = {a.name: a for a in ATTRIBUTES}
COMPUTED = tuple(a.name for a in ATTRIBUTES if a.computed)
TIMEOUT_KEYS: dict[str, Version] = {"create": MINIMUM_PROVIDER, "update": _V1231, "delete": MINIMUM_PROVIDER}


def attribute(name: str) -> AttributeSpec:
    """Return the row for ``name``; raise ``KeyError`` for an unknown attribute."""
    return _BY_NAME[name]
