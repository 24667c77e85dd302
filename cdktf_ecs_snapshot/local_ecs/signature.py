"""Verify request signatures as the real endpoint does, so a wrong key fails here as in the cloud.

Two schemes, both as the Alibaba SDKs compute them:

* **ACS3-HMAC-SHA256** (V3, the Python SDK's default): ``Authorization: ACS3-HMAC-SHA256 Credential=<ak>,
  SignedHeaders=<h1;h2…>,Signature=<hex>``. Canonical request = ``METHOD\\n/\\n`` + the query sorted by key as
  ``k=quote(v, safe="~")`` joined by ``&`` + ``\\n`` + ``name:value\\n`` per signed header + ``\\n`` +
  SignedHeaders + ``\\n`` + ``x-acs-content-sha256``; the signature is ``hex(HMAC-SHA256(secret,
  "ACS3-HMAC-SHA256\\n" + hex(sha256(canonical))))``.
* **HMAC-SHA1 RPC** (V2, ``signature_algorithm='v2'`` and the Go SDK behind the Terraform provider): every
  parameter but ``Signature`` sorted, percent-encoded, joined, then ``POST&%2F&<quoted>`` signed with
  ``secret + "&"`` and base64-encoded, sent as the ``Signature`` query parameter.

Only signatures travel; the secret never reaches the server, so nothing here can log it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import quote

from .apierror import ApiError

__all__ = ["verify_signature"]

_V3 = "ACS3-HMAC-SHA256"


def verify_signature(
    *,
    method: str,
    path: str,
    params: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
    keys: Mapping[str, str],
    seen_nonces: set[str],
) -> str:
    """Check the request's signature against ``keys`` (access key id → secret); return the access key id.

    ``params`` are the decoded query parameters; ``headers`` must have lower-case names. Raises ``ApiError``
    with the code the real API uses: ``IncompleteSignature``, ``InvalidAccessKeyId.NotFound``,
    ``SignatureDoesNotMatch`` or ``SignatureNonceUsed``.
    """
    authorization = headers.get("authorization", "")
    if authorization.startswith(_V3):
        return _verify_v3(method, path, params, headers, body, authorization, keys, seen_nonces)
    if "Signature" in params:
        return _verify_v2(method, params, keys, seen_nonces)
    raise ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.")


def _parse_authorization(authorization: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for part in authorization[len(_V3) :].strip().split(","):
        name, sep, value = part.strip().partition("=")
        if sep:
            fields[name] = value
    if not {"Credential", "SignedHeaders", "Signature"} <= fields.keys():
        raise ApiError(
            400, "IncompleteSignature", "The request signature does not conform to Aliyun standards."
        )
    return fields


def _secret_for(access_key_id: str, keys: Mapping[str, str]) -> str:
    secret = keys.get(access_key_id)
    if secret is None:
        raise ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    return secret


def _check_nonce(nonce: str, seen_nonces: set[str]) -> None:
    if not nonce:
        raise ApiError(400, "MissingSignatureNonce", "SignatureNonce is mandatory for this action.")
    if nonce in seen_nonces:
        raise ApiError(400, "SignatureNonceUsed", "The request signature nonce has been used.")
    seen_nonces.add(nonce)


def _verify_v3(
    method: str,
    path: str,
    params: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
    authorization: str,
    keys: Mapping[str, str],
    seen_nonces: set[str],
) -> str:
    fields = _parse_authorization(authorization)
    access_key_id = fields["Credential"]
    secret = _secret_for(access_key_id, keys)
    signed = fields["SignedHeaders"].split(";")
    content_sha = headers.get("x-acs-content-sha256", "")
    if content_sha != hashlib.sha256(body).hexdigest():
        raise ApiError(400, "IncompleteSignature", "The x-acs-content-sha256 header does not match the body.")
    query = "&".join(f"{key}={quote(params[key], safe='~')}" for key in sorted(params))
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip()}\n" for name in signed)
    canonical = (
        f"{method}\n{path or '/'}\n{query}\n{canonical_headers}\n{fields['SignedHeaders']}\n{content_sha}"
    )
    string_to_sign = f"{_V3}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    expected = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, fields["Signature"]):
        raise ApiError(
            400,
            "SignatureDoesNotMatch",
            f"Specified signature does not match our calculation. server string to sign is:{string_to_sign}",
        )
    _check_nonce(headers.get("x-acs-signature-nonce", ""), seen_nonces)
    return access_key_id


def _verify_v2(method: str, params: Mapping[str, str], keys: Mapping[str, str], seen_nonces: set[str]) -> str:
    access_key_id = params.get("AccessKeyId", "")
    if not access_key_id:
        raise ApiError(400, "MissingAccessKeyId", "AccessKeyId is mandatory for this action.")
    secret = _secret_for(access_key_id, keys)
    pairs = sorted((k, v) for k, v in params.items() if k != "Signature")
    canonical = "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs)
    string_to_sign = f"{method}&%2F&{quote(canonical, safe='~')}"
    digest = hmac.new((secret + "&").encode(), string_to_sign.encode(), hashlib.sha1).digest()
    expected = base64.b64encode(digest).decode()
    if not hmac.compare_digest(expected, params["Signature"]):
        raise ApiError(
            400,
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. "
            f"server string to sign is:{string_to_sign}",
        )
    _check_nonce(params.get("SignatureNonce", ""), seen_nonces)
    return access_key_id
