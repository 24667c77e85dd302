"""The one exception type that handlers raise to answer with the API's error shape.

The real API answers an error with an HTTP status and a JSON body ``{RequestId, HostId, Code, Message,
Recommend}``; the SDK turns 4xx into ``ClientException`` and 5xx into ``ServerException`` by status
alone, so the status matters as much as the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

__all__ = ["ApiError", "ConfigError", "missing", "not_found", "required_entry"]

T = TypeVar("T")


class ApiError(Exception):
    """An API error to send back: ``status`` (HTTP), ``code`` and ``message`` as the real API words them."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def missing(param: str) -> ApiError:
    """The real ``Missing<Param>`` error for a required parameter that was not sent."""
    return ApiError(400, f"Missing{param}", f"{param} is mandatory for this action.")


def not_found(kind: str, param: str) -> ApiError:
    """The real ``Invalid<Param>.NotFound`` error (HTTP 404) for an id that does not exist."""
    return ApiError(404, f"Invalid{param}.NotFound", f"The specified {kind} does not exist.")


def required_entry(items: Mapping[str, T], params: Mapping[str, str], param: str, kind: str) -> T:
    """Return ``items[params[param]]``, raising the API's ``Missing<Param>`` or ``Invalid<Param>.NotFound``."""
    key = params.get(param, "")
    if not key:
        raise missing(param)
    item = items.get(key)
    if item is None:
        raise not_found(kind, param)
    return item


class ConfigError(ValueError):
    """A bad seed, fault, setting or command-line value; the message is safe to show to the caller."""
