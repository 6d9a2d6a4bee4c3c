"""The wizard's other promises: importing again from page 3, earlier downloads, Cancel at any
step, keyboard-only use, accessible names, and the helpers of each page (Browse, Show in
folder, Copy, the API call)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
    QWizard,
)

from app.gui.wizard.flow_types import PageId
from app.gui.wizard.wizard import ImportKeyWizard
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState
from tests.helpers import wrap_for

OAEP256 = WrappingAlgorithm.RSAES_OAEP_SHA_256


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "downloads"
    path.mkdir()
    return path


def test_the_constructor_the_list_window_relies_on():
    parameters = inspect.signature(ImportKeyWizard.__init__).parameters
    assert list(parameters) == [
        "self",
        "backend",
        "runner",
        "resume_key_id",
        "rewrap",
        "rewrap_kcv",
        "parent",
    ]
    for name in ("resume_key_id", "rewrap", "rewrap_kcv", "parent"):
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY


# ---------------------------------------------------------------------- import again


def test_import_again_starts_at_the_download_and_enables_the_key(make_wizard, backend, folder):
    key = backend.create_key(alias="pending", tags=())
    d = make_wizard(key.key_id)
    assert d.wizard.currentId() == PageId.DOWNLOAD
    assert not d.button(QWizard.WizardButton.BackButton).isVisible()
    assert d.wizard.windowTitle().startswith("Import Key Material Again \u2014 Local engine (")
    named = f"Importing material again into the key pending ({key.key_id})"

    def key_line() -> str:
        label = d.wizard.currentPage().findChild(QLabel, "pageKeyLabel")
        return label.text() if label.isVisible() else ""

    d.qtbot.waitUntil(lambda: key_line() == named)
    d.download(folder)
    assert f"README_{key.key_id}_" in d.wizard.flow.items.readme.name
    d.next(PageId.WRAP)
    assert key_line() == named
    d.wrap_here()
    d.next(PageId.MATERIAL)
    assert key_line() == named
    d.next(PageId.TOKEN)
    assert key_line() == named
    d.finish()
    assert d.notice().startswith("Key pending imported successfully.")
    assert backend.describe_key(key_id=key.key_id).state is KeyState.ENABLED
    assert len(backend.all_keys()) == 1


def test_import_again_refuses_a_key_that_has_material(make_wizard, backend):
    key = backend.create_key(alias="full")
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=OAEP256)
    backend.import_key_material(
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, bytes(32)),
    )
    d = make_wizard(key.key_id)
    assert d.notice().startswith("KMS.0310: The key is Enabled")
    assert not d.find(QAbstractButton, "downloadButton").isEnabled()
    assert not d.next_enabled


def test_an_earlier_download_in_the_folder_is_used_without_a_new_one(
    make_wizard, backend, folder, clock
):
    from app.material.import_items import write_import_items

    key = backend.create_key(alias="earlier")
    params = backend.get_parameters_for_import(
        key_id=key.key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_PKCS1_V1_5
    )
    items = write_import_items(folder, params, alias="earlier", now_s=clock.now())
    d = make_wizard(key.key_id)
    d.type("downloadDirEdit", str(folder))
    d.wait(lambda: d.next_enabled)
    assert "Found an earlier download" in d.label("expiryLabel")
    assert d.find(QComboBox, "algorithmCombo").currentText() == "RSAES_PKCS1_V1_5"
    assert d.wizard.flow.items == items
    d.next(PageId.WRAP)
    d.wrap_here()
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    d.finish()
    assert backend.describe_key(key_id=key.key_id).state is KeyState.ENABLED


def test_an_expired_earlier_download_is_not_used(make_wizard, backend, folder, clock):
    from app.material.import_items import write_import_items

    key = backend.create_key(alias="stale")
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=OAEP256)
    write_import_items(folder, params, alias="stale", now_s=clock.now())
    clock.advance(24 * 3600)
    d = make_wizard(key.key_id)
    d.type("downloadDirEdit", str(folder))
    d.settle()
    d.qtbot.wait(400)  # the search starts a moment after typing stops
    d.settle()
    assert d.wizard.flow.items is None and not d.next_enabled


# --------------------------------------------------------------------------- cancel


@pytest.mark.parametrize(
    "step",
    [PageId.KEY, PageId.SECURITY, PageId.DOWNLOAD, PageId.WRAP, PageId.MATERIAL, PageId.TOKEN],
)
def test_cancel_at_any_step_leaves_at_most_the_empty_key(driver, backend, folder, step):
    d = driver
    d.type("aliasEdit", "cancelled")
    steps = [
        lambda: d.next(PageId.SECURITY),
        lambda: (d.click("acknowledgeCheck"), d.next(PageId.DOWNLOAD)),
        lambda: (d.download(folder), d.next(PageId.WRAP)),
        lambda: (d.wrap_here(), d.next(PageId.MATERIAL)),
        lambda: d.next(PageId.TOKEN),
    ]
    for go in steps[: step - 1]:
        go()
    d.qtbot.mouseClick(d.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    if step > PageId.SECURITY:  # the key exists: asked, the user keeps it
        d.wait(lambda: d.wizard.findChild(QMessageBox, "leaveWizardBox") is not None)
        box = d.wizard.findChild(QMessageBox, "leaveWizardBox")
        d.qtbot.mouseClick(box.findChild(QPushButton, "keepKeyButton"), Qt.MouseButton.LeftButton)
    d.wait(lambda: not d.runner.busy and not d.wizard.isVisible())
    assert d.wizard.result() == QWizard.DialogCode.Rejected
    keys = backend.all_keys()
    assert len(keys) == (0 if step <= PageId.SECURITY else 1)
    assert all(k.state is KeyState.PENDING_IMPORT and k.kcv is None for k in keys)
    names = {p.name.split("_")[0] for p in folder.iterdir()}
    assert names in (
        set(),
        {"README", "importToken", "wrappingKey"},
        {
            "README",
            "importToken",
            "wrappingKey",
            "PlaintextKeyMaterial.bin",
            "EncryptedKeyMaterial.bin",
        },
    )


def test_cancel_while_the_key_is_created_does_not_move_on(driver, backend):
    d = driver
    d.type("aliasEdit", "racing")
    d.next(PageId.SECURITY)
    d.click("acknowledgeCheck")
    d.qtbot.mouseClick(d.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    d.wizard.reject()
    d.wait(lambda: not d.runner.busy)
    assert not d.wizard.isVisible() and d.wizard.currentId() == -1, "it did not move on"
    assert [k.state for k in backend.all_keys()] == [KeyState.PENDING_IMPORT]


# ------------------------------------------------------------------------- keyboard


def test_the_first_pages_work_from_the_keyboard_alone(driver, backend, qtbot):
    d = driver
    alias = d.find(QLineEdit, "aliasEdit")
    assert QApplication.focusWidget() is alias
    qtbot.keyClicks(alias, "keyboard-key")
    qtbot.keyClick(alias, Qt.Key.Key_Tab)
    description = QApplication.focusWidget()
    assert description is d.find(QLineEdit, "descriptionEdit")
    qtbot.keyClicks(description, "typed only")
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    spec = QApplication.focusWidget()
    assert spec is d.find(QComboBox, "keySpecCombo")
    qtbot.keyClick(spec, Qt.Key.Key_Down)  # RSA_2048, whose default usage is SIGN_VERIFY
    assert d.wizard.flow.key_spec.value == "RSA_2048"
    qtbot.keyClick(spec, Qt.Key.Key_Up)
    qtbot.keyClick(spec, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is d.find(QComboBox, "keyUsageCombo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is d.find(QAbstractButton, "addTagButton")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    tag_key = QApplication.focusWidget()
    assert tag_key.objectName() == "tagKeyEdit"
    qtbot.keyClicks(tag_key, "env")
    qtbot.keyClick(tag_key, Qt.Key.Key_Return)  # Enter is Next
    d.wait(lambda: d.wizard.currentId() == PageId.SECURITY)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    d.wait(d.find(QCheckBox, "acknowledgeCheck").isChecked)  # a mnemonic animates the click
    qtbot.keyClick(d.find(QCheckBox, "acknowledgeCheck"), Qt.Key.Key_Return)
    d.wait(lambda: d.wizard.currentId() == PageId.DOWNLOAD)
    key = backend.all_keys()[0]
    assert (key.alias, key.description, [t.key for t in key.tags]) == (
        "keyboard-key",
        "typed only",
        ["env"],
    )


def test_mnemonics_are_unique_on_each_page(make_wizard, backend):
    d = make_wizard()
    wizard_keys = {"b", "n", "f"}  # "< &Back", "&Next >", "&Finish"
    for page_id in PageId:
        page = d.wizard.page(page_id)
        texts = [
            w.text()
            for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
            if "&" in w.text() and w.isVisibleTo(page)
        ]
        keys = [t[t.index("&") + 1].lower() for t in texts if "&&" not in t]
        assert len(keys) == len(set(keys)), (page_id, texts)
        assert not set(keys) & wizard_keys, (page_id, texts)


# ------------------------------------------------------------------- accessibility


def internal(widget: QWidget, root: QWidget) -> bool:
    """A part Qt builds inside a widget (a combo box's list, a header, a calendar's buttons,
    the wizard's own buttons), which Qt names for accessibility itself."""
    if widget.objectName().startswith(("qt_", "__qt__")) or widget.window() is not root:
        return True
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def interactive(root: QWidget) -> list[QWidget]:
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QPlainTextEdit,
        QTextBrowser,
    )
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and not internal(w, root)]


