"""What went wrong talking to a remote KMS, as a ``KmsError`` a person can act on.

The SDK reports a KMS's refusal as ``ClientRequestException`` / ``ServerResponseException``
(status, code, message, request ID): the code and message stay the remote's own. Network
failures arrive as the SDK's connection exceptions, or as a bare ``requests`` timeout (the SDK
does not wrap a read timeout); each becomes a ``NET.xxxx`` code of ``app/model/errors.py``
with the endpoint named, so the user knows what to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import requests
from huaweicloudsdkcore.exceptions import exceptions as sdk

from app.model.errors import KmsError
from app.model.messages import Message

_MESSAGE_MAX = 500
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|title)\b", re.I)


def answer_error(field: str) -> KmsError:
    return KmsError("NET.0006", "remote.answer_unusable", field=field)


def remote_refusal(error: sdk.ServiceResponseException) -> KmsError:
    """The remote's own code and message; ``HTTP.<status>`` when it sent no code. A web page
    instead of an API answer (a gateway's or a proxy's) becomes one sentence."""
    status = int(error.status_code or 500)
    code = str(error.error_code or "")
    if not code or code == str(status):  # the SDK puts the bare status where no code came
        code = f"HTTP.{status}"
    words = str(error.error_msg or "").strip()
    if _HTML.search(words[:1000]):
        problem = _page_sentence(status)
    elif words:  # the remote's own words: they have no id of ours
        if len(words) > _MESSAGE_MAX:
            words = words[:_MESSAGE_MAX] + "..."
        if error.request_id:
            words = f"{words} (request ID {error.request_id})"
        return KmsError(code, http_status=status, remote=words)
    else:
        problem = Message("remote.http_status", status=status)
    if error.request_id:
        return KmsError(
            code,
            "remote.request_id",
            http_status=status,
            problem=problem,
            request_id=error.request_id,
        )
    # A message's arguments never use the reserved names (http_status, remote).
    return KmsError(code, problem.id, http_status=status, **problem.arguments)  # type: ignore[arg-type]


def _page_sentence(status: int) -> Message:
    return Message("remote.web_page", status=status)  # the number: its phrase is English


def _network(code: str, endpoint: str, detail: str = "") -> KmsError:
    if detail:
        return KmsError(
            code,
            "net.endpoint_detail",
            problem=Message(code),
            endpoint=endpoint,
            detail=detail[:200],
        )
    return KmsError(code, "net.endpoint", problem=Message(code), endpoint=endpoint)


def _classify(text: str) -> str:
    lowered = text.lower()
    if "refused" in lowered:
        return "NET.0001"
    if (
        "name or service not known" in lowered
        or "name resolution" in lowered
        or "nodename nor servname" in lowered
        or "getaddrinfo" in lowered
    ):
        return "NET.0002"
    if "timed out" in lowered or "timeout" in lowered:
        return "NET.0003"
    if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
        return "NET.0004"
    return "NET.0005"


@contextmanager
def call_errors(endpoint: str) -> Iterator[None]:
    """Run one SDK call; turn whatever it raises into a ``KmsError``."""
    try:
        yield
    except sdk.ServiceResponseException as error:
        raise remote_refusal(error) from None
    except sdk.SslHandShakeException as error:
        raise _network("NET.0004", endpoint, str(error.error_msg)) from None
    except sdk.HostUnreachableException:
        raise _network("NET.0002", endpoint) from None
    except sdk.ConnectionException as error:
        code = _classify(str(error.error_msg))
        raise _network(code, endpoint) from None
    except sdk.RequestTimeoutException:
        raise _network("NET.0003", endpoint) from None
    except requests.exceptions.SSLError:
        raise _network("NET.0004", endpoint) from None
    except requests.exceptions.Timeout:
        raise _network("NET.0003", endpoint) from None
    except requests.exceptions.RequestException as error:
        raise _network(_classify(str(error)), endpoint) from None
    except sdk.SdkException as error:
        raise _network(_classify(str(error.error_msg)), endpoint) from None
