"""The Import Key wizard: the console's Import Key steps as a QWizard.

The wizard owns one ``ImportFlow`` and hands it, with the backend and the task runner, to each
page; the flow decides where the wizard starts (page 3 for an import again) and which page
comes next. The wizard talks to the KMS only through the backend protocol, and only from
jobs on the runner. Cancel at any step leaves at most the key with empty material behind, as
the console does: every file is written whole or not at all.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QWhatsThis, QWidget, QWizard

from app.backends.base import KmsBackend
from app.gui.geometry import fit_to_screen, keep_inside, lines, text_size
from app.gui.messages import message_text
from app.gui.tasks import TaskRunner
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId, WrapMethod
from app.gui.wizard.leaving import ask_about_left_key
from app.gui.wizard.pages.base import FlowPage
from app.gui.wizard.pages.download import DownloadPage
from app.gui.wizard.pages.key import KeyPage
from app.gui.wizard.pages.material import MaterialPage
from app.gui.wizard.pages.security import SecurityPage
from app.gui.wizard.pages.token import TokenPage
from app.gui.wizard.pages.wrap import WrapPage
from app.material.hsm.values import TokenSource
from app.model.keys import Cmk

PAGES: dict[PageId, type[FlowPage]] = {
    PageId.KEY: KeyPage,
    PageId.SECURITY: SecurityPage,
    PageId.DOWNLOAD: DownloadPage,
    PageId.WRAP: WrapPage,
    PageId.MATERIAL: MaterialPage,
    PageId.TOKEN: TokenPage,
}


class ImportKeyWizard(QWizard):
    """Import key material into a new key, or again into a key Pending import."""

    #: The import succeeded; carries the key (a ``Cmk``) as it is now.
    keyImported = Signal(object)
    #: Closed while the KMS was creating a key: it may exist. Carries the alias.
    keyMayExist = Signal(str)

    def __init__(
        self,
        backend: KmsBackend,
        runner: TaskRunner,
        *,
        resume_key_id: str | None = None,
        rewrap: TokenSource | None = None,
        rewrap_kcv: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importKeyWizard")
        self.flow = ImportFlow(resume_key_id=resume_key_id)
        self._backend, self._runner, self._leaving = backend, runner, False
        if rewrap is not None:  # the same token key again: step 4 starts on the token path
            self.flow.rewrap, self.flow.rewrap_kcv = rewrap, rewrap_kcv
            self.flow.wrap_method = WrapMethod.TOKEN
        action = self.tr("Import Key Material Again") if resume_key_id else self.tr("Import Key")
        self.setWindowTitle(
            self.tr("%1 \u2014 %2").replace("%1", action).replace("%2", message_text(backend.label))
        )
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("&What is this?"))
        help_button = self.button(QWizard.WizardButton.HelpButton)
        help_button.setObjectName("helpButton")
        help_button.setAccessibleName(self.tr("What is this step?"))
        self.helpRequested.connect(self.show_help)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)
        for page_id, page_class in PAGES.items():
            page = page_class(self.flow, backend, runner, self)
            page.fixRequested.connect(self.go_back_to)
            page.setWhatsThis(page.help_text())  # also for Shift+F1 anywhere on the page
            self.setPage(page_id, page)
        self.setStartId(self.flow.start_id())
        fit_to_screen(self, text_size(self, 146, 48))  # 880x720 at a 9 pt font
        self.currentIdChanged.connect(self._on_currentIdChanged)
        token_page = self.page(PageId.TOKEN)
        assert isinstance(token_page, TokenPage)
        token_page.imported.connect(self._on_token_page_imported)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_inside(self)  # wherever it was asked to open, all of it on the screen

    def nextId(self) -> int:
        return self.flow.next_id(self.currentId())

    def go_back_to(self, page_id: int) -> None:
        """Back, page after page, to ``page_id`` (if it was visited), keeping every input."""
        while self.currentId() != page_id and page_id in self.visitedIds()[:-1]:
            self.back()

    def show_help(self) -> None:
        """The current page's "What is this?", in a bubble inside the wizard, over the
        page's top (not over the button, and not off the wizard's edge)."""
        page = self.currentPage()
        if page is not None:
            # Qt centres the bubble on the point's x, and opens it below the point.
            top_middle = QPoint(page.width() // 2, lines(page, 1))
            QWhatsThis.showText(page.mapToGlobal(top_middle), page.whatsThis(), self)

    def reject(self) -> None:
        """Cancel, Esc or closing: if the wizard made a key that would stay behind with empty
        material, ask first whether to keep it or schedule its deletion."""
        key = self.flow.left_behind()
        if key is None or self._leaving:
            super().reject()
            return
        ask_about_left_key(self, key, self._backend, self._runner, on_left=self._leave)

    def _leave(self) -> None:
        self._leaving = True
        self.reject()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.flow.cancelled = True
            creating = self.page(PageId.SECURITY)
            if isinstance(creating, SecurityPage) and creating.creating is not None:
                self.keyMayExist.emit(creating.creating)
        super().done(result)

    def _on_currentIdChanged(self, _page_id: int) -> None:
        page = self.currentPage()
        if isinstance(page, FlowPage):
            page.show_current()

    def _on_token_page_imported(self, key: Cmk) -> None:
        # The import cannot be undone: no Back, no Cancel, and Finish now just closes.
        self.setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.keyImported.emit(key)
