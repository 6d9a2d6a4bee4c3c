"""The user's HSM, through PKCS#11: the console guide's Method 1 done for the user.

A token generates (or already holds) the AES-256 material, wraps it with the downloaded
wrapping key, and computes its key check value; Keyferry only ever holds the ciphertext. It is
a second way to make the same ``EncryptedKeyMaterial.bin`` as ``app.material.wrap``, so it
lives beside it in the material layer (material -> model, no Qt): the layer rule that keeps
the user's side apart from the engine covers it unchanged.

- ``discovery``: the PKCS#11 modules installed here (p11-kit's ``*.module`` files and the
  vendors' usual paths);
- ``token``: a loaded module, its tokens, a logged-in session, its AES keys, generate, wrap,
  KCV; ``problems``: every failure as an ``HsmError`` with an id, arguments and what to do.

python-pkcs11 is imported by ``token`` only, so listing modules costs nothing.
"""
