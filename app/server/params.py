"""Reading a request body: JSON in, typed fields out, and a KMS error for anything else.

Bodies come from anyone who holds an access key, so nothing here trusts them: malformed JSON,
a body that is not an object, ``NaN``, numbers too long to parse and nesting too deep to parse
are KMS.0202; a missing required field is KMS.0204 naming it; a field of the wrong type is
KMS.0308 naming it and the type it needs, and so is text that is not Unicode (a lone
surrogate such as ``"\\ud800"``: valid JSON, but no UTF-8 can hold it, so neither the store
nor an answer could). Unknown fields are ignored, as the cloud ignores the SDK's optional ones
it does not use. The engine then checks the values themselves.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.model.errors import KmsError

#: Epoch seconds of 9999-12-31T23:59:59Z: the largest time the API can mean.
MAX_EPOCH_S = 253_402_300_799
SEQUENCE_MAX = 36
_INT64 = 2**63
#: A JSON escape of a surrogate: the only way a lone one can reach a parsed body (raw UTF-8
#: cannot encode one). Paired ones decode to a single character and are fine.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_body(raw: bytes) -> Body:
    """The body as a JSON object; an empty body is an empty object."""
    if not raw.strip():
        return Body({})
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        # UnicodeDecodeError and JSONDecodeError are ValueErrors, and so is an integer of
        # more digits than Python will parse.
        raise KmsError("KMS.0202") from None
    if not isinstance(data, dict):
        raise KmsError("KMS.0202", "server.not_object")
    body = Body(data)
    sequence = data.get("sequence")
    if sequence is not None and (not isinstance(sequence, str) or len(sequence) > SEQUENCE_MAX):
        raise KmsError("KMS.0206", "server.sequence", limit=SEQUENCE_MAX)
    return body


def check_text(body: Body, raw: bytes) -> None:
    """Refuse a body (``parse_body(raw)``) holding text that is not Unicode: a lone
    surrogate, which JSON can escape but UTF-8 cannot encode (nor SQLite store). A
    separate step, so that a refusal can still name the key the body was about."""
    if not _SURROGATE_ESCAPE.search(raw):
        return
    for name, value in body.data.items():
        if _holds_surrogate(name):
            raise KmsError("KMS.0308", "server.name_not_unicode")
        if _holds_surrogate(value):
            raise KmsError("KMS.0308", "server.not_unicode", name=name[:64])


def _holds_surrogate(value: object) -> bool:
    """Whether any text in a parsed JSON value (keys included) holds a lone surrogate.
    Iterative: the nesting is as deep as the parser allowed."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _as_int(value: object) -> int | None:
    """An int, or a string of ASCII digits (with an optional sign) as an int; None for
    anything else. (``"²".isdigit()`` is true, but ``int("²")`` fails.)"""
    if isinstance(value, int):
        return value
    if not isinstance(value, str) or len(value) > 24:
        return None
    digits = value.strip()
    unsigned = digits[1:] if digits[:1] in ("-", "+") else digits
    return int(digits) if unsigned.isascii() and unsigned.isdigit() else None


def _missing(name: str) -> KmsError:
    return KmsError("KMS.0204", "server.missing", name=name)


def _wrong(name: str, message_id: str) -> KmsError:
    return KmsError("KMS.0308", message_id, name=name)


class Body:
    """Typed access to the fields of one JSON object."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def has(self, name: str) -> bool:
        return self.data.get(name) is not None

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        """A string field. JSON ``null`` counts as absent."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise _missing(name)
            return default
        if not isinstance(value, str):
            raise _wrong(name, "server.not_a_string")
        return value

    def optional_text(self, name: str) -> str | None:
        return self.text(name) if self.has(name) else None

    def number(self, name: str, *, code: str = "KMS.0308", required: bool = False) -> int | None:
        """A field the SDK sends as a string of digits and people send as a number: either
        is passed on as an int for the engine to range-check. Anything else (a float, a
        bool, text that is not a whole number, a number beyond 64 bits) is refused here with
        ``code``, the code of the field's own rule. An empty string counts as absent, as the
        SDK's empty ``next_marker`` comes back so."""
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                raise _missing(name)
            return None
        number = None if isinstance(value, bool) else _as_int(value)
        if number is None:
            raise KmsError(code, "server.not_whole", name=name)
        if not -_INT64 <= number < _INT64:
            # SQLite stores 64-bit integers: a larger one would fail deep in the store.
            raise KmsError(code, "server.out_of_range", name=name)
        return number

    def required_number(self, name: str, *, code: str = "KMS.0308") -> int:
        value = self.number(name, code=code, required=True)
        if value is None:  # number() has refused it already; this satisfies the types
            raise _missing(name)
        return value

    def epoch_seconds(self, name: str, *, code: str) -> int | None:
        """A time in epoch seconds (an integer, or a string of digits); one before 1970 or
        after 9999 is refused with ``code``."""
        seconds = self.number(name, code=code)
        if seconds is None:
            return None
        if not 0 <= seconds <= MAX_EPOCH_S:
            raise KmsError(code, "server.not_a_time", name=name)
        return seconds

    def obj(self, name: str, *, required: bool = False) -> Body | None:
        value = self.data.get(name)
        if value is None:
            if required:
                raise _missing(name)
            return None
        if not isinstance(value, dict):
            raise _wrong(name, "server.not_an_object")
        return Body(value)

    def required_obj(self, name: str) -> Body:
        value = self.obj(name, required=True)
        if value is None:
            raise _missing(name)
        return value

    def objects(self, name: str, *, required: bool = False) -> list[Body]:
        """A list of objects."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise _missing(name)
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise _wrong(name, "server.not_a_list")
        return [Body(v) for v in value]
