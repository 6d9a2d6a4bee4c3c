"""SDK-HMAC-SHA256: the server accepts exactly what the SDK signs with the right secret, and
refuses with 401 and an error body a wrong secret, a tampered body, path, query or header, a
stale or future date, and a missing header.

The canonicalisation is checked against the SDK's own ``Signer`` (not a copy of it), and
the live refusals go to ``keyferry serve``.
"""

from __future__ import annotations

import hmac
import json
import time

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer
from huaweicloudsdkkms.v2 import KmsClient

from app.server import signing
from app.server.signing import SignatureError, Verifier
from tests.server import raw, steps
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer, sdk_client

# ---------------------------------------------------------------- against the SDK's Signer


def _sdk_signed(
    method: str, path: str, query: list[tuple[str, str]], body: bytes, headers: dict[str, str]
) -> SdkRequest:
    request = SdkRequest(
        method=method,
        schema="http",
        host="127.0.0.1:8080",
        resource_path=path,
        query_params=list(query),
        header_params=dict(headers),
        body=body,
    )
    return Signer(BasicCredentials(ACCESS_KEY, SECRET_KEY, "p")).sign(request)


SDK_REQUESTS = [
    (
        "POST",
        "/v1.0/p/kms/create-key",
        [],
        b'{"key_alias": "a"}',
        {"Content-Type": "application/json;charset=UTF-8", "X-Project-Id": "p"},
    ),
    (
        "GET",
        "/v1.0/p/kms/0d6e3d3c-3c5b-4b1e-9b62-0c5b0b2a2c11/tags",
        [],
        b"",
        {"Content-Type": "application/json", "User-Agent": "ua  with  spaces "},
    ),
    (
        "DELETE",
        "/v1.0/p/kms/k/tags/a%2Fb%20c~d%E4%B8%AD%2A",
        [],
        b"",
        {"Content-Type": "application/json"},
    ),
    (
        "POST",
        "/v1.0/p/kms/list-keys",
        [("z", "1 2"), ("a", "x/y"), ("a", "b"), ("e", "")],
        b"{}",
        {"Content-Type": "application/json", "X-Unsigned_Header": "skipped"},
    ),
]


@pytest.mark.parametrize(("method", "path", "query", "body", "headers"), SDK_REQUESTS)
def test_the_verifier_accepts_what_the_sdk_signs(
    method: str, path: str, query: list[tuple[str, str]], body: bytes, headers: dict[str, str]
) -> None:
    request = _sdk_signed(method, path, query, body, headers)
    lowered = {k.lower(): v for k, v in request.header_params.items()}
    verifier = Verifier({ACCESS_KEY: SECRET_KEY})
    assert (
        verifier.verify(method=method, raw_path=request.uri, header=lowered.get, body=body)
        == ACCESS_KEY
    )


@pytest.mark.parametrize(("method", "path", "query", "body", "headers"), SDK_REQUESTS)
def test_our_signer_signs_as_the_sdk_does(
    method: str, path: str, query: list[tuple[str, str]], body: bytes, headers: dict[str, str]
) -> None:
    request = _sdk_signed(method, path, query, body, headers)
    date = request.header_params["X-Sdk-Date"]
    ours = signing.sign(
        method=method,
        url=f"http://127.0.0.1:8080{request.uri}",
        headers={**headers, "X-Sdk-Date": date},
        body=body,
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
    )
    assert ours["Authorization"] == request.header_params["Authorization"]


def test_canonical_uri_always_ends_in_a_slash_and_encodes_segments() -> None:
    assert signing.canonical_uri("/v1.0/p/kms/create-key") == "/v1.0/p/kms/create-key/"
    assert signing.canonical_uri("/a%2Fb/c d/") == "/a/b/c%20d/"
    assert signing.canonical_query([("b", "2"), ("a", "x y")]) == "a=x%20y&b=2"


