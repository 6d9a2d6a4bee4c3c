"""The Wrap page's panel for an asymmetric key (RSA or EC): wrap a private key here.

Generate a private key of the key's spec (saved where the user says, PKCS#8 PEM, never over an
existing file) or take the user's PEM, DER or PKCS#8 file; an encrypted one asks for its
passphrase right here. The file is recognised as soon as it is chosen (what key it holds,
whether it fits the spec). Wrap writes ``EncryptedKeyMaterial.bin`` (the temporary AES key,
wrapped with the wrapping key) and ``out_rsa_private_key.der`` (the PKCS#8 key wrapped under
it, RFC 5649) and shows the public key's SHA-256 fingerprint, the proof to compare. The
private key and the passphrase never enter the flow; the passphrase field is cleared after
each wrap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.formatting import without_mnemonic
from app.gui.messages import message_text
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.path_field import PathField, PathMode
from app.gui.wizard import work_asym
from app.gui.wizard.flow_asym import AsymWrapResult, PrivateKeySource
from app.gui.wizard.pages.base import failure_text

if TYPE_CHECKING:
    from app.gui.wizard.pages.wrap import WrapPage


class AsymmetricWrapPanel(QWidget):
    """Widgets under "Wrap it here" when the key is RSA or EC."""

    def __init__(self, page: WrapPage, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("asymmetricWrapPanel")
        self.page, self.flow = page, page.flow
        self.generate = self._radio("generatePrivateKeyRadio")
        self.existing = self._radio("existingPrivateKeyRadio")
        self.key_label = QLabel(self)
        self.key_file = PathField(
            PathMode.SAVE_FILE,
            edit_name="privateKeyEdit",
            accessible_name=self.tr("Private key file"),
            dialog_title=self.tr("Private key"),
            parent=self,
        )
        self.key_label.setBuddy(self.key_file)
        self.key_check = Notice(self, object_name="privateKeyCheckLabel")
        self.passphrase = QLineEdit(self, objectName="privateKeyPassphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the private key"))
        self.passphrase_label = QLabel(self.tr("Pa&ssphrase:"), self)
        self.passphrase_label.setBuddy(self.passphrase)
        self.key_warning = Notice(self, object_name="privateKeyWarning")
        self.wrap = QPushButton(self.tr("W&rap"), self, objectName="wrapPrivateKeyButton")
        self.wrap.setAccessibleName(self.tr("Wrap the private key"))
        self.wrote = QLabel(self, objectName="asymWrapResultLabel", wordWrap=True)
        self.fingerprint = QLabel(self, objectName="fingerprintLabel", wordWrap=True)
        self.openssl_note = QLabel(self, objectName="opensslNoteLabel", wordWrap=True)
        self.openssl_note.hide()
        self._encrypted = False
        self._fitting: object = None  # the existing file found to hold a key of the spec
        self._name_taken = False  # the name chosen for a generated key is already a file
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._lay_out()
        group = QButtonGroup(self)
        for radio in (self.generate, self.existing):
            group.addButton(radio)
            radio.toggled.connect(self._on_choice_toggled)
        self.key_file.pathChanged.connect(self._on_key_file_pathChanged)
        self._check_timer.timeout.connect(self._check_key_file)
        self.passphrase.textChanged.connect(lambda _text: self.page.refresh())
        self.wrap.clicked.connect(self._on_wrap_clicked)

    def _radio(self, name: str) -> QRadioButton:
        radio = QRadioButton(self)
        radio.setObjectName(name)
        return radio

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 0, 0, 0)
        for widget in (self.generate, self.existing, self.key_label, self.key_file):
            layout.addWidget(widget)
        layout.addWidget(self.key_check)
        row = QHBoxLayout()
        row.addWidget(self.passphrase_label)
        row.addWidget(self.passphrase, 1)
        layout.addLayout(row)
        layout.addWidget(self.key_warning)
        wrap_row = QHBoxLayout()
        wrap_row.addWidget(self.wrap)
        wrap_row.addWidget(self.wrote, 1)
        layout.addLayout(wrap_row)
        layout.addWidget(self.fingerprint)

    # ------------------------------------------------------------------ showing

    def enter(self) -> None:
        """Fill from the flow (the page is shown going forward)."""
        asym, spec = self.flow.asym, self.flow.spec
        generate = asym.source is PrivateKeySource.GENERATE
        path = asym.private_key_path or asym.default_private_key_path(self.flow.items)
        self.generate.setText(self.tr("&Generate a new %1 private key").replace("%1", spec.value))
        self.generate.setAccessibleName(without_mnemonic(self.generate.text()))
        self.existing.setText(self.tr("Use my e&xisting private key file (PEM, DER or PKCS#8)"))
        self.existing.setAccessibleName(without_mnemonic(self.existing.text()))
        blockers = [QSignalBlocker(w) for w in (self.generate, self.existing, self.key_file.edit)]
        (self.generate if generate else self.existing).setChecked(True)
        self.key_file.setPath(path)
        del blockers
        self.openssl_note.setText(
            self.tr(
                "The guide says to patch OpenSSL for enc -id-aes256-wrap-pad; OpenSSL 3.0 and "
                "later (Debian 12, for one) run these commands unpatched."
            )
        )
        self._on_choice_toggled()

    def set_here(self, here: bool) -> None:
        for widget in (self.generate, self.existing, self.key_label, self.key_file, self.wrap):
            widget.setEnabled(here)
        self.passphrase.setEnabled(here)

    def _on_choice_toggled(self, *_args: object) -> None:
        flow = self.flow
        generate = self.generate.isChecked()
        flow.asym.source = PrivateKeySource.GENERATE if generate else PrivateKeySource.EXISTING
        self.key_file.setMode(
            PathMode.SAVE_FILE if generate else PathMode.OPEN_FILE, self.tr("Private key")
        )
        self.key_label.setText(
            self.tr("Save the &private key as:")
            if generate
            else self.tr("&Private key file (PEM, DER or PKCS#8):")
        )
        self.key_warning.show_text(
            self.tr(
                "This file holds the private key unencrypted. Keep it safe (on your HSM or "
                "offline media) and delete working copies."
            )
            if generate
            else "",
            Kind.WARNING,
        )
        self._on_key_file_pathChanged("")

    def _on_key_file_pathChanged(self, _text: str) -> None:
        path = self.flow.asym.private_key_path = self.key_file.path()
        self._encrypted, self._fitting = False, None
        # Looked at once per choice, not on each "may Next be pressed?" (the UI thread's).
        self._name_taken = path is not None and path.exists()
        self.key_check.clear_text()
        self._show_passphrase()
        if self.flow.asym.source is PrivateKeySource.EXISTING:
            self._check_timer.start()
        self.page.show_state()

    def _show_passphrase(self) -> None:
        for widget in (self.passphrase_label, self.passphrase):
            widget.setVisible(self._encrypted)
        if not self._encrypted:
            self.passphrase.clear()

    def show_result(self) -> None:
        """What was wrapped here, when it fits the current choice; else how to get it."""
        flow = self.flow
        current = flow.asym.wrapped if flow.asym.current(flow.items, flow.spec) else None
        self.wrote.setText(
            self.tr("Wrote %1 and %2.")
            .replace("%1", str(current.encrypted_material))
            .replace("%2", str(current.encrypted_private_key))
            if current
            else self.tr("Next wraps it and goes on; Wrap does it now, to see its fingerprint.")
        )
        self.fingerprint.setText(
            self.tr(
                "Public key SHA-256 fingerprint: %1. After the import, the key's details show "
                "the same fingerprint (the last command below prints it too)."
            ).replace("%1", current.fingerprint)
            if current
            else self.tr("The public key's SHA-256 fingerprint appears here after Wrap.")
        )

    def recipe(self, on_hsm: bool) -> list[tuple[str, str]]:
        """The guide's commands with the real file names, each with its title."""
        flow, asym = self.flow, self.flow.asym
        assert flow.items is not None
        titles = {
            "cd": self.tr("Go to the download folder"),
            "genkey": self.tr("Generate a %1 private key").replace("%1", flow.spec.value),
            "rand": self.tr("Generate a temporary 256-bit AES key (hex)"),
            "xxd": self.tr("Turn it into binary"),
            "wrap": self.tr("Wrap the temporary key with the wrapping key (%1)").replace(
                "%1", flow.items.wrapping_algorithm
            ),
            "pkcs8": self.tr("Convert the private key to PKCS#8 DER"),
            "wrap_key": self.tr(
                "Wrap the private key under the temporary key (AES key wrap with padding, RFC 5649)"
            ),
            "fingerprint": self.tr("The public key's SHA-256 fingerprint, to compare"),
        }
        generate = on_hsm or asym.source is PrivateKeySource.GENERATE
        steps = work_asym.wrap_commands(
            flow.items,
            flow.spec,
            private_key=None if on_hsm else asym.private_key_path,
            generate=generate,
        )
        return [(titles[kind], command) for kind, command in steps]

    # ---------------------------------------------------------------- checking

    def _check_key_file(self) -> None:
        path, spec = self.key_file.path(), self.flow.spec
        if path is None or self.flow.asym.source is not PrivateKeySource.EXISTING:
            return
        self.page.run_job(
            lambda: work_asym.check_private_key_file(path, spec),
            doing=self.tr("Reading the private key file..."),
            on_success=self._on_key_checked,
            on_failure=lambda error: self._on_key_unreadable(path, error),
        )

    def _on_key_checked(self, check: work_asym.PrivateKeyCheck) -> None:
        if check.path != self.key_file.path():
            return  # another file was chosen meanwhile
        self._encrypted = check.encrypted
        self._fitting = check.path if check.encrypted or check.fits else None
        self._show_passphrase()
        spec = self.flow.spec.value
        if check.encrypted:
            text, kind = self.tr("The private key is encrypted: type its passphrase."), Kind.INFO
            self.passphrase.setFocus()
        elif check.fits and check.found is not None:
            text = self.tr("%1: it fits %2.").replace("%1", message_text(check.found))
            text, kind = text.replace("%2", spec), Kind.SUCCESS
        else:
            found = message_text(check.found) if check.found else ""
            text = self.tr("The file holds %1, but this key's spec is %2.")
            text = "KMS.2609: " + text.replace("%1", found).replace("%2", spec)
            kind = Kind.ERROR
        self.key_check.show_text(text, kind)
        self.page.refresh()

    def can_wrap(self) -> bool:
        """Next may wrap: a new name for a generated key, or a file found to hold a key of the
        spec (with its passphrase typed when it is encrypted)."""
        path = self.key_file.path()
        if path is None or not self.wrap.isEnabled():
            return False
        if self.flow.asym.source is PrivateKeySource.GENERATE:
            return not self._name_taken
        return self._fitting == path and (not self._encrypted or bool(self.passphrase.text()))

    def _on_key_unreadable(self, path: object, error: BaseException) -> None:
        if path == self.key_file.path():
            self.key_check.show_text(failure_text(error), Kind.ERROR)

    # ------------------------------------------------------------------ wrapping

    def _on_wrap_clicked(self) -> None:
        flow, path = self.flow, self.key_file.path()
        items, source, spec = flow.items, flow.asym.source, flow.spec
        if items is None or path is None:
            self.page.notice.show_text(self.tr("Choose the private key file."), Kind.ERROR)
            self.key_file.setFocus()
            return
        typed = self.passphrase.text()
        passphrase = bytearray(typed.encode("utf-8")) if typed and self._encrypted else None
        self.passphrase.clear()  # the secret stays in the job only, which wipes it
        key, algorithm = items.wrapping_key, items.wrapping_algorithm
        self.page.run_job(
            lambda: work_asym.wrap_private_key_here(
                wrapping_key=key,
                algorithm=algorithm,
                spec=spec,
                source=source,
                private_key=path,
                passphrase=passphrase,
            ),
            doing=self.tr("Wrapping the private key..."),
            on_success=self._on_wrapped,
        )

    def _on_wrapped(self, result: AsymWrapResult) -> None:
        self.flow.asym.wrapped_here(result)
        self.flow.encrypted_path = result.encrypted_material
        self.flow.encrypted_material = None  # checked again on the next page
        self.page.show_state()
        self.page.move_on_if_asked()
