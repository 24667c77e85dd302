"""``EcsDisk``: a minimal ``alicloud_ecs_disk`` construct, so a stack can create the disk it snapshots.

Only the arguments a snapshot workflow needs are typed; anything else goes through ``add_override``.
Disks are few per stack, so the plain per-resource ``_synthesize_attributes`` override is fine here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsii

from ._core import core
from ._hcl import hcl_attributes
from ._meta_checks import check_meta_arguments, require_string_id
from ._stack_registry import stack_of
from .errors import ValidationError
from .findings import Finding, Severity
from .normalize import convert
from .schema import Kind
from .tokens import is_unresolved

__all__ = ["EcsDisk", "EcsDiskAttachment"]

_cdk = core()
_CATEGORIES = ("cloud", "cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto", "cloud_essd_entry")


_TerraformResource: Any = _cdk.TerraformResource


class EcsDisk(_TerraformResource):  # type: ignore[misc]
    """A cloud disk, ``alicloud_ecs_disk`` (provider ``aliyun/alicloud`` >= 1.122.0).

    Args:
        zone_id: zone of the disk, e.g. ``cn-hangzhou-i``. Changing this replaces the disk.
        category: ``cloud_essd`` and the other disk categories. Default: - ``cloud_efficiency``.
        size: size in GiB (a whole number). Default: - required unless ``snapshot_id`` is set.
        disk_name, description, encrypted, snapshot_id, performance_level, tags: as the provider
            documents them. Default: - unset.
    """

    TF_RESOURCE_TYPE = "alicloud_ecs_disk"

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        zone_id: str,
        category: str | None = None,
        size: int | None = None,
        disk_name: str | None = None,
        description: str | None = None,
        encrypted: bool | None = None,
        snapshot_id: str | None = None,
        performance_level: str | None = None,
        tags: Mapping[str, str] | None = None,
        depends_on: Any = None,
        provider: Any = None,
        lifecycle: Any = None,
    ) -> None:
        findings: list[Finding] = _meta_findings(scope, self.TF_RESOURCE_TYPE, id, depends_on, provider)
        if category is not None and not is_unresolved(category) and category not in _CATEGORIES:
            findings.append(
                Finding(
                    "ecs_disk_invalid_category",
                    Severity.ERROR,
                    "alicloud_ecs_disk",
                    id,
                    "category",
                    category,
                    "not an allowed value",
                    "one of " + ", ".join(repr(c) for c in sorted(_CATEGORIES)),
                    "disk categories are lower-case, e.g. 'cloud_essd'",
                )
            )
        if tags is not None:
            converted_tags = convert(Kind.STRING_MAP, tags)
            if converted_tags.violation is not None:
                v = converted_tags.violation
                findings.append(
                    Finding(
                        converted_tags.rule_id.replace("ecs_snapshot", "ecs_disk"),
                        Severity.ERROR,
                        "alicloud_ecs_disk",
                        id,
                        "tags",
                        tags,
                        v.problem,
                        v.expected,
                        v.hint,
                    )
                )
        if size is not None and not is_unresolved(size):
            converted_size = convert(Kind.NUMBER, size)  # the same Terraform-like conversion as retention_days
            size = converted_size.value if converted_size.violation is None else size  # type: ignore[assignment]
        if size is None and snapshot_id is None:
            findings.append(
                Finding(
                    "ecs_disk_size_required",
                    Severity.ERROR,
                    "alicloud_ecs_disk",
                    id,
                    "size",
                    None,
                    "is required without snapshot_id",
                    "a size in GiB",
                    "pass size=20 (GiB) or snapshot_id",
                )
            )
        elif (
            size is not None
            and not is_unresolved(size)
            and (isinstance(size, bool) or not isinstance(size, int) or size < 1)
        ):
            findings.append(
                Finding(
                    "ecs_disk_size_range",
                    Severity.ERROR,
                    "alicloud_ecs_disk",
                    id,
                    "size",
                    size,
                    "not a positive whole number",
                    "a size in GiB >= 1",
                    "pass e.g. 20",
                )
            )
        if findings:
            raise ValidationError(findings, where=f"{scope.node.path}/{id}")
        super().__init__(
            scope,
            id,
            terraform_resource_type="alicloud_ecs_disk",
            terraform_generator_metadata=_cdk.TerraformProviderGeneratorMetadata(provider_name="alicloud"),
            depends_on=list(depends_on) if depends_on is not None else None,
            provider=provider,
            lifecycle=lifecycle,
        )
        values = {
            "zone_id": zone_id,
            "category": category,
            "size": size,
            "disk_name": disk_name,
            "description": description,
            "encrypted": encrypted,
            "snapshot_id": snapshot_id,
            "performance_level": performance_level,
            "tags": dict(tags) if tags else None,
        }
        self._values = {k: v for k, v in values.items() if v is not None}

    @jsii.member(jsii_name="synthesizeAttributes")
    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return dict(self._values)

    @jsii.member(jsii_name="synthesizeHclAttributes")
    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return hcl_attributes(self._values)

    @property
    def id(self) -> str:
        """Reference to the disk id (``d-...``)."""
        return str(self.get_string_attribute("id"))


class EcsDiskAttachment(_TerraformResource):  # type: ignore[misc]
    """Attach a disk to an instance, ``alicloud_ecs_disk_attachment``.

    The ECS API refuses to snapshot a disk that was never attached (``IncorrectDiskStatus.NeverAttached``),
    so a stack that creates a disk and snapshots it attaches it first and makes the snapshot depend on it.

    Args:
        disk_id: the disk (``d-...`` or ``disk.id``). Changing this replaces the attachment.
        instance_id: the instance (``i-...``). Changing this replaces the attachment.
    """

    TF_RESOURCE_TYPE = "alicloud_ecs_disk_attachment"

    def __init__(
        self,
        scope: Any,
        id: str,
        *,
        disk_id: str,
        instance_id: str,
        depends_on: Any = None,
        provider: Any = None,
    ) -> None:
        findings = [
            Finding(
                "ecs_disk_attachment_required",
                Severity.ERROR,
                "alicloud_ecs_disk_attachment",
                id,
                key,
                value,
                "is required",
                f"a {what} id",
                f"pass {key}='{prefix}...' or a reference",
            )
            for key, value, what, prefix in (
                ("disk_id", disk_id, "disk", "d-"),
                ("instance_id", instance_id, "instance", "i-"),
            )
            if not value
        ]
        findings += _meta_findings(scope, self.TF_RESOURCE_TYPE, id, depends_on, provider)
        if findings:
            raise ValidationError(findings, where=f"{scope.node.path}/{id}")
        super().__init__(
            scope,
            id,
            terraform_resource_type="alicloud_ecs_disk_attachment",
            terraform_generator_metadata=_cdk.TerraformProviderGeneratorMetadata(provider_name="alicloud"),
            depends_on=list(depends_on) if depends_on is not None else None,
            provider=provider,
        )
        self._values = {"disk_id": disk_id, "instance_id": instance_id}

    @jsii.member(jsii_name="synthesizeAttributes")
    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return dict(self._values)

    @jsii.member(jsii_name="synthesizeHclAttributes")
    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return hcl_attributes(self._values)


def _meta_findings(scope: Any, rtype: str, id: str, depends_on: Any, provider: Any) -> list[Finding]:
    require_string_id(id)
    return check_meta_arguments(stack_of(scope), scope, rtype, id, depends_on, provider)