def test_every_interactive_widget_has_an_accessible_name(driver, folder):
    d = driver
    d.click("addTagButton")
    d.create_key("named")
    d.download(folder)
    d.next(PageId.WRAP)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in interactive(d.wizard)
        if not w.accessibleName()
    ]
    assert unnamed == [], unnamed
    names = {w.objectName() for w in interactive(d.wizard)}
    assert {
        "aliasEdit",
        "descriptionEdit",
        "tagsTable",
        "addTagButton",
        "acknowledgeCheck",
        "algorithmCombo",
        "downloadDirEdit",
        "downloadButton",
        "wrapOnHsmRadio",
        "wrapHereRadio",
        "generateMaterialRadio",
        "existingMaterialRadio",
        "materialPlainEdit",
        "wrapButton",
        "encryptedMaterialEdit",
        "tokenFileEdit",
        "neverExpiresRadio",
        "expiresOnRadio",
        "expiresOnEdit",
    } <= names
    assert d.wizard.objectName() == "importKeyWizard"


# ------------------------------------------------------------------- page helpers


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_show_in_folder_opens_the_download_folder(driver, folder):
    d = driver
    d.create_key("shown")
    assert not d.find(QAbstractButton, "showInFolderButton").isEnabled()
    d.download(folder)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        d.click("showInFolderButton")
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(folder)]


