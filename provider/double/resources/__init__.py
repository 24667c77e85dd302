"""The resource and data source types the double serves; ``components(version)`` builds them for a version."""

from __future__ import annotations

from typing import Any

from .disk import disk_classes
from .snapshot import snapshot_classes
from .snapshots_data import snapshots_data_classes


def components(version: str) -> dict[str, dict[str, Any]]:
    """``{"resource": {type: cls}, "data_source": {type: cls}}`` for the types served at ``version``."""
    return {
        "resource": {**snapshot_classes(version), **disk_classes(version)},
        "data_source": snapshots_data_classes(version),
    }
