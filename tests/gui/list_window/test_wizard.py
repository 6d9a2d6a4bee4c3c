"""Import Key and Import material again open the wizard (from branch ``wizard``): a new key
from its first page, an existing key in Pending import at its download page; a key imported
in the wizard shows in the list Enabled and selected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.gui.cmk_table_model import Column
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.wizard import ImportKeyWizard
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver
from tests.gui.wizard.wizard_driver import WizardDriver


def open_wizard(lw: ListDriver) -> ImportKeyWizard:
    lw.wait(lambda: lw.window.findChild(ImportKeyWizard, "importKeyWizard") is not None)
    wizard = lw.window.findChild(ImportKeyWizard, "importKeyWizard")
    lw.wait(wizard.isVisible)
    return wizard


def test_import_key_button_opens_the_wizard_and_the_new_key_lands_in_the_list(
    lw: ListDriver, tmp_path: Path, clock
) -> None:
    lw.click(lw.find(QWidget, "importKeyButton"))
    wizard = open_wizard(lw)
    assert wizard.currentId() == PageId.KEY
    wizard.flow.now = clock.now
    driver = WizardDriver(lw.qtbot, wizard, lw.runner)
    driver.settle()
    driver.to_token_page(tmp_path, alias="byok/from-wizard")
    driver.finish()
    lw.settle()
    assert lw.row("byok/from-wizard")[Column.STATE] == "Enabled"
    assert lw.row("byok/from-wizard")[Column.ORIGIN] == "External"
    assert lw.window.selected_key().alias == "byok/from-wizard"


def test_import_again_opens_the_wizard_at_page_3_for_the_selected_key(
    lw: ListDriver, keys: Keys, tmp_path: Path, clock
) -> None:
    lw.select("byok/waiting")
    lw.trigger("reimportAction")
    wizard = open_wizard(lw)
    assert wizard.currentId() == PageId.DOWNLOAD
    assert wizard.flow.resume_key_id == keys.pending_import.key_id
    wizard.flow.now = clock.now
    driver = WizardDriver(lw.qtbot, wizard, lw.runner)
    driver.settle()
    driver.download(tmp_path)
    driver.next(PageId.WRAP)
    driver.wrap_here()
    driver.next(PageId.MATERIAL)
    driver.next(PageId.TOKEN)
    driver.finish()
    lw.settle()
    assert lw.row("byok/waiting")[Column.STATE] == "Enabled"
    assert lw.label("detailsKcvLabel") == driver.wizard.flow.wrapped.kcv
