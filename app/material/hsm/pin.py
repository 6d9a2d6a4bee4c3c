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
        data = read_input(path, "what.pin_file", limit=4096)
        line = data.split(b"\n", 1)[0].rstrip(b"\r")
        try:
            return cls(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise FileProblem("hsm.pin_file_not_text", path=Path(path)) from None

    @classmethod
    def from_env(cls) -> Pin | None:
        value = os.environ.get(PIN_ENV)
        return cls(value) if value else None


#: The keyring service under which a remembered PIN is kept, one entry per token.
KEYRING_SERVICE = "keyferry-hsm-pin"


def _account(module: Path, token_serial: str) -> str:
    return f"{module.resolve()}#{token_serial}"


def remembered_pin(module: Path, token_serial: str) -> Pin | None:
    """The PIN remembered for this token, if the user asked for it and a keyring works."""
    import keyring
    from keyring.errors import KeyringError

    try:
        value = keyring.get_password(KEYRING_SERVICE, _account(module, token_serial))
    except (KeyringError, RuntimeError):
        return None
    return Pin(value) if value else None


def remember_pin(module: Path, token_serial: str, pin: Pin) -> None:
    """Keep the PIN in the system keyring (only when the user ticked the box for it)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, _account(module, token_serial), pin.reveal())


def forget_pin(module: Path, token_serial: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, _account(module, token_serial))
    except (PasswordDeleteError, KeyringError, RuntimeError):
        pass  # nothing was remembered
