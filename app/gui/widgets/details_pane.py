"""The details pane: every field of describe-key for the selected key, its KCV (or, for an
RSA or EC key, its public key's SHA-256 fingerprint, with "Copy public key (PEM)"), tags and
scheduled deletion date, and its import history: from the audit log on the local engine,
from Keyferry's import record on a KMS whose history Keyferry cannot read (whose KCV the
record keeps too).

The pane shows a ``Cmk`` snapshot (kept fresh by the list) and a list of audit entries that
the window loads through the task runner; it never calls the backend itself (it asks for the
public key with ``publicKeyRequested``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backends.import_record import ImportEntry, Outcome
from app.gui import formatting as fmt
from app.gui.messages import message_text
from app.gui.widgets.state_badge import badge_style
from app.model.audit import AuditEntry
from app.model.catalogue import MESSAGES
from app.model.keys import Cmk, KeyState
from app.model.messages import Message

#: The fields in the first column; the rest go in the second.
_FIRST_COLUMN = 7
_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def import_operations() -> dict[str, str]:
    """The audit operations that make up a key's import history, as people name them."""
    return {
        "create-key": QCoreApplication.translate("DetailsPane", "Create key"),
        "get-parameters-for-import": QCoreApplication.translate(
            "DetailsPane", "Download import items"
        ),
        "import-key-material": QCoreApplication.translate("DetailsPane", "Import key material"),
        "delete-imported-key-material": QCoreApplication.translate(
            "DetailsPane", "Delete key material"
        ),
        "expire-key-material": QCoreApplication.translate("DetailsPane", "Material expired"),
    }


def import_history(entries: list[AuditEntry]) -> list[AuditEntry]:
    names = import_operations()
    return [e for e in entries if e.operation in names]


