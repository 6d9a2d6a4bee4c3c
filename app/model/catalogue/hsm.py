"""The token path (app.material.hsm): every way a PKCS#11 module, token, PIN, key or wrap
can fail, each a sentence that says what to do. ``HsmProblem`` in
``app.material.hsm.problems`` names these ids and gives each its ``HSM.xxxx`` code; no
argument is ever a PIN."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry(
        "hsm.module_missing",
        "The PKCS#11 module {path} does not exist. Check the path, or install your HSM's "
        "client software, which provides the module.",
    ),
    entry(
        "hsm.module_unreadable",
        "You do not have permission to load the PKCS#11 module {path}. Ask your administrator "
        "to make it readable for you.",
    ),
    entry(
        "hsm.module_wrong_architecture",
        "The PKCS#11 module {path} is built for another kind of processor than this computer's "
        "({machine}). Use the module your HSM's client software provides for {machine}.",
    ),
    entry(
        "hsm.module_missing_dependency",
        "The PKCS#11 module {path} needs {library}, which is not installed. Install your HSM's "
        "client software completely, or add the folder of its libraries to LD_LIBRARY_PATH.",
    ),
    entry(
        "hsm.module_not_pkcs11",
        "{path} is not a PKCS#11 module (it has no C_GetFunctionList). Choose the PKCS#11 "
        "library of your HSM's client software.",
    ),
    entry(
        "hsm.module_failed",
        "The PKCS#11 module {path} could not be loaded: {detail}. Check that it is your HSM's "
        "PKCS#11 library and that it is installed completely.",
    ),
    entry(
        "hsm.module_init_failed",
        "The PKCS#11 module {path} loaded but failed to start ({reason}). Check its "
        "configuration (for SoftHSM: SOFTHSM2_CONF and its token folder) and that the HSM is "
        "reachable.",
    ),
    entry(
        "hsm.no_tokens",
        "The PKCS#11 module {path} has no token. Connect or initialize one (for SoftHSM: "
        "softhsm2-util --init-token --free --label NAME), then look again.",
    ),
    entry(
        "hsm.no_such_token",
        "The PKCS#11 module has no token labelled {token}. Its tokens: {tokens}. Choose one of "
        "them.",
    ),
    entry(
        "hsm.ambiguous_token",
        "Several tokens are labelled {token} (serial numbers {serials}). Give each its own "
        "label with your HSM's tool.",
    ),
    entry(
        "hsm.pin_not_initialized",
        "The token {token} has no user PIN yet. Set one with your HSM's tool (for SoftHSM: "
        "softhsm2-util --init-token), then try again.",
    ),
    entry("hsm.pin_missing", "Enter the user PIN of the token {token}."),
    entry(
        "hsm.wrong_pin",
        "The PIN is wrong for the token {token}. Nothing was done; enter it again.",
    ),
    entry(
        "hsm.wrong_pin_few_tries",
        "The PIN is wrong for the token {token}, and the token says few tries are left before "
        "it locks the PIN. Check the PIN before you try again.",
    ),
    entry(
        "hsm.wrong_pin_final_try",
        "The PIN is wrong for the token {token}, and the token says the next wrong PIN locks "
        "it. Make sure of the PIN before you try again.",
    ),
    entry(
        "hsm.pin_locked",
        "The user PIN of the token {token} is locked after too many wrong tries. The token's "
        "security officer can unlock it (set a new user PIN) with your HSM's tool; Keyferry "
        "cannot.",
    ),
    entry(
        "hsm.pin_expired",
        "The user PIN of the token {token} has expired. Change it with your HSM's tool, then "
        "try again.",
    ),
    entry(
        "hsm.no_such_key",
        "The token {token} has no AES key labelled {label}. Choose one of its keys, or "
        "generate a new one in the token.",
    ),
    entry(
        "hsm.ambiguous_key",
        "The token {token} has several AES keys labelled {label}. Give each its own label with "
        "your HSM's tool.",
    ),
    entry(
        "hsm.not_aes_256",
        "The key {label} is a {bits}-bit AES key; the KMS imports 256-bit key material only. "
        "Choose a 256-bit AES key, or generate one in the token.",
    ),
    entry(
        "hsm.no_such_private_key",
        "The token {token} has no RSA or EC private key labelled {label}. Choose one of its "
        "private keys, or generate a new key pair in the token.",
    ),
    entry(
        "hsm.private_key_spec",
        "The token's private key {label} is {found}, but the key being imported is {spec}: the "
        "KMS would refuse it. Choose a private key of {spec}, or generate one in the token.",
    ),
    entry(
        "hsm.private_key_not_importable",
        "The token's private key {label} is {found}; the KMS imports these only: {specs}. "
        "Choose another private key, or generate one in the token.",
    ),
    entry(
        "hsm.no_key_wrap_pad",
        "The token {token} cannot wrap a private key with AES key wrap with padding (RFC 5649, "
        "CKM_AES_KEY_WRAP_PAD), which an RSA or EC import needs; nothing was wrapped. Use a "
        "token that offers it (SoftHSM 2 does), or wrap the private key on your HSM by hand.",
    ),
    entry(
        "hsm.label_exists",
        "The token {token} already has a key labelled {label}; nothing was generated. Choose "
        "another label, or use that key.",
    ),
    entry(
        "hsm.read_only",
        "The token {token} is write-protected, so no key can be generated in it. Use one of "
        "its keys, or another token.",
    ),
    entry(
        "hsm.not_extractable",
        "The key {label} is not extractable (CKA_EXTRACTABLE is false), so the token will "
        "never wrap it, and that cannot be changed. A key must be extractable to be wrapped: "
        "generate a new key in the token (Keyferry makes it extractable and sensitive: it can "
        "be wrapped, never read).",
    ),
    entry(
        "hsm.not_wrappable",
        "The token refuses to wrap the key {label} with the downloaded wrapping key "
        "({reason}); it may allow wrapping only with its own trusted keys "
        "(CKA_WRAP_WITH_TRUSTED). Generate a new key in the token, or ask your HSM's "
        "administrator.",
    ),
    entry(
        "hsm.algorithm_unsupported",
        "The token cannot wrap with {algorithm} ({reason}). Download new import items with an "
        "algorithm it can do ({alternatives}), or use a token that can. Choose with care: "
        "material imported with a wrapping algorithm keeps it, and that cannot be fixed after "
        "the import.",
    ),
    entry(
        "hsm.kcv_differs",
        "The token's key {label} has the key check value {found}, but this key's material has "
        "{expected}: it is other material, which the KMS will refuse. Choose the token key the "
        "material came from.",
    ),
    entry(
        "hsm.session_lost",
        "The connection to the token was lost ({reason}): it was removed, or the HSM or its "
        "network went away. Reconnect it and try again; nothing was written.",
    ),
    entry(
        "hsm.token_failed",
        "The token refused the operation ({reason}). Check your HSM's log; nothing was written.",
    ),
    # the PIN file of the command line (app.material.hsm.pin)
    entry("what.pin_file", "a PIN file"),
    entry("hsm.pin_file_not_text", "{path} is not a PIN file: it is not UTF-8 text."),
    # hsm-wrap's provenance file, read by import-key-material (app.material.hsm.provenance)
    entry("what.pkcs11_provenance", "a token provenance file of hsm-wrap"),
    entry(
        "hsm.provenance_unreadable",
        "{path} is not a token provenance file of hsm-wrap (it does not parse). Wrap the "
        "material again with hsm-wrap, delete the file, or import with --no-provenance.",
    ),
    entry(
        "hsm.provenance_kcv_differs",
        "--expect-kcv {typed} differs from the KCV {token} that the token computed for this "
        "material ({path}). Check which value is right; nothing was imported.",
    ),
)
