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


def test_moving_the_master_key_to_gnome_keyring_and_back(tmp_path) -> None:
    """Every key stays readable; each copy goes when the key has moved on."""
    from app.engine import FileMasterKey
    from app.engine.master_key_move import move_master_key
    from app.model.keys import Origin

    key_file = tmp_path / "master.key"
    previous = keyring.get_keyring()
    with secret_service(tmp_path / "home"):
        keyring.set_keyring(SecretServiceKeyring())
        try:
            kms = LocalKms.open(
                tmp_path / "store",
                master_key_source=FileMasterKey(key_file),
                background=False,
                pool_size=0,
            )
            keys = [
                kms.create_key(project_id=DEFAULT_PROJECT, key_alias=f"k{i}", origin=Origin.KMS)
                for i in range(3)
            ]
            blobs = [
                kms.encrypt_data(project_id=DEFAULT_PROJECT, key_id=k.key_id, plain_text=b"x")
                for k in keys
            ]
            account = f"master-key:{kms.store_id}"
            assert move_master_key(kms, target=KeyringMasterKey()) is None
            assert not key_file.exists() and keyring.get_password("keyferry", account)
            back = tmp_path / "back" / "master.key"
            assert move_master_key(kms, target=FileMasterKey(back)) is None
            assert keyring.get_password("keyferry", account) is None
            kms.close()
            kms = LocalKms.open(
                tmp_path / "store",
                master_key_source=FileMasterKey(back),
                background=False,
                pool_size=0,
            )
            for blob in blobs:
                assert kms.decrypt_data(project_id=DEFAULT_PROJECT, cipher_text=blob)[1] == b"x"
            kms.close()
        finally:
            keyring.set_keyring(previous)
