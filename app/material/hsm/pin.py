"""A token's user PIN: held in an object that never shows it.

``str``, ``repr``, a log record or a traceback's locals show ``Pin(<hidden>)``; only
``reveal()`` gives the PIN, to C_Login. It comes from a file, ``KEYFERRY_HSM_PIN`` or a prompt
without echo (the command line), or a password field (the GUI); never from argv.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.material.files import FileProblem, read_input

PIN_ENV = "KEYFERRY_HSM_PIN"


class Pin:
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Pin(<hidden>)"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a PIN is not pickled")

    @classmethod
    def from_file(cls, path: Path | str) -> Pin:
        """The first line of ``path`` (a trailing newline is not part of the PIN)."""
        data = read_input(path, "a PIN file", limit=4096)
        line = data.split(b"\n", 1)[0].rstrip(b"\r")
        try:
            return cls(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise FileProblem(f"{path} is not a PIN file: it is not UTF-8 text.") from None

    @classmethod
    def from_env(cls) -> Pin | None:
        value = os.environ.get(PIN_ENV)
        return cls(value) if value else None
