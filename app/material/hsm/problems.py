"""Every way the token path can fail, as a sentence that says what to do.

Each failure is an ``HsmError``: a ``KmsError`` with an ``HSM.xxxx`` code (one per kind of
failure), a message id of the catalogue's ``hsm`` area (``HsmProblem``,
``app/model/catalogue/hsm.py`` holds the English) and its named arguments, so the GUI
translates it by its id like any other error. No argument is ever a PIN: the PIN is not
passed to anything here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from app.model.errors import KmsError


class HsmProblem(StrEnum):
    """The message ids of the token path (their English: the catalogue's hsm area), each with
    its code."""

    MODULE_MISSING = "hsm.module_missing"
    MODULE_UNREADABLE = "hsm.module_unreadable"
    MODULE_WRONG_ARCHITECTURE = "hsm.module_wrong_architecture"
    MODULE_MISSING_DEPENDENCY = "hsm.module_missing_dependency"
    MODULE_NOT_PKCS11 = "hsm.module_not_pkcs11"
    MODULE_FAILED = "hsm.module_failed"
    MODULE_INIT_FAILED = "hsm.module_init_failed"
    NO_TOKENS = "hsm.no_tokens"
    NO_SUCH_TOKEN = "hsm.no_such_token"  # noqa: S105 - a message id
    AMBIGUOUS_TOKEN = "hsm.ambiguous_token"  # noqa: S105 - a message id
    PIN_NOT_INITIALIZED = "hsm.pin_not_initialized"
    PIN_MISSING = "hsm.pin_missing"
    WRONG_PIN = "hsm.wrong_pin"
    WRONG_PIN_FEW_TRIES = "hsm.wrong_pin_few_tries"
    WRONG_PIN_FINAL_TRY = "hsm.wrong_pin_final_try"
    PIN_LOCKED = "hsm.pin_locked"
    PIN_EXPIRED = "hsm.pin_expired"
    NO_SUCH_KEY = "hsm.no_such_key"
    AMBIGUOUS_KEY = "hsm.ambiguous_key"
    NOT_AES_256 = "hsm.not_aes_256"
    NO_SUCH_PRIVATE_KEY = "hsm.no_such_private_key"
    PRIVATE_KEY_SPEC = "hsm.private_key_spec"
    PRIVATE_KEY_NOT_IMPORTABLE = "hsm.private_key_not_importable"
    NO_KEY_WRAP_PAD = "hsm.no_key_wrap_pad"
    LABEL_EXISTS = "hsm.label_exists"
    READ_ONLY = "hsm.read_only"
    NOT_EXTRACTABLE = "hsm.not_extractable"
    NOT_WRAPPABLE = "hsm.not_wrappable"
    ALGORITHM_UNSUPPORTED = "hsm.algorithm_unsupported"
    KCV_DIFFERS = "hsm.kcv_differs"
    SESSION_LOST = "hsm.session_lost"
    TOKEN_FAILED = "hsm.token_failed"  # noqa: S105 - a message id

    @property
    def code(self) -> str:
        return _CODES[self]


class HsmError(KmsError):
    """A failure of the token path: ``problem`` is its message id, ``arguments`` its
    values (paths, names, labels, PKCS#11 return values; never a PIN)."""

    def __init__(self, problem: HsmProblem, **arguments: Any) -> None:  # Any: as KmsError's
        self.problem = problem
        super().__init__(problem.code, problem.value, **arguments)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.problem, self.arguments))


def _rebuild(problem: HsmProblem, arguments: dict[str, object]) -> HsmError:
    return HsmError(problem, **arguments)


_P = HsmProblem
_CODES: dict[HsmProblem, str] = {
    **dict.fromkeys(
        (
            _P.MODULE_MISSING,
            _P.MODULE_UNREADABLE,
            _P.MODULE_WRONG_ARCHITECTURE,
            _P.MODULE_MISSING_DEPENDENCY,
            _P.MODULE_NOT_PKCS11,
            _P.MODULE_FAILED,
            _P.MODULE_INIT_FAILED,
        ),
        "HSM.0001",
    ),
    **dict.fromkeys((_P.NO_TOKENS, _P.NO_SUCH_TOKEN, _P.AMBIGUOUS_TOKEN), "HSM.0002"),
    **dict.fromkeys(
        (_P.PIN_MISSING, _P.WRONG_PIN, _P.WRONG_PIN_FEW_TRIES, _P.WRONG_PIN_FINAL_TRY),
        "HSM.0003",
    ),
    **dict.fromkeys((_P.PIN_LOCKED, _P.PIN_EXPIRED, _P.PIN_NOT_INITIALIZED), "HSM.0004"),
    **dict.fromkeys(
        (
            _P.NO_SUCH_KEY,
            _P.AMBIGUOUS_KEY,
            _P.NOT_AES_256,
            _P.NO_SUCH_PRIVATE_KEY,
            _P.PRIVATE_KEY_SPEC,
            _P.PRIVATE_KEY_NOT_IMPORTABLE,
        ),
        "HSM.0005",
    ),
    **dict.fromkeys((_P.NOT_EXTRACTABLE, _P.NOT_WRAPPABLE), "HSM.0006"),
    **dict.fromkeys((_P.ALGORITHM_UNSUPPORTED, _P.NO_KEY_WRAP_PAD), "HSM.0007"),
    **dict.fromkeys((_P.LABEL_EXISTS, _P.READ_ONLY), "HSM.0008"),
    _P.KCV_DIFFERS: "HSM.0009",
    _P.SESSION_LOST: "HSM.0010",
    _P.TOKEN_FAILED: "HSM.0011",
}
