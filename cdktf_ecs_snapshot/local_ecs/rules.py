"""The ECS API's own parameter rules, enforced as the cloud does so that rehearsals fail the same way.

The Terraform provider checks none of these: a bad name or a shortened retention passes ``plan`` and fails at
``apply`` with these codes, which is exactly what a rehearsal against this endpoint must show.
"""

from __future__ import annotations

import re

from .apierror import ApiError

__all__ = [
    "check_category",
    "check_create_description",
    "check_disk_name",
    "check_modify_description",
    "check_resource_group",
    "check_retention_days",
    "check_snapshot_name",
    "check_tags",
]

_NAME_TAIL = re.compile(r"^[\w:.\-]*$")
_URL_PREFIXES = ("http://", "https://")
_MAX_TAGS = 20


def check_snapshot_name(name: str) -> None:
    """2–128 chars, starts with a letter, letters/digits/``:_.-`` only, no ``http(s)://``/``auto`` prefix."""
    ok = (
        2 <= len(name) <= 128
        and name[0].isalpha()
        and _NAME_TAIL.match(name) is not None
        and not name.startswith(("auto", *_URL_PREFIXES))
    )
    if not ok:
        raise ApiError(400, "InvalidSnapshotName.Malformed", "Specified snapshot name is not valid.")


def check_disk_name(name: str) -> None:
    """Disk names follow the same pattern as snapshot names (without the ``auto`` reservation)."""
    ok = 2 <= len(name) <= 128 and name[0].isalpha() and _NAME_TAIL.match(name) is not None
    if not ok:
        raise ApiError(400, "InvalidDiskName.Malformed", "Specified disk name is not valid.")


def check_create_description(text: str) -> None:
    """On create: 2–256 characters, not starting with ``http://`` or ``https://``."""
    if not 2 <= len(text) <= 256 or text.startswith(_URL_PREFIXES):
        raise ApiError(404, "InvalidDescription.Malformed", "Specified description is not valid.")


def check_modify_description(text: str) -> None:
    """On modify: empty, or up to 256 characters not starting with ``http://`` or ``https://``."""
    if len(text) > 256 or text.startswith(_URL_PREFIXES):
        raise ApiError(404, "InvalidDescription.Malformed", "Specified description is not valid.")


def check_retention_days(raw: str) -> int:
    """1–65536 days, an integer; returns the value."""
    try:
        days = int(raw)
    except ValueError:
        days = 0
    if not 1 <= days <= 65536:
        raise ApiError(
            400, "InvalidRetentionDays.Malformed", "The specified parameter RetentionDays is not valid."
        )
    return days


def check_category(raw: str) -> str:
    """``Standard`` or ``Flash`` in any case (the provider sends lower case); returns the lower-case value."""
    if raw.lower() not in ("standard", "flash"):
        raise ApiError(400, "InvalidCategory.Malformed", "The specified parameter Category is not valid.")
    return raw.lower()


def check_resource_group(group_id: str) -> None:
    """Resource groups are not modelled; anything that does not look like ``rg-…`` does not exist."""
    if not re.fullmatch(r"rg-[a-z0-9]+", group_id):
        raise ApiError(
            404, "InvalidResourceGroup.NotFound", "The ResourceGroup provided does not exist in our records."
        )


def check_tags(tags: list[tuple[str, str | None]]) -> dict[str, str]:
    """Up to 20 tags; keys 1–128 chars, no ``acs:``/``aliyun`` prefix, no URL; values ≤128 chars, no URL."""
    if len(tags) > _MAX_TAGS:
        raise ApiError(400, "InvalidTagCount", "The specified tags are beyond the permitted range.")
    result: dict[str, str] = {}
    for key, value in tags:
        if (
            not key
            or len(key) > 128
            or key.startswith(("acs:", "aliyun"))
            or any(p in key for p in _URL_PREFIXES)
        ):
            raise ApiError(400, "InvalidTagKey.Malformed", "The specified Tag.n.Key is not valid.")
        text = value or ""
        if len(text) > 128 or any(p in text for p in _URL_PREFIXES):
            raise ApiError(400, "InvalidTagValue.Malformed", "The specified Tag.n.Value is not valid.")
        if key in result:
            raise ApiError(400, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key.")
        result[key] = text
    return result
