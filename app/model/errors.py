"""The one error type of Keyferry's KMS operations, and the meaning of every error code.

Each code of the Huawei Cloud KMS API has one meaning everywhere: the engine raises it, the
server sends it, the remote backend receives it, and the GUI shows it beside the input it
concerns. Messages are sentences a person understands and never contain secret material.

Every error says what went wrong by identity, a message id and its named arguments, so the
GUI can translate it; ``str()`` and ``.message`` are the English (CLI, logs, REST API).
To add an error:

1. add ``entry("area.what", "English with {named} arguments.")`` to its area's module of
   ``app/model/catalogue/`` (a new area: a new module there; ids are lower-case
   ``area.what``; a code's default sentence has the code for its id, so
   ``KmsError("KMS.0207")`` needs no entry of its own);
2. raise ``KmsError("KMS.0308", "area.what", named=value)`` (``SetupError("area.what",
   named=value)`` for the local setup): pass values, not text: a ``Path``, a name, a number,
   a ``messages.ByteCount``, a ``KeyState``, or a ``Message`` for a phrase the GUI translates too;
3. run ``scripts/update_translations.py`` and write the Chinese in
   ``resources/translations/keyferry_zh_CN.ts`` (the tests refuse an id without one, or a
   translation naming other arguments than its template).

A remote KMS's own words have no id: ``KmsError(code, remote=words)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from app.model.catalogue import MESSAGES
from app.model.messages import Message


@dataclass(frozen=True)
class ErrorInfo:
    """What a code means: its HTTP status and a default sentence."""

    http_status: int
    message: str


#: The HTTP status of each code; its default sentence is the catalogue's entry of that id.
_STATUS: Final[dict[int, tuple[str, ...]]] = {
    500: ("KMS.0101", "KMS.0102"),
    400: tuple(
        "KMS.0201 KMS.0202 KMS.0203 KMS.0204 KMS.0205 KMS.0206 KMS.0209 "
        "KMS.0210 KMS.0308 KMS.0309 KMS.0310 KMS.0311 KMS.0312 KMS.0401 "
        "KMS.0404 KMS.0405 KMS.0406 KMS.0409 KMS.0410 KMS.0411 KMS.0412 "
        "KMS.0413 KMS.1101 KMS.1103 KMS.1104 KMS.1201 KMS.1301 KMS.1401 "
        "KMS.1402 KMS.1501 KMS.1601 KMS.1602 KMS.1901 KMS.2101 KMS.2102 "
        "KMS.2103 KMS.2201 KMS.2202 KMS.2601 KMS.2602 KMS.2603 KMS.2604 "
        "KMS.2605 KMS.2606 KMS.2607 KMS.2608 KMS.2609 KMS.2610 KMS.2611 KMS.2701".split()
    ),
    404: ("KMS.0207", "APIGW.0101"),
    # Authentication failures of the REST API, as Huawei's API gateway reports them.
    401: ("APIGW.0301",),
    405: ("APIGW.0102",),
    # Talking to a remote KMS failed before it could answer: not KMS answers but the
    # gateway status a proxy would use; the remote backend raises them.
    503: ("NET.0001", "NET.0002"),
    502: ("NET.0004", "NET.0005", "NET.0006", "NET.0008"),
    # A change whose answer was lost: what Keyferry found out afterwards (NET.0007 unknown,
    # NET.0008 made but a later step failed, NET.0009 confirmed not made).
    504: ("NET.0003", "NET.0007", "NET.0009"),
}

CODES: Final[dict[str, ErrorInfo]] = {
    code: ErrorInfo(status, MESSAGES[code]) for status, codes in _STATUS.items() for code in codes
}


class KmsError(Exception):
    """A refused or failed KMS operation, with its API error code.

    ``code`` is the API's error code (``KMS.2601``); ``message_id`` and ``arguments`` say what
    went wrong (the code's default sentence when no id is given); ``message`` is that
    sentence in English; ``http_status`` what the REST API answers. ``remote``: a remote
    KMS's own words, which have no id (``message_id`` is then the code's, or None for a code
    we do not know). A refused operation changes nothing.
    """

    def __init__(
        self,
        code: str,
        message_id: str | None = None,
        /,
        *,
        http_status: int | None = None,
        remote: str | None = None,
        **arguments: Any,  # Any: the names are the message's, checked by Message
    ) -> None:
        info = CODES.get(code)
        self.code = code
        self.remote = remote
        if remote is not None:
            assert message_id is None and not arguments, "a remote's words have no id"
            self.message_id = code if info else None
            self.arguments: dict[str, object] = {}
            self.message = remote
        else:
            self.message_id = message_id or code
            self.arguments = arguments
            self.message = str(Message(self.message_id, **arguments))
        self.http_status = http_status or (info.http_status if info else 400)
        super().__init__(f"{code}: {self.message}")

    @property
    def sentence(self) -> Message | None:
        """What went wrong, by identity (None for a remote's words under an unknown code)."""
        if self.remote is not None:
            return Message(self.message_id) if self.message_id else None
        assert self.message_id is not None
        return Message(self.message_id, **self.arguments)

    def __reduce__(self) -> tuple[object, ...]:
        state = (self.code, self.message_id, self.arguments, self.remote, self.http_status)
        return (_rebuild, state)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KmsError) and _identity(self) == _identity(other)

    def __hash__(self) -> int:
        return hash((self.code, self.message))


def _identity(error: KmsError) -> tuple[object, ...]:
    return (error.code, error.message_id, error.arguments, error.remote)


def _rebuild(
    code: str,
    message_id: str | None,
    arguments: dict[str, Any],
    remote: str | None,
    http_status: int,
) -> KmsError:
    if remote is not None:
        return KmsError(code, http_status=http_status, remote=remote)
    return KmsError(code, message_id, http_status=http_status, **arguments)


class SetupError(Exception):
    """The local environment cannot run a store: no keyring, a missing master key, a bad
    master-key file. Not a KMS answer, so it carries no code; its message (an id and its
    arguments, like ``KmsError``'s) says what to do."""

    def __init__(self, message_id: str, /, **arguments: object) -> None:
        self.message_id = message_id
        self.arguments = arguments
        self.message = str(self.sentence)
        super().__init__(self.message)

    @property
    def sentence(self) -> Message:
        return Message(self.message_id, **self.arguments)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_setup, (type(self), self.message_id, self.arguments))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SetupError) and (self.message_id, self.arguments) == (
            other.message_id,
            other.arguments,
        )

    def __hash__(self) -> int:
        return hash(self.message)


def _rebuild_setup(
    kind: type[SetupError], message_id: str, arguments: dict[str, object]
) -> SetupError:
    return kind(message_id, **arguments)
