"""Driving the Import Key wizard as a user would, by object names: typing into fields,
clicking buttons, and waiting for background work to come back (never by sleeping)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
    QWizard,
)

from app.gui.self_test.import_walk import click_position, named
from app.gui.tasks import TaskRunner
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.pages.base import FlowPage
from app.gui.wizard.wizard import ImportKeyWizard
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec

TIMEOUT_MS = 15_000


class WizardDriver:
    """``think_ms`` > 0 makes it act like a person: a pause after each action (so the event
    loop runs between clicks, as it does between a person's clicks) and long texts pasted
    with Ctrl+V rather than typed in one burst of key events."""

    def __init__(self, qtbot, wizard: ImportKeyWizard, runner: TaskRunner) -> None:
        self.qtbot, self.wizard, self.runner = qtbot, wizard, runner
        self.think_ms = 0

    def _think(self) -> None:
        if self.think_ms:
            self.qtbot.wait(self.think_ms)

    # finding ---------------------------------------------------------------------

    def find(self, kind: type[QWidget], name: str) -> QWidget:
        """The one widget of that name: on the current page if it has one (each page has
        its own fixButton), else in the whole wizard."""
        found = named(self.wizard, kind, name)
        assert len(found) == 1, f"expected one {kind.__name__} named {name}, found {len(found)}"
        return found[0]

    def page(self) -> FlowPage:
        return self.wizard.currentPage()

    def notice(self) -> str:
        label = self.page().notice
        return label.text() if label.isVisible() else ""

    def label(self, name: str) -> str:
        return self.find(QLabel, name).text()

    def button(self, which: QWizard.WizardButton) -> QAbstractButton:
        return self.wizard.button(which)

    @property
    def next_enabled(self) -> bool:
        return self.button(QWizard.WizardButton.NextButton).isEnabled()

    # acting ------------------------------------------------------------------------

    def type(self, name: str, text: str) -> None:
        """Replace the text of a line edit by typing, as a user would."""
        edit = self.find(QLineEdit, name)
        edit.setFocus()
        edit.selectAll()
        if text and self.think_ms and len(text) > 8:
            QGuiApplication.clipboard().setText(text)
            self.qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        elif text:
            self.qtbot.keyClicks(edit, text)
        else:
            self.qtbot.keyClick(edit, Qt.Key.Key_Delete)
        self._think()

    def click(self, name: str) -> None:
        """Click a button; a radio button or check box on its indicator, where a click
        always lands (its centre may be blank space beyond the text)."""
        button = self.find(QAbstractButton, name)
        assert button.isEnabled(), f"{name} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=click_position(button))
        self._think()

    def choose_algorithm(self, algorithm: WrappingAlgorithm) -> None:
        combo = self.find(QComboBox, "algorithmCombo")
        combo.setCurrentIndex(combo.findText(algorithm.value))
        self._think()

    def choose(self, name: str, value: str) -> None:
        """Choose the item whose data is ``value`` in a combo box, as a user would pick it."""
        combo = self.find(QComboBox, name)
        index = combo.findData(value)
        assert index >= 0, f"{name} has no {value}"
        combo.setCurrentIndex(index)
        self._think()

    def wait(self, condition, timeout: int = TIMEOUT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def settle(self) -> None:
        """Wait until the page has no job and no check pending."""
        self.wait(lambda: not self.runner.busy and not self.page().busy)

    def next(self, expected: PageId) -> None:
        self.wait(lambda: self.next_enabled)
        self.qtbot.mouseClick(
            self.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton
        )
        self._think()
        self.wait(lambda: self.wizard.currentId() == expected)
        self.settle()

    def finish(self) -> None:
        finish = self.button(QWizard.WizardButton.FinishButton)
        self.wait(finish.isEnabled)
        self.qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        self._think()
        self.settle()

    # whole steps ---------------------------------------------------------------------

    def create_key(self, alias: str, description: str = "") -> None:
        self.type("aliasEdit", alias)
        if description:
            self.type("descriptionEdit", description)
        self.next(PageId.SECURITY)
        self.click("acknowledgeCheck")
        self.next(PageId.DOWNLOAD)

    def download(
        self, folder: Path, algorithm: WrappingAlgorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    ) -> None:
        self.choose_algorithm(algorithm)
        self.type("downloadDirEdit", str(folder))
        self.settle()
        self.click("downloadButton")
        files = self.find(QListWidget, "downloadedFilesList")
        self.wait(lambda: files.count() == 3 and self.page().isComplete())

    def wrap_here(self, plaintext: Path | None = None, *, existing: bool = False) -> None:
        self.click("wrapHereRadio")
        self.click("existingMaterialRadio" if existing else "generateMaterialRadio")
        if plaintext is not None:
            self.type("materialPlainEdit", str(plaintext))
        self.click("wrapButton")
        self.settle()

    def choose_encrypted(self, path: Path) -> None:
        self.type("encryptedMaterialEdit", str(path))
        self.wait(lambda: self.find(QLabel, "encryptedCheckLabel").isVisible())
        self.settle()

    def to_token_page(
        self,
        folder: Path,
        *,
        alias: str = "imported-key",
        algorithm: WrappingAlgorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256,
        encrypted: Path | None = None,
    ) -> None:
        """A new key through every page; wrapped here unless ``encrypted`` is given (the
        HSM route, with that file)."""
        self.create_key(alias)
        self.download(folder, algorithm)
        self.next(PageId.WRAP)
        if encrypted is None:
            self.wrap_here()
        else:
            self.click("wrapOnHsmRadio")
        self.next(PageId.MATERIAL)
        if encrypted is not None:
            self.choose_encrypted(encrypted)
        self.next(PageId.TOKEN)


# the token path (a SoftHSM token, tests/softhsm.py) --------------------------------------


def to_token_wrap(
    d, tmp_path: Path, soft_token, algorithm: WrappingAlgorithm, alias: str = "from-my-hsm"
) -> Path:
    """A new key, its download, and page 4 with the token chosen."""
    d.create_key(alias)
    folder = tmp_path / "downloads"
    folder.mkdir()
    d.download(folder, algorithm)
    d.next(PageId.WRAP)
    d.click("wrapInTokenRadio")
    d.type("pkcs11ModuleEdit", str(soft_token.module_path))
    tokens = d.find(QComboBox, "tokenCombo")
    d.wait(lambda: tokens.count() == 1)
    d.settle()
    assert soft_token.label in tokens.currentText()
    return folder


def generate_and_wrap(d, pin: str, label: str = "byok-gui") -> None:
    d.type("pinEdit", pin)
    d.click("generateInTokenCheck")
    d.type("tokenKeyLabelEdit", label)
    d.click("wrapInTokenButton")
    d.settle()


# helpers of the failure tests -------------------------------------------------------


def hsm_wrap(d, material: bytes, padding_of: WrappingAlgorithm, out: Path) -> Path:
    """What an HSM would do: wrap ``material`` with the downloaded wrapping key."""
    public_key = serialization.load_der_public_key(d.wizard.flow.items.wrapping_key.read_bytes())
    out.write_bytes(public_key.encrypt(material, padding_of.padding()))
    return out


def finish_refused(d, backend, code: str) -> str:
    """Finish, expect the refusal ``code`` on the page, and the store unchanged."""
    before = backend.all_keys()
    d.finish()
    assert d.wizard.currentId() == PageId.TOKEN
    assert d.notice().startswith(f"{code}: ")
    assert backend.all_keys() == before
    assert d.wizard.flow.imported is None
    return d.notice()


def new_asymmetric_key(d, folder: Path, spec: KeySpec, alias: str) -> None:
    """An RSA or EC key of ``spec`` through steps 1 to 3, to the Wrap page."""
    d.type("aliasEdit", alias)
    d.choose("keySpecCombo", spec.value)
    d.next(PageId.SECURITY)
    d.click("acknowledgeCheck")
    d.next(PageId.DOWNLOAD)
    d.download(folder)
    d.next(PageId.WRAP)
