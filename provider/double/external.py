"""A double of ``hashicorp/external``: the ``external`` data source only, per the provider's documented protocol.

Why: the library's external-data helper runs as an ``external`` data source inside ``terraform plan``; offline
there is no registry to fetch ``hashicorp/external`` from, so the rehearsal serves this stand-in instead.

Protocol (terraform-provider-external v2.4.x ``internal/provider/data_source.go``): ``program`` is argv (empty
elements dropped, looked up on PATH, no shell); ``query`` (map of strings, null values dropped) is written to
stdin as one JSON object; Terraform's whole environment is passed through; ``working_dir`` is optional. A
non-zero exit fails with "External Program Execution Failed" and the program's stderr; stdout must be a JSON
object of string values, exposed as ``result``; ``id`` is always ``-``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from typing import Any

import attrs
from pyvider.data_sources import BaseDataSource
from pyvider.providers import BaseProvider, ProviderMetadata
from pyvider.resources.context import ResourceContext
from pyvider.schema import a_list, a_map, a_str, s_data_source, s_provider

from .planning import config_of

_version = "2.4.2"


def data_schema() -> Any:
    return s_data_source(
        {
            "id": a_str(computed=True, description="Always '-'."),
            "program": a_list(a_str(), required=True, description="The program and its arguments (argv)."),
            "query": a_map(a_str(), optional=True, description="Written to the program's stdin as a JSON object."),
            "working_dir": a_str(optional=True, description="Working directory of the program."),
            "result": a_map(a_str(), computed=True, description="The program's stdout JSON object."),
        }
    )


_State = attrs.make_class(
    "ExternalState", {n: attrs.field(default=None) for n in ("id", "program", "query", "working_dir", "result")}
)


class ExternalData(BaseDataSource):  # type: ignore[type-arg]
    config_class = _State
    state_class = _State

    @classmethod
    def get_schema(cls) -> Any:
        return data_schema()

    async def _validate_config(self, config: Any) -> list[str]:
        program = getattr(config, "program", None)
        if program is not None and not [p for p in program if p]:
            return ["External Program Missing: The data source was configured without a program to execute."]
        return []

    async def read(self, ctx: ResourceContext) -> Any:
        config = config_of(ctx)
        argv = [str(p) for p in config.get("program") or [] if p]
        query = {k: v for k, v in (config.get("query") or {}).items() if v is not None}
        executable = shutil.which(argv[0]) if argv else None
        if executable is None:
            ctx.add_error(
                "External Program Lookup Failed",
                f"The data source received an unexpected error while attempting to find the program.\n\n"
                f'Program: {argv[0] if argv else ""}\nError: exec: "{argv[0] if argv else ""}": '
                "executable file not found in $PATH",
            )
            return None
        process = await asyncio.create_subprocess_exec(
            executable,
            *argv[1:],
            cwd=config.get("working_dir") or None,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await process.communicate(json.dumps(query).encode())
        if process.returncode != 0:
            message = stderr.decode(errors="replace").strip()
            detail = (
                f"Error Message: {message}"
                if message
                else "The data source received an unexpected error while attempting to execute the "
                "program.\n\nThe program was executed, however it returned no additional error "
                "messaging."
            )
            ctx.add_error(
                "External Program Execution Failed",
                f"The data source received an unexpected error while attempting to execute the program."
                f"\n\nProgram: {executable}\n{detail}\n\nState: exit status {process.returncode}",
            )
            return None
        try:
            result = json.loads(stdout)
            if not isinstance(result, dict) or not all(isinstance(v, str) for v in result.values()):
                raise ValueError("not a map of strings")
        except ValueError as exc:
            ctx.add_error(
                "Unexpected External Program Results",
                "The data source received unexpected results after executing the program.\n\n"
                "Program output must be a JSON encoded map of string keys and string values.\n\n"
                "If the error is unclear, the output can be viewed by enabling Terraform's logging "
                f"at TRACE level.\n\nProgram: {executable}\nResult Error: {exc}",
            )
            return None
        return {
            "id": "-",
            "program": config.get("program"),
            "query": config.get("query"),
            "working_dir": config.get("working_dir"),
            "result": result,
        }


class ExternalProvider(BaseProvider):
    """``hashicorp/external``: no provider arguments."""

    def __init__(self) -> None:
        super().__init__(metadata=ProviderMetadata(name="external", version=_version))

    async def setup(self) -> None:
        self._final_schema = s_provider({})
        self.config_class = attrs.make_class("ExternalProviderConfig", {})
        self.capabilities = {"provider": self}
        self._setup_done = True


def register(version: str) -> None:
    global _version
    from pyvider.hub import hub

    _version = version
    hub.register("provider", "external", ExternalProvider)
    hub.register("data_source", "external", ExternalData)