def test_the_date_may_be_off_by_15_minutes_but_no_more() -> None:
    now = time.time()
    for skew, accepted in ((-899, True), (899, True), (-901, False), (901, False)):
        signed = raw.signed_headers("http://h:1", "POST", "/v1.0/p/kms/x", b"{}", now=now + skew)
        lowered = {k.lower(): v for k, v in signed.items()}
        verifier = Verifier({ACCESS_KEY: SECRET_KEY}, clock=lambda: now)
        if accepted:
            verifier.verify(method="POST", raw_path="/v1.0/p/kms/x", header=lowered.get, body=b"{}")
        else:
            with pytest.raises(SignatureError, match="15 minutes"):
                verifier.verify(
                    method="POST", raw_path="/v1.0/p/kms/x", header=lowered.get, body=b"{}"
                )


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[str, str]] = []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(signing.hmac, "compare_digest", spy)
    signed = raw.signed_headers("http://h:1", "POST", "/v1.0/p/kms/x", b"{}")
    lowered = {k.lower(): v for k, v in signed.items()}
    Verifier({ACCESS_KEY: SECRET_KEY}).verify(
        method="POST", raw_path="/v1.0/p/kms/x", header=lowered.get, body=b"{}"
    )
    assert len(compared) == 1 and compared[0][1] in signed["Authorization"]


def test_an_unsigned_payload_cannot_be_smuggled_in() -> None:
    """The SDK signs "UNSIGNED-PAYLOAD" for content types other than JSON; the server always
    hashes the body it received, so such a request cannot carry an arbitrary body."""
    request = _sdk_signed(
        "POST", "/v1.0/p/kms/create-key", [], b'{"key_alias": "a"}', {"Content-Type": "text/plain"}
    )
    lowered = {k.lower(): v for k, v in request.header_params.items()}
    assert lowered["x-sdk-content-sha256"] == "UNSIGNED-PAYLOAD"
    with pytest.raises(SignatureError, match="does not match"):
        Verifier({ACCESS_KEY: SECRET_KEY}).verify(
            method="POST", raw_path=request.uri, header=lowered.get, body=b'{"key_alias": "b"}'
        )


def test_host_must_be_among_the_signed_headers() -> None:
    """As AWS SigV4 and the SDK's own signer do: a signature without the host would hold
    for any server that knows the same key."""
    signed = raw.signed_headers("http://h:1", "POST", "/v1.0/p/kms/x", b"{}")
    lowered = {k.lower(): v for k, v in signed.items()}
    without_host = lowered["authorization"].replace("SignedHeaders=", "SignedHeaders=x;", 1)
    verifier = Verifier({ACCESS_KEY: SECRET_KEY})
    verifier.verify(method="POST", raw_path="/v1.0/p/kms/x", header=lowered.get, body=b"{}")
    for authorization in (
        lowered["authorization"].replace("host;", ""),
        without_host.replace("host;", ""),
    ):
        headers = {**lowered, "authorization": authorization}
        with pytest.raises(SignatureError, match="must include host"):
            verifier.check_headers(method="POST", raw_path="/v1.0/p/kms/x", header=headers.get)


def test_the_headers_are_checked_before_the_body() -> None:
    """Every refusal the headers alone decide comes from check_headers, before a body
    exists; the body then only completes the signature."""
    now = time.time()
    signed = raw.signed_headers("http://h:1", "POST", "/v1.0/p/kms/x", b"{}", now=now)
    lowered = {k.lower(): v for k, v in signed.items()}
    verifier = Verifier({ACCESS_KEY: SECRET_KEY}, clock=lambda: now)
    head = verifier.check_headers(method="POST", raw_path="/v1.0/p/kms/x", header=lowered.get)
    assert head.verify(b"{}") == ACCESS_KEY
    with pytest.raises(SignatureError, match="does not match"):
        head.verify(b"{ }")
    refusals = {
        "not known": {
            **lowered,
            "authorization": lowered["authorization"].replace(ACCESS_KEY, "X"),
        },
        "15 minutes": {**lowered, "x-sdk-date": signing.format_date(now - 3600)},
        "not UTF-8": {**lowered, "x-project-id": "p\udcff"},
        "x-project-id is missing": {k: v for k, v in lowered.items() if k != "x-project-id"},
    }
    for words, headers in refusals.items():
        with pytest.raises(SignatureError, match=words):
            verifier.check_headers(method="POST", raw_path="/v1.0/p/kms/x", header=headers.get)


# --------------------------------------------------------------------- against the server


def _assert_unauthorised(answer: raw.Answer, words: str) -> None:
    assert answer.status == 401
    assert answer.error_code == "APIGW.0301"
    assert words in answer.json()["error"]["error_msg"]
    assert len(answer.headers["x-request-id"]) == 32


def test_a_wrong_secret_is_refused(live_server: LiveServer) -> None:
    client = sdk_client(live_server.url, secret_key="not-the-secret-key-0123456789")
    try:
        error = steps.refused(lambda: steps.create_key(client))
    finally:
        client.close()
    assert (error.status_code, error.error_code) == (401, "APIGW.0301")
    assert "does not match" in error.error_msg


