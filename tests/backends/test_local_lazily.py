"""A local backend opened lazily (the list window's, app.py): nothing is opened until its
first call; that call raises what opening raises, and the next one tries again."""

from __future__ import annotations

import pytest

from app.backends.local import open_local
from app.model.errors import KmsError, SetupError


def test_opens_at_the_first_call_and_says_why_it_cannot(tmp_path) -> None:
    key_file = tmp_path / "master.key"
    key_file.write_bytes(b"short")
    key_file.chmod(0o600)
    backend = open_local(tmp_path / "store", master_key_file=key_file, background=False,
                         lazily=True)
    assert not (tmp_path / "store").exists(), "opened before its first call"
    assert backend._kms is None
    assert backend.label == f"Local engine ({tmp_path / 'store'})"
    with pytest.raises(SetupError, match="master-key file"):
        backend.list_keys(limit=10)
    key_file.unlink()  # the user moves the damaged file away; the next call opens
    assert backend.list_keys(limit=10).keys == ()
    assert backend.kms.store.directory == tmp_path / "store"
    backend.close()
    with pytest.raises(KmsError) as closed:
        backend.list_keys(limit=10)
    assert closed.value.code == "KMS.0101"
