"""Every refusal a user can meet in the wizard, driven through the GUI: the message shown (with
its KMS code and what to do), that the store did not change, and that the user can go back,
fix it and finish without starting over."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QLabel, QLineEdit, QPushButton, QWizard

from app.gui.wizard.flow_types import PageId
from app.material.import_items import write_import_items
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState
from tests.gui.wizard.wizard_driver import finish_refused, hsm_wrap
from tests.helpers import wrap_for

OAEP256 = WrappingAlgorithm.RSAES_OAEP_SHA_256


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "downloads"
    path.mkdir()
    return path


def to_token_via_hsm(d, folder: Path, material: bytes, padding_of=OAEP256) -> None:
    d.create_key("hsm-key")
    d.download(folder, OAEP256)
    d.next(PageId.WRAP)
    d.click("wrapOnHsmRadio")
    encrypted = hsm_wrap(d, material, padding_of, folder / "FromHsm.bin")
    d.next(PageId.MATERIAL)
    d.choose_encrypted(encrypted)
    d.next(PageId.TOKEN)


def to_material_page_via_hsm(d, folder: Path) -> None:
    """A new key "k", its import items downloaded, "I will wrap it on my HSM": page 5."""
    d.create_key("k")
    d.download(folder)
    d.next(PageId.WRAP)
    d.click("wrapOnHsmRadio")
    d.next(PageId.MATERIAL)


# ------------------------------------------------------------------------ 2. the key


def test_a_taken_alias_is_shown_beside_the_alias_with_the_input_intact(driver, backend):
    d = driver
    backend.create_key(alias="taken")
    before = backend.all_keys()
    d.type("aliasEdit", "taken")
    d.type("descriptionEdit", "my words")
    d.next(PageId.SECURITY)
    d.click("acknowledgeCheck")
    d.wait(lambda: d.next_enabled)
    d.qtbot.mouseClick(d.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    d.wait(lambda: d.wizard.currentId() == PageId.KEY)
    problem = d.label("aliasProblemLabel")
    assert problem.startswith("KMS.1104: ")
    assert "already exists" in problem and "Choose another alias." in problem
    assert d.find(QLineEdit, "aliasEdit").text() == "taken"
    assert d.find(QLineEdit, "descriptionEdit").text() == "my words"
    assert backend.all_keys() == before
    d.type("aliasEdit", "free")
    assert d.label("aliasProblemLabel") == ""
    d.next(PageId.SECURITY)
    assert d.find(QCheckBox, "acknowledgeCheck").isChecked()
    d.next(PageId.DOWNLOAD)
    assert sorted(k.alias for k in backend.all_keys()) == ["free", "taken"]


def test_going_back_after_the_key_exists_updates_it_instead_of_creating_another(driver, backend):
    d = driver
    d.create_key("first-name", "first words")
    key = backend.all_keys()[0]
    d.wizard.back()
    d.wizard.back()
    assert d.wizard.currentId() == PageId.KEY
    assert key.key_id in d.find(QLabel, "existingKeyNote").text()
    d.type("aliasEdit", "second-name")
    d.click("addTagButton")
    d.type("tagKeyEdit", "env")
    d.next(PageId.SECURITY)
    d.next(PageId.DOWNLOAD)
    keys = backend.all_keys()
    assert [(k.key_id, k.alias, k.description, [t.key for t in k.tags]) for k in keys] == [
        (key.key_id, "second-name", "first words", ["env"])
    ]
    d.wizard.back()
    d.next(PageId.DOWNLOAD)  # nothing edited: nothing to do, and still one key
    assert len(backend.all_keys()) == 1


# ----------------------------------------------------------------------- 3. download


def test_a_missing_folder_is_refused_and_nothing_is_fetched(driver, backend, tmp_path):
    d = driver
    d.create_key("k")
    key = backend.all_keys()[0]
    d.type("downloadDirEdit", str(tmp_path / "no" / "such"))
    d.settle()
    d.click("downloadButton")
    d.settle()
    assert "is not a folder" in d.notice()
    assert not d.next_enabled
    assert [e.operation for e in backend.history(key_id=key.key_id)] == ["create-key"]


def test_the_sha1_notice_shows_only_for_sha1(driver):
    d = driver
    d.create_key("k")
    notice = d.find(QLabel, "sha1Notice")
    assert not notice.isVisible()
    d.choose_algorithm(WrappingAlgorithm.RSAES_OAEP_SHA_1)
    assert notice.isVisible() and "no longer secure" in notice.text()
    assert "SHA-1" in d.label("algorithmDescription")
    d.choose_algorithm(WrappingAlgorithm.RSAES_PKCS1_V1_5)
    assert not notice.isVisible()


def test_changing_the_algorithm_after_a_download_asks_for_a_new_one(driver, folder):
    d = driver
    d.create_key("k")
    d.download(folder, OAEP256)
    assert d.next_enabled
    d.choose_algorithm(WrappingAlgorithm.RSAES_PKCS1_V1_5)
    assert not d.next_enabled
    assert "download again" in d.label("expiryLabel")
    d.choose_algorithm(OAEP256)
    assert d.next_enabled


# ------------------------------------------------------------------------- 4. wrapping


def test_generating_never_overwrites_an_existing_plaintext_file(driver, folder):
    d = driver
    d.create_key("k")
    d.download(folder)
    d.next(PageId.WRAP)
    precious = folder / "PlaintextKeyMaterial.bin"
    precious.write_bytes(b"p" * 32)
    d.wrap_here()
    assert "already exists; it was not overwritten" in d.notice()
    assert precious.read_bytes() == b"p" * 32
    assert not (folder / "EncryptedKeyMaterial.bin").exists()
    assert not d.next_enabled
    d.wrap_here(folder / "Other.bin")
    assert d.notice() == "" and d.next_enabled


def test_an_existing_file_of_the_wrong_size_is_described(driver, folder):
    d = driver
    d.create_key("k")
    d.download(folder)
    d.next(PageId.WRAP)
    hex_file = folder / "material.hex"
    hex_file.write_text("00" * 32 + "\n")
    d.wrap_here(hex_file, existing=True)
    assert "hex text" in d.notice() and "xxd -r -p" in d.notice()
    assert not d.next_enabled


# -------------------------------------------------------------- 5. the encrypted file


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda items: items.token, ["Base64 text", "It looks like the import token"]),
        (lambda items: items.wrapping_key, ["DER structure", "It looks like the wrapping key"]),
        (
            lambda items: _write(items.readme.parent / "plain.bin", bytes(32)),
            ["32 bytes", "plaintext key material: go back and wrap it first"],
        ),
        (
            lambda items: _write(
                items.readme.parent / "key.pem",
                b"-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n",
            ),
            ["PEM text file", "encrypted material is raw binary"],
        ),
    ],
)
def test_a_wrong_encrypted_file_says_what_it_looks_like(driver, folder, make, words):
    d = driver
    to_material_page_via_hsm(d, folder)
    d.choose_encrypted(make(d.wizard.flow.items))
    text = d.label("encryptedCheckLabel")
    assert "encrypted key material is exactly 256 bytes" in text
    for expected in words:
        assert expected in text
    assert not d.next_enabled


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_missing_encrypted_file_is_reported_under_the_field(driver, folder):
    d = driver
    to_material_page_via_hsm(d, folder)
    d.choose_encrypted(folder / "nothing-here.bin")
    assert "does not exist" in d.label("encryptedCheckLabel")
    assert not d.next_enabled


# ------------------------------------------------------------------ 6. the import itself


def test_an_expired_token_is_refused_then_fixed_by_downloading_again(
    driver, backend, folder, clock
):
    d = driver
    d.to_token_page(folder)
    clock.advance(24 * 3600 + 1)
    text = finish_refused(d, backend, "KMS.2601")
    assert "expired" in text and "wrap your key material again" in text
    assert text.lower().count("download") == 1, text  # said once, not twice
    fix = d.find(QPushButton, "fixButton")
    assert fix.isVisible() and "Download import items" in fix.text()
    d.click("fixButton")
    assert d.wizard.currentId() == PageId.DOWNLOAD
    assert not d.next_enabled and "expired" in d.label("expiryLabel")
    d.download(folder)
    d.next(PageId.WRAP)
    assert not d.next_enabled, "the material must be wrapped again with the new key"
    d.wrap_here(folder / "Material2.bin")
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    d.finish()
    assert "imported successfully" in d.notice()
    assert backend.all_keys()[0].state is KeyState.ENABLED


def test_the_token_of_another_key_is_refused(driver, backend, folder, clock, tmp_path):
    d = driver
    other = backend.create_key(alias="other-key")
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    params = backend.get_parameters_for_import(key_id=other.key_id, wrapping_algorithm=OAEP256)
    other_items = write_import_items(other_dir, params, alias="other-key", now_s=clock.now())
    d.to_token_page(folder)
    d.type("tokenFileEdit", str(other_items.token))
    text = finish_refused(d, backend, "KMS.2603")
    assert "belongs to another key" in text and "contains the key ID" in text
    d.type("tokenFileEdit", str(d.wizard.flow.items.token))
    d.finish()
    assert "imported successfully" in d.notice()


def test_a_file_that_is_no_token_is_refused_before_the_kms_is_asked(driver, backend, folder):
    d = driver
    d.to_token_page(folder)
    d.type("tokenFileEdit", str(d.wizard.flow.items.wrapping_key))
    before = backend.all_keys()
    d.finish()
    assert "is not an import token" in d.notice() and "DER structure" in d.notice()
    assert backend.all_keys() == before


def test_material_wrapped_with_another_algorithm_is_refused(driver, backend, folder):
    d = driver
    to_token_via_hsm(d, folder, bytes(range(32)), padding_of=WrappingAlgorithm.RSAES_PKCS1_V1_5)
    text = finish_refused(d, backend, "KMS.0311")
    assert "could not be unwrapped" in text and "Wrap key material" in text
    d.click("fixButton")
    assert d.wizard.currentId() == PageId.WRAP


def test_31_bytes_of_material_are_refused(driver, backend, folder):
    d = driver
    to_token_via_hsm(d, folder, bytes(31))
    text = finish_refused(d, backend, "KMS.2604")
    assert "31 bytes" in text and "exactly 32 bytes" in text


def test_an_expiry_in_the_past_disables_finish_and_says_why(driver, backend, folder, clock):
    d = driver
    d.to_token_page(folder)
    d.click("expiresOnRadio")
    date_edit = d.find(QDateTimeEdit, "expiresOnEdit")
    assert date_edit.dateTime().toSecsSinceEpoch() == int(clock.now()) + 24 * 3600
    date_edit.setDateTime(date_edit.dateTime().addDays(-2))
    assert "must be in the future" in d.label("expiresOnProblemLabel")
    assert not d.button(QWizard.WizardButton.FinishButton).isEnabled()
    date_edit.setDateTime(date_edit.dateTime().addDays(3))
    assert d.label("expiresOnProblemLabel") == ""
    d.finish()
    key = backend.all_keys()[0]
    assert key.state is KeyState.ENABLED
    assert key.material_expires_ms == date_edit.dateTime().toSecsSinceEpoch() * 1000


def test_an_expiry_the_kms_finds_past_is_refused(driver, backend, folder, clock):
    """The KMS's clock is ahead of this computer's (a remote KMS, say): its refusal shows."""
    d = driver
    d.to_token_page(folder)
    d.click("expiresOnRadio")
    date_edit = d.find(QDateTimeEdit, "expiresOnEdit")
    date_edit.setDateTime(date_edit.dateTime().addSecs(-23 * 3600))  # one hour from now
    local = clock.now()
    d.wizard.flow.now = lambda: local  # this computer's clock stands still...
    clock.advance(2 * 3600)  # ...while the KMS's moves on
    text = finish_refused(d, backend, "KMS.2602")
    assert "must be in the future" in text and "Choose a later date" in text


def test_different_material_on_import_again_is_refused(make_wizard, backend, tmp_path):
    first = backend.create_key(alias="re-import")
    params = backend.get_parameters_for_import(key_id=first.key_id, wrapping_algorithm=OAEP256)
    backend.import_key_material(
        key_id=first.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, bytes(range(32))),
    )
    backend.delete_imported_key_material(key_id=first.key_id)
    folder = tmp_path / "again"
    folder.mkdir()
    d = make_wizard(first.key_id)
    d.download(folder)
    d.next(PageId.WRAP)
    d.wrap_here()  # new random material, not the original
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    text = finish_refused(d, backend, "KMS.2606")
    assert "same material as the first time" in text
    assert "Use an existing 32-byte key material file" in text
    d.click("fixButton")
    original = folder / "original.bin"
    original.write_bytes(bytes(range(32)))
    d.wrap_here(original, existing=True)
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    d.finish()
    assert "imported successfully" in d.notice()
    assert backend.describe_key(key_id=first.key_id).state is KeyState.ENABLED


# ------------------------------------------------------------- hostile files (issue 7)


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch):
    """Files no one should feed the wizard: each maker returns a path and the context to read
    it in (the unreadable one is read as an unprivileged user)."""
    import contextlib
    import os

    @contextlib.contextmanager
    def as_nobody():  # root reads anything; drop to nobody so file modes apply
        if os.geteuid() != 0:
            yield
            return
        os.seteuid(65534)
        try:
            yield
        finally:
            os.seteuid(0)

    def empty():
        return _write(tmp_path / "empty.bin", b""), contextlib.nullcontext()

    def folder_path():
        (tmp_path / "a-folder").mkdir()
        return tmp_path / "a-folder", contextlib.nullcontext()

    def huge():
        path = tmp_path / "huge.bin"
        with path.open("wb") as handle:
            handle.truncate(2 * 1024**3)  # 2 GB, sparse: refused by its size, never read
        return path, contextlib.nullcontext()

    def unreadable():
        open_dir = tmp_path / "open"
        open_dir.mkdir(mode=0o755)
        tmp_path.chmod(0o755)
        path = _write(open_dir / "locked.bin", os.urandom(256))
        path.chmod(0)
        return path, as_nobody()

    def vanishing():
        path = _write(tmp_path / "vanishing.bin", os.urandom(256))
        real_open = Path.open

        def open_after_unlink(self, *args, **kwargs):  # there when checked, gone when opened
            if self == path and path.exists():
                path.unlink()
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", open_after_unlink)
        return path, contextlib.nullcontext()

    return {
        "empty": empty,
        "folder": folder_path,
        "huge": huge,
        "unreadable": unreadable,
        "vanishing": vanishing,
    }


HOSTILE = {
    "empty": ["an empty file", "exactly 256 bytes"],
    "folder": ["is a folder"],
    "huge": ["2.0 GiB, far too large", "It was not read"],
    "unreadable": ["do not have permission"],
    "vanishing": ["does not exist (or was removed while being read)"],
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_encrypted_material_files(driver, backend, folder, hostile, name):
    d = driver
    to_material_page_via_hsm(d, folder)
    before = backend.all_keys()
    path, reading = hostile[name]()
    with reading:
        d.choose_encrypted(path)
    text = d.label("encryptedCheckLabel")
    for words in HOSTILE[name]:
        assert words in text, text
    assert not d.next_enabled
    assert backend.all_keys() == before


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_token_files(driver, backend, folder, hostile, name):
    d = driver
    d.to_token_page(folder)
    path, reading = hostile[name]()
    before = backend.all_keys()
    d.type("tokenFileEdit", str(path))
    with reading:
        d.finish()
    expected = {"empty": "is not an import token"}.get(name, HOSTILE[name][0])
    assert expected in d.notice(), d.notice()
    assert d.wizard.currentId() == PageId.TOKEN
    assert backend.all_keys() == before
    assert d.wizard.flow.imported is None
