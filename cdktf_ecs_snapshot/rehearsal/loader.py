"""Import the provider double from the package's ``provider/`` folder without putting that folder on sys.path.

``provider/double`` is shipped as data (``cdktf_ecs_snapshot/_provider/double`` in a wheel, ``provider/double`` in
a checkout), not as a top-level package; it is loaded under a private module name so that no generic name such
as ``double`` can clash with anything a user has installed.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from ..provider_facts import provider_dir

MODULE_NAME = "cdktf_ecs_snapshot_provider_double"

__all__ = ["MODULE_NAME", "load_double"]


def load_double() -> ModuleType:
    """Return the double's ``launcher`` module (``run``, ``run_external``, ``register``)."""
    if MODULE_NAME not in sys.modules:
        package_dir = provider_dir() / "double"
        spec = importlib.util.spec_from_file_location(
            MODULE_NAME, package_dir / "__init__.py", submodule_search_locations=[str(package_dir)]
        )
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load the provider double from {package_dir}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[MODULE_NAME] = module
        spec.loader.exec_module(module)
    return importlib.import_module(f"{MODULE_NAME}.launcher")