def test_the_api_panel_shows_the_call_behind_the_download(driver, folder):
    d = driver
    d.create_key("api")
    text = d.find(QPlainTextEdit, "apiCallText")
    assert not text.isVisible()
    d.click("apiCallToggle")
    assert text.isVisible()
    key_id = d.wizard.flow.key.key_id
    assert "get-parameters-for-import" in text.toPlainText()
    assert f'"key_id": "{key_id}"' in text.toPlainText()
    assert "<Base64 import token>" in text.toPlainText()
    d.download(folder)
    token = d.wizard.flow.items.token.read_text()
    assert token[:16] in text.toPlainText() and token not in text.toPlainText()
    assert f"{len(token)} characters" in text.toPlainText()


def test_copy_puts_the_command_on_the_clipboard(driver, folder):
    d = driver
    d.create_key("copy")
    d.download(folder)
    d.next(PageId.WRAP)
    buttons = d.wizard.currentPage().findChildren(QAbstractButton, "copyCommandButton")
    commands = d.wizard.currentPage().commands.commands()
    assert len(buttons) == len(commands) == 3
    assert commands[0] == f"cd {folder}"
    assert commands[1] == "openssl rand -out PlaintextKeyMaterial.bin 32"
    wrapping = d.wizard.flow.items.wrapping_key.name
    assert commands[2] == (
        f"openssl pkeyutl -in PlaintextKeyMaterial.bin -inkey {wrapping} -out "
        "EncryptedKeyMaterial.bin -keyform der -pubin -encrypt -pkeyopt rsa_padding_mode:oaep "
        "-pkeyopt rsa_oaep_md:sha256"
    )
    d.qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == commands[2]


