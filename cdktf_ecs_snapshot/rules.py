"""The rules for ``alicloud_ecs_snapshot``, as rows with stable ids.

Value rules pair one or more attributes with a check from ``checks.py``; cross-field rules are small
functions. Every rule has an id (``ecs_snapshot_*``), a severity and a one-line summary that the README's
rule table and the linter's SARIF output are generated from. Sources: the provider (category), the ECS
API reference (names, descriptions, retention, tags) — see ``provider/facts/alicloud_ecs_snapshot.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .checks import Check, Violation, int_range, length, matches, no_prefix, one_of
from .findings import Severity
from .schema import Category
from .tokens import is_unresolved
from .versions import Constraint, Version

__all__ = ["CROSS_RULES", "RULE_SUMMARIES", "VALUE_RULES", "CrossRule", "Issue", "ValueRule"]

_NAME_FIX = "names start with a letter and use letters, digits, ':', '_', '.', '-'"


@dataclass(frozen=True)
class ValueRule:
    """A check applied to each listed attribute's resolved value."""

    id: str
    attributes: tuple[str, ...]
    check: Check
    severity: Severity = Severity.ERROR
    summary: str = ""


@dataclass(frozen=True)
class Issue:
    """A cross-field rule's report: which attribute, which value, and the violation."""

    attribute: str
    value: object
    violation: Violation


CrossCheck = Callable[[Mapping[str, object], Constraint | None], list[Issue]]


@dataclass(frozen=True)
class CrossRule:
    """A rule that needs several attributes (or the provider version) at once."""

    id: str
    severity: Severity
    summary: str
    run: CrossCheck


_NAMES = ("snapshot_name", "name")
_V1231 = Version(1, 231, 0)

VALUE_RULES: tuple[ValueRule, ...] = (
    ValueRule(
        "ecs_snapshot_invalid_category",
        ("category",),
        one_of([c.value for c in Category], hint="use Category.STANDARD or Category.FLASH"),
        summary="category is exactly 'standard' or 'flash' (case-sensitive, like the provider)",
    ),
    ValueRule(
        "ecs_snapshot_name_length",
        _NAMES,
        length(2, 128),
        summary="snapshot_name/name has 2-128 characters",
    ),
    ValueRule(
        "ecs_snapshot_name_first_character",
        _NAMES,
        matches(
            r"[A-Za-z][\s\S]*",
            problem="must start with a letter",
            expected="a first character A-Z or a-z",
            hint="prefix the name with a letter, e.g. 'snap-'",
        ),
        summary="snapshot_name/name starts with a letter",
    ),
    ValueRule(
        "ecs_snapshot_name_characters",
        _NAMES,
        matches(
            r"[A-Za-z0-9:_.\-]*",
            problem="contains characters the API refuses",
            expected="letters, digits, ':', '_', '.', '-'",
            hint=_NAME_FIX + "; replace spaces with '-'",
        ),
        summary="snapshot_name/name uses only letters, digits, ':', '_', '.', '-'",
    ),
    ValueRule(
        "ecs_snapshot_name_prefix",
        _NAMES,
        no_prefix(
            ["http://", "https://", "auto"],
            hint="'auto' is reserved for automatic snapshots; choose another prefix",
        ),
        summary="snapshot_name/name does not start with http://, https:// or auto",
    ),
    ValueRule(
        "ecs_snapshot_description_length",
        ("description",),
        length(2, 256),
        summary="description has 2-256 characters",
    ),
    ValueRule(
        "ecs_snapshot_description_prefix",
        ("description",),
        no_prefix(["http://", "https://"], hint="put the link later in the text"),
        summary="description does not start with http:// or https://",
    ),
    ValueRule(
        "ecs_snapshot_retention_days_range",
        ("retention_days",),
        int_range(1, 65536, unit="days"),
        summary="retention_days is a whole number from 1 to 65536",
    ),
    ValueRule(
        "ecs_snapshot_instant_access_retention_days_range",
        ("instant_access_retention_days",),
        int_range(1, 65535, unit="days"),
        summary="instant_access_retention_days is a whole number from 1 to 65535",
    ),
    ValueRule(
        "ecs_snapshot_disk_id_empty",
        ("disk_id",),
        matches(
            r"\S+",
            problem="is empty",
            expected="a disk id such as 'd-bp1...'",
            hint="pass the id of an existing disk or a reference such as disk.id",
        ),
        summary="disk_id is set and not empty",
    ),
)


