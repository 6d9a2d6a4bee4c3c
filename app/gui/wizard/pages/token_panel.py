"""The token path of page 4: the user's HSM wraps the material, through PKCS#11.

The user picks a module (an installed one, or any ``.so``), a token, types the PIN, picks one
of the token's AES keys or has a new one generated, and clicks "Wrap in the token". For an
RSA or EC key the keys are the token's private keys of the key's spec (or a new pair), and the
token makes both files of the import (``token_private`` holds those texts). Every
token call runs on the task runner (an HSM on a network can take seconds) while the page
shows what it is doing; the PIN goes from the password field into the job as a ``Pin`` and
the field is cleared once the wrap is done. The last module used is remembered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.formatting import fill, without_mnemonic
from app.gui.widgets.path_field import PathField, PathMode
from app.gui.wizard import token_work
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.pages import token_private
from app.gui.wizard.pages.base import FlowPage
from app.material.hsm.pin import Pin
from app.material.hsm.values import (
    TokenInfo,
    TokenKey,
    TokenPrivateKey,
    TokenPrivateWrapResult,
    TokenWrapResult,
)

#: Where the last module used is remembered (QSettings).
SETTINGS_MODULE = "hsm/module"


class TokenWrapPanel(QWidget):
    """The token path's widgets; ``wrapped`` carries the ``TokenWrapResult`` (or, for an RSA
    or EC key, the ``TokenPrivateWrapResult``)."""

    wrapped = Signal(object)

    def __init__(self, page: FlowPage, flow: ImportFlow, parent: QWidget) -> None:
        super().__init__(parent)
        self.page, self.flow = page, flow
        #: A token call failed and nothing changed since: Next must not send the same PIN
        #: again (each wrong one costs a try), nor ask again what the token refused.
        self.held = False
        self._keys: list[TokenKey] = []
        self._other_private_keys = 0  # private keys of another spec, not listed
        self._listed_for: tuple[bool, object] | None = None  # the kind of key listed
        self._remembered_serials: frozenset[str] = frozenset()
        self.picker = QComboBox(self)
        self.picker.setObjectName("pkcs11ModulePicker")
        self.picker.setAccessibleName(self.tr("Installed PKCS#11 modules"))
        self.module = PathField(
            PathMode.OPEN_FILE,
            edit_name="pkcs11ModuleEdit",
            accessible_name=self.tr("PKCS#11 module"),
            dialog_title=self.tr("PKCS#11 module"),
            parent=self,
        )
        self.module.button.setText(self.tr("Brow&se..."))  # "Br&owse" is the plaintext's
        self.find_tokens = self._button("findTokensButton", self.tr("Fin&d tokens"))
        self.token = QComboBox(self)
        self.token.setObjectName("tokenCombo")
        self.token.setAccessibleName(self.tr("Token"))
        self.pin = QLineEdit(self, objectName="pinEdit", echoMode=QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("User PIN of the token"))
        self.remember = QCheckBox(
            self.tr("Remember the PIN in the system keyring"), self, objectName="rememberPinCheck"
        )
        self.remember.setAccessibleName(self.remember.text())
        self.list_keys = self._button("listTokenKeysButton", self.tr("&Log in and list keys"))
        self.key = QComboBox(self)
        self.key.setObjectName("tokenKeyCombo")
        self.key.setAccessibleName(self.tr("Key in the token"))
        self.generate = QCheckBox(
            self.tr("Generate a new AES-256 key in the token"),
            self,
            objectName="generateInTokenCheck",
        )
        self.generate.setAccessibleName(self.generate.text())
        self.label = QLineEdit(self)
        self.label.setObjectName("tokenKeyLabelEdit")
        self.label.setAccessibleName(self.tr("Label of the new key"))
        self.label.setPlaceholderText(self.tr("Label of the new key"))
        self.note = QLabel(self, objectName="tokenKeyNote", wordWrap=True)
        self.wrap = self._button("wrapInTokenButton", self.tr("Wr&ap in the token"))
        self.result = QLabel(self, objectName="tokenWrapResultLabel", wordWrap=True)
        self._lay_out()
        self.picker.activated.connect(self._on_picker_activated)
        self.module.pathChanged.connect(self._on_module_pathChanged)
        self.find_tokens.clicked.connect(lambda: self._find_tokens(refresh=True))
        self.token.currentIndexChanged.connect(self._on_token_changed)
        self.list_keys.clicked.connect(self._on_list_keys_clicked)
        self.generate.toggled.connect(self._update)
        self.key.currentIndexChanged.connect(self._update)
        self.label.textChanged.connect(self._update)
        self.pin.textChanged.connect(self._update)
        self.wrap.clicked.connect(self._on_wrap_clicked)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(without_mnemonic(text))
        button.setAutoDefault(False)
        return button

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.find_tokens)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.list_keys)
        for text, buddy, field in (
            (self.tr("Installed modules:"), self.picker, self.picker),
            (self.tr("PKCS#11 &module:"), self.module, self.module),
            (self.tr("&Token:"), self.token, token_row),
            (self.tr("User P&IN:"), self.pin, pin_row),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow("", self.remember)
        key_label = QLabel(self.tr("K&ey:"), self)
        key_label.setBuddy(self.key)
        form.addRow(key_label, self.key)
        form.addRow(self.generate)
        form.addRow(self.tr("New key's label:"), self.label)
        for combo in (self.picker, self.token, self.key):  # long names must not widen the page
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.note)
        wrap_row = QHBoxLayout()
        wrap_row.addWidget(self.wrap)
        wrap_row.addWidget(self.result, 1)
        layout.addLayout(wrap_row)

    # ------------------------------------------------------------------ filling

    def enter(self) -> None:
        """The page is shown: offer the installed modules, the last one used first."""
        self.picker.clear()
        self.picker.addItem(self.tr("Choose an installed module..."), None)
        for info in token_work.installed_modules():
            self.picker.addItem(info.describe(), str(info.path))
        rewrap = self.flow.rewrap
        last = rewrap.module if rewrap else QSettings().value(SETTINGS_MODULE)
        if last and (rewrap is not None or not self.module.path()):
            self.module.setPath(Path(str(last)))
        if rewrap is not None:
            self.generate.setChecked(False)
            self.label.setText("")
        self.generate.setText(
            token_private.generate_text(self.flow.spec)
            if self.flow.asymmetric
            else self.tr("Generate a new AES-256 key in the token")
        )
        self.generate.setAccessibleName(self.generate.text())
        if self._listed_for != (self.flow.asymmetric, self.flow.spec):
            self._set_keys([])  # AES keys, or private keys of another spec: not this key's
        self._listed_for = (self.flow.asymmetric, self.flow.spec)
        self._update()

    def _on_picker_activated(self, index: int) -> None:
        path = self.picker.itemData(index)
        if path:
            self.module.setPath(Path(path))

    def _on_module_pathChanged(self, _text: str) -> None:
        self.token.clear()
        self._set_keys([])
        path = self.module.path()
        if path is not None and path.is_file():
            self._find_tokens(refresh=False)
        self._update()

    def _find_tokens(self, *, refresh: bool) -> None:
        module = self.module.path()
        if module is None:
            return
        self.page.run_job(
            lambda: token_work.find_tokens(module, refresh=refresh),
            doing=self.tr("Looking for tokens..."),
            on_success=self._on_tokens_found,
        )

    def _on_tokens_found(self, found: token_work.ModuleTokens) -> None:
        if found.module != self.module.path():
            return  # the user chose another module meanwhile
        QSettings().setValue(SETTINGS_MODULE, str(found.module))
        self._remembered_serials = found.remembered
        self.token.clear()
        for token in found.tokens:
            self.token.addItem(
                fill(
                    self.tr("%1 (serial %2, %3 %4)"),
                    token.label,
                    token.serial,
                    token.manufacturer,
                    token.model,
                ),
                token,
            )
        wanted = self.flow.rewrap.token_label if self.flow.rewrap else None
        for index, token in enumerate(found.tokens):
            if token.label == wanted:
                self.token.setCurrentIndex(index)
        if not found.tokens:
            self.page.notice.show_text(
                self.tr(
                    "This module has no token. Connect or initialize one, then click Find tokens."
                )
            )
        self._on_token_changed()

    def _on_token_changed(self, *_args: object) -> None:
        self._set_keys([])
        if self.flow.rewrap is not None:
            self.key.addItem(self.flow.rewrap.key_label, self.flow.rewrap.key_label)
        self._update()

    def _on_list_keys_clicked(self) -> None:
        module, token = self.module.path(), self.current_token()
        if module is None or token is None:
            return
        pin = Pin(self.pin.text())
        if self.flow.asymmetric:
            self.page.run_job(
                lambda: token_work.token_private_keys(module, token, pin),
                doing=self.tr("Logging in to the token and reading its keys..."),
                on_success=self._set_private_keys,
            )
            return
        self.page.run_job(
            lambda: token_work.token_keys(module, token, pin),
            doing=self.tr("Logging in to the token and reading its keys..."),
            on_success=self._set_keys,
        )

    def _set_keys(self, keys: list[TokenKey]) -> None:
        self._keys = list(keys)
        self._other_private_keys = 0
        self.key.clear()
        for key in keys:
            self.key.addItem(self._key_text(key), key.label)
        self._update()

    def _set_private_keys(self, keys: list[TokenPrivateKey]) -> None:
        """The token's private keys of the key's spec (the others counted in the note)."""
        fit, self._other_private_keys = token_private.fitting(keys, self.flow.spec)
        self.key.clear()
        for key in fit:
            self.key.addItem(token_private.key_text(key), key.label)
        self._update()

    def _key_text(self, key: TokenKey) -> str:
        if key.kcv:
            check = fill(self.tr("KCV %1"), key.kcv)
        elif key.legacy_check_value:
            check = fill(self.tr("legacy check value %1, not a KCV"), key.legacy_check_value)
        else:
            check = self.tr("no KCV")
        usable = "" if key.importable else self.tr(", cannot be wrapped")
        return f"{key.label} ({key.bits}-bit, {check}{usable})"

    def current_token(self) -> TokenInfo | None:
        token = self.token.currentData()
        return token if isinstance(token, TokenInfo) else None

    # ------------------------------------------------------------------ the wrap

    def key_label(self) -> str:
        if self.generate.isChecked():
            return self.label.text().strip()
        return str(self.key.currentData() or "")

    def _update(self, *_args: object) -> None:
        rewrap = self.flow.rewrap is not None
        generate = self.generate.isChecked()
        self.generate.setEnabled(not rewrap)
        self.label.setEnabled(generate and not rewrap)
        self.key.setEnabled(not generate)
        self.note.setText(self._note(generate))
        can_log_in = self.current_token() is not None and (
            bool(self.pin.text()) or self._remembered()
        )
        self.list_keys.setEnabled(can_log_in and not rewrap)
        self.wrap.setEnabled(can_log_in and bool(self.key_label()))
        self.held = False  # something changed since the last failure: Next may try again
        self.page.refresh()  # Next wraps in the token once the wrap could be done

    def _note(self, generate: bool) -> str:
        rewrap = self.flow.rewrap
        if rewrap is not None:
            return fill(
                self.tr(
                    "Wrap again with the same token key: %1 in the token %2 (KCV %3). Enter "
                    "the PIN and wrap; the import is checked against that KCV."
                ),
                rewrap.key_label,
                rewrap.token_label,
                self.flow.rewrap_kcv or "-",
            )
        if self.flow.asymmetric:
            spec, others = self.flow.spec, self._other_private_keys
            return token_private.note(spec, generate=generate, others=others)
        if generate:
            return self.tr(
                "A key must be extractable to be wrapped. Keyferry generates it in the token "
                "as sensitive and extractable: the token can wrap it, nobody can read it."
            )
        return ""

    def _remembered(self) -> bool:
        token = self.current_token()
        return token is not None and token.serial in self._remembered_serials

    def _on_wrap_clicked(self) -> None:
        items, module, token = self.flow.items, self.module.path(), self.current_token()
        if items is None or module is None or token is None:
            return
        if self.flow.asymmetric:
            self._wrap_private_key(module, token)
            return
        request = token_work.TokenWrapRequest(
            module=module,
            token=token,
            key_label=self.key_label(),
            generate=self.generate.isChecked() and self.flow.rewrap is None,
            wrapping_key=items.wrapping_key,
            algorithm=items.wrapping_algorithm,
            expect_kcv=self.flow.rewrap_kcv,
            remember=self.remember.isChecked(),
        )
        pin = Pin(self.pin.text())
        self.page.run_job(
            lambda: token_work.wrap_in_token(request, pin),
            doing=self.tr("The token is wrapping the key material..."),
            on_success=self._on_wrapped,
        )

    def _wrap_private_key(self, module: Path, token: TokenInfo) -> None:
        items = self.flow.items
        assert items is not None
        request = token_work.TokenPrivateWrapRequest(
            module=module,
            token=token,
            key_label=self.key_label(),
            generate=self.generate.isChecked(),
            spec=self.flow.spec,
            wrapping_key=items.wrapping_key,
            algorithm=items.wrapping_algorithm,
            remember=self.remember.isChecked(),
        )
        pin = Pin(self.pin.text())
        self.page.run_job(
            lambda: token_work.wrap_private_in_token(request, pin),
            doing=self.tr("The token is wrapping the private key..."),
            on_success=self._on_wrapped,
        )

    def _on_wrapped(self, result: TokenWrapResult | TokenPrivateWrapResult) -> None:
        self.pin.clear()
        if isinstance(result, TokenPrivateWrapResult):
            self.generate.setChecked(False)  # the pair exists now: Wrap again takes it
            self.key.clear()
            self.key.addItem(token_private.key_text(result.key), result.key.label)
            self.result.setText(token_private.wrote_text(result))
        else:
            self.result.setText(fill(self.tr("The token wrote %1."), str(result.encrypted)))
        self.wrapped.emit(result)