def test_the_commands_follow_the_chosen_plaintext_file(driver, folder, tmp_path):
    d = driver
    d.create_key("commands")
    d.download(folder)
    d.next(PageId.WRAP)
    mine = tmp_path / "safe place" / "key.bin"
    mine.parent.mkdir()
    mine.write_bytes(bytes(range(32)))
    hex_file = tmp_path / "safe place" / "key.hex"
    hex_file.write_text(bytes(range(32)).hex())
    page = d.wizard.currentPage()
    problem = d.find(QLabel, "plaintextProblemLabel")
    d.click("existingMaterialRadio")
    d.type("materialPlainEdit", str(hex_file))
    d.wait(problem.isVisible)
    assert problem.text().startswith("KMS.2604"), "refused as soon as it is chosen"
    assert page.commands.commands() == [], "never a command over a file that is refused"
    assert not d.next_enabled
    d.type("materialPlainEdit", str(mine))
    d.wait(lambda: bool(page.commands.commands()))
    commands = page.commands.commands()
    assert not problem.isVisible() and d.next_enabled
    assert len(commands) == 2, "no generate step for an existing file"
    assert f"-in '{mine}'" in commands[1]
    d.type("materialPlainEdit", str(hex_file))
    d.wait(problem.isVisible)
    d.click("wrapOnHsmRadio")
    assert not problem.isVisible(), "the problem of the way left behind goes with it"
    d.click("wrapHereRadio")
    d.wait(problem.isVisible)


def test_next_wraps_the_material_and_moves_on(driver, backend, folder):
    d = driver
    d.create_key("next-wraps")
    d.download(folder)
    d.next(PageId.WRAP)
    assert "Next wraps it" in d.label("wrapResultLabel")
    assert d.next_enabled, "Next is the default action: it wraps"
    d.next(PageId.MATERIAL)
    wrapped = d.wizard.flow.wrapped
    assert wrapped is not None and wrapped.encrypted.exists() and wrapped.plaintext.exists()
    assert d.wizard.flow.encrypted_path == wrapped.encrypted
    d.next(PageId.TOKEN)
    d.finish()
    assert backend.describe_key(key_id=d.wizard.flow.key.key_id).kcv == wrapped.kcv


def test_a_failed_wrap_on_next_stays_and_its_problem_goes_with_the_way(driver, folder):
    d = driver
    d.create_key("next-fails")
    d.download(folder)
    d.next(PageId.WRAP)
    taken = folder / "taken.bin"
    taken.write_bytes(b"not mine")
    d.type("materialPlainEdit", str(taken))
    problem = d.find(QLabel, "plaintextProblemLabel")
    d.wait(problem.isVisible)
    assert "already exists" in problem.text() and not d.next_enabled
    assert taken.read_bytes() == b"not mine"
    d.click("wrapButton")  # Wrap pressed anyway: refused the same way, on the page
    d.settle()
    assert "already exists" in d.notice()
    d.click("wrapOnHsmRadio")
    assert d.notice() == "" and not problem.isVisible()


def test_browse_fills_the_field_through_a_file_dialog(driver, folder):
    d = driver
    d.create_key("browse")
    d.click("downloadDirBrowseButton")
    dialog = d.wizard.findChild(QFileDialog, "pathDialog")
    d.wait(dialog.isVisible)
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    dialog.setDirectory(str(folder.parent))
    dialog.selectFile(folder.name)
    dialog.accept()
    assert d.find(QLineEdit, "downloadDirEdit").text() == str(folder)
