"""A loaded PKCS#11 module and its tokens, through python-pkcs11.

A module is loaded once per process (C_Initialize is slow on a network HSM) and kept;
``reload`` starts it again, so that it sees tokens made since and reads its configuration
again. Calls are not thread-safe (C_Initialize is called without locking callbacks): the GUI
makes them all on its one task worker, the command line on its one thread.

Every failure comes out as an ``HsmError`` that says why and what to do: a missing file, a
module for another processor, a missing library it needs, a file that is no PKCS#11 module,
a module that fails to start.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pkcs11
from pkcs11 import TokenFlag
from pkcs11 import exceptions as p11

from app.material.hsm.failures import reason, translated
from app.material.hsm.pin import Pin
from app.material.hsm.problems import HsmError, HsmProblem
from app.material.hsm.session import TokenSession
from app.material.hsm.values import TokenInfo

_DLERROR = re.compile(r"^OS exception while loading .*?: (?P<error>.*)$", re.S)
_MISSING_LIBRARY = re.compile(r"^(?P<name>[^:]+): cannot open shared object file")


class Module:
    """A PKCS#11 module, loaded. ``Module.load(path)`` raises ``HsmError`` when it cannot be."""

    def __init__(self, path: Path, lib: Any) -> None:
        self.path, self._lib = path, lib

    @classmethod
    def load(cls, path: Path | str) -> Module:
        path = Path(path).expanduser()
        _check_file(path)
        real = str(path.resolve())  # one library object per file, whatever the path said
        try:
            return cls(path, pkcs11.lib(real))
        except p11.PKCS11Error as error:
            raise _load_problem(path, error) from None

    @property
    def description(self) -> str:
        return f"{self._lib.manufacturer_id} {self._lib.library_description}".strip()

    def reload(self) -> None:
        """Finalize and initialize again: tokens created meanwhile appear."""
        try:
            self._lib.reinitialize()
        except p11.PKCS11Error as error:
            raise HsmError(
                HsmProblem.MODULE_INIT_FAILED, path=self.path, reason=reason(error)
            ) from None

    def tokens(self) -> list[TokenInfo]:
        """The tokens present in the module's slots."""
        with translated(module=self.path):
            return [_token_info(token) for token in self._initialized_tokens()]

    def token(self, label: str) -> TokenInfo:
        """The one token labelled ``label``."""
        return _token_info(self._find(label))

    @contextmanager
    def session(
        self, label: str, pin: Pin | None, *, write: bool = False
    ) -> Iterator[TokenSession]:
        """A logged-in session on the token ``label``; closed (and logged out) on exit."""
        token = self._find(label)
        info = _token_info(token)
        if pin is None or not pin:
            raise HsmError(HsmProblem.PIN_MISSING, token=label)
        with translated(token=label, module=self.path):
            try:
                opened = token.open(rw=write, user_pin=pin.reveal())
            except p11.PinIncorrect:
                raise _wrong_pin(token, label) from None
            except p11.PinLenRange:
                raise HsmError(HsmProblem.WRONG_PIN, token=label) from None
        session = TokenSession(opened, info.label)
        try:
            yield session
        finally:
            session.close()

    def _initialized_tokens(self) -> list[Any]:
        """The tokens present, less uninitialized ones (SoftHSM always offers one to be
        initialized): they hold no key and have no PIN yet."""
        found = []
        for slot in self._lib.get_slots(token_present=True):
            try:
                token = slot.get_token()
            except (p11.TokenNotPresent, p11.TokenNotRecognised):
                continue
            if token.flags & TokenFlag.TOKEN_INITIALIZED:
                found.append(token)
        return found

    def _find(self, label: str) -> Any:
        with translated(token=label, module=self.path):
            matches = [t for t in self._initialized_tokens() if t.label == label]
        if len(matches) == 1:
            return matches[0]
        if matches:
            serials = ", ".join(_serial(t) for t in matches)
            raise HsmError(HsmProblem.AMBIGUOUS_TOKEN, token=label, serials=serials)
        labels = [t.label for t in self.tokens()]
        if not labels:
            raise HsmError(HsmProblem.NO_TOKENS, path=self.path)
        raise HsmError(HsmProblem.NO_SUCH_TOKEN, token=label, tokens=", ".join(labels))


def _wrong_pin(token: pkcs11.Token, label: str) -> HsmError:
    """A wrong PIN, with what the token says about the tries left (read after the try)."""
    try:
        flags = _fresh_flags(token)
    except p11.PKCS11Error:
        flags = TokenFlag(0)
    if flags & TokenFlag.USER_PIN_LOCKED:
        return HsmError(HsmProblem.PIN_LOCKED, token=label)
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return HsmError(HsmProblem.WRONG_PIN_FINAL_TRY, token=label)
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return HsmError(HsmProblem.WRONG_PIN_FEW_TRIES, token=label)
    return HsmError(HsmProblem.WRONG_PIN, token=label)


def _fresh_flags(token: pkcs11.Token) -> TokenFlag:
    return TokenFlag(token.slot.get_token().flags)


def _token_info(token: pkcs11.Token) -> TokenInfo:
    return TokenInfo(
        label=token.label,
        serial=_serial(token),
        manufacturer=token.manufacturer_id,
        model=token.model,
        write_protected=bool(token.flags & TokenFlag.WRITE_PROTECTED),
    )


def _serial(token: pkcs11.Token) -> str:
    return token.serial.decode("ascii", "replace").strip() or "-"


# ------------------------------------------------------------------- loading the module


def _check_file(path: Path) -> None:
    if not path.exists():
        raise HsmError(HsmProblem.MODULE_MISSING, path=path)
    if not os.access(path, os.R_OK):
        raise HsmError(HsmProblem.MODULE_UNREADABLE, path=path)


def _load_problem(path: Path, error: p11.PKCS11Error) -> HsmError:
    match = _DLERROR.match(str(error))
    if match is None:  # it loaded, and C_Initialize or C_GetInfo failed
        return HsmError(HsmProblem.MODULE_INIT_FAILED, path=path, reason=reason(error))
    detail = match.group("error").strip()
    if "C_GetFunctionList" in detail or not _is_elf(path):
        return HsmError(HsmProblem.MODULE_NOT_PKCS11, path=path)
    if "wrong ELF class" in detail or not _same_machine(path):
        return HsmError(HsmProblem.MODULE_WRONG_ARCHITECTURE, path=path, machine=_machine())
    missing = _MISSING_LIBRARY.match(detail)
    if missing and Path(missing.group("name")).name != path.name:
        return HsmError(
            HsmProblem.MODULE_MISSING_DEPENDENCY, path=path, library=missing.group("name")
        )
    return HsmError(HsmProblem.MODULE_FAILED, path=path, detail=detail)


def _elf_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(20)
    except OSError:
        return b""


def _is_elf(path: Path) -> bool:
    return _elf_header(path).startswith(b"\x7fELF")


def _same_machine(path: Path) -> bool:
    """Whether the module is built for this interpreter's word size, byte order and CPU
    (glibc says only "cannot open shared object file" for another CPU's library)."""
    ours, theirs = _elf_header(Path(sys.executable)), _elf_header(path)
    return len(ours) < 20 or (ours[4:6], ours[18:20]) == (theirs[4:6], theirs[18:20])


def _machine() -> str:
    import platform

    return platform.machine() or "this computer"