def test_an_unknown_access_key_is_refused(live_server: LiveServer) -> None:
    client = sdk_client(live_server.url, access_key="SOMEONEELSE", secret_key=SECRET_KEY)
    try:
        error = steps.refused(lambda: steps.create_key(client))
    finally:
        client.close()
    assert (error.status_code, error.error_code) == (401, "APIGW.0301")


def test_a_tampered_body_is_refused(live_server: LiveServer) -> None:
    path = "/v1.0/p/kms/create-key"
    headers = raw.signed_headers(live_server.url, "POST", path, b'{"key_alias": "mine"}')
    answer = raw.send(
        live_server.url, "POST", path, b'{"key_alias": "evil"}', headers=headers, signed=False
    )
    _assert_unauthorised(answer, "does not match")


def test_a_tampered_path_is_refused_and_changes_nothing(
    live_server: LiveServer, sdk: KmsClient, project_id: str
) -> None:
    key_id = steps.create_key(sdk, origin="kms")
    body = json.dumps({"key_id": key_id}).encode()
    signed_for = f"/v1.0/{project_id}/kms/describe-key"
    headers = raw.signed_headers(live_server.url, "POST", signed_for, body)
    answer = raw.send(
        live_server.url,
        "POST",
        f"/v1.0/{project_id}/kms/disable-key",
        body,
        headers=headers,
        signed=False,
    )
    _assert_unauthorised(answer, "does not match")
    assert steps.describe(sdk, key_id).key_state == "2"  # still Enabled


def test_a_tampered_query_or_signed_header_is_refused(live_server: LiveServer) -> None:
    path = "/v1.0/p/kms/list-keys"
    headers = raw.signed_headers(live_server.url, "POST", path, b"{}")
    answer = raw.send(
        live_server.url, "POST", path + "?limit=1", b"{}", headers=headers, signed=False
    )
    _assert_unauthorised(answer, "does not match")
    answer = raw.send(
        live_server.url,
        "POST",
        path,
        b"{}",
        headers={**headers, "X-Project-Id": "another"},
        signed=False,
    )
    _assert_unauthorised(answer, "does not match")


@pytest.mark.parametrize("skew", [-16 * 60, 16 * 60])
def test_a_stale_or_future_date_is_refused(live_server: LiveServer, skew: int) -> None:
    client = sdk_client(live_server.url)
    # The SDK signs with an X-Sdk-Date it is given instead of the current time.
    client.preset_headers = {"X-Sdk-Date": signing.format_date(time.time() + skew)}
    try:
        error = steps.refused(lambda: steps.create_key(client))
    finally:
        client.close()
    assert (error.status_code, error.error_code) == (401, "APIGW.0301")
    assert "15 minutes" in error.error_msg


@pytest.mark.parametrize(
    ("drop", "words"),
    [
        ("Authorization", "not signed"),
        ("X-Sdk-Date", "X-Sdk-Date header is missing"),
        ("X-Project-Id", "signed header x-project-id is missing"),
    ],
)
def test_a_missing_header_is_refused(live_server: LiveServer, drop: str, words: str) -> None:
    path = "/v1.0/p/kms/list-keys"
    headers = raw.signed_headers(live_server.url, "POST", path, b"{}")
    del headers[drop]
    answer = raw.send(live_server.url, "POST", path, b"{}", headers=headers, signed=False)
    _assert_unauthorised(answer, words)


@pytest.mark.parametrize(
    "authorization",
    [
        "SDK-HMAC-SM3 Access=A, SignedHeaders=host, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 garbage",
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=Host, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=host, Signature=zz",
        "Basic dXNlcjpwYXNz",
    ],
)
def test_a_malformed_authorization_is_refused(live_server: LiveServer, authorization: str) -> None:
    path = "/v1.0/p/kms/list-keys"
    headers = raw.signed_headers(live_server.url, "POST", path, b"{}")
    headers["Authorization"] = authorization
    answer = raw.send(live_server.url, "POST", path, b"{}", headers=headers, signed=False)
    assert answer.status == 401 and answer.error_code == "APIGW.0301"


def test_an_unsigned_request_learns_nothing_about_keys(live_server: LiveServer) -> None:
    answer = raw.post(live_server.url, "/v1.0/p/kms/list-keys", {}, signed=False)
    _assert_unauthorised(answer, "not signed")
    assert list(answer.json()) == ["error"]
    assert sorted(answer.json()["error"]) == ["error_code", "error_msg"]
