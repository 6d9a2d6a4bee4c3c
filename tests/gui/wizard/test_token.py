"""The wizard's token path, driven by object names offscreen against a real SoftHSM token:
the token generates and wraps the material, the page shows the token's KCV, the import is
Enabled with that KCV, and no plaintext file exists; the failures a user meets are shown on
the page with their code, never with the PIN."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from app.backends.import_record import ImportRecord
from app.gui.wizard.flow_types import PageId, WrapMethod
from app.material.hsm.module import Module
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState
from tests.gui.wizard.wizard_driver import (
    finish_refused,
    generate_and_wrap,
    hsm_wrap,
    to_token_wrap,
)
from tests.softhsm import USER_PIN

RSA_PKCS1 = WrappingAlgorithm.RSAES_PKCS1_V1_5


def test_the_token_path_from_a_new_key_to_enabled_with_the_tokens_kcv(
    driver, backend, tmp_path, soft_token
) -> None:
    d = driver
    folder = to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_OAEP_SHA_1)
    assert not d.next_enabled, "Next waits for the token's wrap"
    generate_and_wrap(d, USER_PIN)
    assert d.notice() == ""
    with Module.load(soft_token.module_path).session(soft_token.label, soft_token.pin) as s:
        [token_key] = s.keys()
    assert token_key.label == "byok-gui" and token_key.kcv in d.label("kcvLabel")
    assert d.find(QLineEdit, "pinEdit").text() == "", "the PIN is cleared after use"
    assert d.wizard.flow.wrap_method is WrapMethod.TOKEN
    d.next(PageId.MATERIAL)
    encrypted = folder / "EncryptedKeyMaterial.bin"
    assert d.find(QLineEdit, "encryptedMaterialEdit").text() == str(encrypted)
    d.next(PageId.TOKEN)
    assert d.wizard.flow.expected_kcv() == token_key.kcv, "Finish passes the token's KCV"
    d.finish()
    assert d.notice().endswith("The KMS checked that it is the KCV expected.")
    [key] = backend.all_keys()
    assert (key.state, key.kcv) == (KeyState.ENABLED, token_key.kcv)
    [entry] = ImportRecord().entries(key_id=key.key_id)
    assert (entry.kcv, entry.kcv_source, entry.kcv_verified) == (token_key.kcv, "pkcs11", True)
    assert entry.extra == {
        "pkcs11": {
            "module": str(soft_token.module_path),
            "token_label": soft_token.label,
            "token_serial": Module.load(soft_token.module_path).token(soft_token.label).serial,
            "key_label": "byok-gui",
        }
    }, "the token's key, nothing secret"
    assert USER_PIN not in ImportRecord().raw().decode()
    assert not (folder / "PlaintextKeyMaterial.bin").exists()
    assert len([p for p in folder.iterdir()]) == 4  # the three downloads and the ciphertext
    for label in d.wizard.findChildren(QLabel):
        assert USER_PIN not in label.text()


def test_other_material_in_the_tokens_file_is_refused_by_the_tokens_kcv(
    driver, backend, tmp_path, soft_token
) -> None:
    """The token's file replaced by other material before the import: refused (KMS.2607),
    since Finish passes the token's KCV, and the key stays Pending import."""
    d = driver
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_OAEP_SHA_1)
    generate_and_wrap(d, USER_PIN)
    done = d.wizard.flow.token_wrapped
    hsm_wrap(d, bytes(32), WrappingAlgorithm.RSAES_OAEP_SHA_1, done.encrypted)
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    text = finish_refused(d, backend, "KMS.2607")
    assert done.kcv in text
    assert backend.describe_key(key_id=d.wizard.flow.key.key_id).state is KeyState.PENDING_IMPORT


def test_oaep_sha_256_is_refused_on_the_page_with_the_alternatives(
    driver, tmp_path, soft_token
) -> None:
    d = driver
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_OAEP_SHA_256)
    generate_and_wrap(d, USER_PIN)
    notice = d.notice()
    assert notice.startswith("HSM.0007: The token cannot wrap with RSAES_OAEP_SHA_256")
    assert "RSAES_PKCS1_V1_5" in notice and not d.next_enabled


def test_a_wrong_pin_is_said_on_the_page_without_the_pin(driver, tmp_path, soft_token) -> None:
    d = driver
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_PKCS1_V1_5)
    generate_and_wrap(d, "999999")
    notice = d.notice()
    assert notice.startswith("HSM.0003: The PIN is wrong for the token keyferry-test")
    assert "999999" not in notice and not d.next_enabled, "Next never sends a wrong PIN again"
    d.type("pinEdit", USER_PIN)
    assert d.next_enabled, "a new PIN: Next may wrap"


def test_next_wraps_in_the_token_and_moves_on(driver, backend, tmp_path, soft_token) -> None:
    d = driver
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_OAEP_SHA_1)
    assert not d.next_enabled, "no PIN yet"
    d.type("pinEdit", USER_PIN)
    d.click("generateInTokenCheck")
    d.type("tokenKeyLabelEdit", "by-next")
    assert d.next_enabled
    d.next(PageId.MATERIAL)
    done = d.wizard.flow.token_wrapped
    assert done is not None and done.encrypted.exists() and d.wizard.flow.wrapped is None
    d.next(PageId.TOKEN)
    d.finish()
    assert backend.describe_key(key_id=d.wizard.flow.key.key_id).kcv == done.kcv


