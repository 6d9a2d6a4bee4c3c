"""Help: the About dialog (version, Qt, PySide6, Python, and each bundled library's licence
as its metadata states it), and every wizard page's "What is this?"."""

from __future__ import annotations

import platform
from importlib import metadata

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget, QWizard

import app
from app.gui.dialogs.about import AboutDialog, bundled_components
from app.gui.wizard.flow_types import PageId


def test_about_shows_the_versions_and_every_librarys_licence(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QLabel, "aboutTitleLabel").text() == (
        f"<h2>Keyferry {app.__version__}</h2>"
    )
    versions = dialog.findChild(QLabel, "aboutVersionsLabel").text()
    assert qVersion() in versions and PySide6.__version__ in versions
    assert platform.python_version() in versions
    tree = dialog.findChild(QTreeWidget, "licenceTree")
    rows = {
        tree.topLevelItem(i).text(0): (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
        for i in range(tree.topLevelItemCount())
    }
    assert rows["Python"] == (platform.python_version(), "PSF-2.0")
    assert rows["Qt"][0] == qVersion() and "LGPL-3.0" in rows["Qt"][1]
    for name in (
        "cryptography",
        "keyring",
        "platformdirs",
        "aiohttp",
        "huaweicloudsdkkms",
        "huaweicloudsdkcore",
    ):
        meta = metadata.metadata(name)
        assert rows[meta["Name"]] == (metadata.version(name), meta["License-Expression"]), name
    assert rows["keyring"][1] == "MIT" and rows["cryptography"][1] == ("Apache-2.0 OR BSD-3-Clause")


def test_the_bundled_libraries_are_keyferrys_requirements_and_theirs() -> None:
    components = bundled_components()
    direct = {c.name.lower().replace("_", "-") for c in components if c.direct}
    assert direct == {
        "pyside6-essentials",
        "cryptography",
        "keyring",
        "platformdirs",
        "aiohttp",
        "huaweicloudsdkkms",
        "requests",
        "python-pkcs11",
    }
    names = [c.name for c in components]
    assert "shiboken6" in names and "huaweicloudsdkcore" in names  # through their needs
    assert "pytest" not in names  # a test extra, not bundled
    assert len(names) == len(set(names))
    assert all(c.licence for c in components), [c for c in components if not c.licence]


# ------------------------------------------------------------------- What is this?


def test_every_wizard_page_says_what_it_is(driver) -> None:
    wizard = driver.wizard
    texts = {page_id: wizard.page(page_id).whatsThis() for page_id in PageId}
    assert len(set(texts.values())) == len(PageId)  # each its own
    for page_id, text in texts.items():
        title = wizard.page(page_id).title()
        assert text.startswith(f"<b>{title}</b>"), (page_id, text)  # names the step
        assert 150 < len(text) < 800, page_id  # short, but says something
    assert "wrappingKey_" in texts[PageId.DOWNLOAD] and "importToken_" in texts[PageId.DOWNLOAD]
    assert "EncryptedKeyMaterial.bin" in texts[PageId.WRAP]
    assert "Finish" in texts[PageId.TOKEN]


def _bubble():
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if w.metaObject().className() == "QWhatsThat" and w.isVisible()
    ]
    return shown[0] if shown else None


@pytest.mark.parametrize("how", ["button", "F1"])
def test_the_help_shows_the_current_pages_help_inside_the_wizard(driver, qtbot, how) -> None:
    button = driver.button(QWizard.WizardButton.HelpButton)
    assert button.isVisible() and button.text() == "&What is this?"
    if how == "button":
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        driver.wizard.activateWindow()
        qtbot.waitUntil(driver.wizard.isActiveWindow)
        qtbot.keyClick(driver.wizard, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _bubble() is not None)
    bubble, wizard = _bubble().geometry(), driver.wizard.frameGeometry()
    assert wizard.contains(bubble), (bubble, wizard)  # over the page, within the wizard
    button_rect = button.rect().translated(button.mapToGlobal(button.rect().topLeft()))
    assert not bubble.intersects(button_rect), "the bubble covers its own button"
    _bubble().close()


@pytest.mark.usefixtures("chinese")
def test_the_help_is_in_chinese_too(make_wizard) -> None:
    wizard = make_wizard().wizard
    assert wizard.button(QWizard.WizardButton.HelpButton).text() == "这是什么？(&W)"
    assert wizard.page(PageId.DOWNLOAD).whatsThis().startswith("<b>下载导入所需项</b>")
