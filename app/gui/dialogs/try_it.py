"""Try it: show that an imported key works like any other. An encryption key (AES, or RSA
with RSAES_OAEP_SHA_256) encrypts a short text and decrypts it back; a signing key (RSA or
EC, SIGN_VERIFY) signs the text's digest with the chosen algorithm and verifies the
signature, and shows that the same signature does not verify a changed text. The text is the
user's own (not a key secret); still, every field is cleared when the dialog closes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.gui.dialogs.base import KeyDialog
from app.gui.formatting import fill
from app.gui.geometry import chars, lines
from app.gui.try_it_work import Tried, encryption_algorithm, signs
from app.gui.widgets.notice import Kind
from app.model.keys import Cmk, KeyFamily
from app.model.signing import SigningAlgorithm, oaep_plaintext_max, signing_algorithms

#: A short text: well under the API's 4096-byte plaintext limit, even in UTF-8.
MAX_CHARS = 200


class TryItDialog(KeyDialog):
    def __init__(self, cmk: Cmk, parent: QWidget | None = None) -> None:
        signing = signs(cmk)
        super().__init__(
            parent,
            name="tryItDialog",
            title=self.tr("Try %1").replace("%1", cmk.alias),
            ok_text=self.tr("&Sign and verify") if signing else self.tr("&Encrypt and decrypt"),
        )
        self.cmk, self.signing = cmk, signing
        self.limit = self._byte_limit()
        self.set_intro(self._intro())
        self.algorithm = QComboBox(self)
        self.algorithm.setObjectName("signingAlgorithmCombo")
        self.algorithm.setAccessibleName(self.tr("Signing algorithm"))
        for algorithm in signing_algorithms(cmk.key_spec):
            self.algorithm.addItem(algorithm.value, algorithm.value)
        self.algorithm.currentIndexChanged.connect(self._on_input_changed)
        if signing:
            label = QLabel(self.tr("&Algorithm:"), self)
            label.setBuddy(self.algorithm)
            self.form.addRow(label, self.algorithm)
        else:
            self.algorithm.hide()
        self.plaintext = QLineEdit(self)
        self.plaintext.setObjectName("plaintextEdit")
        self.plaintext.setMaxLength(MAX_CHARS)
        self.plaintext.setAccessibleName(
            self.tr("Text to sign") if signing else self.tr("Text to encrypt")
        )
        self.plaintext.textChanged.connect(self._on_input_changed)
        label = QLabel(self.tr("&Text:"), self)
        label.setBuddy(self.plaintext)
        self.form.addRow(label, self.plaintext)
        output = self.tr("Signature (Base64)") if signing else self.tr("Ciphertext (Base64)")
        self.ciphertext = QPlainTextEdit(self)
        self.ciphertext.setObjectName("ciphertextView")
        self.ciphertext.setReadOnly(True)
        self.ciphertext.setAccessibleName(output)
        self.ciphertext.setFixedHeight(lines(self.ciphertext, 4) + chars(self.ciphertext, 1))
        self.form.addRow(fill(self.tr("%1:"), output), self.ciphertext)
        self.decrypted = QLineEdit(self)
        self.decrypted.setObjectName("decryptedEdit")
        self.decrypted.setReadOnly(True)
        self.decrypted.setAccessibleName(
            self.tr("Verification") if signing else self.tr("Decrypted text")
        )
        self.form.addRow(self.tr("Verified:") if signing else self.tr("Decrypted:"), self.decrypted)
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("&Close"))
        self.first_field = self.plaintext
        self.lock_while_busy(self.plaintext, self.algorithm)
        self.set_ready(False)

    def _byte_limit(self) -> int:
        """The longest text in UTF-8 bytes: RSA-OAEP encrypts less than a block."""
        if not self.signing and self.cmk.key_spec.family is KeyFamily.RSA:
            return oaep_plaintext_max(self.cmk.key_spec)
        return 4 * MAX_CHARS

    def _intro(self) -> str:
        if self.signing:
            return self.tr(
                "Type a short text. Keyferry signs its digest with this key (sign), then "
                "verifies the signature (validate-signature), as any application using the "
                "key would; the same signature must not verify a changed text."
            )
        if encryption_algorithm(self.cmk) is not None:
            return fill(
                self.tr(
                    "Type a short text (up to %1 bytes). Keyferry encrypts it with this key "
                    "and RSAES_OAEP_SHA_256 (encrypt-data), then decrypts the ciphertext "
                    "(decrypt-data), as any application using the key would."
                ),
                self.limit,
            )
        return self.tr(
            "Type a short text. Keyferry encrypts it with this key (encrypt-data), then "
            "decrypts the ciphertext (decrypt-data), as any application using the key would."
        )

    def text(self) -> bytes:
        return self.plaintext.text().encode("utf-8")

    def signing_algorithm(self) -> SigningAlgorithm:
        return SigningAlgorithm(self.algorithm.currentData())

    def show_result(self, tried: Tried) -> None:
        self.set_busy(False)
        self.ciphertext.setPlainText(tried.output)
        if self.signing:
            self._show_verification(tried)
            return
        decrypted = tried.decrypted or b""
        self.decrypted.setText(decrypted.decode("utf-8", errors="replace"))
        if decrypted == self.text():
            self.notice.show_text(
                self.tr("The decrypted text matches: the key works."), Kind.SUCCESS
            )
        else:
            self.notice.show_text(
                self.tr("The decrypted text differs from the text typed."), Kind.ERROR
            )

    def _show_verification(self, tried: Tried) -> None:
        self.decrypted.setText(self.tr("Valid") if tried.valid else self.tr("Not valid"))
        if tried.valid and not tried.altered_valid:
            self.notice.show_text(
                self.tr(
                    "The signature verifies, and does not verify the text with one character "
                    "added: the key works."
                ),
                Kind.SUCCESS,
            )
        else:
            self.notice.show_text(self.tr("The signature did not verify as it should."), Kind.ERROR)

    def _on_input_changed(self, *_args: object) -> None:
        self.ciphertext.clear()
        self.decrypted.clear()
        self.notice.clear_text()
        size = len(self.text())
        if size > self.limit:
            self.notice.show_text(
                fill(
                    self.tr("The text is %1 bytes; this key encrypts up to %2."), size, self.limit
                ),
                Kind.ERROR,
            )
        self.set_ready(0 < size <= self.limit)

    def done(self, result: int) -> None:
        if self.busy:
            return
        for field in (self.plaintext, self.decrypted):
            field.clear()
        self.ciphertext.clear()
        super().done(result)
