"""``versions.parse_constraint`` and ``force_new_attributes`` by provider version (pure, no Node)."""

from __future__ import annotations

import pytest

from cdktf_ecs_snapshot import UnsupportedProviderVersionError, Version, force_new_attributes, parse_constraint
from cdktf_ecs_snapshot.versions import INFINITY, Interval


def V(text: str) -> Version:
    return Version.parse(text)


def I(low: str, high: str | None) -> Interval:  # noqa: E743
    return Interval(V(low), INFINITY if high is None else V(high))


@pytest.mark.parametrize(
    ("text", "intervals"),
    [
        pytest.param("= 1.2.3", [I("1.2.3", "1.2.4")], id="eq"),
        pytest.param("1.2.3", [I("1.2.3", "1.2.4")], id="bare"),
        pytest.param("!= 1.2.3", [I("0.0.0", "1.2.3"), I("1.2.4", None)], id="ne"),
        pytest.param("> 1.2.3", [I("1.2.4", None)], id="gt"),
        pytest.param(">= 1.2.3", [I("1.2.3", None)], id="ge"),
        pytest.param("< 1.2.3", [I("0.0.0", "1.2.3")], id="lt"),
        pytest.param("<= 1.2.3", [I("0.0.0", "1.2.4")], id="le"),
        pytest.param("~> 1.2", [I("1.2.0", "2.0.0")], id="pessimistic-minor"),
        pytest.param("~> 1.2.3", [I("1.2.3", "1.3.0")], id="pessimistic-patch"),
        pytest.param(">= 1.200.0, < 2.0.0", [I("1.200.0", "2.0.0")], id="comma-list"),
        pytest.param(">=1.200.0,<1.231.0", [I("1.200.0", "1.231.0")], id="comma-list-no-spaces"),
        pytest.param(">= 1.0.0, != 1.5.0, < 2.0.0", [I("1.0.0", "1.5.0"), I("1.5.1", "2.0.0")], id="hole"),
        pytest.param(">= 2.0.0, < 1.0.0", [], id="empty"),
        pytest.param("~> 1", [I("1.0.0", "2.0.0")], id="pessimistic-major-only"),
    ],
)
def test_parse_constraint_intervals(text: str, intervals: list[Interval]) -> None:
    assert list(parse_constraint(text).intervals) == intervals


def test_parse_constraint_keeps_text_stripped() -> None:
    assert parse_constraint("  ~> 1.239 ").text == "~> 1.239"


@pytest.mark.parametrize(
    ("constraint", "version", "admitted"),
    [
        ("~> 1.239", "1.238.9", False),
        ("~> 1.239", "1.239.0", True),
        ("~> 1.239", "1.999.0", True),
        ("~> 1.239", "2.0.0", False),
        ("~> 1.230.0", "1.230.9", True),
        ("~> 1.230.0", "1.231.0", False),
    ],
)
def test_parse_constraint_admits_boundaries(constraint: str, version: str, admitted: bool) -> None:
    assert parse_constraint(constraint).admits(V(version)) is admitted


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("banana", id="word"),
        pytest.param(">= 1.2.x", id="bad-part"),
        pytest.param("v1.239.0", id="v-prefix"),
        pytest.param("١.٢٣٩.٠", id="non-ascii-digits"),
        pytest.param(">= 1.239.0-beta1", id="prerelease"),
        pytest.param("=> 1.2.3", id="bad-operator"),
        pytest.param(">= 1.2.3,", id="trailing-comma"),
        pytest.param(">= 1.2 3", id="two-versions"),
    ],
)
def test_parse_constraint_bad_input_raises_unsupported(text: str) -> None:
    with pytest.raises(UnsupportedProviderVersionError):
        parse_constraint(text)


def test_parse_constraint_non_string_raises_unsupported() -> None:
    with pytest.raises(UnsupportedProviderVersionError):
        parse_constraint(None)  # type: ignore[arg-type]


def test_version_parse_short_forms() -> None:
    assert V("1") == Version(1, 0, 0)
    assert V("1.2") == Version(1, 2, 0)


def test_version_orders_numerically() -> None:
    assert V("1.99.0") < V("1.100.0") < V("1.239.0") < V("2.0.0")


# -- force_new_attributes by version -----------------------------------------------------------------

_OLD = ("category", "disk_id", "instant_access_retention_days", "resource_group_id", "retention_days")
_MID = ("category", "disk_id", "resource_group_id")
_NEW = ("category", "disk_id")


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("1.120.0", _OLD),
        ("1.230.0", _OLD),
        ("1.231.0", _MID),
        ("1.238.0", _MID),
        ("1.239.0", _NEW),
        ("1.289.0", _NEW),
        ("~> 1.239", _NEW),
    ],
)
def test_force_new_attributes_by_version(version: str, expected: tuple[str, ...]) -> None:
    answer = force_new_attributes(version)
    assert answer.attributes == expected
    assert answer.conservative is False
    assert answer.sometimes == ()


def test_force_new_attributes_open_range_is_conservative_and_says_so() -> None:
    answer = force_new_attributes(">= 1.200.0")
    assert answer.conservative is True
    assert set(answer.always) == {"disk_id", "category"}
    assert set(answer.sometimes) == {"retention_days", "instant_access_retention_days", "resource_group_id"}
    assert answer.attributes == _OLD
    for attr in answer.sometimes:
        assert "conservative" in answer.notes[attr]
        assert "'>= 1.200.0'" in answer.notes[attr]


def test_force_new_attributes_note_names_the_range() -> None:
    answer = force_new_attributes("1.230.0")
    assert answer.notes["retention_days"] == "replaces the snapshot in provider 1.120.0 up to (not including) 1.231.0"
    assert answer.notes["disk_id"] == "replaces the snapshot from provider 1.120.0"


def test_force_new_attributes_below_resource_existence_raises() -> None:
    """A constraint admitting no release with the resource must not read as "nothing replaces"."""
    with pytest.raises(UnsupportedProviderVersionError, match="admits no release"):
        force_new_attributes("< 1.120.0")


def test_force_new_attributes_accepts_parsed_constraint() -> None:
    assert force_new_attributes(parse_constraint("1.239.0")).attributes == _NEW


def test_force_new_attributes_bad_version_raises_unsupported() -> None:
    with pytest.raises(UnsupportedProviderVersionError):
        force_new_attributes("latest")
