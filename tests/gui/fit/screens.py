"""Every wizard page, the list window and each dialog, checked to fit one screen (an RSA
key's step 4, Try it signing and details pane too): run by
``tests/gui/test_screen_fit.py`` in a process of its own whose screen, scale and font are
those of one configuration (the offscreen platform's screen, ``QT_SCALE_FACTOR``, and
``KEYFERRY_FIT_FONT_PT`` for the application font), in English and in Chinese."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from app.gui.wizard.flow_types import PageId
from app.model.keys import DEFAULT_PROJECT, KeySpec, KeyUsage, Origin
from tests.gui.fit.clipping import clipped
from tests.gui.list_window.driver import ListDriver
from tests.gui.wizard.test_asymmetric import new_asymmetric_key, wrap_here

LONG_ALIAS = "payments/eu-west/card-vault/hsm-ceremony-2026-march-primary"


@pytest.fixture(autouse=True)
def users_font(qapp: QApplication) -> Iterator[None]:
    size = int(os.environ.get("KEYFERRY_FIT_FONT_PT", "0"))
    before = qapp.font()
    if size:
        font = qapp.font()
        font.setPointSize(size)
        qapp.setFont(font)
    yield
    qapp.setFont(before)


@pytest.fixture(params=["en", "zh_CN"], autouse=True)
def language(request: pytest.FixtureRequest) -> None:
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")


class Fit:
    """Collects what does not fit, by the place it was seen."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def check(self, where: str, window: QWidget) -> None:
        # As the user sees it: after the layouts have taken the last changes in.
        for _ in range(5):  # a layout that changes posts its parent's request in turn
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.problems += [f"{where}: {problem}" for problem in clipped(window)]

    def assert_fits(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def test_every_wizard_page_fits(driver, tmp_path, clock) -> None:
    fit, wizard = Fit(), driver.wizard
    fit.check("key", wizard)
    driver.type("aliasEdit", LONG_ALIAS)
    driver.next(PageId.SECURITY)
    fit.check("security", wizard)
    driver.click("acknowledgeCheck")
    driver.next(PageId.DOWNLOAD)
    driver.download(tmp_path)
    fit.check("download", wizard)
    driver.next(PageId.WRAP)
    driver.wrap_here()
    fit.check("wrap", wizard)
    driver.next(PageId.MATERIAL)
    fit.check("material", wizard)
    driver.next(PageId.TOKEN)
    fit.check("token", wizard)
    clock.advance(24 * 3600 + 60)
    driver.finish()
    driver.wait(lambda: bool(driver.notice()))
    fit.check("token, refused", wizard)
    fit.assert_fits()


def test_the_asymmetric_wrap_step_fits(driver, tmp_path) -> None:
    fit, wizard = Fit(), driver.wizard
    new_asymmetric_key(driver, tmp_path, KeySpec.RSA_2048, LONG_ALIAS)
    driver.click("wrapHereRadio")
    driver.click("generatePrivateKeyRadio")
    assert driver.find(QWidget, "asymmetricWrapPanel").isVisible()
    fit.check("wrap, RSA_2048", wizard)
    wrap_here(driver)
    assert driver.label("fingerprintLabel"), "wrapped: the fingerprint is shown"
    fit.check("wrap, RSA_2048 wrapped", wizard)
    fit.assert_fits()


def _open(lw: ListDriver, action: str, dialog: str) -> QDialog:
    lw.trigger(action)
    shown = lw.dialog(dialog)
    lw.qtbot.waitExposed(shown)
    return shown


def test_the_list_window_and_its_dialogs_fit(lw: ListDriver) -> None:
    fit = Fit()
    lw.select("payments/prod")
    fit.check("list", lw.window)
    for action, name in [
        ("createKeyAction", "createKeyDialog"),
        ("editAliasAction", "editKeyDialog"),
        ("editTagsAction", "editTagsDialog"),
        ("scheduleDeletionAction", "scheduleDeletionDialog"),
        ("tryItAction", "tryItDialog"),
        ("aboutAction", "aboutDialog"),
        ("connectRemoteAction", "connectionDialog"),
    ]:
        dialog = _open(lw, action, name)
        fit.check(name, dialog)
        dialog.reject()
        lw.wait_closed(dialog)
    lw.select("byok/hsm-2026")
    dialog = _open(lw, "deleteMaterialAction", "deleteMaterialDialog")
    fit.check("deleteMaterialDialog", dialog)
    dialog.reject()
    fit.assert_fits()


def test_an_rsa_keys_details_and_try_it_signing_fit(kms, keys, make_window) -> None:
    kms.create_key(
        project_id=DEFAULT_PROJECT,
        key_alias=LONG_ALIAS,
        origin=Origin.KMS,
        key_spec=KeySpec.RSA_2048,
        key_usage=KeyUsage.SIGN_VERIFY,
    )
    lw, fit = make_window(), Fit()
    lw.select(LONG_ALIAS)
    assert lw.label("detailsFingerprintLabel") == lw.cmk(LONG_ALIAS).public_key_fingerprint
    fit.check("list, RSA_2048 details", lw.window)
    dialog = _open(lw, "tryItAction", "tryItDialog")
    fit.check("tryItDialog, signing", dialog)
    lw.type(lw.find(QLineEdit, "plaintextEdit", dialog), "pay 10 EUR to Alice")
    lw.press_ok(dialog)
    verdict = lw.find(QLineEdit, "decryptedEdit", dialog)
    lw.wait(lambda: verdict.text() == dialog.tr("Valid"))  # in either language
    fit.check("tryItDialog, signed", dialog)
    dialog.reject()
    fit.assert_fits()
