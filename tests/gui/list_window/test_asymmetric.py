"""RSA and EC keys in the list window: their spec and usage in the table, what their spec
does not allow greyed with the reason (toolbar, Key menu and context menu alike), the public
key's fingerprint and "Copy public key (PEM)" in the details, and Try it signing and
verifying (SIGN_VERIFY) or encrypting and decrypting with RSAES_OAEP_SHA_256."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton

from app.gui.cmk_query import Column
from app.model.keys import DEFAULT_PROJECT, KeySpec, KeyUsage, Origin
from app.model.private_keys import key_fingerprint
from tests.gui.list_window.driver import ListDriver

ASYMMETRIC = "An asymmetric key's material cannot be deleted: that applies to symmetric keys only. Schedule the key's deletion instead."  # noqa: E501


@pytest.fixture
def asym(kms, keys, make_window) -> ListDriver:
    for alias, spec, usage in (
        ("rsa/sign", KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY),
        ("rsa/encrypt", KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT),
        ("ec/sign", KeySpec.EC_P256, KeyUsage.SIGN_VERIFY),
    ):
        kms.create_key(
            project_id=DEFAULT_PROJECT,
            key_alias=alias,
            origin=Origin.KMS,
            key_spec=spec,
            key_usage=usage,
        )
    return make_window()


def test_the_table_shows_spec_and_usage(asym: ListDriver) -> None:
    assert asym.table.model().headerData(Column.KEY_USAGE, Qt.Orientation.Horizontal) == "Usage"
    rows = {alias: asym.row(alias) for alias in ("rsa/sign", "rsa/encrypt", "ec/sign")}
    assert (rows["rsa/sign"][Column.KEY_SPEC], rows["rsa/sign"][Column.KEY_USAGE]) == (
        "RSA_2048",
        "SIGN_VERIFY",
    )
    assert rows["rsa/encrypt"][Column.KEY_USAGE] == "ENCRYPT_DECRYPT"
    assert rows["ec/sign"][Column.KEY_SPEC] == "EC_P256"
    assert asym.row("payments/prod")[Column.KEY_SPEC] == "AES_256"


def test_delete_material_is_greyed_with_the_reason_everywhere(asym: ListDriver) -> None:
    asym.select("rsa/sign")
    action = asym.action("deleteMaterialAction")
    assert not action.isEnabled() and action.toolTip() == ASYMMETRIC
    toolbar_or_menu = [w for w in action.associatedObjects() if w is not asym.window]
    assert toolbar_or_menu, "the action is on the toolbar or in the Key menu"
    asym.table.customContextMenuRequested.emit(
        asym.table.visualRect(asym.table.currentIndex()).center()
    )
    menu = asym.table.findChild(QMenu, "keyContextMenu")
    asym.wait(lambda: menu is not None and menu.isVisible())
    assert menu.toolTipsVisible()
    (shown,) = [a for a in menu.actions() if a.objectName() == "deleteMaterialAction"]
    assert not shown.isEnabled() and shown.toolTip() == ASYMMETRIC
    menu.close()
    assert asym.action("tryItAction").isEnabled()
    assert asym.action("disableAction").isEnabled()


def test_the_details_show_the_fingerprint_and_copy_the_public_key(asym, backend) -> None:
    asym.select("ec/sign")
    key = asym.cmk("ec/sign")
    pem = backend.get_public_key(key_id=key.key_id)
    expected = key_fingerprint(serialization.load_pem_public_key(pem.encode()))
    assert asym.label("detailsFingerprintLabel") == expected == key.public_key_fingerprint
    assert not asym.find(QLabel, "detailsKcvLabel").isVisible(), "one proof per key"
    assert asym.find(QLabel, "detailsFingerprintLabel").isVisible()
    button = asym.find(QPushButton, "copyPublicKeyButton")
    assert button.isVisible() and button.text() == "Copy &public key (PEM)"
    QGuiApplication.clipboard().clear()
    asym.click(button)
    asym.wait(lambda: QGuiApplication.clipboard().text() == pem)
    assert asym.label("publicKeyStatusLabel") == "The public key (PEM) is on the clipboard."
    asym.select("payments/prod")
    assert not asym.find(QPushButton, "copyPublicKeyButton").isVisible()
    assert not asym.find(QLabel, "detailsFingerprintLabel").isVisible()
    assert asym.find(QLabel, "detailsKcvLabel").isVisible()


@pytest.mark.parametrize("alias", ["rsa/sign", "ec/sign"])
def test_try_it_signs_and_verifies(asym: ListDriver, backend, alias: str) -> None:
    asym.select(alias)
    asym.trigger("tryItAction")
    dialog = asym.dialog("tryItDialog")
    combo = asym.find(QComboBox, "signingAlgorithmCombo", dialog)
    names = [combo.itemText(i) for i in range(combo.count())]
    algorithm = "ECDSA_SHA_384" if alias == "ec/sign" else "RSASSA_PSS_SHA_256"
    assert algorithm in names and all(n.startswith(algorithm[:5]) for n in names)
    combo.setCurrentIndex(combo.findText(algorithm))
    asym.type(asym.find(QLineEdit, "plaintextEdit", dialog), "pay 10 EUR to Alice")
    asym.press_ok(dialog)
    asym.wait(lambda: asym.find(QLineEdit, "decryptedEdit", dialog).text() == "Valid")
    assert "the key works" in asym.find(QLabel, "dialogNotice", dialog).text()
    signature = base64.b64decode(asym.find(QPlainTextEdit, "ciphertextView", dialog).toPlainText())
    public = serialization.load_pem_public_key(
        backend.get_public_key(key_id=asym.cmk(alias).key_id).encode()
    )
    if alias == "ec/sign":  # outside Keyferry: the signature verifies with cryptography
        public.verify(signature, b"pay 10 EUR to Alice", ec.ECDSA(hashes.SHA384()))
    dialog.reject()


def test_try_it_encrypts_and_decrypts_with_rsa_oaep(asym: ListDriver) -> None:
    asym.select("rsa/encrypt")
    asym.trigger("tryItAction")
    dialog = asym.dialog("tryItDialog")
    assert not asym.find(QComboBox, "signingAlgorithmCombo", dialog).isVisible()
    assert "RSAES_OAEP_SHA_256" in asym.find(QLabel, "introLabel", dialog).text()
    edit = asym.find(QLineEdit, "plaintextEdit", dialog)
    asym.type(edit, "x" * 191)  # one byte over what OAEP-SHA256 encrypts with RSA-2048
    assert "up to 190" in asym.find(QLabel, "dialogNotice", dialog).text()
    asym.type(edit, "secret note")
    asym.press_ok(dialog)
    decrypted = asym.find(QLineEdit, "decryptedEdit", dialog)
    asym.wait(lambda: decrypted.text() == "secret note")
    ciphertext = asym.find(QPlainTextEdit, "ciphertextView", dialog).toPlainText()
    assert len(base64.b64decode(ciphertext)) == 256
    dialog.reject()
