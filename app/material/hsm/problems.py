"""Every way the token path can fail, as a sentence that says what to do.

Each failure is an ``HsmError``: a ``KmsError`` with an ``HSM.xxxx`` code (one per kind of
failure), a message id (``HsmProblem``) and its named arguments, so the GUI translates it by
its id and fills in the names, never by matching the English. No argument is ever a PIN:
the PIN is not passed to anything here.
"""

from __future__ import annotations

from enum import StrEnum

from app.model.errors import KmsError


class HsmProblem(StrEnum):
    """The message ids of the token path, with their code and English sentence."""

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

    @property
    def template(self) -> str:
        """The English sentence, with ``{name}`` for each argument."""
        return _TEMPLATES[self]


class HsmError(KmsError):
    """A failure of the token path: ``problem`` is its message id, ``params`` its
    arguments (names, paths, labels, PKCS#11 return values; never a PIN)."""

    def __init__(self, problem: HsmProblem, **params: str) -> None:
        self.problem = problem
        self.params = dict(params)
        super().__init__(problem.code, problem.template.format(**params))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.problem, self.params))


def _rebuild(problem: HsmProblem, params: dict[str, str]) -> HsmError:
    return HsmError(problem, **params)


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
    **dict.fromkeys((_P.NO_SUCH_KEY, _P.AMBIGUOUS_KEY, _P.NOT_AES_256), "HSM.0005"),
    **dict.fromkeys((_P.NOT_EXTRACTABLE, _P.NOT_WRAPPABLE), "HSM.0006"),
    _P.ALGORITHM_UNSUPPORTED: "HSM.0007",
    **dict.fromkeys((_P.LABEL_EXISTS, _P.READ_ONLY), "HSM.0008"),
    _P.KCV_DIFFERS: "HSM.0009",
    _P.SESSION_LOST: "HSM.0010",
    _P.TOKEN_FAILED: "HSM.0011",
}

_TEMPLATES: dict[HsmProblem, str] = {
    _P.MODULE_MISSING: (
        "The PKCS#11 module {path} does not exist. Check the path, or install your HSM's "
        "client software, which provides the module."
    ),
    _P.MODULE_UNREADABLE: (
        "You do not have permission to load the PKCS#11 module {path}. Ask your administrator "
        "to make it readable for you."
    ),
    _P.MODULE_WRONG_ARCHITECTURE: (
        "The PKCS#11 module {path} is built for another kind of processor than this "
        "computer's ({machine}). Use the module your HSM's client software provides for "
        "{machine}."
    ),
    _P.MODULE_MISSING_DEPENDENCY: (
        "The PKCS#11 module {path} needs {library}, which is not installed. Install your HSM's "
        "client software completely, or add the folder of its libraries to LD_LIBRARY_PATH."
    ),
    _P.MODULE_NOT_PKCS11: (
        "{path} is not a PKCS#11 module (it has no C_GetFunctionList). Choose the PKCS#11 "
        "library of your HSM's client software."
    ),
    _P.MODULE_FAILED: (
        "The PKCS#11 module {path} could not be loaded: {detail}. Check that it is your "
        "HSM's PKCS#11 library and that it is installed completely."
    ),
    _P.MODULE_INIT_FAILED: (
        "The PKCS#11 module {path} loaded but failed to start ({reason}). Check its "
        "configuration (for SoftHSM: SOFTHSM2_CONF and its token folder) and that the HSM "
        "is reachable."
    ),
    _P.NO_TOKENS: (
        "The PKCS#11 module {path} has no token. Connect or initialize one (for SoftHSM: "
        "softhsm2-util --init-token --free --label NAME), then look again."
    ),
    _P.NO_SUCH_TOKEN: (
        "The PKCS#11 module has no token labelled {token}. Its tokens: {tokens}. Choose one "
        "of them."
    ),
    _P.AMBIGUOUS_TOKEN: (
        "Several tokens are labelled {token} (serial numbers {serials}). Give each its own "
        "label with your HSM's tool."
    ),
    _P.PIN_NOT_INITIALIZED: (
        "The token {token} has no user PIN yet. Set one with your HSM's tool (for SoftHSM: "
        "softhsm2-util --init-token), then try again."
    ),
    _P.PIN_MISSING: "Enter the user PIN of the token {token}.",
    _P.WRONG_PIN: "The PIN is wrong for the token {token}. Nothing was done; enter it again.",
    _P.WRONG_PIN_FEW_TRIES: (
        "The PIN is wrong for the token {token}, and the token says few tries are left "
        "before it locks the PIN. Check the PIN before you try again."
    ),
    _P.WRONG_PIN_FINAL_TRY: (
        "The PIN is wrong for the token {token}, and the token says the next wrong PIN locks "
        "it. Make sure of the PIN before you try again."
    ),
    _P.PIN_LOCKED: (
        "The user PIN of the token {token} is locked after too many wrong tries. The token's "
        "security officer can unlock it (set a new user PIN) with your HSM's tool; Keyferry "
        "cannot."
    ),
    _P.PIN_EXPIRED: (
        "The user PIN of the token {token} has expired. Change it with your HSM's tool, then "
        "try again."
    ),
    _P.NO_SUCH_KEY: (
        "The token {token} has no AES key labelled {label}. Choose one of its keys, or "
        "generate a new one in the token."
    ),
    _P.AMBIGUOUS_KEY: (
        "The token {token} has several AES keys labelled {label}. Give each its own label "
        "with your HSM's tool."
    ),
    _P.NOT_AES_256: (
        "The key {label} is a {bits}-bit AES key; the KMS imports 256-bit key material only. "
        "Choose a 256-bit AES key, or generate one in the token."
    ),
    _P.LABEL_EXISTS: (
        "The token {token} already has a key labelled {label}; nothing was generated. Choose "
        "another label, or use that key."
    ),
    _P.READ_ONLY: (
        "The token {token} is write-protected, so no key can be generated in it. Use one of "
        "its keys, or another token."
    ),
    _P.NOT_EXTRACTABLE: (
        "The key {label} is not extractable (CKA_EXTRACTABLE is false), so the token will "
        "never wrap it, and that cannot be changed. A key must be extractable to be "
        "wrapped: generate a new key in the token (Keyferry makes it extractable and "
        "sensitive: it can be wrapped, never read)."
    ),
    _P.NOT_WRAPPABLE: (
        "The token refuses to wrap the key {label} with the downloaded wrapping key "
        "({reason}); it may allow wrapping only with its own trusted keys "
        "(CKA_WRAP_WITH_TRUSTED). Generate a new key in the token, or ask your HSM's "
        "administrator."
    ),
    _P.ALGORITHM_UNSUPPORTED: (
        "The token cannot wrap with {algorithm} ({reason}). Download new import items with "
        "an algorithm it can do ({alternatives}), or use a token that can. Choose with care: "
        "material imported with a wrapping algorithm keeps it, and that cannot be fixed "
        "after the import."
    ),
    _P.KCV_DIFFERS: (
        "The token's key {label} has the key check value {found}, but this key's material has "
        "{expected}: it is other material, which the KMS will refuse. Choose the token key "
        "the material came from."
    ),
    _P.SESSION_LOST: (
        "The connection to the token was lost ({reason}): it was removed, or the HSM or its "
        "network went away. Reconnect it and try again; nothing was written."
    ),
    _P.TOKEN_FAILED: (
        "The token refused the operation ({reason}). Check your HSM's log; nothing was written."
    ),
}
