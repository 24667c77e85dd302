"""A decorator for methods only Python calls on a jsii subclass, kept out of jsii's override list.

jsii registers every plain function of a subclass whose name matches a member of the jsii base as an
override: Node then calls back into Python each time it uses that member, and each registered override
costs Node time on every object created. ``add_override`` and friends are only ever called from Python,
so they need not be registered: ``python_only`` is not a plain function, and binds like one.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

__all__ = ["python_only"]


class python_only:
    """Wrap ``func`` so that jsii's override scan does not see it."""

    def __init__(self, func: Callable[..., Any]) -> None:
        self._func = func
        self.__doc__ = func.__doc__
        self.__name__ = func.__name__

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        return self._func if obj is None else types.MethodType(self._func, obj)
