"""Try it: encrypt a short text with the key and decrypt it back, to show that an imported
key works like any other. The text is the user's own (not a key secret); still, every field
is cleared when the dialog closes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.gui.dialogs.base import KeyDialog
from app.gui.geometry import chars, lines
from app.gui.widgets.notice import Kind
from app.model.keys import Cmk

#: A short text: well under the API's 4096-byte plaintext limit, even in UTF-8.
MAX_CHARS = 200


class TryItDialog(KeyDialog):
    def __init__(self, cmk: Cmk, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            name="tryItDialog",
            title=self.tr("Try %1").replace("%1", cmk.alias),
            ok_text=self.tr("&Encrypt and decrypt"),
        )
        self.cmk = cmk
        self.set_intro(
            self.tr(
                "Type a short text. Keyferry encrypts it with this key (encrypt-data), then "
                "decrypts the ciphertext (decrypt-data), as any application using the key would."
            )
        )
        self.plaintext = QLineEdit(self)
        self.plaintext.setObjectName("plaintextEdit")
        self.plaintext.setMaxLength(MAX_CHARS)
        self.plaintext.setAccessibleName(self.tr("Text to encrypt"))
        self.plaintext.textChanged.connect(self._on_plaintext_textChanged)
        label = QLabel(self.tr("&Text:"), self)
        label.setBuddy(self.plaintext)
        self.form.addRow(label, self.plaintext)
        self.ciphertext = QPlainTextEdit(self)
        self.ciphertext.setObjectName("ciphertextView")
        self.ciphertext.setReadOnly(True)
        self.ciphertext.setAccessibleName(self.tr("Ciphertext (Base64)"))
        self.ciphertext.setFixedHeight(lines(self.ciphertext, 4) + chars(self.ciphertext, 1))
        self.form.addRow(self.tr("Ciphertext (Base64):"), self.ciphertext)
        self.decrypted = QLineEdit(self)
        self.decrypted.setObjectName("decryptedEdit")
        self.decrypted.setReadOnly(True)
        self.decrypted.setAccessibleName(self.tr("Decrypted text"))
        self.form.addRow(self.tr("Decrypted:"), self.decrypted)
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("&Close"))
        self.first_field = self.plaintext
        self.lock_while_busy(self.plaintext)
        self.set_ready(False)

    def text(self) -> bytes:
        return self.plaintext.text().encode("utf-8")

    def show_result(self, ciphertext: str, decrypted: bytes) -> None:
        self.set_busy(False)
        self.ciphertext.setPlainText(ciphertext)
        self.decrypted.setText(decrypted.decode("utf-8", errors="replace"))
        if decrypted == self.text():
            self.notice.show_text(
                self.tr("The decrypted text matches: the key works."), Kind.SUCCESS
            )
        else:
            self.notice.show_text(
                self.tr("The decrypted text differs from the text typed."), Kind.ERROR
            )

    def _on_plaintext_textChanged(self, text: str) -> None:
        self.ciphertext.clear()
        self.decrypted.clear()
        self.notice.clear_text()
        self.set_ready(bool(text))

    def done(self, result: int) -> None:
        if self.busy:
            return
        for field in (self.plaintext, self.decrypted):
            field.clear()
        self.ciphertext.clear()
        super().done(result)
