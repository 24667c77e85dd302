"""cdktf-ecs-snapshot: typed CDK-for-Terraform constructs for Alibaba Cloud ECS snapshots.

Validation, ForceNew answers, import-id checks and the plain emitter work without Node. The constructs
(``EcsSnapshot``, ``LegacySnapshot``, ``AlicloudProvider``) load the CDK core (cdktf or cdktn) on first
use, so ``import cdktf_ecs_snapshot`` itself never starts Node.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._core import quiet_node
from .errors import (
    CoreNotInstalledError,
    EcsApiError,
    ImportIdError,
    InputError,
    ReplacementError,
    SnapshotDeprecationWarning,
    SnapshotLibError,
    UnsupportedProviderVersionError,
    ValidationError,
)
from .findings import Finding, Severity
from .force_new import ForceNewAnswer, Replacement, force_new_attributes, replacements
from .importid import check_import_id, require_import_id
from .schema import ATTRIBUTES, RESOURCE_TYPE, AttributeSpec, Category
from .tokens import is_unresolved
from .validate import Validated, require_valid, validate_snapshot
from .versions import Constraint, Version, parse_constraint

if TYPE_CHECKING:
    from .disk import EcsDisk, EcsDiskAttachment
    from .lookups import DiskLookup, LatestSnapshotLookup, SnapshotPreflight
    from .provider import AlicloudProvider
    from .snapshot import EcsSnapshot, LegacySnapshot

__version__ = "0.1.0"

quiet_node()  # before any jsii kernel starts, even one started by the user's own `import cdktf`

__all__ = [
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

# Names that need the CDK core (and so Node); imported on first attribute access.
_LAZY = {
    "cdk": "._core",
    "AlicloudProvider": ".provider",
    "DiskLookup": ".lookups",
    "EcsDisk": ".disk",
    "EcsDiskAttachment": ".disk",
    "EcsSnapshot": ".snapshot",
    "LatestSnapshotLookup": ".lookups",
    "LegacySnapshot": ".snapshot",
    "SnapshotPreflight": ".lookups",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cdktf_ecs_snapshot' has no attribute {name!r}")
    loaded = import_module(module, __name__)
    # ``cdk`` is the CDK core module in use (cdktf or cdktn): ``cdk.App()``, ``cdk.TerraformStack``...
    value = loaded.core() if name == "cdk" else getattr(loaded, name)
    globals()[name] = value
    return value
