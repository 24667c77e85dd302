"""The public surface of ``cdktf_ecs_snapshot`` is pinned: adding or removing a name is a visible decision."""

from __future__ import annotations

import cdktf_ecs_snapshot

PINNED = [
    "ATTRIBUTES",
    "RESOURCE_TYPE",
    "AlicloudProvider",
    "AttributeSpec",
    "Category",
    "Constraint",
    "CoreNotInstalledError",
    "DiskLookup",
    "EcsApiError",
    "EcsDisk",
    "EcsDiskAttachment",
    "EcsSnapshot",
    "Finding",
    "ForceNewAnswer",
    "ImportIdError",
    "InputError",
    "LatestSnapshotLookup",
    "LegacySnapshot",
    "Replacement",
    "ReplacementError",
    "Severity",
    "SnapshotDeprecationWarning",
    "SnapshotLibError",
    "SnapshotPreflight",
    "UnsupportedProviderVersionError",
    "Validated",
    "ValidationError",
    "Version",
    "cdk",
    "check_import_id",
    "force_new_attributes",
    "is_unresolved",
    "parse_constraint",
    "replacements",
    "require_import_id",
    "require_valid",
    "validate_snapshot",
]


def test_exports_all_equals_pinned_list() -> None:
    assert sorted(cdktf_ecs_snapshot.__all__) == sorted(PINNED)


def test_exports_all_has_no_duplicates() -> None:
    assert len(set(cdktf_ecs_snapshot.__all__)) == len(cdktf_ecs_snapshot.__all__)


def test_exports_all_is_sorted_constants_classes_functions() -> None:
    # ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then lowercase; each group alphabetical.
    def group(name: str) -> int:
        return 0 if name.isupper() else 1 if name[0].isupper() else 2

    assert cdktf_ecs_snapshot.__all__ == sorted(PINNED, key=lambda n: (group(n), n))


def test_exports_eager_names_resolve_without_the_cdk_core() -> None:
    lazy = set(cdktf_ecs_snapshot._LAZY)
    for name in PINNED:
        if name not in lazy:
            assert getattr(cdktf_ecs_snapshot, name) is not None, name


def test_exports_unknown_name_raises_attribute_error() -> None:
    try:
        cdktf_ecs_snapshot.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("expected AttributeError")


def test_readme_rule_table_matches_the_catalog() -> None:
    """Every rule id a finding can carry has its row (and doc anchor) in the README."""
    from pathlib import Path

    from cdktf_ecs_snapshot.rule_catalog import markdown_table

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme
