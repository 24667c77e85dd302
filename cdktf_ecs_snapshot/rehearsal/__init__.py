"""Offline rehearsals: run ``cdktf deploy`` / ``terraform`` against local doubles of Alibaba Cloud.

``python -m cdktf_ecs_snapshot.rehearsal setup --dir DIR`` writes a Terraform filesystem mirror whose
``aliyun/alicloud`` (and ``hashicorp/external``) providers are the doubles shipped in this package's
``provider/`` folder, plus a CLI configuration using it; ``up`` also starts the local ECS endpoint the alicloud
double talks to and prints the environment to export. Importing this package is cheap: it starts nothing.
"""

from __future__ import annotations

from .mirror import ALICLOUD_VERSIONS, EXTERNAL_VERSIONS, Mirror, write_mirror
from .session import REHEARSAL_ACCESS_KEY, REHEARSAL_REGION, REHEARSAL_SECRET, Rehearsal, rehearsal_env

__all__ = [
    "ALICLOUD_VERSIONS",
    "EXTERNAL_VERSIONS",
    "REHEARSAL_ACCESS_KEY",
    "REHEARSAL_REGION",
    "REHEARSAL_SECRET",
    "Mirror",
    "Rehearsal",
    "rehearsal_env",
    "write_mirror",
]
