"""The ``alicloud`` provider block's rules without Node: the default version constraint and argument checks.

Both the construct (``AlicloudProvider``) and the plain emitter (``plain.py``) need the same answers: which
``>= X, < 2.0.0`` to write when the user gave no constraint, and which provider arguments to refuse
(literal credentials would sit in plain text in the generated JSON). Keeping them here, free of jsii,
means the two faces cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .findings import Finding, Severity
from .schema import MINIMUM_PROVIDER
from .tokens import is_unresolved
from .validate import minimum_provider_for
from .versions import Version, parse_constraint

__all__ = [
    "PROVIDER_SOURCE",
    "SECRET_ARGUMENTS",
    "check_provider_arguments",
    "constraint_floor",
    "default_constraint_for",
]

PROVIDER_SOURCE = "aliyun/alicloud"
SECRET_ARGUMENTS = ("access_key", "secret_key", "security_token")


def constraint_floor(uses: Iterable[tuple[Mapping[str, object], Iterable[str]]]) -> Version:
    """Return the lowest release every ``(arguments, attributes read)`` pair needs (never below 1.120.0)."""
    floor = MINIMUM_PROVIDER
    for arguments, reads in uses:
        needed = minimum_provider_for(arguments, reads=tuple(reads))
        if needed is not floor and floor < needed:
            floor = needed
    return floor


def default_constraint_for(uses: Iterable[tuple[Mapping[str, object], Iterable[str]]]) -> str:
    """Return ``>= X, < 2.0.0`` where X is ``constraint_floor(uses)``."""
    return f">= {constraint_floor(uses)}, < 2.0.0"


def _finding(id: str, attr: str, value: object, problem: str, expected: str, hint: str) -> Finding:
    return Finding(
        "alicloud_provider_" + attr,
        Severity.ERROR,
        "provider",
        f"alicloud.{id}",
        attr,
        value,
        problem,
        expected,
        hint,
    )


def check_provider_arguments(
    id: str,
    version: str | None,
    secrets: Mapping[str, object],
    allow_plaintext_credentials: bool,
    assume_role: Mapping[str, object] | None,
    *,
    output_name: str = "cdk.tf.json",
) -> list[Finding]:
    """Return findings for a bad version constraint, literal credentials or an incomplete ``assume_role``.

    ``output_name`` is the file named in the credential message (``cdk.tf.json`` for the construct,
    the rendered file for the plain emitter).
    """
    findings: list[Finding] = []
    if version is not None:
        try:
            constraint = parse_constraint(version).clip(MINIMUM_PROVIDER)
        except ValueError as exc:
            findings.append(
                _finding(
                    id,
                    "version",
                    version,
                    str(exc).split(": ", 1)[-1].split(";")[0],
                    "a constraint such as '~> 1.239'",
                    "use Terraform's constraint syntax",
                )
            )
        else:
            if not constraint.intervals:
                findings.append(
                    _finding(
                        id,
                        "version",
                        version,
                        "admits no release with alicloud_ecs_snapshot",
                        f"a constraint admitting >= {MINIMUM_PROVIDER}",
                        "alicloud_ecs_snapshot exists since provider 1.120.0; raise the constraint",
                    )
                )
    fix = (
        "remove it and export ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY (or set profile=...); "
        f"pass allow_plaintext_credentials=True only if plain text in {output_name} is acceptable"
    )
    for key, value in secrets.items():
        if value is not None and not allow_plaintext_credentials and not is_unresolved(value):
            findings.append(
                _finding(
                    id,
                    key,
                    "***",
                    f"a literal credential would be written in plain text to {output_name}",
                    "no literal credential",
                    fix,
                )
            )
    if assume_role is not None and not isinstance(assume_role, Mapping):
        findings.append(
            _finding(
                id,
                "assume_role",
                assume_role,
                f"not a mapping ({type(assume_role).__name__})",
                "{'role_arn': 'acs:ram::<account>:role/<name>', ...}",
                "pass one dict (the provider allows a single assume_role block)",
            )
        )
    elif assume_role is not None and not assume_role.get("role_arn"):
        findings.append(
            _finding(
                id,
                "assume_role",
                dict(assume_role),
                "role_arn is required",
                "{'role_arn': 'acs:ram::<account>:role/<name>', ...}",
                "add role_arn",
            )
        )
    return findings
