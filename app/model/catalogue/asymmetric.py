"""Asymmetric keys: their specs and usages, importing a private key, signing, verifying and
encrypting with them, and wrapping a private key on the user's side."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry(
        "key_spec.unsupported", "{value!r} is not a key spec Keyferry makes. Use one of {names}."
    ),
    entry(
        "key_usage.spec",
        "{value!r} is not a usage for a {spec} key. Use {names} (the usage is fixed when the key "
        "is created).",
    ),
    entry("asym.kind_rsa", "an RSA {bits}-bit key"),
    entry("asym.kind_ec", "an EC key on the curve {curve}"),
    entry("asym.kind_other", "a key of the kind {kind}"),
    entry(
        "asym.private_key_spec",
        "The private key is {found}, but this key's spec is {spec}. Import a private key of "
        "the key's spec.",
    ),
    entry(
        "asym.private_key_missing",
        "A {spec} key imports a private key: send encrypted_privatekey (the PKCS#8 private key "
        "wrapped under the temporary key) beside encrypted_key_material.",
    ),
    entry(
        "asym.private_key_symmetric",
        "A {spec} key imports 32 bytes of key material only: leave out encrypted_privatekey.",
    ),
    entry(
        "asym.no_expiry",
        "The material of a {spec} key cannot expire: leave out expiration_time. Expiry "
        "applies to symmetric keys only.",
    ),
    entry(
        "asym.no_delete_material",
        "The material of a {spec} key cannot be deleted: that applies to symmetric keys only. "
        "Schedule the key's deletion instead.",
    ),
    entry(
        "asym.temporary_key_length",
        "The unwrapped temporary key is {length} bytes; it must be a 256-bit AES key "
        "({expected} bytes), wrapped with {algorithm}, the algorithm of this token.",
    ),
    entry(
        "asym.private_key_unwrap",
        "The private key does not unwrap with the temporary key (AES key wrap with padding, "
        "RFC 5649): the file is truncated or changed, or was wrapped under another temporary "
        "key than the one in encrypted_key_material.",
    ),
    entry("asym.private_key_not_base64", "The encrypted private key is not valid Base64."),
    entry("asym.private_key_not_text", "The encrypted private key must be Base64 text."),
    entry(
        "asym.private_key_size",
        "The encrypted private key must be 16 to {limit} bytes, a multiple of 8.",
    ),
    entry("asym.private_key_empty", "The unwrapped private key is empty."),
    entry(
        "asym.private_key_pem",
        "The unwrapped private key is PEM text; wrap the PKCS#8 DER form (openssl pkcs8 "
        "-topk8 -outform DER -nocrypt).",
    ),
    entry(
        "asym.private_key_pkcs1",
        "The unwrapped private key is a PKCS#1 RSA key; convert it to PKCS#8 DER first "
        "(openssl pkcs8 -topk8 -outform DER -nocrypt).",
    ),
    entry(
        "asym.private_key_sec1",
        "The unwrapped private key is a SEC1 EC key; convert it to PKCS#8 DER first "
        "(openssl pkcs8 -topk8 -outform DER -nocrypt).",
    ),
    entry(
        "asym.private_key_encrypted",
        "The unwrapped private key is an encrypted PKCS#8 key; wrap it unencrypted "
        "(openssl pkcs8 -topk8 -outform DER -nocrypt).",
    ),
    entry(
        "asym.private_key_public",
        "The unwrapped key is a public key; import the private key.",
    ),
    entry("asym.private_key_not_der", "The unwrapped private key is not a DER structure."),
    entry(
        "asym.private_key_unreadable",
        "The unwrapped private key is not a valid PKCS#8 private key.",
    ),
    entry(
        "asym.private_key_differs",
        "This key had another private key before. Import the same private key as the first "
        "time (its public key differs).",
    ),
    entry(
        "asym.symmetric_only",
        "A {spec} key cannot do this: it applies to symmetric keys only.",
    ),
    entry("asym.not_asymmetric", "A {spec} key has no public key: it is symmetric."),
    entry("sign.algorithm_unknown", "{value!r} is not a signing algorithm. Use one of {names}."),
    entry(
        "sign.algorithm_spec",
        "{algorithm} does not sign with a {spec} key. Use one of {names}.",
    ),
    entry("sign.message_type", "{value!r} is not a message type: use DIGEST or RAW."),
    entry(
        "sign.digest_length",
        "The digest is {length} bytes; {algorithm} takes a {expected}-byte digest. Send the "
        "digest itself, or the message with message_type RAW.",
    ),
    entry("sign.message_size", "The message is {length} bytes; it must be 1 to {limit} bytes."),
    entry("sign.signature_empty", "The signature is empty."),
    entry("sign.not_base64", "The {field} is not valid Base64."),
    entry(
        "sign.usage_sign",
        "This {spec} key is for {usage}: it cannot sign or verify.",
    ),
    entry(
        "sign.usage_encrypt",
        "This {spec} key is for {usage}: it cannot encrypt or decrypt.",
    ),
    entry(
        "encrypt.algorithm",
        "{value!r} is not an encryption algorithm for a {spec} key: use {expected}.",
    ),
    entry(
        "encrypt.rsa_plaintext_size",
        "The plaintext is {length} bytes; RSAES_OAEP_SHA_256 with a {spec} key encrypts 1 to "
        "{limit} bytes.",
    ),
    entry("encrypt.key_id_needed", "Decrypting with {algorithm} needs the key's ID (key_id)."),
    entry("encrypt.rsa_does_not_decrypt", "The ciphertext does not decrypt with this key."),
    entry(
        "private_key.passphrase",
        "{path} is an encrypted private key: give its passphrase.",
    ),
    entry("private_key.bad_passphrase", "The passphrase does not decrypt {path}."),
    entry(
        "private_key.not_a_key",
        "{path} is not a private key in PEM, DER (PKCS#8, PKCS#1 or SEC1) form: it looks like "
        "{content}.",
    ),
    entry("private_key.is_public", "{path} holds a public key; choose the private key."),
    entry(
        "private_key.spec_none",
        "A {spec} key imports 32 bytes of key material, not a private key.",
    ),
    entry("what.private_key", "a private key (PEM or DER)"),
    entry("what.encrypted_private_key", "an encrypted private key"),
    entry("what.signature", "a signature"),
    entry(
        "cli.asym_expiry",
        "A private key's material never expires: leave out --never-expires and --expires-at.",
    ),
    entry("cli.expiry_needed", "Choose --never-expires or --expires-at."),
    entry(
        "cli.spec_needed",
        "Say which spec the private key is for: --key-spec, or --key with the key's ID.",
    ),
    entry("cli.private_key_out", "--out-private-key is needed to write the wrapped private key."),
)