def _flash(values: Mapping[str, object], _: Constraint | None) -> list[Issue]:
    if values.get("category") != Category.FLASH.value:
        return []
    return [
        Issue(
            "category",
            "flash",
            Violation(
                "local (flash) snapshots are retired for accounts that did not use them before 2020-12-14",
                "'standard'",
                "use 'standard' unless this account still has local snapshots enabled",
            ),
        )
    ]


def _conflict(values: Mapping[str, object], _: Constraint | None) -> list[Issue]:
    if values.get("name") is None or values.get("snapshot_name") is None:
        return []
    return [
        Issue(
            "name",
            values["name"],
            Violation(
                "conflicts with snapshot_name (the provider refuses both)",
                "only snapshot_name",
                "remove name; it is deprecated since provider 1.120.0",
            ),
        )
    ]


def _name_deprecated(values: Mapping[str, object], _: Constraint | None) -> list[Issue]:
    if values.get("name") is None or values.get("snapshot_name") is not None:
        return []
    return [
        Issue(
            "name",
            values["name"],
            Violation("deprecated since provider 1.120.0", "snapshot_name", "rename the argument to snapshot_name"),
        )
    ]


def _instant_access_no_effect(values: Mapping[str, object], constraint: Constraint | None) -> list[Issue]:
    old_only = constraint is not None and all(i.high <= _V1231 for i in constraint.intervals)
    problem = (
        "without effect: the ECS API no longer honours instant access (providers before 1.231.0 still send it)"
        if old_only
        else "deprecated and without effect since provider 1.231.0 (not sent to the API)"
    )
    return [
        Issue(
            attr,
            values[attr],
            Violation(
                problem,
                "the argument removed",
                "remove it; the ECS API no longer honours instant access",
            ),
        )
        for attr in ("instant_access", "instant_access_retention_days")
        if values.get(attr) is not None
    ]


def _instant_access_required(values: Mapping[str, object], _: Constraint | None) -> list[Issue]:
    days, enabled = values.get("instant_access_retention_days"), values.get("instant_access")
    if days is None or enabled is True or is_unresolved(enabled):
        return []
    return [
        Issue(
            "instant_access_retention_days",
            days,
            Violation(
                "only allowed with instant_access=True",
                "instant_access=True",
                "set instant_access=True or remove it",
            ),
        )
    ]


def _tags(values: Mapping[str, object], _: Constraint | None) -> list[Issue]:
    tags = values.get("tags")
    if tags is None or not isinstance(tags, Mapping) or is_unresolved(tags):
        return []
    issues: list[Issue] = []
    if len(tags) > 20:
        issues.append(
            Issue(
                "tags",
                f"{len(tags)} tags",
                Violation("too many tags", "at most 20", "drop or merge tags; the API accepts Tag.1 to Tag.20"),
            )
        )
    for key, value in tags.items():
        # '"{" in ...' first: every token marker contains "{", so this only skips is_unresolved calls.
        if not isinstance(key, str) or ("{" in key and is_unresolved(key)):
            continue
        if (
            0 < len(key) <= 128
            and "://" not in key
            and not key[:6].lower().startswith(("aliyun", "acs:"))
            and (not isinstance(value, str) or (len(value) <= 128 and "://" not in value))
        ):
            continue  # the common case: nothing below can fire
        where = f"tags[{key!r}]"
        if not 1 <= len(key) <= 128:
            issues.append(
                Issue(
                    where,
                    key,
                    Violation(f"tag key length {len(key)} is out of range", "1 to 128 characters", "shorten the key"),
                )
            )
        if key.lower().startswith(("aliyun", "acs:")):
            issues.append(
                Issue(
                    where,
                    key,
                    Violation(
                        "tag key uses a reserved prefix",
                        "a key not starting with 'aliyun' or 'acs:'",
                        "these prefixes are reserved for Alibaba Cloud; rename the key",
                    ),
                )
            )
        for needle in ("http://", "https://") if "://" in key else ():
            if needle in key:
                issues.append(
                    Issue(
                        where,
                        key,
                        Violation(
                            f"tag key contains {needle!r}",
                            "no 'http://' or 'https://'",
                            "remove the URL scheme",
                        ),
                    )
                )
        if isinstance(value, str) and not ("{" in value and is_unresolved(value)):
            if len(value) > 128:
                issues.append(
                    Issue(
                        where,
                        value,
                        Violation(
                            f"tag value length {len(value)} is out of range",
                            "0 to 128 characters",
                            "shorten the value",
                        ),
                    )
                )
            for needle in ("http://", "https://") if "://" in value else ():
                if needle in value:
                    issues.append(
                        Issue(
                            where,
                            value,
                            Violation(
                                f"tag value contains {needle!r}",
                                "no 'http://' or 'https://'",
                                "remove the URL scheme",
                            ),
                        )
                    )
    return issues




