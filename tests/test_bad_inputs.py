"""Bad inputs: each raises only the library's own error, naming attribute, rule and construct path.

Every row runs in three flows a user has: build then ``Testing.synth``, build then ``Testing.full_synth``,
build then ``app.synth()`` (and then no ``cdk.tf.json`` exists for the stack). Errors come from the
constructor, a setter, ``import_from`` or the provider, never from Node (``RuntimeError``/``JSIIError``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cdktf_ecs_snapshot import (
    AlicloudProvider,
    EcsSnapshot,
    ImportIdError,
    LegacySnapshot,
    SnapshotLibError,
    ValidationError,
    validate_snapshot,
)
from cdktf_ecs_snapshot.rules import RULE_SUMMARIES

Build = Callable[[Any], object]
SECRET = "Sup3rS3cretValue"


def snap(**kwargs: Any) -> Build:
    kwargs.setdefault("disk_id", "d-1")
    return lambda stack: EcsSnapshot(stack, "snap", **kwargs)


def with_provider(version: str, **kwargs: Any) -> Build:
    def build(stack: Any) -> object:
        AlicloudProvider(stack, "alicloud", version=version)
        return snap(**kwargs)(stack)

    return build


def setter(attr: str, value: object) -> Build:
    def build(stack: Any) -> object:
        s = EcsSnapshot(stack, "snap", disk_id="d-1", retention_days=5)
        setattr(s, attr, value)
        return s

    return build


def importing(snapshot_id: str) -> Build:
    def build(stack: Any) -> object:
        EcsSnapshot(stack, "snap", disk_id="d-1").import_from(snapshot_id)
        return None

    return build


def provider(**kwargs: Any) -> Build:
    return lambda stack: AlicloudProvider(stack, "alicloud", **kwargs)


def read_then_provider(attr: str, version: str) -> Build:
    def build(stack: Any) -> object:
        s = EcsSnapshot(stack, "snap", disk_id="d-1")
        getattr(s, attr)
        return AlicloudProvider(stack, "alicloud", version=version)

    return build


def provider_then_read(version: str, attr: str) -> Build:
    def build(stack: Any) -> object:
        AlicloudProvider(stack, "alicloud", version=version)
        return getattr(EcsSnapshot(stack, "snap", disk_id="d-1"), attr)

    return build


def timeouts_then_provider(version: str) -> Build:
    def build(stack: Any) -> object:
        EcsSnapshot(stack, "snap", disk_id="d-1", timeouts={"update": "5m"})
        return AlicloudProvider(stack, "alicloud", version=version)

    return build


def put_update_timeout(version: str) -> Build:
    def build(stack: Any) -> object:
        AlicloudProvider(stack, "alicloud", version=version)
        EcsSnapshot(stack, "snap", disk_id="d-1").put_timeouts(update="5m")
        return None

    return build


def legacy(**kwargs: Any) -> Build:
    return lambda stack: LegacySnapshot(stack, "snap", disk_id="d-1", **kwargs)


TAGS_21 = {f"k{i:02d}": "v" for i in range(21)}

# (build, attribute, rule id, key part of the message, error type, construct path)
P = pytest.param
BAD = [
    # category
    P(
        snap(category="Flash"),
        "category",
        "ecs_snapshot_invalid_category",
        "values are case-sensitive, use 'flash'",
        id="category-Flash",
    ),
    P(
        snap(category="Standard"),
        "category",
        "ecs_snapshot_invalid_category",
        "got 'Standard'; expected one of 'flash', 'standard'",
        id="category-Standard",
    ),
    P(
        snap(category="archive"),
        "category",
        "ecs_snapshot_invalid_category",
        "category: not an allowed value",
        id="category-archive",
    ),
    # names
    P(
        snap(snapshot_name="a"),
        "snapshot_name",
        "ecs_snapshot_name_length",
        "length 1 is out of range",
        id="snapshot_name-len-1",
    ),
    P(
        snap(snapshot_name="a" * 129),
        "snapshot_name",
        "ecs_snapshot_name_length",
        "length 129 is out of range; got",
        id="snapshot_name-len-129",
    ),
    P(snap(name="a" * 129), "name", "ecs_snapshot_name_length", "expected 2 to 128 characters", id="name-len-129"),
    P(
        snap(snapshot_name="1nightly"),
        "snapshot_name",
        "ecs_snapshot_name_first_character",
        "must start with a letter",
        id="snapshot_name-digit-first",
    ),
    P(
        snap(snapshot_name="my snap"),
        "snapshot_name",
        "ecs_snapshot_name_characters",
        "replace spaces with '-'",
        id="snapshot_name-space",
    ),
    P(
        snap(snapshot_name="snap/1"),
        "snapshot_name",
        "ecs_snapshot_name_characters",
        "contains characters the API refuses",
        id="snapshot_name-slash",
    ),
    P(
        snap(snapshot_name="auto-nightly"),
        "snapshot_name",
        "ecs_snapshot_name_prefix",
        "must not start with 'auto'",
        id="snapshot_name-auto",
    ),
    P(
        snap(snapshot_name="https://x"),
        "snapshot_name",
        "ecs_snapshot_name_prefix",
        "must not start with 'https://'",
        id="snapshot_name-https",
    ),
    P(
        snap(name="ab", snapshot_name="cd"),
        "name",
        "ecs_snapshot_name_conflict",
        "conflicts with snapshot_name",
        id="name-and-snapshot_name",
    ),
    # description
    P(
        snap(description="x"),
        "description",
        "ecs_snapshot_description_length",
        "expected 2 to 256 characters",
        id="description-len-1",
    ),
    P(
        snap(description="x" * 257),
        "description",
        "ecs_snapshot_description_length",
        "shorten it to 256 characters",
        id="description-len-257",
    ),
    P(
        snap(description="https://wiki/x"),
        "description",
        "ecs_snapshot_description_prefix",
        "must not start with 'https://'",
        id="description-https",
    ),
    # retention
    P(
        snap(retention_days=0),
        "retention_days",
        "ecs_snapshot_retention_days_range",
        "got 0; expected a whole number from 1 to 65536 days",
        id="retention_days-0",
    ),
    P(
        snap(retention_days=65537),
        "retention_days",
        "ecs_snapshot_retention_days_range",
        "out of range; got 65537",
        id="retention_days-65537",
    ),
    P(
        snap(retention_days="0"),
        "retention_days",
        "ecs_snapshot_retention_days_range",
        "out of range; got 0",
        id="retention_days-str-0",
    ),
    P(
        snap(retention_days="twenty"),
        "retention_days",
        "ecs_snapshot_type_number",
        "not a whole number; got 'twenty'",
        id="retention_days-twenty",
    ),
    P(
        snap(retention_days=True),
        "retention_days",
        "ecs_snapshot_type_number",
        "not a whole number (a bool); got True",
        id="retention_days-bool",
    ),
    P(
        snap(retention_days=20.5),
        "retention_days",
        "ecs_snapshot_type_number",
        "not a whole number; got 20.5",
        id="retention_days-fraction",
    ),
    P(
        snap(instant_access=True, instant_access_retention_days=0),
        "instant_access_retention_days",
        "ecs_snapshot_instant_access_retention_days_range",
        "from 1 to 65535 days",
        id="ia-days-0",
    ),
    P(
        snap(instant_access=True, instant_access_retention_days=65536),
        "instant_access_retention_days",
        "ecs_snapshot_instant_access_retention_days_range",
        "got 65536",
        id="ia-days-65536",
    ),
    P(
        snap(instant_access_retention_days=5),
        "instant_access_retention_days",
        "ecs_snapshot_instant_access_retention_requires_instant_access",
        "only allowed with instant_access=True",
        id="ia-days-without-ia",
    ),
    P(
        snap(instant_access=False, instant_access_retention_days=5),
        "instant_access_retention_days",
        "ecs_snapshot_instant_access_retention_requires_instant_access",
        "set instant_access=True or remove it",
        id="ia-days-ia-false",
    ),
    # disk id and types
    P(snap(disk_id=""), "disk_id", "ecs_snapshot_disk_id_empty", "disk_id: is empty", id="disk_id-empty"),
    P(snap(disk_id="  "), "disk_id", "ecs_snapshot_disk_id_empty", "is empty; got '  '", id="disk_id-blank"),
    P(snap(disk_id=None), "disk_id", "ecs_snapshot_disk_id_required", "disk_id: is required", id="disk_id-none"),
    P(snap(disk_id=123), "disk_id", "ecs_snapshot_type_string", "not a string (int); got 123", id="disk_id-int"),
    P(snap(description=5), "description", "ecs_snapshot_type_string", "not a string (int)", id="description-int"),
    P(
        snap(resource_group_id=True),
        "resource_group_id",
        "ecs_snapshot_type_string",
        "not a string (bool)",
        id="rg-bool",
    ),
    P(snap(force="yes"), "force", "ecs_snapshot_type_bool", "force: not a boolean; got 'yes'", id="force-yes"),
    P(
        snap(instant_access=1),
        "instant_access",
        "ecs_snapshot_type_bool",
        "not a boolean; got 1",
        id="instant_access-int",
    ),
    # tags
    P(snap(tags={1: "a"}), "tags", "ecs_snapshot_type_tags", "tag 1 has a non-string key", id="tags-int-key"),
    P(
        snap(tags={"tier": 1}),
        "tags",
        "ecs_snapshot_type_tags",
        "tag 'tier' has a non-string value",
        id="tags-int-value",
    ),
    P(snap(tags={"on": True}), "tags", "ecs_snapshot_type_tags", "quote numbers and booleans", id="tags-bool-value"),
    P(snap(tags=["a"]), "tags", "ecs_snapshot_type_tags", "not a mapping (list)", id="tags-list"),
    P(
        snap(tags=TAGS_21),
        "tags",
        "ecs_snapshot_tags",
        "too many tags; got '21 tags'; expected at most 20",
        id="tags-21",
    ),
    P(
        snap(tags={"aliyun:x": "1"}),
        "tags['aliyun:x']",
        "ecs_snapshot_tags",
        "tag key uses a reserved prefix",
        id="tags-aliyun",
    ),
    P(
        snap(tags={"acs:team": "1"}),
        "tags['acs:team']",
        "ecs_snapshot_tags",
        "reserved for Alibaba Cloud",
        id="tags-acs",
    ),
    P(snap(tags={"ALIYUN_x": "1"}), "tags['ALIYUN_x']", "ecs_snapshot_tags", "reserved prefix", id="tags-ALIYUN-upper"),
    P(
        snap(tags={"k" * 129: "v"}),
        f"tags[{'k' * 129!r}]",
        "ecs_snapshot_tags",
        "tag key length 129 is out of range",
        id="tags-key-129",
    ),
    P(snap(tags={"": "v"}), "tags['']", "ecs_snapshot_tags", "tag key length 0 is out of range", id="tags-key-empty"),
    P(
        snap(tags={"k": "v" * 129}),
        "tags['k']",
        "ecs_snapshot_tags",
        "tag value length 129 is out of range",
        id="tags-value-129",
    ),
    P(
        snap(tags={"doc": "see https://x"}),
        "tags['doc']",
        "ecs_snapshot_tags",
        "tag value contains 'https://'",
        id="tags-value-url",
    ),
    P(
        snap(tags={"http://k": "v"}),
        "tags['http://k']",
        "ecs_snapshot_tags",
        "tag key contains 'http://'",
        id="tags-key-url",
    ),
    # timeouts
    P(
        snap(timeouts={"read": "5m"}),
        "timeouts",
        "ecs_snapshot_timeouts_key",
        "unknown timeout 'read'",
        id="timeouts-read",
    ),
    P(
        snap(timeouts={"create": "ten minutes"}),
        "timeouts",
        "ecs_snapshot_timeout_duration",
        "timeout 'create' is not a duration",
        id="timeouts-words",
    ),
    P(
        snap(timeouts={"delete": 10}),
        "timeouts",
        "ecs_snapshot_timeout_duration",
        "a Go duration such as '10m'",
        id="timeouts-int",
    ),
    P(snap(timeouts="10m"), "timeouts", "ecs_snapshot_type_timeouts", "timeouts: not a mapping", id="timeouts-string"),
    P(
        with_provider("~> 1.230.0", timeouts={"update": "5m"}),
        "timeouts.update",
        "ecs_snapshot_timeouts_update_version",
        "not supported by the provider versions '~> 1.230.0' admits",
        id="timeouts-update-old-provider",
    ),
    P(
        put_update_timeout("~> 1.230.0"),
        "timeouts.update",
        "ecs_snapshot_timeouts_update_version",
        "raise the provider version constraint to >= 1.231.0",
        id="put-timeouts-update-old-provider",
    ),
    P(
        timeouts_then_provider("<= 1.230.0"),
        "version",
        "alicloud_provider_version",
        "provider >= 1.231.0",
        id="provider-after-timeouts-update",
    ),
    # strict: warnings become errors
    P(
        snap(category="flash", strict=True),
        "category",
        "ecs_snapshot_flash_category",
        "local (flash) snapshots are retired",
        id="strict-flash",
    ),
    P(
        snap(name="legacy-name", strict=True),
        "name",
        "ecs_snapshot_name_deprecated",
        "deprecated since provider 1.120.0",
        id="strict-name",
    ),
    P(
        snap(instant_access=True, strict=True),
        "instant_access",
        "ecs_snapshot_instant_access_no_effect",
        "without effect since provider 1.231.0",
        id="strict-instant-access",
    ),
    # setters
    P(
        setter("retention_days", 0),
        "retention_days",
        "ecs_snapshot_retention_days_range",
        "got 0",
        id="setter-retention-0",
    ),
    P(setter("category", "FLASH"), "category", "ecs_snapshot_invalid_category", "use 'flash'", id="setter-category"),
    P(setter("tags", {"a": 1}), "tags", "ecs_snapshot_type_tags", "non-string value", id="setter-tags"),
    P(setter("snapshot_name", "x"), "snapshot_name", "ecs_snapshot_name_length", "length 1", id="setter-name"),
    P(setter("disk_id", ""), "disk_id", "ecs_snapshot_disk_id_empty", "is empty", id="setter-disk-empty"),
    # legacy type
    P(
        legacy(retention_days=-1),
        "retention_days",
        "ecs_snapshot_retention_days_range",
        "alicloud_snapshot.snap.retention_days",
        id="legacy-retention",
    ),
    # import ids
    P(importing("d-123"), "import_id", "ecs_snapshot_import_id", "that is a disk id", id="import-disk-id"),
    P(
        importing("S-ABC"),
        "import_id",
        "ecs_snapshot_import_id",
        "use 's-abc' (lowercase, no spaces)",
        id="import-upper",
    ),
    P(importing(""), "import_id", "ecs_snapshot_import_id", "not an ECS snapshot id; got ''", id="import-empty"),
    P(
        importing("s-abc_1"),
        "import_id",
        "ecs_snapshot_import_id",
        "expected 's-' followed by lowercase letters and digits",
        id="import-underscore",
    ),
    # provider
    P(
        provider(secret_key=SECRET),
        "secret_key",
        "alicloud_provider_secret_key",
        "export ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY",
        id="provider-secret-key",
    ),
    P(
        provider(access_key=SECRET),
        "access_key",
        "alicloud_provider_access_key",
        "plain text to cdk.tf.json",
        id="provider-access-key",
    ),
    P(
        provider(security_token=SECRET),
        "security_token",
        "alicloud_provider_security_token",
        "profile=",
        id="provider-security-token",
    ),
    P(
        provider(version="banana"),
        "version",
        "alicloud_provider_version",
        "Terraform's constraint syntax",
        id="provider-version-word",
    ),
    P(
        provider(version="< 1.100.0"),
        "version",
        "alicloud_provider_version",
        "admits no release with alicloud_ecs_snapshot",
        id="provider-version-too-old",
    ),
    P(
        provider(assume_role={"session_name": "x"}),
        "assume_role",
        "alicloud_provider_assume_role",
        "role_arn is required",
        id="provider-assume-role",
    ),
    P(
        provider_then_read("~> 1.230.0", "create_time"),
        "create_time",
        "ecs_snapshot_attribute_version",
        "is only available from provider 1.239.0",
        id="create_time-old-provider",
    ),
    P(
        provider_then_read("< 1.239.0", "region_id"),
        "region_id",
        "ecs_snapshot_attribute_version",
        "raise the provider version constraint to >= 1.239.0",
        id="region_id-old-provider",
    ),
    P(
        read_then_provider("create_time", "~> 1.238.0"),
        "version",
        "alicloud_provider_version",
        "excludes every release snapshot 'test/snap' needs",
        id="provider-after-create_time",
    ),
]

_PROVIDER_PATH = "test/alicloud"


def _capture(flow: Callable[[], object]) -> BaseException:
    try:
        flow()
    except BaseException as exc:  # the test is about which type comes out
        return exc
    raise AssertionError("no error was raised")


def _check(exc: BaseException, attribute: str, rule_id: str, part: str) -> None:
    assert isinstance(exc, SnapshotLibError), f"{type(exc).__name__}: {exc}"
    assert type(exc) in (ValidationError, ImportIdError), type(exc)
    assert isinstance(exc, ValidationError)
    matching = [f for f in exc.findings if f.rule_id == rule_id]
    assert matching, [f.rule_id for f in exc.findings]
    assert attribute in {f.attribute for f in matching}
    text = str(exc)
    assert part in text
    assert " in test/" in text.splitlines()[0]
    assert exc.where in ("test/snap", _PROVIDER_PATH)
    assert SECRET not in text
    assert SECRET not in repr([f.to_dict() for f in exc.findings])


@pytest.mark.parametrize(("build", "attribute", "rule_id", "part"), BAD)
def test_bad_inputs_testing_synth_raises_library_error(
    cdk: Any, stack: Any, build: Build, attribute: str, rule_id: str, part: str
) -> None:
    exc = _capture(lambda: (build(stack), cdk.Testing.synth(stack)))
    _check(exc, attribute, rule_id, part)


@pytest.mark.parametrize(("build", "attribute", "rule_id", "part"), BAD)
def test_bad_inputs_full_synth_raises_library_error(
    cdk: Any, stack: Any, build: Build, attribute: str, rule_id: str, part: str
) -> None:
    exc = _capture(lambda: (build(stack), cdk.Testing.full_synth(stack)))
    _check(exc, attribute, rule_id, part)


@pytest.mark.parametrize(("build", "attribute", "rule_id", "part"), BAD)
def test_bad_inputs_app_synth_raises_library_error_and_writes_nothing(
    app: Any, stack: Any, build: Build, attribute: str, rule_id: str, part: str
) -> None:
    exc = _capture(lambda: (build(stack), app.synth()))
    _check(exc, attribute, rule_id, part)
    assert not Path(app.outdir, "stacks", "test", "cdk.tf.json").exists()


def test_bad_inputs_table_has_at_least_forty_distinct_rows() -> None:
    ids = [p.id for p in BAD]
    assert len(ids) == len(set(ids)) >= 40


def test_bad_inputs_cover_every_rule_id() -> None:
    covered = {p.values[2] for p in BAD} | {"ecs_snapshot_unknown_argument"}  # the last: see below
    assert set(RULE_SUMMARIES) <= covered


def test_bad_inputs_unknown_argument_only_reachable_through_validate() -> None:
    # The construct has keyword-only arguments, so a misspelt one is a Python TypeError; the rule serves
    # the plain validator and the linter.
    result = validate_snapshot({"disk_id": "d-1", "retention_day": 5}, name="snap")
    (finding,) = result.errors
    assert (finding.rule_id, finding.attribute) == ("ecs_snapshot_unknown_argument", "retention_day")
    assert "not an argument of the resource" in finding.message


def test_bad_inputs_misspelt_keyword_is_a_type_error(stack: Any) -> None:
    with pytest.raises(TypeError, match="retention_day"):
        EcsSnapshot(stack, "snap", disk_id="d-1", retention_day=5)  # type: ignore[call-arg]


def test_bad_inputs_all_errors_reported_at_once(stack: Any) -> None:
    with pytest.raises(ValidationError) as info:
        EcsSnapshot(stack, "snap", disk_id="", category="Flash", retention_days=0, snapshot_name="1")
    rules = {f.rule_id for f in info.value.findings}
    assert {
        "ecs_snapshot_disk_id_empty",
        "ecs_snapshot_invalid_category",
        "ecs_snapshot_retention_days_range",
        "ecs_snapshot_name_length",
        "ecs_snapshot_name_first_character",
    } <= rules
    assert str(info.value).startswith(f"{len(info.value.findings)} problems in test/snap:\n  - ")


def test_bad_inputs_failed_constructor_leaves_no_resource(stack: Any, synth: Any) -> None:
    with pytest.raises(ValidationError):
        EcsSnapshot(stack, "snap", disk_id="d-1", retention_days=0)
    EcsSnapshot(stack, "ok", disk_id="d-1")
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"] == {"ok": {"disk_id": "d-1"}}


def test_bad_inputs_failed_setter_keeps_previous_value(stack: Any, synth: Any) -> None:
    s = EcsSnapshot(stack, "snap", disk_id="d-1", retention_days=5)
    with pytest.raises(ValidationError):
        s.retention_days = 0
    assert synth(stack)["resource"]["alicloud_ecs_snapshot"]["snap"]["retention_days"] == 5


def test_bad_inputs_error_is_also_value_error(stack: Any) -> None:
    with pytest.raises(ValueError, match="retention_days"):
        EcsSnapshot(stack, "snap", disk_id="d-1", retention_days=0)


def test_bad_inputs_nested_construct_path_in_message(cdk: Any, stack: Any) -> None:
    from cdktf_ecs_snapshot._core import load_constructs

    group = load_constructs().Construct(stack, "group")
    with pytest.raises(ValidationError, match=r"in test/group/snap: "):
        EcsSnapshot(group, "snap", disk_id="d-1", retention_days=0)