class DetailsPane(QScrollArea):
    """Fields of one key; ``show_key(None)`` shows what to do instead."""

    _FIELDS = (
        "alias",
        "keyId",
        "state",
        "description",
        "origin",
        "keySpec",
        "keyUsage",
        "project",
        "created",
        "materialExpiry",
        "deletion",
        "kcv",
        "fingerprint",
        "tags",
    )
    #: "Copy public key (PEM)" was clicked: fetch the key's public key (its key ID).
    publicKeyRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.placeholder = QLabel(body, objectName="detailsPlaceholder", wordWrap=True)
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        self.fields = self._make_fields(body)
        # Three columns side by side (identity, lifecycle, history): the pane sits under
        # the table, which keeps the window's whole width for its nine columns.
        layout = QHBoxLayout(body)
        layout.addWidget(self.placeholder, 9)
        layout.addWidget(self.fields, 9)
        layout.addSpacing(12)
        layout.addLayout(self._make_history(body), 5)
        self.setWidget(body)
        self.cmk: Cmk | None = None
        self.recorded: ImportEntry | None = None
        self.fetched_fingerprint: str | None = None
        self._now_ms = 0
        self.retranslate()

    def retranslate(self) -> None:
        """Every caption in the current language, and the key shown again with it. (The
        history is the window's to show again: it reloads it.)"""
        self.setAccessibleName(self.tr("Key details"))
        self.placeholder.setText(self.tr("Select a key to see its details."))
        for name, text in zip(self._FIELDS, self._caption_texts(), strict=True):
            self._captions[name].setText(text)
        self.copy_button.setText(self.tr("Cop&y key ID"))
        self.copy_button.setAccessibleName(self.tr("Copy key ID"))
        self.copy_public_button.setText(self.tr("Copy &public key (PEM)"))
        self.copy_public_button.setAccessibleName(self.tr("Copy public key (PEM)"))
        self.history_title.setText(self.tr("<b>Import history</b>"))
        self.history.setAccessibleName(self.tr("Import history"))
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Result"), self.tr("Who")]
        )
        self.show_key(self.cmk, self._now_ms)

    def _make_fields(self, body: QWidget) -> QWidget:
        fields = QWidget(body)
        identity, lifecycle = QFormLayout(), QFormLayout()
        for number, name in enumerate(self._FIELDS):
            form = identity if number < _FIRST_COLUMN else lifecycle
            self._captions[name] = QLabel(fields)
            form.addRow(self._captions[name], self._value(name))
        self.copy_button = QPushButton(fields, objectName="copyKeyIdButton")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.copy_public_button = QPushButton(fields, objectName="copyPublicKeyButton")
        self.copy_public_button.clicked.connect(self._on_copy_public_button_clicked)
        self.public_status = QLabel(fields, objectName="publicKeyStatusLabel", wordWrap=True)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copy_public_button)
        copy_row.addStretch(1)
        identity.addRow("", copy_row)
        identity.addRow("", self.public_status)
        columns = QHBoxLayout(fields)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(identity, 5)
        columns.addSpacing(12)
        columns.addLayout(lifecycle, 4)
        return fields

    def _make_history(self, body: QWidget) -> QVBoxLayout:
        self.history_status = QLabel(body)
        self.history_status.setObjectName("historyStatusLabel")
        self.history_status.setWordWrap(True)
        self.history = self._history_tree(body)
        self.history_title = QLabel(body, objectName="historyTitleLabel")
        history = QVBoxLayout()
        history.addWidget(self.history_title)
        history.addWidget(self.history_status)
        history.addWidget(self.history, 1)
        return history

    def _caption_texts(self) -> list[str]:
        return [
            self.tr("Alias:"),
            self.tr("Key ID:"),
            self.tr("State:"),
            self.tr("Description:"),
            self.tr("Origin:"),
            self.tr("Key spec:"),
            self.tr("Key usage:"),
            self.tr("Project:"),
            self.tr("Created:"),
            self.tr("Material expiry:"),
            self.tr("Scheduled deletion:"),
            self.tr("KCV:"),
            self.tr("Public key SHA-256:"),
            self.tr("Tags:"),
        ]

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"details{name[0].upper()}{name[1:]}Label")
        label.setTextInteractionFlags(
            _SELECTABLE
            if name in ("keyId", "kcv", "fingerprint")
            else Qt.TextInteractionFlag.TextSelectableByMouse
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        # Free text wraps; dates, codes and tags (one per line) keep their shape, and the
        # pane scrolls sideways when a small screen or a large font has no room for them.
        label.setWordWrap(name in ("alias", "description"))
        if name == "state":  # a badge as wide as its text, not the pane
            label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.values[name] = label
        return label

    def _history_tree(self, parent: QWidget) -> QTreeWidget:
        tree = QTreeWidget(parent)
        tree.setObjectName("importHistoryTree")
        tree.setRootIsDecorated(False)
        tree.setColumnCount(4)
        tree.setMinimumHeight(100)
        return tree

    # --------------------------------------------------------------- showing

    def show_key(self, cmk: Cmk | None, now_ms: int) -> None:
        if cmk is None or self.cmk is None or cmk.key_id != self.cmk.key_id:
            self.recorded = None  # the record of another key is no answer for this one
            self.fetched_fingerprint = None
            self.public_status.clear()
        self.cmk, self._now_ms = cmk, now_ms
        self.placeholder.setVisible(cmk is None)
        self.fields.setVisible(cmk is not None)
        if cmk is None:
            self.show_history(None, status="")
            return
        texts = self._texts(cmk, now_ms)
        for name, label in self.values.items():
            label.setText(texts[name])
            label.setAccessibleName(texts[name])
            label.setToolTip("")
        self.values["state"].setStyleSheet(badge_style(cmk.state))
        asymmetric = cmk.key_spec.is_asymmetric
        for name, shown in (("kcv", not asymmetric), ("fingerprint", asymmetric)):
            self._captions[name].setVisible(shown)  # one proof per key: its KCV or fingerprint
            self.values[name].setVisible(shown)
        self.copy_public_button.setVisible(asymmetric)
        self.copy_public_button.setEnabled(asymmetric and cmk.has_material)
        self.copy_public_button.setToolTip(
            ""
            if cmk.has_material
            else self.tr("The key has no key material yet: import its private key first.")
        )
        self.public_status.setVisible(asymmetric and bool(self.public_status.text()))
        for name, ms in (
            ("created", cmk.created_ms),
            ("materialExpiry", cmk.material_expires_ms),
            ("deletion", cmk.deletion_ms),
        ):
            if ms is not None:
                self.values[name].setToolTip(fmt.utc_time(ms))

    def _texts(self, cmk: Cmk, now_ms: int) -> dict[str, str]:
        deletion = (
            fmt.local_and_utc(cmk.deletion_ms)
            if cmk.state is KeyState.PENDING_DELETION and cmk.deletion_ms
            else self.tr("Not scheduled")
        )
        return {
            "alias": cmk.alias,
            "keyId": cmk.key_id,
            "state": fmt.state_label(cmk.state),
            "description": cmk.description or self.tr("(none)"),
            "origin": fmt.origin_label(cmk.origin),
            "keySpec": cmk.key_spec.value,
            "keyUsage": cmk.key_usage.value,
            "project": cmk.project_id,
            "created": fmt.local_time(cmk.created_ms),
            "materialExpiry": fmt.expiry_text(
                cmk.material_expires_ms, cmk.has_material, now_ms, known=cmk.material_known
            ),
            "deletion": deletion,
            "kcv": self._kcv_text(cmk),
            "fingerprint": self._fingerprint_text(cmk),
            "tags": self._tags_text(cmk),
        }

    def _fingerprint_text(self, cmk: Cmk) -> str:
        """An asymmetric key's proof: the SHA-256 of its public key (DER), as the KMS reports
        it or as computed from the public key it gave. (An AES key's row is hidden.)"""
        if not cmk.key_spec.is_asymmetric:
            return ""
        if not cmk.has_material:
            return self.tr("(no key material)")
        found = cmk.public_key_fingerprint or self.fetched_fingerprint
        return found or self.tr("Not reported by this KMS: Copy public key (PEM) shows it")

    def show_public_key(self, key_id: str, fingerprint: str) -> None:
        """The public key of ``key_id`` was copied; its fingerprint is shown."""
        if self.cmk is None or self.cmk.key_id != key_id:
            return
        self.fetched_fingerprint = fingerprint
        self.values["fingerprint"].setText(self._fingerprint_text(self.cmk))
        self.public_status.setText(self.tr("The public key (PEM) is on the clipboard."))
        self.public_status.setVisible(True)

    def show_public_key_failure(self, key_id: str, text: str) -> None:
        if self.cmk is not None and self.cmk.key_id == key_id:
            self.public_status.setText(text)
            self.public_status.setVisible(True)

    def _on_copy_public_button_clicked(self) -> None:
        if self.cmk is not None:
            self.public_status.setText(self.tr("Fetching the public key…"))
            self.public_status.setVisible(True)
            self.publicKeyRequested.emit(self.cmk.key_id)

    def _kcv_text(self, cmk: Cmk) -> str:
        """The KCV the KMS reports; where it reports none, the one Keyferry recorded. (An RSA
        or EC key's row is hidden.)"""
        if cmk.key_spec.is_asymmetric:
            return ""
        if cmk.reports_kcv or not cmk.has_material:
            return cmk.kcv or self.tr("(no key material)")
        if self.recorded is not None and self.recorded.kcv:
            return self.tr("%1 (recorded at import; this KMS does not report one)").replace(
                "%1", self.recorded.kcv
            )
        return self.tr("Not reported by this KMS, and no import of it is recorded here")

    def _tags_text(self, cmk: Cmk) -> str:
        if not cmk.tags_known:
            return self.tr("(loading\u2026)")
        return "\n".join(fmt.tag_text(t.key, t.value) for t in cmk.tags) or self.tr("(none)")

    def show_record(self, entries: list[ImportEntry]) -> None:
        """The selected key's imports from Keyferry's import record (a KMS without a
        history Keyferry can read): the rows, and the KCV the latest import recorded."""
        self.recorded = next(
            (e for e in reversed(entries) if e.outcome is Outcome.IMPORTED and e.kcv), None
        )
        if self.cmk is not None:
            self.values["kcv"].setText(self._kcv_text(self.cmk))
        self.history.clear()
        for entry in entries:
            operation = self.tr("Import key material (KCV %1)").replace("%1", entry.kcv or "?")
            item = QTreeWidgetItem(
                [fmt.local_time(entry.time_ms), operation, self._outcome(entry), entry.os_user]
            )
            item.setToolTip(0, fmt.utc_time(entry.time_ms))
            item.setToolTip(2, self._outcome_detail(entry))
            self.history.addTopLevelItem(item)
        for column in range(self.history.columnCount()):
            self.history.resizeColumnToContents(column)
        status = self.tr(
            "Imports recorded by Keyferry on this computer (this KMS keeps no history that "
            "Keyferry can read)."
        )
        if not entries:
            status = self.tr("No import of this key is recorded on this computer.")
        self.history_status.setText(status)
        self.history_status.setVisible(True)

    def _outcome_detail(self, entry: ImportEntry) -> str:
        """Why an import did not succeed, in the user's language: the record keeps the
        English, so its code's sentence is shown (the English only for a code we lack)."""
        if not entry.result_recorded:
            return self.tr("No result was recorded: Keyferry stopped during the import.")
        code = entry.error_code
        if code is None:
            return ""
        if code in MESSAGES:
            return f"{code}: {message_text(Message(code))}"
        return f"{code}: {entry.detail}"

    def _outcome(self, entry: ImportEntry) -> str:
        if entry.outcome is Outcome.IMPORTED:
            return self.tr("OK")
        if entry.outcome is Outcome.UNKNOWN:
            return self.tr("Outcome unknown (%1)").replace("%1", entry.error_code or "-")
        return self.tr("Refused (%1)").replace("%1", entry.error_code or "?")

    def show_history(self, entries: list[AuditEntry] | None, *, status: str) -> None:
        """Entries of the import history (None while loading or unavailable), with a line
        that says which."""
        self.history.clear()
        names = import_operations()
        for entry in import_history(entries or []):
            result = (
                self.tr("OK")
                if entry.result == "ok"
                else self.tr("Refused (%1)").replace("%1", entry.error_code or "?")
            )
            item = QTreeWidgetItem(
                [fmt.local_time(entry.time_ms), names[entry.operation], result, entry.actor]
            )
            item.setToolTip(0, fmt.utc_time(entry.time_ms))
            self.history.addTopLevelItem(item)
        for column in range(self.history.columnCount()):
            self.history.resizeColumnToContents(column)
        if entries is not None and not self.history.topLevelItemCount() and not status:
            status = self.tr("No import history yet.")
        self.history_status.setText(status)
        self.history_status.setVisible(bool(status))

    def show_and_focus(self) -> None:
        """Bring the pane into view with the keyboard in it (Enter on a row)."""
        self.ensureWidgetVisible(self.copy_button)
        self.copy_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_copy_button_clicked(self) -> None:
        if self.cmk is not None:
            QGuiApplication.clipboard().setText(self.cmk.key_id)
