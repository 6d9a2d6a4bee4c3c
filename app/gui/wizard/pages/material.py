"""Page 5, Import key material (console step 12): the key ID and the encrypted material file.

The file is checked as soon as it is chosen (in the background, a moment after typing stops):
it must be exactly as long as the wrapping key's modulus (256 bytes for RSA-2048). A wrong
file is described: what it looks like, and what to choose instead. An RSA or EC key takes a
second file, the private key wrapped under the temporary key (``out_rsa_private_key.der``),
checked the same way: RFC 5649 output of a size a key of the spec has, not the private key
itself, not PEM, not the other file; a wrong one is refused with its code.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from app.backends.base import KmsBackend
from app.gui.formatting import fill
from app.gui.messages import join_sentences, message_text
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.path_field import PathField, PathMode
from app.gui.wizard import work, work_asym
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId, WrapMethod
from app.gui.wizard.pages.base import FlowPage, failure_text


class MaterialPage(FlowPage):
    page_id = PageId.MATERIAL

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, backend, runner, parent)
        self.setTitle(self.tr("Import key material"))
        self.setSubTitle(
            self.tr("Choose the key material encrypted with the wrapping key you downloaded.")
        )
        self.key_id = QLineEdit(self.body, objectName="materialKeyIdEdit", readOnly=True)
        self.key_id.setAccessibleName(self.tr("Key ID"))
        self.file = PathField(
            PathMode.OPEN_FILE,
            edit_name="encryptedMaterialEdit",
            accessible_name=self.tr("Encrypted key material file"),
            dialog_title=self.tr("Encrypted key material"),
            parent=self.body,
        )
        self.check = Notice(self.body, object_name="encryptedCheckLabel")
        self.key_file = PathField(
            PathMode.OPEN_FILE,
            edit_name="encryptedPrivateKeyEdit",
            accessible_name=self.tr("Encrypted private key file"),
            dialog_title=self.tr("Encrypted private key"),
            parent=self.body,
        )
        self.key_file_label = self.label_for(self.tr("Encrypted &private key:"), self.key_file)
        self.key_check = Notice(self.body, object_name="encryptedPrivateKeyCheckLabel")
        for widget in (self.key_file_label, self.key_file):
            widget.hide()  # shown for an RSA or EC key
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._key_timer = QTimer(self, singleShot=True, interval=250)
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # paths get the width
        form.addRow(self.label_for(self.tr("&Key ID:"), self.key_id), self.key_id)
        form.addRow(self.label_for(self.tr("&Encrypted key material:"), self.file), self.file)
        form.addRow(self.check)
        form.addRow(self.key_file_label, self.key_file)
        form.addRow(self.key_check)
        self.file.pathChanged.connect(self._on_file_pathChanged)
        self._check_timer.timeout.connect(self._check_file)
        self.key_file.pathChanged.connect(self._on_key_file_pathChanged)
        self._key_timer.timeout.connect(self._check_key_file)

    def help_text(self) -> str:
        return self.tr(
            "<b>Import key material</b><p>Choose the wrapped file: EncryptedKeyMaterial.bin, "
            "or the file your HSM wrote. It is exactly as long as the wrapping key (256 bytes "
            "for RSA-2048); Keyferry checks it at once and says so if you picked another "
            "file by mistake.</p><p>Next asks for the import token.</p>"
        )

    def enter(self) -> None:
        self.key_id.setText(self.flow.key.key_id if self.flow.key else "")
        prefill = self.flow.encrypted_prefill()
        if prefill is not None and prefill != self.file.path():
            self.file.setPath(prefill)
        else:
            self._check_file()  # the same name may hold a new file (wrapped again)
        asymmetric = self.flow.asymmetric
        for widget in (self.key_file_label, self.key_file, self.key_check):
            widget.setVisible(asymmetric)
        if asymmetric:
            self._enter_private_key()
        self.file.setFocus()

    # ------------------------------------------------- an RSA or EC key's second file

    def _enter_private_key(self) -> None:
        flow = self.flow
        here = flow.wrap_method is WrapMethod.HERE
        token = flow.wrap_method is WrapMethod.TOKEN
        prefill = flow.asym.prefill(flow.items, flow.spec, here, token=token)
        if prefill is not None and prefill != self.key_file.path():
            self.key_file.setPath(prefill)
        else:
            self._check_key_file()

    def _on_key_file_pathChanged(self, _text: str) -> None:
        self.flow.asym.checked(self.key_file.path() or Path(), None)
        self.key_check.clear_text()
        self.refresh()
        self._key_timer.start()

    def _check_key_file(self) -> None:
        path, spec, material = self.key_file.path(), self.flow.spec, self.file.path()
        if path is None:
            return
        self.flow.asym.checked(path, None)
        self.run_job(
            lambda: work_asym.check_encrypted_private_key_file(path, spec=spec, material=material),
            doing=self.tr("Checking the file..."),
            on_success=self._on_key_checked,
            on_failure=lambda error: self._on_key_unreadable(path, error),
        )

    def _on_key_checked(self, check: work_asym.PrivateKeyFileCheck) -> None:
        if check.path != self.key_file.path():
            return  # the user has chosen another file meanwhile
        self.flow.asym.checked(check.path, check.data)
        if check.ok:
            self.key_check.show_text(
                self.tr("%1 bytes of AES key wrap output, the size of a wrapped %2 private key.")
                .replace("%1", str(len(check.data or b"")))
                .replace("%2", self.flow.spec.value),
                Kind.SUCCESS,
            )
        else:
            self.key_check.show_text(f"KMS.0308: {self._wrong_key_text(check)}", Kind.ERROR)
        self.refresh()

    def _wrong_key_text(self, check: work_asym.PrivateKeyFileCheck) -> str:
        looks = work_asym.Looks
        low, high = check.size
        what = {
            looks.SAME_AS_MATERIAL: self.tr(
                "It is the encrypted key material chosen above; choose out_rsa_private_key.der."
            ),
            looks.PEM: self.tr(
                "It is a PEM text file; the wrapped private key is binary AES key wrap output."
            ),
            looks.PRIVATE_KEY: self.tr(
                "It is the private key itself, not wrapped: go back and wrap it first."
            ),
            looks.PUBLIC_KEY: self.tr("It is a public key, not a wrapped private key."),
            looks.TOKEN: self.tr("It looks like the import token: it belongs on the next page."),
            looks.SIZE: self.tr(
                "AES key wrap output is at least 16 bytes and a multiple of 8 bytes."
            ),
            looks.OTHER_SPEC: fill(
                self.tr("A wrapped %1 private key is %2 to %3 bytes: it holds another key."),
                self.flow.spec.value,
                low,
                high,
            ),
        }.get(check.looks, "")
        return join_sentences(
            fill(
                self.tr("%1 holds %2, and is not a wrapped private key."),
                check.path.name,
                message_text(check.description),
            ),
            what,
        )

    def _on_key_unreadable(self, path: Path, error: BaseException) -> None:
        if path == self.key_file.path():
            self.key_check.show_text(failure_text(error), Kind.ERROR)

    def _on_file_pathChanged(self, _text: str) -> None:
        self.flow.encrypted_checked(self.file.path() or Path(), None)
        self.check.clear_text()
        self.refresh()
        self._check_timer.start()

    def _check_file(self) -> None:
        path, modulus = self.file.path(), self.flow.modulus_bytes
        if path is None:
            return
        self.flow.encrypted_checked(path, None)
        self.run_job(
            lambda: work.check_encrypted_file(path, modulus_bytes=modulus),
            doing=self.tr("Checking the file..."),
            on_success=self._on_checked,
            on_failure=lambda error: self._on_unreadable(path, error),
        )

    def _on_checked(self, check: work.EncryptedCheck) -> None:
        if check.path != self.file.path():
            return  # the user has chosen another file meanwhile
        self.flow.encrypted_checked(check.path, check.data)
        if check.ok:
            self.check.show_text(
                self.tr(
                    "%1 bytes, the size of the wrapping key: this can be encrypted key material."
                ).replace("%1", str(len(check.data or b""))),
                Kind.SUCCESS,
            )
        else:
            self.check.show_text(self._wrong_file_text(check), Kind.ERROR)
        self.refresh()

    def _wrong_file_text(self, check: work.EncryptedCheck) -> str:
        what = {
            work.Looks.PLAINTEXT: self.tr(
                "It looks like plaintext key material: go back and wrap it first."
            ),
            work.Looks.TOKEN: self.tr(
                "It looks like the import token: it belongs on the next page."
            ),
            work.Looks.WRAPPING_KEY: self.tr(
                "It looks like the wrapping key, not material wrapped with it."
            ),
            work.Looks.PEM: self.tr("It is a PEM text file; encrypted material is raw binary."),
        }.get(check.looks, "")
        return join_sentences(
            fill(
                self.tr("%1 holds %2, but encrypted key material is exactly %3 bytes."),
                check.path.name,
                message_text(check.description),
                self.flow.modulus_bytes,
            ),
            what,
        )

    def _on_unreadable(self, path: Path, error: BaseException) -> None:
        if path == self.file.path():
            self.check.show_text(failure_text(error), Kind.ERROR)
