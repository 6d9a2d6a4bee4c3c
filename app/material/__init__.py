"""The user's side of an import: material, wrapping, key check values, files and the
openssl recipes of the console guide. Depends on the model only."""

from app.material.files import FileProblem
from app.material.import_items import ImportItems, read_import_items, write_import_items
from app.material.recipes import ENCRYPTED_NAME, PLAINTEXT_NAME, openssl_recipe
from app.material.wrap import (
    generate_material,
    key_check_value,
    load_plaintext_material,
    load_wrapping_key,
    wrap_material,
)

__all__ = [
    "ENCRYPTED_NAME",
    "PLAINTEXT_NAME",
    "FileProblem",
    "ImportItems",
    "generate_material",
    "key_check_value",
    "load_plaintext_material",
    "load_wrapping_key",
    "openssl_recipe",
    "read_import_items",
    "wrap_material",
    "write_import_items",
]
