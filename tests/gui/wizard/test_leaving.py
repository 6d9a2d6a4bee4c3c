"""Leaving the wizard once it has created a key: step 2 says Next creates it with empty
material; Cancel (or Esc) then asks whether to keep the key Pending import or schedule its
deletion, or go back; nothing is asked when nothing would be left behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWizard

from app.gui.wizard.flow_types import PageId
from app.model.keys import KeyState


def _box(driver):
    driver.wait(lambda: driver.wizard.findChild(QMessageBox, "leaveWizardBox") is not None)
    box = driver.wizard.findChild(QMessageBox, "leaveWizardBox")
    driver.wait(box.isVisible)
    return box


def _created(driver, alias: str = "half-made"):
    driver.type("aliasEdit", alias)
    driver.next(PageId.SECURITY)
    note = driver.find(QLabel, "nextCreatesKeyLabel").text()
    assert "creates the key half-made now, with empty key material" in note
    driver.click("acknowledgeCheck")
    driver.next(PageId.DOWNLOAD)
    return driver.wizard.flow.key


def _press(driver, box, name: str) -> None:
    driver.qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_cancel_asks_and_keep_leaves_the_key_pending_import(driver, backend) -> None:
    key = _created(driver)
    driver.button(QWizard.WizardButton.CancelButton).click()
    box = _box(driver)
    assert "half-made" in box.text() and "Import material again" in box.informativeText()
    _press(driver, box, "keepKeyButton")
    driver.wait(lambda: not driver.wizard.isVisible())
    assert backend.describe_key(key_id=key.key_id).state is KeyState.PENDING_IMPORT


def test_escape_asks_and_the_key_can_be_scheduled_for_deletion(driver, backend) -> None:
    key = _created(driver)
    driver.qtbot.keyClick(driver.wizard, Qt.Key.Key_Escape)
    _press(driver, _box(driver), "scheduleKeyDeletionButton")
    driver.wait(lambda: not driver.wizard.isVisible())
    assert backend.describe_key(key_id=key.key_id).state is KeyState.PENDING_DELETION


def test_back_to_the_wizard_keeps_everything(driver) -> None:
    _created(driver)
    driver.button(QWizard.WizardButton.CancelButton).click()
    _press(driver, _box(driver), "backToWizardButton")
    assert driver.wizard.isVisible() and driver.wizard.currentId() == PageId.DOWNLOAD


@pytest.mark.parametrize("where", ["before the key exists", "an import again"])
def test_nothing_is_asked_when_nothing_would_be_left(make_wizard, backend, where) -> None:
    from app.model.keys import Origin

    if where == "an import again":
        key = backend.create_key(alias="waiting", origin=Origin.EXTERNAL)
        driver = make_wizard(key.key_id)
    else:
        driver = make_wizard()
    driver.button(QWizard.WizardButton.CancelButton).click()
    driver.wait(lambda: not driver.wizard.isVisible())
    assert driver.wizard.findChild(QMessageBox, "leaveWizardBox") is None
