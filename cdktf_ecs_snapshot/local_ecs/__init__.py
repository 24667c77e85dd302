"""A local ECS endpoint that the real Alibaba Cloud SDK (and so the Terraform provider double) can call.

It speaks the real wire protocol (``POST /`` with the ACS3-HMAC-SHA256 or RPC HMAC-SHA1 signature, JSON
replies and error bodies shaped like the API's), keeps instances, disks and snapshots in memory (optionally
in a state file), enforces the API's own rules and error codes, and injects network faults on request.

Start it from Python with ``LocalEcs`` or from a shell with
``python -m cdktf_ecs_snapshot.local_ecs serve --port 0`` (see ``__main__``). Standard library only.
"""

from __future__ import annotations

from .endpoint import RequestRecord
from .faults import FAULT_KINDS, Fault
from .server import LocalEcs
from .store import Disk, Instance, Snapshot

__all__ = ["FAULT_KINDS", "Disk", "Fault", "Instance", "LocalEcs", "RequestRecord", "Snapshot"]
