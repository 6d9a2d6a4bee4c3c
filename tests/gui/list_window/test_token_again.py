"""Import material again from the list window for a key whose material came from a PKCS#11
token: the import record remembers the token key, the window offers to wrap again with it,
and the KMS gets the same material (same KCV) from a real SoftHSM token; data encrypted
before the material expired decrypts after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton, QWidget

from app.backends.import_record import ImportRecord
from app.gui.cmk_table_model import Column
from app.gui.wizard.flow_types import PageId, WrapMethod
from app.gui.wizard.wizard import ImportKeyWizard
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState
from tests.gui.list_window.driver import ListDriver
from tests.gui.wizard.wizard_driver import WizardDriver, generate_and_wrap, to_token_wrap
from tests.softhsm import USER_PIN

DAY_S = 86_400
ALIAS = "byok/from-token"


def wizard_of(lw: ListDriver, clock, *, rewrap: bool) -> WizardDriver:
    """The list window's wizard that is open (the one wrapping again, with ``rewrap``)."""

    def found() -> ImportKeyWizard | None:
        for wizard in lw.window.findChildren(ImportKeyWizard, "importKeyWizard"):
            if wizard.isVisible() and (wizard.flow.rewrap is not None) == rewrap:
                return wizard
        return None

    lw.wait(lambda: found() is not None)
    wizard = found()
    wizard.flow.now = clock.now
    driver = WizardDriver(lw.qtbot, wizard, lw.runner)
    driver.settle()
    return driver


def import_from_token(lw: ListDriver, clock, tmp_path: Path, soft_token) -> None:
    """Import Key, wrapped in the token (a key generated there), material expiring in a day."""
    lw.click(lw.find(QWidget, "importKeyButton"))
    d = wizard_of(lw, clock, rewrap=False)
    to_token_wrap(d, tmp_path, soft_token, WrappingAlgorithm.RSAES_OAEP_SHA_1, alias=ALIAS)
    generate_and_wrap(d, USER_PIN, label="byok-again")
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    d.click("expiresOnRadio")  # the console's default: 24 h from now
    d.finish()
    d.finish()  # after the import, Finish closes
    lw.wait(lambda: not d.wizard.isVisible())
    lw.settle()


def choice_box(lw: ListDriver) -> QMessageBox:
    lw.wait(lambda: lw.window.findChild(QMessageBox, "importAgainBox") is not None)
    box = lw.window.findChild(QMessageBox, "importAgainBox")
    lw.wait(box.isVisible)
    return box


def test_expired_token_material_is_wrapped_again_from_the_list_window(
    make_window, backend, clock, tmp_path: Path, soft_token
) -> None:
    lw = make_window()
    import_from_token(lw, clock, tmp_path, soft_token)
    key = lw.cmk(ALIAS)
    assert key.state is KeyState.ENABLED and key.kcv
    sealed = backend.encrypt_data(key_id=key.key_id, plain_text=b"before the expiry")
    clock.advance(2 * DAY_S)
    lw.wait(lambda: lw.row(ALIAS)[Column.STATE] == "Pending import")

    lw.select(ALIAS)
    lw.trigger("reimportAction")
    box = choice_box(lw)
    for shown in ("byok-again", soft_token.label, key.kcv, ALIAS):
        assert shown in box.text()
    lw.click(box.findChild(QPushButton, "sameTokenKeyButton"))
    r = wizard_of(lw, clock, rewrap=True)
    assert r.wizard.currentId() == PageId.DOWNLOAD
    assert (r.wizard.flow.resume_key_id, r.wizard.flow.rewrap_kcv) == (key.key_id, key.kcv)
    folder = tmp_path / "again"
    folder.mkdir()
    r.download(folder, WrappingAlgorithm.RSAES_PKCS1_V1_5)  # new items, any algorithm the token has
    r.next(PageId.WRAP)
    assert r.wizard.flow.wrap_method is WrapMethod.TOKEN
    tokens = r.find(QComboBox, "tokenCombo")
    r.wait(lambda: tokens.count() == 1)
    r.settle()
    assert r.find(QComboBox, "tokenKeyCombo").currentText() == "byok-again"
    r.type("pinEdit", USER_PIN)
    r.click("wrapInTokenButton")
    r.settle()
    assert key.kcv in r.label("kcvLabel")
    assert r.find(QLineEdit, "pinEdit").text() == ""
    r.next(PageId.MATERIAL)
    r.next(PageId.TOKEN)
    r.finish()
    lw.settle()

    lw.wait(lambda: lw.row(ALIAS)[Column.STATE] == "Enabled")
    after = backend.describe_key(key_id=key.key_id)
    assert (after.state, after.kcv) == (KeyState.ENABLED, key.kcv), "the same material"
    assert backend.decrypt_data(cipher_text=sealed).plaintext == b"before the expiry"
    imports = ImportRecord().entries(key_id=key.key_id)
    assert [(e.kcv, e.kcv_source, e.kcv_verified) for e in imports] == 2 * [
        (key.kcv, "pkcs11", True)
    ]
    assert imports[0].extra == imports[1].extra, "the same token key, remembered again"
    assert not list(tmp_path.rglob("PlaintextKeyMaterial.bin"))


def test_other_material_opens_the_wizard_as_before(
    make_window, clock, tmp_path: Path, soft_token
) -> None:
    lw = make_window()
    import_from_token(lw, clock, tmp_path, soft_token)
    clock.advance(2 * DAY_S)
    lw.wait(lambda: lw.row(ALIAS)[Column.STATE] == "Pending import")
    lw.select(ALIAS)
    lw.trigger("reimportAction")
    lw.click(choice_box(lw).findChild(QPushButton, "otherMaterialButton"))
    r = wizard_of(lw, clock, rewrap=False)
    assert r.wizard.currentId() == PageId.DOWNLOAD and r.wizard.flow.rewrap is None
    assert r.wizard.flow.wrap_method is WrapMethod.HERE


def test_a_key_without_a_token_in_its_record_opens_the_wizard_directly(
    lw: ListDriver, clock
) -> None:
    lw.select("byok/waiting")
    lw.trigger("reimportAction")
    r = wizard_of(lw, clock, rewrap=False)
    assert r.wizard.currentId() == PageId.DOWNLOAD
    assert lw.window.findChild(QMessageBox, "importAgainBox") is None


def test_the_offer_in_chinese(chinese, qtbot, keys) -> None:
    from app.gui.import_again import ask_same_token_key
    from app.material.hsm.values import TokenSource

    parent = QWidget()
    qtbot.addWidget(parent)
    source = TokenSource(Path("/usr/lib/softhsm/libsofthsm2.so"), "hsm-1", "0042", "byok-2026")
    opened: list[object] = []
    box = ask_same_token_key(parent, keys.imported, source, "ABC123", lambda *a: opened.append(a))
    assert box.text() == (
        f"{keys.imported.alias} 的密钥材料来自令牌 hsm-1（序列号 0042）中的密钥 byok-2026，"
        "KCV 为 ABC123。"
    )
    assert box.findChild(QPushButton, "sameTokenKeyButton").text().startswith("用同一个令牌密钥")
    box.findChild(QPushButton, "sameTokenKeyButton").click()
    assert opened == [(keys.imported.key_id, source, "ABC123")]
