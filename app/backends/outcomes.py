"""What a change to a remote KMS did when its answer did not arrive cleanly.

A change's answer can be lost after the KMS acted (a gateway's 504, a read timeout), so the
error alone says nothing about the key. The remote backend finds out before it says
anything, and reports one of:

- success: the key shows the change (the call returns normally);
- ``ChangeMade``: the change was made, but a step after it failed (reading the key back,
  setting a new key's tags): a success with a warning, carrying what is known of the key;
- ``KmsError("NET.0009", ...)``: the key shows the change was not made;
- ``OutcomeUnknown``: the key could not be read either; the message says exactly how to
  check, and never advises a destructive step.
"""

from __future__ import annotations

from typing import Any

from app.model.errors import KmsError
from app.model.keys import Cmk


class ChangeMade(KmsError):
    """The change was made; a later step failed. ``key_id`` is the changed key, ``cmk`` its
    snapshot when one could be read (None otherwise). The message is an id of
    ``app/model/catalogue/outcomes.py`` with its arguments."""

    def __init__(
        self, message_id: str, /, *, key_id: str, cmk: Cmk | None = None, **arguments: Any
    ) -> None:
        super().__init__("NET.0008", message_id, **arguments)
        self.key_id = key_id
        self.cmk = cmk

    def __reduce__(self) -> tuple[object, ...]:
        return (_change_made, (self.message_id, self.arguments, self.key_id, self.cmk))


class OutcomeUnknown(KmsError):
    """The answer was lost and the key could not be read: nobody knows yet. ``check`` is the
    command that tells (also in the message)."""

    def __init__(
        self, message_id: str, /, *, key_id: str | None, check: str, **arguments: Any
    ) -> None:
        super().__init__("NET.0007", message_id, check=check, **arguments)
        self.key_id = key_id
        self.check = check

    def __reduce__(self) -> tuple[object, ...]:
        arguments = {k: v for k, v in self.arguments.items() if k != "check"}
        return (_outcome_unknown, (self.message_id, arguments, self.key_id, self.check))


def _change_made(
    message_id: str, arguments: dict[str, Any], key_id: str, cmk: Cmk | None
) -> ChangeMade:
    return ChangeMade(message_id, key_id=key_id, cmk=cmk, **arguments)


def _outcome_unknown(
    message_id: str, arguments: dict[str, Any], key_id: str | None, check: str
) -> OutcomeUnknown:
    return OutcomeUnknown(message_id, key_id=key_id, check=check, **arguments)


def answer_lost(error: KmsError) -> bool:
    """Whether the KMS may have acted although the call failed: a timeout or a broken
    connection after sending, or a 5xx (a gateway's error after forwarding, say). A refused
    connection, an unknown host or a failed TLS handshake never sent the request."""
    if error.code.startswith("NET."):
        return error.code in ("NET.0003", "NET.0005")
    return error.http_status >= 500
