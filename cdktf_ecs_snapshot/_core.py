"""The one place that imports the CDK core: ``cdktf`` or its fork ``cdktn`` (CDK Terrain).

Importing either starts Node through jsii (about half a second), so nothing else in the package imports
them at module level: validation, the plain emitter, the linter and the ECS helper never start Node.

Which core is used:

* ``CDKTF_ECS_SNAPSHOT_CORE=cdktf`` or ``=cdktn`` chooses one explicitly;
* otherwise the first importable of ``cdktf``, ``cdktn``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from functools import cache
from types import ModuleType
from typing import Any

from .errors import CoreNotInstalledError

__all__ = ["CORE_ENV", "core", "core_name", "external_provider", "load_constructs", "quiet_node"]

CORE_ENV = "CDKTF_ECS_SNAPSHOT_CORE"
_CANDIDATES = ("cdktf", "cdktn")
_EXTERNAL_MODULES = {"cdktf": "cdktf_cdktf_provider_external", "cdktn": "cdktn_provider_external"}


def quiet_node() -> None:
    """Silence jsii's Node end-of-life banner (set before the kernel starts; never overrides a choice)."""
    # jsii prints an 11-line end-of-life banner for Node 20 on every start; it buries the real output.
    # The variable holds a comma-separated list of major versions.
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20")


@cache
def core_name() -> str:
    """Return the name of the CDK core module in use (``"cdktf"`` or ``"cdktn"``)."""
    wanted = os.environ.get(CORE_ENV, "").strip()
    if wanted:
        if wanted not in _CANDIDATES:
            raise CoreNotInstalledError(
                f"{CORE_ENV}={wanted!r} is not a known CDK core; expected one of 'cdktf', 'cdktn'"
            )
        return wanted
    for name in _CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CoreNotInstalledError(
        "no CDK core is installed; install one with "
        "`pip install 'cdktf-ecs-snapshot[cdktf]'` or `pip install 'cdktf-ecs-snapshot[cdktn]'`"
    )


@cache
def core() -> Any:
    """Import and return the CDK core module (starts Node on first call)."""
    name = core_name()
    quiet_node()
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise CoreNotInstalledError(
            f"the CDK core {name!r} is not importable ({exc}); install it with "
            f"`pip install 'cdktf-ecs-snapshot[{name}]'`"
        ) from exc


@cache
def load_constructs() -> ModuleType:
    """Return the ``constructs`` module that matches the core."""
    core()
    return importlib.import_module("constructs")


@cache
def external_provider() -> ModuleType:
    """Return the prebuilt ``hashicorp/external`` binding that matches the core."""
    name = _EXTERNAL_MODULES[core_name()]
    core()
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise CoreNotInstalledError(
            f"the external provider binding {name!r} is missing; install it with "
            f"`pip install 'cdktf-ecs-snapshot[{core_name()}]'`"
        ) from exc
