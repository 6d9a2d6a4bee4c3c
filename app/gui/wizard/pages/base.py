"""What every wizard page shares: the flow, the backend and the task runner; a job run in the
background with visible progress (the page is not complete while it waits, and Back waits
too); a failure shown on the page as its KMS code, its message and what to do next.

A page puts its own widgets in ``self.body``; the progress bar and the notice sit below it.
Qt's page hooks are implemented here once and call the page's own: ``initializePage`` calls
``enter``, ``isComplete`` calls ``ready``, ``validatePage`` calls ``commit``. They are guarded:
PySide drops an exception raised in a virtual called from C++ without a trace, and the page
then stops being asked ``isComplete`` at all; here it is logged and shown on the page instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.backends.base import KmsBackend
from app.gui.formatting import without_mnemonic
from app.gui.messages import error_sentence, error_text, join_sentences, message_text
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind, Notice, ProblemLabel
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId, error_page
from app.material.files import FileProblem
from app.model.errors import KmsError
from app.model.messages import tr_noop

log = logging.getLogger(__name__)
T = TypeVar("T")


#: What to do about a refusal, in the wizard's words (the KMS's message says what).
_ADVICE = {
    "KMS.1104": tr_noop("ImportKeyWizard", "Choose another alias."),
    "KMS.2601": tr_noop(
        "ImportKeyWizard",
        "Then wrap your key material again with the new wrapping key.",
    ),
    "KMS.2603": tr_noop(
        "ImportKeyWizard",
        "Choose the importToken file downloaded for this key: its name contains the key ID.",
    ),
    "KMS.2605": tr_noop(
        "ImportKeyWizard", "Choose the importToken file exactly as it was downloaded."
    ),
    "KMS.0311": tr_noop(
        "ImportKeyWizard",
        "Go back to \u201cWrap key material\u201d and wrap the material again with the "
        "wrapping key downloaded with this token and its algorithm.",
    ),
    "KMS.2604": tr_noop(
        "ImportKeyWizard",
        "Go back to \u201cWrap key material\u201d and wrap exactly 32 bytes (256 bits) of key "
        "material.",
    ),
    "KMS.2606": tr_noop(
        "ImportKeyWizard",
        "Go back to \u201cWrap key material\u201d, choose \u201cUse an existing 32-byte key "
        "material file\u201d and wrap the material this key had before.",
    ),
    "KMS.2607": tr_noop(
        "ImportKeyWizard",
        "Go back to \u201cWrap key material\u201d: check the KCV you typed, or wrap the "
        "intended material again with the wrapping key and algorithm of this token.",
    ),
    "KMS.2602": tr_noop(
        "ImportKeyWizard",
        "Choose a later date and time, or \u201cKey material will never expire\u201d.",
    ),
    "KMS.0310": tr_noop(
        "ImportKeyWizard",
        "The key already holds key material, perhaps from this very import if its answer "
        "was lost: close the wizard and look at the key in the list (Enabled means the "
        "material is in; the import record shows its KCV).",
    ),
}


def advice(error: KmsError) -> str:
    """What to do about a refusal, in the user's language ("" when the message says it)."""
    text = _ADVICE.get(error.code)
    return QCoreApplication.translate("ImportKeyWizard", text) if text else ""


def failure_text(error: BaseException) -> str:
    """ "KMS.XXXX: what happened. What to do." for a refusal; a plain sentence otherwise."""
    if isinstance(error, FileProblem):  # a local file, not an answer of the KMS
        return error_sentence(error)
    if isinstance(error, KmsError):
        return join_sentences(error_text(error), advice(error))
    return QCoreApplication.translate("ImportKeyWizard", "Something went wrong: %1").replace(
        "%1", str(error) or type(error).__name__
    )


def problem_label(name: str, parent: QWidget) -> QLabel:
    """A word-wrapped label for a field's problem, under the field."""
    return ProblemLabel(parent, object_name=name)


