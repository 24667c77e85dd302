"""A data disk, attached to an instance, and a tagged snapshot of it, in one stack: the snapshot takes
the disk by reference. (The ECS API refuses to snapshot a disk that was never attached.)

Run: ``python examples/disk_and_snapshot/main.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from cdktf_ecs_snapshot import AlicloudProvider, Category, EcsDisk, EcsDiskAttachment, EcsSnapshot, cdk

INSTANCE_ID = os.environ.get("EXAMPLE_INSTANCE_ID", "i-bp1example0000000001")


class DiskAndSnapshotStack(cdk.TerraformStack):  # type: ignore[misc]
    def __init__(self, scope: object, id: str) -> None:
        super().__init__(scope, id)
        AlicloudProvider(self, "alicloud", region="cn-hangzhou")
        disk = EcsDisk(
            self,
            "data",
            zone_id="cn-hangzhou-i",
            category="cloud_essd",
            size=20,
            disk_name="orders-data",
            tags={"team": "orders"},
        )
        attachment = EcsDiskAttachment(self, "data-on-web", disk_id=disk.id, instance_id=INSTANCE_ID)
        nightly = EcsSnapshot(
            self,
            "nightly",
            disk_id=disk.id,
            category=Category.STANDARD,
            snapshot_name="orders-data-nightly",
            description="Nightly snapshot of the orders data disk",
            retention_days=30,
            tags={"team": "orders", "schedule": "nightly", "cost-center": "cc:1234"},
            protect=True,
            depends_on=[attachment],
        )
        cdk.TerraformOutput(self, "snapshot_id", value=nightly.id)


def main() -> Path:
    outdir = os.environ.get("CDKTF_OUTDIR", "cdktf.out")
    app = cdk.App(outdir=outdir)
    stack = DiskAndSnapshotStack(app, "disk-and-snapshot")
    cdk.LocalBackend(stack, path="terraform.disk-and-snapshot.tfstate")
    app.synth()
    return Path(outdir, "stacks", "disk-and-snapshot", "cdk.tf.json")


if __name__ == "__main__":
    print(f"synthesized {main()}")
