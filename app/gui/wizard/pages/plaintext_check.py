"""Page 4's plaintext choice, judged as soon as it is made: a name for generated material that
is already taken, or an existing file that is not 32 bytes of material. The Wrap page shows
the problem under the field, keeps Next from wrapping and shows no openssl command over a file
that would not be wrapped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.gui.wizard import work
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import MaterialSource, WrapMethod
from app.gui.wizard.pages.base import FlowPage
from app.material.files import FileProblem


class PlaintextCheck(QObject):
    """What is known of the current plaintext choice; ``changed`` when that moves."""

    changed = Signal()

    def __init__(self, page: FlowPage, flow: ImportFlow) -> None:
        super().__init__(page)
        self.page, self.flow = page, flow
        self.problem: FileProblem | None = None
        self._checked: Path | None = None  # the existing file found good (or bad)
        self._timer = QTimer(self, singleShot=True, interval=250)  # typing settles first
        self._timer.timeout.connect(self._check)

    def usable(self) -> bool:
        """No known problem; an existing file checked and found good."""
        path = self.flow.plaintext_path
        if path is None or self.problem is not None:
            return False
        return self.flow.material_source is MaterialSource.GENERATE or self._checked == path

    def look(self) -> None:
        """The choice changed (or the page is shown again): judge it afresh."""
        flow, path = self.flow, self.flow.plaintext_path
        self._timer.stop()
        self.problem, self._checked = None, None
        if path is None or flow.wrap_method is not WrapMethod.HERE or flow.wrap_current():
            return
        if flow.material_source is MaterialSource.EXISTING:
            self._timer.start()
        elif path.exists():
            self.problem = FileProblem("file.exists", path=path)

    def refused(self, error: FileProblem) -> None:
        """The wrap itself refused the plaintext file."""
        self.problem, self._checked = error, self.flow.plaintext_path
        self.changed.emit()

    def _check(self) -> None:
        path = self.flow.plaintext_path
        if path is None or self.flow.material_source is not MaterialSource.EXISTING:
            return
        self.page.run_job(  # the bytes are read on the worker and wiped there
            lambda: work.check_plaintext(path),
            doing=self.tr("Checking the file..."),
            on_success=lambda _none: self._on_checked(path, None),
            on_failure=lambda error: self._on_checked(path, error),
        )

    def _on_checked(self, path: Path, error: BaseException | None) -> None:
        if path != self.flow.plaintext_path:
            return  # another file was chosen meanwhile
        if error is not None and not isinstance(error, FileProblem):
            self.page.show_failure(error)
            return
        self.problem, self._checked = error, path
        self.changed.emit()