class FlowPage(QWizardPage):
    """A page of the Import Key wizard. Subclasses set ``page_id`` and fill ``self.body``."""

    page_id: ClassVar[PageId]
    #: The user asked to go back to this (earlier) page to fix what the notice says.
    fixRequested = Signal(int)
    #: Whether the page's own widgets take the free height (a table, a text); otherwise the
    #: progress and the notice sit right under them and the free space stays below.
    expands: ClassVar[bool] = False

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow, self.backend, self.runner = flow, backend, runner
        self._jobs = 0  # jobs of this page queued or running
        self._focus_before: QWidget | None = None
        # Everything of the page scrolls when the screen is too small for it; the wizard's
        # own buttons (Back, Next, Cancel) stay outside, always visible.
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setObjectName("pageScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self.page_scroll)
        content.setObjectName("pageContent")
        self.page_scroll.setWidget(content)
        self.page_scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        self.body = QWidget(content)
        self._progress = QProgressBar(content)
        self._progress.setObjectName("busyProgress")
        self._progress.setRange(0, 0)  # busy, no percentage to show
        self._progress.setTextVisible(False)
        self._progress.setMaximumHeight(8)
        self._progress.hide()
        self._doing = QLabel(content)
        self._doing.setObjectName("busyLabel")
        self._doing.hide()
        self.notice = Notice(content, object_name="pageNotice")
        self.notice.shown.connect(self._on_notice_shown)
        self.fix = QPushButton(content, objectName="fixButton")
        self.fix.setAccessibleName(self.tr("Go back to the page that fixes this"))
        self.fix.setAutoDefault(False)
        self.fix.hide()
        self.fix.clicked.connect(self._on_fix_clicked)
        self._fix_page: PageId | None = None
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix)
        fix_row.addStretch(1)
        # Which KMS the step works on, on every page: a cloud import is not a rehearsal.
        self.kms_label = QLabel(
            self.tr("KMS: %1").replace("%1", message_text(backend.label)),
            content,
            objectName="pageKmsLabel",
        )
        self.kms_label.setWordWrap(True)
        # An import again works on a key that exists: every page names it, not only the last.
        self.key_label = QLabel(content, objectName="pageKeyLabel")
        self.key_label.setWordWrap(True)
        self.key_label.setVisible(flow.resuming)
        layout = QVBoxLayout(content)
        layout.addWidget(self.kms_label)
        layout.addWidget(self.key_label)
        layout.addWidget(self.body, 1 if self.expands else 0)
        layout.addWidget(self._doing)
        layout.addWidget(self._progress)
        layout.addWidget(self.notice)
        layout.addLayout(fix_row)
        if not self.expands:
            layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll)

    @property
    def busy(self) -> bool:
        return self._jobs > 0

    # Qt's hooks, guarded -----------------------------------------------------------

    def initializePage(self) -> None:
        self._guarded(self.enter, None)

    def show_current(self) -> None:
        """Called by the wizard whenever this page becomes the current one."""
        self.name_key()
        self._guarded(self.shown, None)

    def name_key(self) -> None:
        """On an import again, say which key: its alias and ID once read, its ID before."""
        if not self.flow.resuming:
            return
        key = self.flow.key
        if key is not None and key.alias:
            text = self.tr("Importing material again into the key %1 (%2)")
            text = text.replace("%1", key.alias).replace("%2", key.key_id)
        else:
            key_id = key.key_id if key is not None else self.flow.resume_key_id or ""
            text = self.tr("Importing material again into the key %1").replace("%1", key_id)
        self.key_label.setText(text)

    def isComplete(self) -> bool:
        return not self.busy and self._guarded(self.ready, False)

    def validatePage(self) -> bool:
        return not self.busy and self._guarded(self.commit, False)

    def cleanupPage(self) -> None:
        """Going Back keeps what the user entered (nothing lives in QWizard fields)."""

    # the page's own hooks ------------------------------------------------------------

    def enter(self) -> None:
        """The page is shown (going forward): fill it from the flow."""

    def shown(self) -> None:
        """The page became the current one, going forward (after ``enter``) or back: show
        what changed meanwhile (a key created, time passing)."""

    def ready(self) -> bool:
        """Cheap: may the user press Next (or Finish) now?"""
        return self.flow.can_leave(self.page_id)

    def commit(self) -> bool:
        """Next (or Finish) was pressed: True to move on now; False to stay, e.g. while a
        job runs that moves on by itself when it is done."""
        return True

    def help_text(self) -> str:
        """The page's "What is this?": what the step is, what its files are, why, and what
        comes next, in plain words (rich text)."""
        raise NotImplementedError

    def _guarded(self, hook: Callable[[], T], default: T) -> T:
        try:
            return hook()
        except Exception as error:
            log.exception("the wizard page %s failed", type(self).__name__)
            self.show_failure(error)
            return default

    def run_job(
        self,
        work: Callable[[], Any],
        *,
        doing: str,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``work()`` on the runner's worker; the page shows ``doing`` until it returns."""
        self.notice.clear_text()
        self.fix.hide()
        self._set_busy(+1, doing)

        def succeeded(value: Any) -> None:
            self._set_busy(-1)
            on_success(value)

        def failed(error: BaseException) -> None:
            self._set_busy(-1)
            (on_failure or self.show_failure)(error)

        self.runner.run(work, context=self, on_success=succeeded, on_failure=failed)

    def show_failure(self, error: BaseException) -> None:
        """The failure below the page; and, when an earlier page fixes it, a button there."""
        self.notice.show_text(failure_text(error), Kind.ERROR)
        page = error_page(error) if isinstance(error, KmsError) else None
        wizard = self.wizard()
        earlier = wizard.visitedIds()[:-1] if wizard is not None else []
        self._fix_page = page if page in earlier else None
        if self._fix_page is not None and wizard is not None:
            title = wizard.page(self._fix_page).title()
            self.fix.setText(self.tr("&Go back to \u201c%1\u201d").replace("%1", title))
            self.fix.setAccessibleName(without_mnemonic(self.fix.text()))
            self.fix.setFocus()
        self.fix.setVisible(self._fix_page is not None)

    def label_for(self, text: str, buddy: QWidget) -> QLabel:
        """A label whose mnemonic moves the focus to ``buddy``."""
        label = QLabel(text, self.body)
        label.setBuddy(buddy)
        return label

    def _on_notice_shown(self) -> None:
        # After the layout has placed the notice, not before.
        QTimer.singleShot(0, self, lambda: self.page_scroll.ensureWidgetVisible(self.notice))

    def _on_fix_clicked(self) -> None:
        if self._fix_page is not None:
            self.fixRequested.emit(int(self._fix_page))

    def refresh(self) -> None:
        """The flow changed: let the wizard ask ``isComplete`` again."""
        self.completeChanged.emit()

    def is_current(self) -> bool:
        wizard = self.wizard()
        return wizard is not None and wizard.currentPage() is self

    def _set_busy(self, change: int, doing: str = "") -> None:
        if change > 0 and not self.busy:
            self._focus_before = self.focusWidget()
        self._jobs += change
        busy = self.busy
        self.body.setEnabled(not busy)
        if doing:
            self._doing.setText(doing)
        self._doing.setVisible(busy)
        self._progress.setVisible(busy)
        self.completeChanged.emit()  # the wizard updates its buttons now...
        wizard = self.wizard()
        if wizard is not None and busy:  # ...and Back waits for the job, too
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        if not busy and self._focus_before is not None and self._focus_before.isEnabled():
            self._focus_before.setFocus()
