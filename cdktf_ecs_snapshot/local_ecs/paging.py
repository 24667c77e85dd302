"""Both paging styles of the Describe* calls over one sorted list.

* ``PageNumber`` (from 1) and ``PageSize``: the response echoes both and carries ``TotalCount``.
* ``NextToken`` and ``MaxResults``: the response carries the next ``NextToken`` (empty on the last page).

Callers that page until an empty ``NextToken``, or until ``PageNumber * PageSize >= TotalCount``, both end.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from .apierror import ApiError
from .params import get_int

__all__ = ["paginate"]

T = TypeVar("T")


def _encode(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def _decode(token: str) -> int:
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix == "offset" and number.isdigit():
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ApiError(400, "InvalidParameter.NextToken", "The specified parameter NextToken is not valid.")


def paginate(
    items: Sequence[T],
    params: Mapping[str, str],
    *,
    max_page_size: int = 100,
    max_results_limit: int = 100,
) -> tuple[Sequence[T], dict[str, Any]]:
    """Return this page of ``items`` and the paging fields to merge into the response."""
    token = params.get("NextToken", "")
    if token or params.get("MaxResults"):
        size = get_int(params, "MaxResults", default=10, low=1, high=max_results_limit) or 10
        offset = _decode(token) if token else 0
        page = items[offset : offset + size]
        following = offset + size
        next_token = _encode(following) if following < len(items) else ""
        return page, {"TotalCount": len(items), "NextToken": next_token, "MaxResults": size}
    number = get_int(params, "PageNumber", default=1, low=1, high=2**31 - 1) or 1
    size = get_int(params, "PageSize", default=10, low=1, high=max_page_size) or 10
    start = (number - 1) * size
    page = items[start : start + size]
    return page, {"TotalCount": len(items), "PageNumber": number, "PageSize": size, "NextToken": ""}
