"""The provider documentation's alicloud_ecs_snapshot example (seed.tf beside this file) as a cdktf app.

Run: ``python examples/basic/main.py`` (or ``cdktf synth`` from the repository root).

For the offline rehearsal (README, "Rehearse offline") two variables change it without editing:
``EXAMPLE_CATEGORY=flash`` changes the category (a change that replaces the snapshot) and
``EXAMPLE_PROTECT=1`` adds ``lifecycle.prevent_destroy``. Unset, the values are the documentation's.
"""

from __future__ import annotations

import os
from pathlib import Path

from cdktf_ecs_snapshot import AlicloudProvider, Category, EcsSnapshot, cdk


class BasicStack(cdk.TerraformStack):  # type: ignore[misc]
    def __init__(self, scope: object, id: str) -> None:
        super().__init__(scope, id)
        AlicloudProvider(self, "alicloud", region="cn-hangzhou")
        EcsSnapshot(
            self,
            "default",
            category=os.environ.get("EXAMPLE_CATEGORY", Category.STANDARD),
            description="Test For Terraform",
            disk_id="d-gw8csgxxxxxxxxx",
            retention_days="20",
            snapshot_name="tf-test",
            tags={"Created": "TF", "For": "Acceptance-test"},
            protect=os.environ.get("EXAMPLE_PROTECT") == "1",
        )


def main() -> Path:
    outdir = os.environ.get("CDKTF_OUTDIR", "cdktf.out")
    app = cdk.App(outdir=outdir)
    stack = BasicStack(app, "basic")
    cdk.LocalBackend(stack, path="terraform.basic.tfstate")
    app.synth()
    return Path(outdir, "stacks", "basic", "cdk.tf.json")


if __name__ == "__main__":
    print(f"synthesized {main()}")
