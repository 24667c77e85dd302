"""Entry point for a launcher script in a Terraform filesystem mirror: ``run("1.289.0")``.

The mirror must hold only a small, stable script (Terraform hashes the whole mirror folder into
``.terraform.lock.hcl``, so code that changes must live elsewhere); the script finds this package through
``cdktf_ecs_snapshot.provider_facts.provider_dir()`` and calls ``run`` with the version of the mirror folder it
sits in. ``ALICLOUD_DOUBLE_VERSION`` overrides it (handy for ``dev_overrides``, where there is no version).
"""

from __future__ import annotations

import os
import sys


def register(version: str) -> None:
    """Register the provider and every component served at ``version`` with pyvider's hub."""
    from pyvider.hub import hub

    from . import runtime

    runtime.set_version(version)
    from . import provider as _provider  # noqa: F401 - registers the provider class
    from .resources import components

    for kind, classes in components(version).items():
        for name, cls in classes.items():
            hub.register(kind, name, cls)


def run(version: str | None = None) -> None:
    """Serve the provider to Terraform over plugin protocol v6 (blocks until Terraform stops it)."""
    from .schema_gen import LATEST_KNOWN

    sys.dont_write_bytecode = True
    os.environ.setdefault("PYVIDER_LOG_LEVEL", "WARNING")
    os.environ.setdefault("PYVIDER_LOG_CONSOLE_FORMATTER", "key_value")
    chosen = os.environ.get("ALICLOUD_DOUBLE_VERSION") or version or LATEST_KNOWN
    register(chosen)
    from pyvider.cli.__main__ import main

    sys.argv = [sys.argv[0] if "terraform-provider" in sys.argv[0] else "terraform-provider-alicloud"]
    main()


def run_external(version: str) -> None:
    """Serve the ``hashicorp/external`` double (the ``external`` data source) to Terraform."""
    from . import external

    sys.dont_write_bytecode = True
    os.environ.setdefault("PYVIDER_LOG_LEVEL", "WARNING")
    external.register(version)
    from pyvider.cli.__main__ import main

    sys.argv = [sys.argv[0] if "terraform-provider" in sys.argv[0] else "terraform-provider-external"]
    main()
