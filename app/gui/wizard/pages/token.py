"""Page 6, Import key token (console steps 13-14): the key ID, the token file, the material's
expiration mode; Finish imports in the background.

The import passes the KCV the wizard knows (``ImportFlow.expected_kcv``). Success says "Key
<alias> imported successfully" with the key's KCV, or, where the KMS cannot check a KCV, that
the expected one was not verified; Finish becomes Close. A refusal stays on this page with
its KMS code and what to do, and a button goes back to the page that fixes it; nothing the
user entered is lost, so they retry from there. An RSA or EC key's material cannot expire:
the page says so instead of asking, imports both files, and shows the imported key's public
key fingerprint (compared with the one wrapped here) instead of a KCV.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app.backends.base import KmsBackend
from app.gui.messages import error_sentence, join_sentences
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind
from app.gui.widgets.path_field import PathField, PathMode
from app.gui.wizard import work, work_asym
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.pages.base import FlowPage, problem_label
from app.model.importing import ExpirationMode
from app.model.keys import Cmk


class TokenPage(FlowPage):
    page_id = PageId.TOKEN
    #: The import succeeded, with the key as it is now (Enabled).
    imported = Signal(object)

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, backend, runner, parent)
        self.setTitle(self.tr("Import key token"))
        self.setSubTitle(
            self.tr(
                "Choose the import token and when the key material expires, "
                "then click Finish to import."
            )
        )
        self.key_id = QLineEdit(self.body, objectName="tokenKeyIdEdit", readOnly=True)
        self.key_id.setAccessibleName(self.tr("Key ID"))
        self.token = PathField(
            PathMode.OPEN_FILE,
            edit_name="tokenFileEdit",
            accessible_name=self.tr("Import token file"),
            dialog_title=self.tr("Import token"),
            parent=self.body,
        )
        self.never = QRadioButton(
            self.tr("Key material will ne&ver expire"), self.body, objectName="neverExpiresRadio"
        )
        self.expires = QRadioButton(
            self.tr("Key material &expires on"), self.body, objectName="expiresOnRadio"
        )
        self.when = QDateTimeEdit(self.body, objectName="expiresOnEdit", calendarPopup=True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.utc = QLabel(self.body, objectName="expiresOnUtcLabel")
        self.when_problem = problem_label("expiresOnProblemLabel", self.body)
        self.expiry_label = QLabel(self.tr("Key material expiration mode:"), self.body)
        self.no_expiry = QLabel(self.body, objectName="noExpiryLabel", wordWrap=True)
        for widget, name in (
            (self.never, self.tr("Key material will never expire")),
            (self.expires, self.tr("Key material expires on")),
            (self.when, self.tr("Expiration date and time")),
        ):
            widget.setAccessibleName(name)
        group = QButtonGroup(self)
        group.addButton(self.never)
        group.addButton(self.expires)
        self._lay_out()
        self.token.pathChanged.connect(self._on_input_changed)
        self.never.toggled.connect(self._on_input_changed)
        self.when.dateTimeChanged.connect(self._on_input_changed)

    def _lay_out(self) -> None:
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # paths get the width
        form.addRow(self.label_for(self.tr("&Key ID:"), self.key_id), self.key_id)
        form.addRow(self.label_for(self.tr("Import &token:"), self.token), self.token)
        form.addRow(self.expiry_label)
        form.addRow(self.no_expiry)
        form.addRow(self.never)
        when = QHBoxLayout()
        when.addWidget(self.expires)
        when.addWidget(self.when)
        when.addWidget(self.utc, 1)
        form.addRow(when)
        form.addRow(self.when_problem)

    def help_text(self) -> str:
        return self.tr(
            "<b>Import key token</b><p>Choose the importToken_\u2026 file downloaded with "
            "the wrapping key, and decide whether the key material expires. When it expires, "
            "the KMS deletes it and the key waits, Pending import, until you import the same "
            "material again.</p><p>Finish imports the material: the key becomes Enabled and "
            "shows its key check value (KCV).</p>"
        )

    def enter(self) -> None:
        flow = self.flow  # read it all first: each widget set below writes back to it
        token, never = flow.token_path, flow.expiration_mode is ExpirationMode.NEVER
        expires = flow.expires_at or flow.default_expiry()
        self.key_id.setText(flow.key.key_id if flow.key else "")
        self.token.setPath(token)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(expires))
        (self.never if never else self.expires).setChecked(True)
        asymmetric = flow.asymmetric
        for widget in (self.expiry_label, self.never, self.expires, self.when, self.utc):
            widget.setVisible(not asymmetric)
        self.no_expiry.setVisible(asymmetric)
        self.no_expiry.setText(
            self.tr(
                "The material of a %1 key does not expire: expiry applies to symmetric keys "
                "only, as in the cloud."
            ).replace("%1", flow.spec.value)
        )
        self._on_input_changed()

    def _on_input_changed(self, *_args: object) -> None:
        flow = self.flow
        flow.token_path = self.token.path()
        flow.expiration_mode = (
            ExpirationMode.NEVER if self.never.isChecked() else ExpirationMode.ON_DATE
        )
        flow.expires_at = self.when.dateTime().toSecsSinceEpoch()
        self.when.setEnabled(self.expires.isChecked())
        utc = datetime.fromtimestamp(flow.expires_at, UTC)
        local_is_utc = utc.astimezone().utcoffset() == timedelta(0)
        self.utc.setText("UTC" if local_is_utc else utc.strftime("(%Y-%m-%d %H:%M UTC)"))
        problem = flow.expiry_problem()
        self.when_problem.setText(error_sentence(problem) if problem else "")
        self.refresh()

    def commit(self) -> bool:
        """Finish: import, then (on a second Finish, now Close) let the wizard close."""
        flow = self.flow
        if flow.imported is not None:
            return True
        problem = flow.expiry_problem()  # time may have passed since the date was chosen
        if flow.key is None or problem is not None:
            self._on_input_changed()
            return False
        key_id, token, encrypted = flow.key.key_id, flow.token_path, flow.encrypted_material
        expires, claim = flow.expiration_time(), flow.import_claim()
        assert token is not None and encrypted is not None
        if flow.asymmetric:
            self._import_private_key(key_id, token, encrypted)
            return False
        self.run_job(
            lambda: work.import_material(
                self.backend,
                key_id=key_id,
                token_path=token,
                encrypted=encrypted,
                expiration_time=expires,
                claim=claim,
            ),
            doing=self.tr("Importing the key material..."),
            on_success=lambda key: self._on_imported(key, claim.kcv),
        )
        return False

    def _import_private_key(self, key_id: str, token: Path, encrypted: bytes) -> None:
        flow = self.flow
        private_key, claim = flow.asym.encrypted_private_key, flow.import_claim()
        expected = flow.expected_fingerprint()
        assert private_key is not None
        self.run_job(
            lambda: work_asym.import_private_key(
                self.backend,
                key_id=key_id,
                token_path=token,
                encrypted=encrypted,
                encrypted_privatekey=private_key,
                claim=claim,
            ),
            doing=self.tr("Importing the private key..."),
            on_success=lambda key: self._on_private_key_imported(key, expected),
        )

    def _on_private_key_imported(self, key: Cmk, expected: str | None) -> None:
        found = key.public_key_fingerprint
        text = self.tr("Key %1 imported successfully.").replace("%1", key.alias)
        if found:
            text = join_sentences(
                text,
                self.tr("Public key SHA-256 fingerprint: %1.").replace("%1", found),
            )
        if expected is not None and found == expected:
            text = join_sentences(
                text, self.tr("It is the fingerprint of the private key wrapped here.")
            )
        elif expected is not None and found is not None:
            text = join_sentences(
                text,
                self.tr("The private key wrapped here has the fingerprint %1.").replace(
                    "%1", expected
                ),
            )
        self._done(key, text)

    def _on_imported(self, key: Cmk, expected: str | None) -> None:
        text = (
            self.tr("Key %1 imported successfully. Key check value (KCV): %2.")
            .replace("%1", key.alias)
            .replace("%2", key.kcv or "-")
        )
        checked = ""
        if expected is not None and self.backend.verifies_kcv:
            checked = self.tr("The KMS checked that it is the KCV expected.")
        elif expected is not None:
            checked = self.tr(
                "This KMS reports no key check value, so it could not verify that the "
                "imported material has the KCV %1."
            ).replace("%1", expected)
        self._done(key, join_sentences(text, checked))

    def _done(self, key: Cmk, text: str) -> None:
        self.flow.imported = key
        self.notice.show_text(text, Kind.SUCCESS)
        self.body.setEnabled(False)
        self.refresh()
        self.imported.emit(key)
