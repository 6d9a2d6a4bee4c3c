"""The wizard's background work without Qt, on the real local engine: create and update the
key, download, find earlier downloads, wrap, check files, import."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.backends.import_record import ImportClaim
from app.gui.wizard import work
from app.gui.wizard.flow_types import KeyChanges, MaterialSource
from app.material.files import FileProblem
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState, Origin, Tag
from tests.helpers import wrap_for

OAEP256 = WrappingAlgorithm.RSAES_OAEP_SHA_256


@pytest.fixture
def key(backend):
    return work.create_key(backend, alias="work-demo", description="d", tags=(Tag("a", "1"),)).key


@pytest.fixture
def download(backend, key, tmp_path, clock):
    return work.download_items(
        backend, key=key, algorithm=OAEP256, folder=tmp_path, now=clock.now()
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_create_key_makes_an_empty_external_key(key):
    assert (key.origin, key.state, key.kcv) == (Origin.EXTERNAL, KeyState.PENDING_IMPORT, None)
    assert key.tags == (Tag("a", "1"),)


def test_update_key_applies_edits_in_place(backend, key):
    changes = KeyChanges(
        alias="work-renamed",
        description="new",
        tags_removed=(Tag("a", "1"),),
        tags_set=(Tag("b", "2"),),
    )
    updated, refusal = work.update_key(backend, key_id=key.key_id, changes=changes)
    assert refusal is None
    assert (updated.key_id, updated.alias, updated.description, updated.tags) == (
        key.key_id,
        "work-renamed",
        "new",
        (Tag("b", "2"),),
    )
    assert len(backend.all_keys()) == 1


def test_update_key_stops_at_a_taken_alias_and_reports_the_key_as_it_is(backend, key):
    work.create_key(backend, alias="taken", description="", tags=())
    changes = KeyChanges(alias="taken", description="never applied")
    updated, refusal = work.update_key(backend, key_id=key.key_id, changes=changes)
    assert refusal.code == "KMS.1104"
    assert (updated.alias, updated.description) == ("work-demo", "d")


def test_download_writes_the_three_files(download, key, tmp_path):
    items = download.items
    assert items.wrapping_key.parent == tmp_path
    assert items.wrapping_key.name.startswith(f"wrappingKey_{key.key_id}_")
    assert download.modulus_bytes == 256
    serialization.load_der_public_key(items.wrapping_key.read_bytes())
    assert items.token.read_text() == download.parameters.import_token
    assert {mode(p) for p in items.paths()} == {0o600}


def test_download_refuses_a_missing_folder_before_asking_the_kms(backend, key, tmp_path, clock):
    with pytest.raises(FileProblem, match="not a folder"):
        work.download_items(
            backend, key=key, algorithm=OAEP256, folder=tmp_path / "nope", now=clock.now()
        )
    assert [e.operation for e in backend.history(key_id=key.key_id)] == ["create-key"]


def test_an_earlier_download_is_found_until_it_expires(download, key, tmp_path, clock):
    found = work.find_earlier_download(tmp_path, key_id=key.key_id, now=clock.now())
    assert found.items == download.items
    assert found.parameters is None
    later = clock.now() + 24 * 3600
    assert work.find_earlier_download(tmp_path, key_id=key.key_id, now=later) is None
    assert work.find_earlier_download(tmp_path / "x", key_id=key.key_id, now=0) is None


def test_api_call_shows_the_request_and_an_abbreviated_response(download, key):
    request, response = work.api_call(key.key_id, OAEP256, download.parameters)
    assert '"wrapping_algorithm": "RSAES_OAEP_SHA_256"' in request
    assert download.parameters.import_token not in response
    assert download.parameters.import_token[:16] in response
    assert str(download.parameters.expiration_time) in response


def test_wrap_here_generates_saves_and_wraps(download, tmp_path):
    plain = tmp_path / "safe.bin"
    result = work.wrap_here(
        wrapping_key=download.items.wrapping_key,
        algorithm=OAEP256,
        source=MaterialSource.GENERATE,
        plaintext=plain,
    )
    assert result.encrypted == tmp_path / "EncryptedKeyMaterial.bin"
    assert len(result.encrypted.read_bytes()) == 256
    assert len(plain.read_bytes()) == 32
    assert mode(plain) == 0o600 and mode(result.encrypted) == 0o600
    assert result.kcv == key_check_value(plain.read_bytes())


def test_wrap_here_never_overwrites_a_plaintext_file(download, tmp_path):
    plain = tmp_path / "precious.bin"
    plain.write_bytes(b"k" * 32)
    with pytest.raises(FileProblem, match="already exists"):
        work.wrap_here(
            wrapping_key=download.items.wrapping_key,
            algorithm=OAEP256,
            source=MaterialSource.GENERATE,
            plaintext=plain,
        )
    assert plain.read_bytes() == b"k" * 32
    assert not (tmp_path / "EncryptedKeyMaterial.bin").exists()


def test_wrap_here_leaves_no_plaintext_when_the_wrap_cannot_be_written(download, tmp_path):
    (tmp_path / "EncryptedKeyMaterial.bin").mkdir()  # writing it will fail
    plain = tmp_path / "new.bin"
    with pytest.raises(FileProblem):
        work.wrap_here(
            wrapping_key=download.items.wrapping_key,
            algorithm=OAEP256,
            source=MaterialSource.GENERATE,
            plaintext=plain,
        )
    assert not plain.exists()


def test_wrap_here_with_an_existing_file(download, tmp_path):
    plain = tmp_path / "mine.bin"
    plain.write_bytes(bytes(range(32)))
    result = work.wrap_here(
        wrapping_key=download.items.wrapping_key,
        algorithm=OAEP256,
        source=MaterialSource.EXISTING,
        plaintext=plain,
    )
    assert result.kcv == key_check_value(bytes(range(32)))
    assert plain.read_bytes() == bytes(range(32))


@pytest.fixture
def buffers(monkeypatch) -> list[bytearray]:
    """Every plaintext buffer ``wrap_here`` gets (generated or loaded), kept for a look
    after it returns. The real functions run; this only remembers what they gave."""
    seen: list[bytearray] = []
    for name in ("generate_material", "load_plaintext_material"):
        real = getattr(work, name)

        def keep(*args, _real=real, **kwargs):
            buffer = _real(*args, **kwargs)
            seen.append(buffer)
            return buffer

        monkeypatch.setattr(work, name, keep)
    return seen


def wiped(buffers: list[bytearray]) -> bool:
    return all(isinstance(b, bytearray) and len(b) == 32 and not any(b) for b in buffers)


@pytest.mark.parametrize("source", list(MaterialSource))
def test_wrap_here_wipes_the_plaintext_it_held(download, tmp_path, buffers, source):
    plain = tmp_path / "p.bin"
    if source is MaterialSource.EXISTING:
        plain.write_bytes(bytes(range(1, 33)))
    result = work.wrap_here(
        wrapping_key=download.items.wrapping_key, algorithm=OAEP256, source=source, plaintext=plain
    )
    assert len(buffers) == 1 and wiped(buffers), "the plaintext buffer was not wiped"
    assert result.kcv == key_check_value(plain.read_bytes()), "wiped only after its use"


@pytest.mark.parametrize("failure", ["plaintext exists", "wrap not writable"])
def test_wrap_here_wipes_the_plaintext_when_it_fails(download, tmp_path, buffers, failure):
    plain = tmp_path / "p.bin"
    if failure == "plaintext exists":
        plain.write_bytes(b"k" * 32)
    else:
        (tmp_path / "EncryptedKeyMaterial.bin").mkdir()
    with pytest.raises(FileProblem):
        work.wrap_here(
            wrapping_key=download.items.wrapping_key,
            algorithm=OAEP256,
            source=MaterialSource.GENERATE,
            plaintext=plain,
        )
    assert len(buffers) == 1 and wiped(buffers), "the plaintext buffer was not wiped"


@pytest.mark.parametrize(
    ("content", "looks"),
    [
        (bytes(32), work.Looks.PLAINTEXT),
        (b"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n", work.Looks.PEM),
        (bytes(100), work.Looks.OTHER),
    ],
)
def test_check_encrypted_file_says_what_a_wrong_file_looks_like(tmp_path, content, looks):
    path = tmp_path / "f"
    path.write_bytes(content)
    check = work.check_encrypted_file(path, modulus_bytes=256)
    assert (check.ok, check.looks, check.data) == (False, looks, None)


def test_check_encrypted_file_recognises_token_and_wrapping_key(download):
    items = download.items
    assert work.check_encrypted_file(items.token, modulus_bytes=256).looks is work.Looks.TOKEN
    assert (
        work.check_encrypted_file(items.wrapping_key, modulus_bytes=256).looks
        is work.Looks.WRAPPING_KEY
    )


def test_check_encrypted_file_accepts_the_modulus_size(tmp_path):
    path = tmp_path / "EncryptedKeyMaterial.bin"
    path.write_bytes(bytes(256))
    check = work.check_encrypted_file(path, modulus_bytes=256)
    assert check.ok and check.data == bytes(256)


def test_read_token_refuses_a_file_that_is_no_token(download):
    with pytest.raises(FileProblem, match="is not an import token") as caught:
        work.read_token(download.items.wrapping_key)
    assert caught.value.code == "KMS.2605"
    assert work.read_token(download.items.token) == download.parameters.import_token


def test_import_material_enables_the_key(backend, key, download):
    encrypted = wrap_for(download.parameters, bytes(range(32)))
    imported = work.import_material(
        backend,
        key_id=key.key_id,
        token_path=download.items.token,
        encrypted=encrypted,
        expiration_time=None,
        claim=ImportClaim(kcv=key_check_value(bytes(range(32))), kcv_source="wrapped-here"),
    )
    assert imported.state is KeyState.ENABLED
    assert imported.kcv == key_check_value(bytes(range(32)))


def test_load_key_reports_a_missing_key(backend):
    with pytest.raises(KmsError) as caught:
        work.load_key(backend, key_id="0b8e1f3c-5d6a-4f7b-9c8d-1e2f3a4b5c6d")
    assert caught.value.code == "KMS.0207"


def test_wrap_commands_name_files_in_the_folder_and_path_the_others(download, tmp_path):
    items = download.items
    steps = work.wrap_commands(items, plaintext=None, generate=True)
    assert [kind for kind, _ in steps] == ["cd", "generate", "wrap"]
    assert steps[0][1] == f"cd {tmp_path}"
    assert steps[1][1] == "openssl rand -out PlaintextKeyMaterial.bin 32"
    assert f"-inkey {items.wrapping_key.name} " in steps[2][1]
    elsewhere = tmp_path.parent / "my key.bin"
    steps = work.wrap_commands(items, plaintext=elsewhere, generate=False)
    assert [kind for kind, _ in steps] == ["cd", "wrap"]
    assert f"-in '{elsewhere}'" in steps[1][1]