def test_the_token_paths_problems_are_the_catalogues_hsm_area_each_with_a_code() -> None:
    from app.material.hsm.problems import HsmProblem
    from app.model.catalogue import hsm

    assert {p.value for p in HsmProblem} <= {message_id for message_id, _ in hsm.ENTRIES}
    assert all(p.code.startswith("HSM.0") for p in HsmProblem)


def test_a_token_failure_is_shown_in_chinese_by_its_id(
    chinese, driver, tmp_path, soft_token
) -> None:
    d = driver
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_PKCS1_V1_5)
    generate_and_wrap(d, "999999")
    assert d.notice().startswith("HSM.0003: 令牌 keyferry-test 的 PIN 不正确")


def test_expired_material_is_wrapped_again_with_the_same_token_key(
    make_wizard, backend, clock, tmp_path, soft_token
) -> None:
    """The first import from the token expires with the clock; the wizard of an import
    again, started on the same token key, brings the same material back (same KCV), and data
    encrypted before decrypts after."""
    from app.gui.import_again import token_source_of

    d = make_wizard()
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_OAEP_SHA_1)
    generate_and_wrap(d, USER_PIN, label="byok-again")
    source = d.wizard.flow.token_wrapped.source
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    d.click("expiresOnRadio")
    d.finish()
    [key] = backend.all_keys()
    assert key.state is KeyState.ENABLED and key.material_expires_ms is not None
    sealed = backend.encrypt_data(key_id=key.key_id, plain_text=b"before the expiry")
    clock.advance(2 * 24 * 3600)
    assert backend.describe_key(key_id=key.key_id).state is KeyState.PENDING_IMPORT

    remembered = token_source_of(ImportRecord().material_of(backend.where, key.key_id))
    assert remembered == source, "the import record remembers the token key"
    r = make_wizard(key.key_id, rewrap=remembered, rewrap_kcv=key.kcv)
    folder = tmp_path / "again"
    folder.mkdir()
    r.download(folder, WrappingAlgorithm.RSAES_OAEP_SHA_1)
    r.next(PageId.WRAP)
    tokens = r.find(QComboBox, "tokenCombo")
    r.wait(lambda: tokens.count() == 1)
    r.settle()
    assert r.find(QComboBox, "tokenKeyCombo").currentText() == "byok-again"
    assert not r.find(QLineEdit, "tokenKeyLabelEdit").isEnabled()
    r.type("pinEdit", USER_PIN)
    r.click("wrapInTokenButton")
    r.settle()
    assert key.kcv in r.label("kcvLabel")
    r.next(PageId.MATERIAL)
    r.next(PageId.TOKEN)
    r.finish()
    after = backend.describe_key(key_id=key.key_id)
    assert (after.state, after.kcv) == (KeyState.ENABLED, key.kcv)
    assert backend.decrypt_data(cipher_text=sealed).plaintext == b"before the expiry"


@pytest.mark.secret_service
def test_the_pin_is_remembered_in_the_keyring_only_when_asked(
    make_wizard, tmp_path, soft_token
) -> None:
    """Off by default: a wrap leaves nothing in the keyring. Ticked: the PIN goes into a real
    Secret Service (gnome-keyring), and the next wrap on that token needs no PIN typed."""
    import keyring
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    from app.material.hsm.pin import forget_pin, remembered_pin
    from tests.secret_service import secret_service

    serial = Module.load(soft_token.module_path).token(soft_token.label).serial
    previous = keyring.get_keyring()
    with secret_service(tmp_path / "home"):
        keyring.set_keyring(SecretServiceKeyring())
        try:
            for round_, remember in (("one", False), ("two", True)):
                (tmp_path / round_).mkdir()
                d = make_wizard()
                to_token_wrap(d, tmp_path / round_, soft_token, RSA_PKCS1, alias=round_)
                check = d.find(QCheckBox, "rememberPinCheck")
                assert not check.isChecked(), "off by default"
                if remember:
                    d.click("rememberPinCheck")
                generate_and_wrap(d, USER_PIN, label=round_)
                assert d.notice() == "" and d.wizard.flow.token_wrapped is not None
                kept = remembered_pin(soft_token.module_path, serial)
                assert (kept.reveal() if kept else None) == (USER_PIN if remember else None)
            (tmp_path / "three").mkdir()
            d = make_wizard()
            to_token_wrap(d, tmp_path / "three", soft_token, RSA_PKCS1, alias="three")
            assert d.find(QLineEdit, "pinEdit").text() == ""
            d.click("generateInTokenCheck")
            d.type("tokenKeyLabelEdit", "three")
            d.click("wrapInTokenButton")
            d.settle()
            assert d.notice() == "" and d.wizard.flow.token_wrapped.kcv in d.label("kcvLabel")
        finally:
            forget_pin(soft_token.module_path, serial)
            keyring.set_keyring(previous)
