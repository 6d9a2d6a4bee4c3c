"""The self-test's walk through the real Import Key wizard, page by page, as a person would
do it: typing into fields and clicking buttons found by their object names (the names the
GUI tests use, tests/gui/wizard/wizard_driver.py), and waiting for the program between actions.

Key (an alias) -> Security (acknowledge; Next creates the key) -> Download (a temporary
folder) -> Wrap (here, with generated material) -> Material -> Token (never expires) ->
Finish, then Close.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QWidget,
    QWizard,
)

from app.gui.self_test.report import StepFailed
from app.gui.self_test.walk import Step, StepBody, Until
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.pages.base import FlowPage
from app.gui.wizard.wizard import ImportKeyWizard
from app.material.recipes import PLAINTEXT_NAME
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import Cmk, KeyState

W = TypeVar("W", bound=QWidget)
ALGORITHM = WrappingAlgorithm.RSAES_OAEP_SHA_256
ENCRYPTED_NAME = "EncryptedKeyMaterial.bin"


class ImportWalk:
    """Drives ``wizard`` from its first page to an imported key, downloading into
    ``folder``. ``imported`` holds the key once Finish has imported it."""

    def __init__(
        self, wizard: ImportKeyWizard, runner: TaskRunner, *, folder: Path, alias: str
    ) -> None:
        self.wizard, self.runner, self.folder, self.alias = wizard, runner, folder, alias
        self.imported: Cmk | None = None
        wizard.keyImported.connect(self._on_wizard_keyImported)

    @property
    def plaintext_file(self) -> Path:
        return self.folder / PLAINTEXT_NAME

    def steps(self) -> list[Step]:
        return [
            Step("wizard 1: key alias", self.key_page),
            Step("wizard 2: acknowledge", self.security_page),
            Step("wizard 3: download import items", self.download_page),
            Step("wizard 4: wrap here (generated)", self.wrap_page),
            Step("wizard 5: key material", self.material_page),
            Step("wizard 6: token, never expires", self.token_page),
            Step("wizard: Finish", self.finish),
        ]

    def describe_state(self) -> str:
        """Where the wizard is, and what its page says, for a failure."""
        page = self.wizard.currentPage()
        if page is None:
            return "the wizard shows no page"
        said = page.notice.text() if isinstance(page, FlowPage) and page.notice.text() else ""
        return f"on the page \u201c{page.title()}\u201d" + (f", which says: {said}" if said else "")

    # the steps ---------------------------------------------------------------------

    def key_page(self) -> StepBody:
        self._expect_page(PageId.KEY)
        self.type("aliasEdit", self.alias)
        yield from self.next_page(PageId.SECURITY)
        return f"alias {self.alias}"

    def security_page(self) -> StepBody:
        self.click("acknowledgeCheck")
        yield from self.next_page(PageId.DOWNLOAD)
        key = self.wizard.flow.key
        if key is None or key.state is not KeyState.PENDING_IMPORT:
            raise StepFailed(f"Next did not create a key Pending import (key: {key})")
        return f"key {key.key_id} created, Pending import"

    def download_page(self) -> StepBody:
        combo = self.find(QComboBox, "algorithmCombo")
        combo.setCurrentIndex(combo.findText(ALGORITHM.value))
        yield self.a_turn()
        self.type("downloadDirEdit", str(self.folder))
        yield self.a_turn()
        yield self.settled()
        self.click("downloadButton")
        files = self.find(QListWidget, "downloadedFilesList")
        page = self.wizard.currentPage()
        yield Until(
            "the three downloaded files to be listed",
            lambda: files.count() == 3 and page.isComplete(),
        )
        names = sorted(path.name.split("_")[0] for path in self.folder.iterdir())
        if names != ["README", "importToken", "wrappingKey"]:
            raise StepFailed(f"the download folder holds {names}")
        return f"{ALGORITHM.value}: wrapping key, import token, README in {self.folder}"

    def wrap_page(self) -> StepBody:
        yield from self.next_page(PageId.WRAP)
        self.click("wrapHereRadio")
        yield self.a_turn()
        self.click("generateMaterialRadio")
        yield self.a_turn()
        self.click("wrapButton")
        encrypted = self.folder / ENCRYPTED_NAME
        yield Until(f"{ENCRYPTED_NAME} to be written", encrypted.exists)
        yield self.settled()
        kcv = key_check_value(self.plaintext_file.read_bytes())
        if kcv not in self.find(QLabel, "kcvLabel").text():
            raise StepFailed(f"the page does not show the material's KCV {kcv}")
        return f"{ENCRYPTED_NAME}, {encrypted.stat().st_size} bytes, KCV {kcv}"

    def material_page(self) -> StepBody:
        yield from self.next_page(PageId.MATERIAL)
        chosen = self.find(QLineEdit, "encryptedMaterialEdit").text()
        if Path(chosen) != self.folder / ENCRYPTED_NAME:
            raise StepFailed(f"the page offers {chosen!r}, not the wrapped material")
        check = self.find(QLabel, "encryptedCheckLabel")
        yield Until("the encrypted material to be checked", check.isVisible)
        return check.text()

    def token_page(self) -> StepBody:
        yield from self.next_page(PageId.TOKEN)
        token = Path(self.find(QLineEdit, "tokenFileEdit").text())
        if not token.name.startswith("importToken_") or token.parent != self.folder:
            raise StepFailed(f"the page offers the token file {token}")
        self.click("neverExpiresRadio")
        return f"{token.name}, never expires"

    def finish(self) -> StepBody:
        finish = self.wizard.button(QWizard.WizardButton.FinishButton)
        yield self.a_turn()
        yield Until("Finish to be enabled", finish.isEnabled)
        QTest.mouseClick(finish, Qt.MouseButton.LeftButton)
        yield Until(
            "the import to succeed or fail",
            lambda: self.imported is not None or self._page_shows_error(),
        )
        page = self.wizard.currentPage()
        said = page.notice.text() if isinstance(page, FlowPage) else ""
        if self.imported is None or "imported successfully" not in said:
            raise StepFailed(f"Finish did not import the key: {said}")
        yield Until("Close to be enabled", finish.isEnabled)
        QTest.mouseClick(finish, Qt.MouseButton.LeftButton)
        yield Until("the wizard to close", lambda: not self.wizard.isVisible())
        if self.wizard.result() != QWizard.DialogCode.Accepted:
            raise StepFailed("the wizard closed without accepting")
        return said

    # a person's hands ----------------------------------------------------------------

    def find(self, kind: type[W], name: str) -> W:
        """The one widget of that name: on the current page if it has one, else anywhere
        in the wizard."""
        found = named(self.wizard, kind, name)
        if len(found) != 1:
            raise StepFailed(f"expected one {kind.__name__} named {name}, found {len(found)}")
        return found[0]

    def type(self, name: str, text: str) -> None:
        """Replace a line edit's text by typing it."""
        edit = self.find(QLineEdit, name)
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, text)
        if edit.text() != text:
            raise StepFailed(f"typing into {name} gave {edit.text()!r}")

    def click(self, name: str) -> None:
        """Click a button; a radio button or check box on its indicator."""
        button = self.find(QAbstractButton, name)
        if not button.isEnabled():
            raise StepFailed(f"{name} is disabled")
        QTest.mouseClick(
            button,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            click_position(button),
        )

    def a_turn(self) -> Until:
        """One turn of the event loop, as between two clicks of a person: the window
        repaints and queued work runs before the next action (without it, several clicks
        ran in one turn, which no one's hands do, and their costs added up as one stall)."""
        checks: list[None] = []

        def after_the_first_check() -> bool:
            checks.append(None)
            return len(checks) > 1

        return Until("the window to take in the last action", after_the_first_check)

    def settled(self) -> Until:
        return Until("the page's background work to finish", self._idle)

    def next_page(self, expected: PageId) -> Generator[Until, None, None]:
        """Press Next once it is enabled, then wait for ``expected`` to be shown, idle."""
        button = self.wizard.button(QWizard.WizardButton.NextButton)
        yield self.a_turn()
        yield Until("Next to be enabled", lambda: button.isEnabled() and self._idle())
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        yield Until(
            f"the page {expected.name}",
            lambda: self.wizard.currentId() == expected or self._page_shows_error(),
        )
        self._expect_page(expected)
        yield self.settled()

    def _expect_page(self, expected: PageId) -> None:
        if self.wizard.currentId() != expected:
            raise StepFailed(f"the wizard did not move to the page {expected.name}")

    def _idle(self) -> bool:
        page = self.wizard.currentPage()
        return not self.runner.busy and not (isinstance(page, FlowPage) and page.busy)

    def _page_shows_error(self) -> bool:
        page = self.wizard.currentPage()
        return (
            isinstance(page, FlowPage)
            and page.notice.kind is Kind.ERROR
            and bool(page.notice.text())
            and not page.busy
        )

    def _on_wizard_keyImported(self, key: Cmk) -> None:
        self.imported = key


# a person's hands, shared with the tests' wizard driver ------------------------------------


def named(wizard: QWizard, kind: type[W], name: str) -> list[W]:
    """The widgets of that name: on the current page if it has exactly one (each page has
    its own fixButton), else in the whole wizard."""
    page = wizard.currentPage()
    found = page.findChildren(kind, name) if page is not None else []
    return found if len(found) == 1 else wizard.findChildren(kind, name)


def click_position(button: QAbstractButton) -> QPoint:
    """Where a click lands on ``button``: a radio button or check box on its indicator (its
    centre may be blank space beyond the text), anything else in the middle."""
    if isinstance(button, QRadioButton | QCheckBox):
        return QPoint(8, button.height() // 2)
    return button.rect().center()
