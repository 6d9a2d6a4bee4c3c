"""How the remote backend makes one SDK call: reads are retried, changes are not retried blindly.

A read (describe, list, tags, import parameters, data operations) that meets 429 or 502-504
is tried again after a backoff, or after the ``Retry-After`` the answer named when that is
sooner than ``MAX_WAIT_S``; a few tries, then the last error stands. A change is tried again
only after 429, which says the request was turned away unprocessed; any other failure of a
change goes back to the backend, which finds out what happened (``outcomes.py``).

``Retry-After`` is read from the raw response through the SDK's response handler, kept per
thread, since the SDK's exception carries no headers.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from huaweicloudsdkcore.http.http_handler import HttpHandler

from app.backends.remote_errors import call_errors
from app.model.errors import KmsError
from app.model.messages import Message

RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Tries of a read in all (the first and the retries).
READ_TRIES = 4
#: The first backoff; it doubles, plus up to half again of jitter, up to ``MAX_WAIT_S``.
FIRST_BACKOFF_S = 0.5
#: The longest wait between tries; a longer Retry-After ends the retries at once.
MAX_WAIT_S = 10.0


class RemoteCalls:
    """Calls on one SDK client, with the retry policy above."""

    def __init__(
        self,
        endpoint: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 (jitter, not a secret)
        self._seen = threading.local()

    def handler(self) -> HttpHandler:
        """The SDK response handler that notes each answer's ``Retry-After``."""

        def note(**kwargs: Any) -> None:
            response = kwargs.get("response")
            headers = getattr(response, "headers", None) or {}
            self._seen.retry_after = headers.get("Retry-After")

        return HttpHandler().add_response_handler(note)

    def read(self, client: Any, method: str, request: Any) -> Any:
        return self._call(client, method, request, RETRY_STATUSES, READ_TRIES)

    def change(self, client: Any, method: str, request: Any) -> Any:
        return self._call(client, method, request, frozenset({429}), READ_TRIES)

    def _call(
        self, client: Any, method: str, request: Any, statuses: frozenset[int], tries: int
    ) -> Any:
        for attempt in range(tries):
            self._seen.retry_after = None
            try:
                with call_errors(self.endpoint):
                    return getattr(client, method)(request)
            except KmsError as error:
                wait = self._wait(error, attempt, statuses)
                if wait is None or attempt == tries - 1:
                    raise self._final(error) from None
            self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _final(self, error: KmsError) -> KmsError:
        """The error that ends the tries, with the wait the KMS asked for when it said one."""
        asked = retry_after_seconds(self._seen.retry_after, now=time.time())
        if asked is None or error.code.startswith("NET."):
            return error
        # The KMS's own words have no id: they are an argument, shown as they came.
        problem = error.sentence if error.remote is None else None
        return KmsError(
            error.code,
            "remote.retry_after",
            http_status=error.http_status,
            problem=problem or Message("remote.words", words=error.remote or ""),
            seconds=round(asked),
        )

    def _wait(self, error: KmsError, attempt: int, statuses: frozenset[int]) -> float | None:
        """How long to wait before trying again, or None not to."""
        if error.code.startswith("NET.") or error.http_status not in statuses:
            return None
        asked = retry_after_seconds(self._seen.retry_after, now=time.time())
        if asked is not None:
            return asked if asked <= MAX_WAIT_S else None
        backoff: float = FIRST_BACKOFF_S * 2**attempt
        return min(MAX_WAIT_S, backoff * (1.0 + self._rng.random() / 2))


def retry_after_seconds(value: str | None, *, now: float) -> float | None:
    """A ``Retry-After`` header in seconds: a number of seconds, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)
