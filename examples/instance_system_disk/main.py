"""Snapshot the system disk of an instance known only by its id, looked up at plan time.

``DiskLookup`` adds a Terraform ``external`` data source that runs the bundled ECS helper, so the disk id
is found from the ECS API when ``terraform plan`` runs, and a ``SnapshotPreflight`` stops the plan if a
snapshot cannot be taken now. Run: ``python examples/instance_system_disk/main.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from cdktf_ecs_snapshot import AlicloudProvider, DiskLookup, EcsSnapshot, SnapshotPreflight, cdk

INSTANCE_ID = os.environ.get("EXAMPLE_INSTANCE_ID", "i-bp1examplesystem00001")


class SystemDiskStack(cdk.TerraformStack):  # type: ignore[misc]
    def __init__(self, scope: object, id: str) -> None:
        super().__init__(scope, id)
        AlicloudProvider(self, "alicloud", region="cn-hangzhou")
        system_disk = DiskLookup(self, "system-disk", instance_id=INSTANCE_ID, disk_type="system")
        SnapshotPreflight(self, "can-snapshot", disk_id=system_disk.disk_id)
        EcsSnapshot(
            self,
            "system",
            disk_id=system_disk.disk_id,
            snapshot_name="web-system-before-upgrade",
            retention_days=7,
            tags={"instance": INSTANCE_ID},
        )


def main() -> Path:
    outdir = os.environ.get("CDKTF_OUTDIR", "cdktf.out")
    app = cdk.App(outdir=outdir)
    stack = SystemDiskStack(app, "system-disk")
    cdk.LocalBackend(stack, path="terraform.system-disk.tfstate")
    app.synth()
    return Path(outdir, "stacks", "system-disk", "cdk.tf.json")


if __name__ == "__main__":
    print(f"synthesized {main()}")
