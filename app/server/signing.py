"""SDK-HMAC-SHA256: the request signature of Huawei Cloud's SDKs, written once for signing
and for verifying.

The canonical request is built exactly as ``huaweicloudsdkcore/signer/signer.py`` builds it:
the method; the path unquoted, split on ``/``, each segment percent-encoded with only ``~``
safe, always ending in ``/``; the query parameters sorted and encoded the same way; the signed
headers as ``name:trimmed value`` lines in the order of ``SignedHeaders``; the signed header
names; and the hex SHA-256 of the body. The signature is ``hex(HMAC-SHA256(SK, "SDK-HMAC-SHA256
\\n<X-Sdk-Date>\\nhex(sha256(canonical request))"))``.

The verifier always hashes the body it received (it never trusts an ``X-Sdk-Content-Sha256``
header, so an "unsigned payload" cannot be smuggled in), compares in constant time and refuses
an ``X-Sdk-Date`` more than 15 minutes from its own (injectable) clock. It works in two steps,
so that a server can refuse before reading a body: ``check_headers`` checks everything the
headers alone decide (the Authorization header, ``host`` among the signed headers, a known
access key, the date, signed headers present and UTF-8), and the ``SignedHead`` it returns
verifies the signature once the body is in.

Within its 15 minutes a signed request can be sent again as it is (replayed), as in the cloud:
the signature binds the method, path, query, signed headers and body, not a one-time nonce.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlsplit

ALGORITHM = "SDK-HMAC-SHA256"
DATE_HEADER = "X-Sdk-Date"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
MAX_SKEW_S = 15 * 60

_DATE_PATTERN = re.compile(r"\d{8}T\d{6}Z")
_HEADER_NAME = re.compile(r"[a-z0-9!#$%&'*+.^`|~-]+")
_HEX_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_ACCESS_KEY = re.compile(r"[A-Za-z0-9._-]{1,128}")

#: Looks up one request header by its lower-case name; None when absent.
HeaderLookup = Callable[[str], str | None]


class SignatureError(Exception):
    """A request whose signature cannot be accepted; the message says why, never a secret."""


# ------------------------------------------------------------------------ canonical form


def _encode(text: str) -> str:
    return quote(text, safe="~")


@lru_cache(maxsize=1024)
def canonical_uri(path: str) -> str:
    """The path as the SDK canonicalises it (``path`` without its query). Cached: clients
    send the same few paths again and again."""
    url_path = "/".join(_encode(segment) for segment in unquote(path).split("/"))
    return url_path if url_path.endswith("/") else url_path + "/"


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    return "&".join(f"{_encode(k)}={_encode(v)}" for k, v in sorted(pairs))


def query_pairs(query: str) -> list[tuple[str, str]]:
    """The decoded parameters of a raw query string, blank values kept."""
    return parse_qsl(query, keep_blank_values=True)


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def canonical_head(
    *,
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    header: HeaderLookup,
    signed_headers: Sequence[str],
) -> str:
    """The canonical request up to its last line (the body's hash); raises
    ``SignatureError`` if a signed header is absent."""
    lines = []
    for name in signed_headers:
        value = header(name)
        if value is None:
            raise SignatureError(f"The signed header {name} is missing from the request.")
        lines.append(f"{name}:{value.strip()}")
    return "\n".join(
        [
            method.upper(),
            canonical_uri(path),
            canonical_query(query),
            "\n".join(lines) + "\n",
            ";".join(signed_headers),
        ]
    )


def canonical_request(
    *,
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    header: HeaderLookup,
    signed_headers: Sequence[str],
    body: bytes,
) -> str:
    """The canonical request; raises ``SignatureError`` if a signed header is absent."""
    head = canonical_head(
        method=method, path=path, query=query, header=header, signed_headers=signed_headers
    )
    return f"{head}\n{body_hash(body)}"


def string_to_sign(sdk_date: str, canonical: str) -> str:
    return f"{ALGORITHM}\n{sdk_date}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"


def signature(secret_key: str, to_sign: str) -> str:
    return hmac.new(secret_key.encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def format_date(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).strftime(DATE_FORMAT)


# ------------------------------------------------------------------------------ signing


def sign(
    *,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    access_key_id: str,
    secret_key: str,
    now: float | None = None,
) -> dict[str, str]:
    """``headers`` plus ``X-Sdk-Date``, ``Host`` and ``Authorization``, as the SDK signs a
    request: every header without ``_`` in its name is signed. For tests and benchmarks that
    replay signed requests without the SDK."""
    parts = urlsplit(url)
    signed = dict(headers)
    names = {k.lower() for k in signed}
    if "x-sdk-date" not in names:
        signed[DATE_HEADER] = format_date(time.time() if now is None else now)
    if "host" not in names:
        signed["Host"] = parts.netloc
    lowered = {k.lower(): str(v).strip() for k, v in signed.items()}
    signed_names = sorted(k for k in lowered if "_" not in k)
    canonical = canonical_request(
        method=method,
        path=parts.path or "/",
        query=query_pairs(parts.query),
        header=lowered.get,
        signed_headers=signed_names,
        body=body,
    )
    mac = signature(secret_key, string_to_sign(lowered["x-sdk-date"], canonical))
    signed["Authorization"] = (
        f"{ALGORITHM} Access={access_key_id}, SignedHeaders={';'.join(signed_names)}, "
        f"Signature={mac}"
    )
    return signed


# ---------------------------------------------------------------------------- verifying


@dataclass(frozen=True)
class Authorization:
    access_key_id: str
    signed_headers: tuple[str, ...]
    signature: str


def parse_authorization(value: str | None) -> Authorization:
    if not value:
        raise SignatureError(
            "The request is not signed: the Authorization header is missing. Sign it with "
            "SDK-HMAC-SHA256 (the Huawei Cloud SDK does this)."
        )
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise SignatureError(f"The signature algorithm must be {ALGORITHM}.")
    fields: dict[str, str] = {}
    for part in rest.split(","):
        name, sep, field_value = part.strip().partition("=")
        if sep:
            fields[name] = field_value.strip()
    access, names, mac = (fields.get(k, "") for k in ("Access", "SignedHeaders", "Signature"))
    signed = tuple(names.split(";")) if names else ()
    if not _ACCESS_KEY.fullmatch(access) or not signed or not _HEX_SIGNATURE.fullmatch(mac):
        raise SignatureError(
            "The Authorization header is malformed: it needs Access, SignedHeaders and Signature."
        )
    if not all(_HEADER_NAME.fullmatch(name) for name in signed):
        raise SignatureError("SignedHeaders must list lower-case header names.")
    return Authorization(access_key_id=access, signed_headers=signed, signature=mac)


def parse_date(value: str | None) -> float:
    if not value:
        raise SignatureError(f"The {DATE_HEADER} header is missing.")
    text = value.strip()
    if not _DATE_PATTERN.fullmatch(text):
        raise SignatureError(f"The {DATE_HEADER} header must look like 20260131T235959Z (UTC).")
    try:  # by hand: strptime costs four times as much, on every request
        parsed = datetime(
            int(text[0:4]),
            int(text[4:6]),
            int(text[6:8]),
            int(text[9:11]),
            int(text[11:13]),
            int(text[13:15]),
            tzinfo=UTC,
        )
    except ValueError:
        raise SignatureError(f"The {DATE_HEADER} header is not a valid date.") from None
    return parsed.timestamp()


@dataclass(frozen=True)
class SignedHead:
    """A request whose headers passed ``Verifier.check_headers``: the signature is checked
    once the body is in, without looking at the headers again."""

    access_key_id: str
    signature: str
    mac: hmac.HMAC = field(repr=False)
    #: ``"SDK-HMAC-SHA256\n<date>\n"``: the string to sign up to the canonical hash.
    prefix: bytes
    #: SHA-256 of the canonical request up to the body's hash.
    canonical: hashlib._Hash = field(repr=False)

    def verify(self, body: bytes) -> str:
        """The access key ID that signed this request; ``SignatureError`` otherwise."""
        canonical = self.canonical.copy()
        canonical.update(b"\n" + body_hash(body).encode("ascii"))
        mac = self.mac.copy()
        mac.update(self.prefix + canonical.hexdigest().encode("ascii"))
        if not hmac.compare_digest(mac.hexdigest(), self.signature):
            raise SignatureError(
                "The signature does not match: the secret key is wrong, or the request was "
                "changed after it was signed."
            )
        return self.access_key_id


class Verifier:
    """Checks SDK-HMAC-SHA256 signatures against known access keys.

    ``keys`` maps access key IDs to secret keys. The HMAC key schedule of each secret is
    computed once and copied per request (the "signing key cache").
    """

    def __init__(
        self,
        keys: Mapping[str, str],
        *,
        clock: Callable[[], float] = time.time,
        max_skew_s: float = MAX_SKEW_S,
    ) -> None:
        self._macs = {
            ak: hmac.new(sk.encode("utf-8"), digestmod=hashlib.sha256) for ak, sk in keys.items()
        }
        self._clock = clock
        self._max_skew_s = max_skew_s

    def check_headers(self, *, method: str, raw_path: str, header: HeaderLookup) -> SignedHead:
        """Everything the headers alone decide, before the body is read; ``SignatureError``
        for a request that cannot be accepted whatever its body.

        ``raw_path`` is the request target as sent (percent-encoded, with its query)."""
        auth = parse_authorization(header("authorization"))
        if "host" not in auth.signed_headers:
            raise SignatureError(
                "SignedHeaders must include host (the Huawei Cloud SDK signs it), so that a "
                "signature holds only for the server it was made for."
            )
        sdk_date = header("x-sdk-date")
        signed_at = parse_date(sdk_date)
        if abs(self._clock() - signed_at) > self._max_skew_s:
            raise SignatureError(
                f"The request was signed at {sdk_date}, more than "
                f"{int(self._max_skew_s // 60)} minutes from the server's clock. Check the "
                "clocks of client and server."
            )
        mac = self._macs.get(auth.access_key_id)
        if mac is None:
            raise SignatureError(f"The access key {auth.access_key_id} is not known here.")
        path, _, query = raw_path.partition("?")
        head = canonical_head(
            method=method,
            path=path,
            query=query_pairs(query),
            header=header,
            signed_headers=auth.signed_headers,
        )
        try:
            canonical = hashlib.sha256(head.encode("utf-8"))
        except UnicodeEncodeError:
            # Header bytes that are not UTF-8 reach us as lone surrogates: no client signed them.
            raise SignatureError(
                "A signed header holds bytes that are not UTF-8 text; such a request cannot "
                "have been signed."
            ) from None
        return SignedHead(
            access_key_id=auth.access_key_id,
            signature=auth.signature,
            mac=mac,
            prefix=f"{ALGORITHM}\n{str(sdk_date).strip()}\n".encode("ascii"),
            canonical=canonical,
        )

    def verify(self, *, method: str, raw_path: str, header: HeaderLookup, body: bytes) -> str:
        """The access key ID that signed this request; ``SignatureError`` otherwise."""
        return self.check_headers(method=method, raw_path=raw_path, header=header).verify(body)