def _timeouts_update_version(values: Mapping[str, object], constraint: Constraint | None) -> list[Issue]:
    timeouts = values.get("timeouts")
    if constraint is None or not isinstance(timeouts, Mapping) or timeouts.get("update") is None:
        return []
    if all(i.high <= _V1231 for i in constraint.intervals):
        return [
            Issue(
                "timeouts.update",
                timeouts["update"],
                Violation(
                    f"not supported by the provider versions {constraint.text!r} admits",
                    "provider >= 1.231.0",
                    "raise the provider version constraint to >= 1.231.0 or remove timeouts.update",
                ),
            )
        ]
    return []


CROSS_RULES: tuple[CrossRule, ...] = (
    CrossRule(
        "ecs_snapshot_flash_category",
        Severity.WARNING,
        "category 'flash' (local snapshots) is retired for most accounts",
        _flash,
    ),
    CrossRule(
        "ecs_snapshot_name_conflict",
        Severity.ERROR,
        "name and snapshot_name are not both set (ConflictsWith)",
        _conflict,
    ),
    CrossRule(
        "ecs_snapshot_name_deprecated",
        Severity.WARNING,
        "name is deprecated since provider 1.120.0; use snapshot_name",
        _name_deprecated,
    ),
    CrossRule(
        "ecs_snapshot_instant_access_no_effect",
        Severity.WARNING,
        "instant_access and instant_access_retention_days have no effect since provider 1.231.0",
        _instant_access_no_effect,
    ),
    CrossRule(
        "ecs_snapshot_instant_access_retention_requires_instant_access",
        Severity.ERROR,
        "instant_access_retention_days only with instant_access=True",
        _instant_access_required,
    ),
    CrossRule(
        "ecs_snapshot_tags",
        Severity.ERROR,
        "at most 20 tags; keys 1-128 characters, not 'aliyun'/'acs:'; values <= 128; no http(s)://",
        _tags,
    ),
    CrossRule(
        "ecs_snapshot_timeouts_update_version",
        Severity.ERROR,
        "timeouts.update needs provider >= 1.231.0",
        _timeouts_update_version,
    ),
)

RULE_SUMMARIES: dict[str, tuple[Severity, str]] = {
    **{r.id: (r.severity, r.summary) for r in VALUE_RULES},
    **{r.id: (r.severity, r.summary) for r in CROSS_RULES},
    "ecs_snapshot_disk_id_required": (Severity.ERROR, "disk_id is required"),
    "ecs_snapshot_type_string": (Severity.ERROR, "string attributes get strings"),
    "ecs_snapshot_type_bool": (Severity.ERROR, "force/instant_access get booleans"),
    "ecs_snapshot_type_number": (Severity.ERROR, 'day counts are whole numbers ("20" is converted to 20)'),
    "ecs_snapshot_type_tags": (Severity.ERROR, "tags map strings to strings"),
    "ecs_snapshot_type_timeouts": (Severity.ERROR, "timeouts is a mapping"),
    "ecs_snapshot_timeouts_key": (Severity.ERROR, "timeouts keys are create, update, delete"),
    "ecs_snapshot_timeout_duration": (Severity.ERROR, "timeouts are durations such as '10m'"),
    "ecs_snapshot_unknown_argument": (Severity.ERROR, "only arguments of the resource schema"),
}
