"""The engine keeps its master key in a real Secret Service (gnome-keyring on D-Bus)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from app.engine import DEFAULT_PROJECT, KeyringMasterKey, LocalKms
from app.model.keys import KeyState
from tests.engine.helpers import do_import, external
from tests.helpers import material
from tests.secret_service import secret_service

pytestmark = pytest.mark.secret_service


def test_master_key_lives_in_gnome_keyring(tmp_path, clock) -> None:
    previous = keyring.get_keyring()
    with secret_service(tmp_path / "home"):
        keyring.set_keyring(SecretServiceKeyring())
        try:
            kms = LocalKms.open(
                tmp_path / "store",
                master_key_source=KeyringMasterKey(),
                clock=clock,
                background=False,
                pool_size=0,
            )
            key = external(kms)
            do_import(kms, key, material())
            blob = kms.encrypt_data(project_id=DEFAULT_PROJECT, key_id=key, plain_text=b"x")
            store_id = kms.store_id
            kms.close()
            stored = keyring.get_password("keyferry", f"master-key:{store_id}")
            assert stored is not None and len(stored) == 44  # Base64 of 32 bytes
            kms = LocalKms.open(
                tmp_path / "store",
                master_key_source=KeyringMasterKey(),
                clock=clock,
                background=False,
                pool_size=0,
            )
            assert (
                kms.describe_key(project_id=DEFAULT_PROJECT, key_id=key).state is KeyState.ENABLED
            )
            assert kms.decrypt_data(project_id=DEFAULT_PROJECT, cipher_text=blob)[1] == b"x"
            kms.close()
        finally:
            keyring.set_keyring(previous)
