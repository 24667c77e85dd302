"""Class plumbing shared by the double's resources: schema-driven attrs classes, state dicts, error reporting."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
from pyvider.exceptions import ResourceError
from pyvider.schema import PvsSchema

from ..ecs import EcsCallError


def attrs_class_for(name: str, schema: PvsSchema) -> type:
    """An attrs class with one field per attribute and nested block, all defaulting to None.

    pyvider converts config and state into these; generating them from the schema keeps one source of truth.
    """
    names = [*schema.block.attributes, *(b.type_name for b in schema.block.block_types)]
    return attrs.make_class(name, {n: attrs.field(default=None) for n in names})


def report(ctx: Any, exc: Exception) -> None:
    """Turn an ECS failure into an error diagnostic shaped like the real provider's."""
    if isinstance(exc, EcsCallError):
        ctx.add_error(f"{exc.action} failed: {exc.code}", str(exc))
    else:
        ctx.add_error("ECS call failed", f"{type(exc).__name__}: {exc}")


def reports_errors(failed: Any = None) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., Awaitable[Any]]]:
    """Decorate an async hook ``(self, ctx, ...)``: an ECS failure becomes an error diagnostic and ``failed``.

    Without this an exception surfaces as pyvider's generic "Internal Provider Error" with the reason hidden
    in the provider log; the real provider shows the API's code and message.
    """

    def wrap(hook: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        @functools.wraps(hook)
        async def run(self: Any, ctx: Any, *args: Any) -> Any:
            try:
                return await hook(self, ctx, *args)
            except EcsCallError as exc:
                report(ctx, exc)
                return failed

        return run

    return wrap


def raises_for_import(hook: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """For ``import_state``: pyvider drops context diagnostics there, so an ECS failure is raised instead."""

    @functools.wraps(hook)
    async def run(self: Any, ctx: Any, import_id: str) -> Any:
        try:
            return await hook(self, ctx, import_id)
        except EcsCallError as exc:
            raise ResourceError(str(exc)) from exc

    return run
