"""The user's side of an import: material, wrapping, key check values, files and the
openssl recipes of the console guide. Depends on the model only.

Import the modules themselves (``app.material.wrap``, ``.files``, ``.import_items``,
``.recipes``): this package re-exports nothing, so that importing one of them does not load
cryptography for the others (the GUI's start-up counts every import).
"""
