"""The sentences of the token path (``app.material.hsm.problems``), marked for Qt Linguist:
each by its message id, with the same ``{name}`` placeholders, so ``messages`` translates an
``HsmError`` by its id and fills in its arguments (a test keeps these equal to the model's)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

HSM_SENTENCES: dict[str, str] = {
    "hsm.module_missing": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module {path} does not exist. Check the path, or install your "
        "HSM's client software, which provides the module.",
    ),
    "hsm.module_unreadable": QT_TRANSLATE_NOOP(
        "HsmError",
        "You do not have permission to load the PKCS#11 module {path}. Ask your "
        "administrator to make it readable for you.",
    ),
    "hsm.module_wrong_architecture": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module {path} is built for another kind of processor than this "
        "computer's ({machine}). Use the module your HSM's client software provides "
        "for {machine}.",
    ),
    "hsm.module_missing_dependency": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module {path} needs {library}, which is not installed. Install "
        "your HSM's client software completely, or add the folder of its libraries to "
        "LD_LIBRARY_PATH.",
    ),
    "hsm.module_not_pkcs11": QT_TRANSLATE_NOOP(
        "HsmError",
        "{path} is not a PKCS#11 module (it has no C_GetFunctionList). Choose the "
        "PKCS#11 library of your HSM's client software.",
    ),
    "hsm.module_failed": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module {path} could not be loaded: {detail}. Check that it is "
        "your HSM's PKCS#11 library and that it is installed completely.",
    ),
    "hsm.module_init_failed": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module {path} loaded but failed to start ({reason}). Check its "
        "configuration (for SoftHSM: SOFTHSM2_CONF and its token folder) and that the "
        "HSM is reachable.",
    ),
    "hsm.no_tokens": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module {path} has no token. Connect or initialize one (for "
        "SoftHSM: softhsm2-util --init-token --free --label NAME), then look again.",
    ),
    "hsm.no_such_token": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PKCS#11 module has no token labelled {token}. Its tokens: {tokens}. "
        "Choose one of them.",
    ),
    "hsm.ambiguous_token": QT_TRANSLATE_NOOP(
        "HsmError",
        "Several tokens are labelled {token} (serial numbers {serials}). Give each "
        "its own label with your HSM's tool.",
    ),
    "hsm.pin_not_initialized": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token {token} has no user PIN yet. Set one with your HSM's tool (for "
        "SoftHSM: softhsm2-util --init-token), then try again.",
    ),
    "hsm.pin_missing": QT_TRANSLATE_NOOP(
        "HsmError",
        "Enter the user PIN of the token {token}.",
    ),
    "hsm.wrong_pin": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PIN is wrong for the token {token}. Nothing was done; enter it again.",
    ),
    "hsm.wrong_pin_few_tries": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PIN is wrong for the token {token}, and the token says few tries are "
        "left before it locks the PIN. Check the PIN before you try again.",
    ),
    "hsm.wrong_pin_final_try": QT_TRANSLATE_NOOP(
        "HsmError",
        "The PIN is wrong for the token {token}, and the token says the next wrong "
        "PIN locks it. Make sure of the PIN before you try again.",
    ),
    "hsm.pin_locked": QT_TRANSLATE_NOOP(
        "HsmError",
        "The user PIN of the token {token} is locked after too many wrong tries. The "
        "token's security officer can unlock it (set a new user PIN) with your HSM's "
        "tool; Keyferry cannot.",
    ),
    "hsm.pin_expired": QT_TRANSLATE_NOOP(
        "HsmError",
        "The user PIN of the token {token} has expired. Change it with your HSM's "
        "tool, then try again.",
    ),
    "hsm.no_such_key": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token {token} has no AES key labelled {label}. Choose one of its keys, "
        "or generate a new one in the token.",
    ),
    "hsm.ambiguous_key": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token {token} has several AES keys labelled {label}. Give each its own "
        "label with your HSM's tool.",
    ),
    "hsm.not_aes_256": QT_TRANSLATE_NOOP(
        "HsmError",
        "The key {label} is a {bits}-bit AES key; the KMS imports 256-bit key "
        "material only. Choose a 256-bit AES key, or generate one in the token.",
    ),
    "hsm.label_exists": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token {token} already has a key labelled {label}; nothing was generated. "
        "Choose another label, or use that key.",
    ),
    "hsm.read_only": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token {token} is write-protected, so no key can be generated in it. Use "
        "one of its keys, or another token.",
    ),
    "hsm.not_extractable": QT_TRANSLATE_NOOP(
        "HsmError",
        "The key {label} is not extractable (CKA_EXTRACTABLE is false), so the token "
        "will never wrap it, and that cannot be changed. A key must be extractable to "
        "be wrapped: generate a new key in the token (Keyferry makes it extractable "
        "and sensitive: it can be wrapped, never read).",
    ),
    "hsm.not_wrappable": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token refuses to wrap the key {label} with the downloaded wrapping key "
        "({reason}); it may allow wrapping only with its own trusted keys "
        "(CKA_WRAP_WITH_TRUSTED). Generate a new key in the token, or ask your HSM's "
        "administrator.",
    ),
    "hsm.algorithm_unsupported": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token cannot wrap with {algorithm} ({reason}). Download new import items "
        "with an algorithm it can do ({alternatives}), or use a token that can. "
        "Choose with care: material imported with a wrapping algorithm keeps it, and "
        "that cannot be fixed after the import.",
    ),
    "hsm.kcv_differs": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token's key {label} has the key check value {found}, but this key's "
        "material has {expected}: it is other material, which the KMS will refuse. "
        "Choose the token key the material came from.",
    ),
    "hsm.session_lost": QT_TRANSLATE_NOOP(
        "HsmError",
        "The connection to the token was lost ({reason}): it was removed, or the HSM "
        "or its network went away. Reconnect it and try again; nothing was written.",
    ),
    "hsm.token_failed": QT_TRANSLATE_NOOP(
        "HsmError",
        "The token refused the operation ({reason}). Check your HSM's log; nothing was written.",
    ),
}
