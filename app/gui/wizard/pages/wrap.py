"""Page 4, Wrap key material (console step 11, which the console leaves to the user).

Method 1: the user wraps on their HSM; the page says what to do, takes the KCV the HSM shows
(optional: the import is then refused unless the material has it), and Next asks for the file.
Method 2: Keyferry wraps here: generate 32 random bytes (saved where the user says, never over
an existing file) or take an existing 32-byte file (checked as soon as it is chosen); Next
wraps (Wrap does it without moving on, to see the KCV first), writing EncryptedKeyMaterial.bin
beside the downloads. Either way the page shows the openssl commands of Table 2 with the file
that would really be wrapped. The plaintext never enters a widget: only its
path does, and the bytes live in the background job until they are wiped. Or Method 1 done
through PKCS#11 (``TokenWrapPanel``): the user's token wraps its own key and computes its KCV,
which the import is then checked against; no plaintext ever reaches this machine. Next wraps
in the token too, once the PIN is typed. An RSA or EC key wraps a private key instead, in the
panel of ``wrap_asym``, with the guide's commands for it.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
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

from app.backends.base import KmsBackend
from app.gui.formatting import without_mnemonic
from app.gui.messages import error_sentence, error_text
from app.gui.tasks import TaskRunner
from app.gui.widgets.command_list import CommandList
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.path_field import PathField, PathMode
from app.gui.wizard import work
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import MaterialSource, PageId, WrapMethod, WrapResult
from app.gui.wizard.pages import wrap_texts
from app.gui.wizard.pages.base import FlowPage, problem_label
from app.gui.wizard.pages.plaintext_check import PlaintextCheck
from app.gui.wizard.pages.token_panel import TokenWrapPanel
from app.gui.wizard.pages.wrap_asym import AsymmetricWrapPanel
from app.material.files import FileProblem
from app.material.hsm.values import TokenPrivateWrapResult, TokenWrapResult


class WrapPage(FlowPage):
    page_id = PageId.WRAP

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, backend, runner, parent)
        self.setTitle(self.tr("Wrap key material"))
        self.setSubTitle(
            self.tr("Encrypt 32 bytes of key material with the wrapping key, on your HSM or here.")
        )
        self.on_hsm = self._radio("wrapOnHsmRadio", self.tr("I will wrap it on my &HSM"))
        self.here = self._radio("wrapHereRadio", self.tr("&Wrap it here"))
        self.in_token = self._radio(
            "wrapInTokenRadio",
            self.tr("Wrap it in m&y HSM through PKCS#11 (the material never leaves it)"),
        )
        self.token_panel = TokenWrapPanel(self, flow, self.body)
        self.hsm_info = QLabel(self.body, objectName="hsmInstructions", wordWrap=True)
        self.hsm_kcv = QLineEdit(self.body, objectName="hsmKcvEdit", maxLength=16)
        self.hsm_kcv.setAccessibleName(self.tr("Key check value (KCV) from your HSM"))
        self.hsm_kcv.setPlaceholderText(self.tr("for example CABA0B"))
        hint_width = self.hsm_kcv.fontMetrics().horizontalAdvance(self.hsm_kcv.placeholderText())
        self.hsm_kcv.setMinimumWidth(hint_width + 4 * self.hsm_kcv.fontMetrics().averageCharWidth())
        self.hsm_kcv_label = self.label_for(
            self.tr("&KCV your HSM shows for this material (optional):"), self.hsm_kcv
        )
        self.hsm_kcv_problem = problem_label("hsmKcvProblemLabel", self.body)
        self.hsm_kcv_warning = Notice(self.body, object_name="hsmKcvWarning")
        self.generate = self._radio(
            "generateMaterialRadio", self.tr("&Generate new key material (32 random bytes)")
        )
        self.existing = self._radio(
            "existingMaterialRadio", self.tr("Use an e&xisting 32-byte key material file")
        )
        self.plain_label = QLabel(self.body)
        self.plain = PathField(
            PathMode.SAVE_FILE,
            edit_name="materialPlainEdit",
            accessible_name=self.tr("Plaintext key material file"),
            dialog_title=self.tr("Plaintext key material"),
            parent=self.body,
        )
        self.plain_label.setBuddy(self.plain)
        self.plain_problem = problem_label("plaintextProblemLabel", self.body)
        self.plain_check = PlaintextCheck(self, flow)
        self.plain_check.changed.connect(self.show_state)
        self._next_after_wrap = False  # Next asked for the wrap: move on once it is done
        self.plain_warning = Notice(self.body, object_name="plaintextWarning")
        self.wrap = QPushButton(self.tr("W&rap"), self.body, objectName="wrapButton")
        self.wrap.setAccessibleName(self.tr("Wrap the key material"))
        self.wrote = QLabel(self.body, objectName="wrapResultLabel", wordWrap=True)
        self.kcv = QLabel(self.body, objectName="kcvLabel", wordWrap=True)
        self.commands_title = QLabel(
            self.tr("The same with openssl (the console guide, Table 2):"), self.body
        )
        self.commands = CommandList(self.body)
        self.asym_panel = AsymmetricWrapPanel(self, self.body)
        self.asym_panel.hide()  # shown for an RSA or EC key (``_show_kind``)
        self._lay_out()
        for choice in ((self.on_hsm, self.here, self.in_token), (self.generate, self.existing)):
            group = QButtonGroup(self)  # two exclusive choices, not one group of five
            for radio in choice:
                group.addButton(radio)
        for radio in (self.on_hsm, self.here, self.in_token, self.generate, self.existing):
            radio.toggled.connect(self._on_choice_toggled)
        self.token_panel.wrapped.connect(self._on_token_panel_wrapped)
        self.plain.pathChanged.connect(self._on_choice_toggled)
        self.hsm_kcv.textChanged.connect(self._on_hsm_kcv_textChanged)
        self.wrap.clicked.connect(self._on_wrap_clicked)

    def help_text(self) -> str:
        return self.tr(
            "<b>Wrap key material</b><p>Your 32 bytes of key material never travel in "
            "plaintext: wrapping encrypts them with the downloaded wrapping key, so only the "
            "KMS can read them.</p><p>Wrap them on your HSM, or let Keyferry do it here: it "
            "generates the material (or reads your file) and writes EncryptedKeyMaterial.bin. "
            "Compare the key check value (KCV) with your HSM's, and keep the plaintext "
            "somewhere safe: you need it to import the same material again.</p>"
        )

    def _radio(self, name: str, text: str) -> QRadioButton:
        radio = QRadioButton(text, self.body)
        radio.setObjectName(name)
        radio.setAccessibleName(without_mnemonic(text))
        return radio

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.on_hsm)
        hsm = QVBoxLayout()
        hsm.setContentsMargins(24, 0, 0, 0)
        kcv_row = QHBoxLayout()
        kcv_row.addWidget(self.hsm_kcv_label)
        kcv_row.addWidget(self.hsm_kcv)
        kcv_row.addStretch(1)
        hsm.addWidget(self.hsm_info)
        hsm.addLayout(kcv_row)
        hsm.addWidget(self.hsm_kcv_problem)
        hsm.addWidget(self.hsm_kcv_warning)
        layout.addLayout(hsm)
        layout.addWidget(self.here)
        indented = QVBoxLayout()
        indented.setContentsMargins(24, 0, 0, 0)
        for widget in (
            self.generate,
            self.existing,
            self.plain_label,
            self.plain,
            self.plain_problem,
            self.plain_warning,
        ):
            indented.addWidget(widget)
        wrap_row = QHBoxLayout()
        wrap_row.addWidget(self.wrap)
        wrap_row.addWidget(self.wrote, 1)
        indented.addLayout(wrap_row)
        layout.addLayout(indented)
        layout.addWidget(self.asym_panel)
        layout.addWidget(self.in_token)
        token_box = QVBoxLayout()
        token_box.setContentsMargins(24, 0, 0, 0)
        token_box.addWidget(self.token_panel)
        layout.addLayout(token_box)
        layout.addWidget(self.kcv)
        layout.addWidget(self.commands_title)
        layout.addWidget(self.asym_panel.openssl_note)
        layout.addWidget(self.commands)

    def enter(self) -> None:
        flow = self.flow  # read it all first: each widget set below writes back to it
        method, generate = (
            flow.wrap_method,
            (flow.material_source is MaterialSource.GENERATE),
        )
        plain = flow.plaintext_path or flow.default_plaintext_path()
        radios = (self.on_hsm, self.here, self.in_token, self.generate, self.existing)
        blockers = [QSignalBlocker(widget) for widget in (*radios, self.plain.edit, self.hsm_kcv)]
        {WrapMethod.HERE: self.here, WrapMethod.HSM: self.on_hsm}.get(
            method, self.in_token
        ).setChecked(True)
        (self.generate if generate else self.existing).setChecked(True)
        self.plain.setPath(plain)
        self.hsm_kcv.setText(flow.hsm_kcv)
        del blockers
        self.token_panel.enter()
        self._show_kind()
        self.asym_panel.enter()
        self._on_choice_toggled()  # once, with every choice in place

    def _show_kind(self) -> None:
        """Material for an AES key, a private key for an RSA or EC key."""
        asymmetric = self.flow.asymmetric
        self.setSubTitle(
            self.tr(
                "Wrap the private key (%1) in the console's two layers, on your HSM or here."
            ).replace("%1", self.flow.spec.value)
            if asymmetric
            else self.tr(
                "Encrypt 32 bytes of key material with the wrapping key, on your HSM or here."
            )
        )
        self.commands_title.setText(
            self.tr("The same with openssl (the console guide, importing an asymmetric key):")
            if asymmetric
            else self.tr("The same with openssl (the console guide, Table 2):")
        )
        symmetric = (self.generate, self.existing, self.plain_label, self.plain)
        for widget in (*symmetric, self.plain_warning, self.wrap, self.wrote):
            widget.setVisible(not asymmetric)
        self.asym_panel.setVisible(asymmetric)
        self.asym_panel.openssl_note.setVisible(asymmetric)

    def _on_choice_toggled(self, *_args: object) -> None:
        flow = self.flow
        method_before = flow.wrap_method
        flow.wrap_method = (
            WrapMethod.HERE
            if self.here.isChecked()
            else WrapMethod.TOKEN
            if self.in_token.isChecked()
            else WrapMethod.HSM
        )
        generate = self.generate.isChecked()
        flow.material_source = MaterialSource.GENERATE if generate else MaterialSource.EXISTING
        flow.plaintext_path = self.plain.path()
        here = flow.wrap_method is WrapMethod.HERE
        token = flow.wrap_method is WrapMethod.TOKEN
        if flow.wrap_method is not method_before:
            self.notice.clear_text()  # a failure of the way left behind is not this one's
            self.fix.hide()
        self._next_after_wrap = False
        self.plain_check.look()
        on_hsm = flow.wrap_method is WrapMethod.HSM
        self.hsm_info.setVisible(on_hsm)
        for widget in (self.hsm_kcv_label, self.hsm_kcv):
            widget.setVisible(on_hsm and not flow.asymmetric)
        self.token_panel.setVisible(token)
        self.asym_panel.openssl_note.setVisible(flow.asymmetric and not token)
        self.commands_title.setVisible(not token)
        self.commands.setVisible(not token)
        self.asym_panel.set_here(here)
        for widget in (self.generate, self.existing, self.plain_label, self.plain, self.wrap):
            widget.setEnabled(here)
        self.plain.setMode(
            PathMode.SAVE_FILE if generate else PathMode.OPEN_FILE,
            self.tr("Plaintext key material"),
        )
        self.plain_label.setText(
            self.tr("Save the &plaintext material as:")
            if generate
            else self.tr("&Plaintext material file (32 bytes):")
        )
        self.plain_warning.show_text(
            self.tr(
                "This file holds your key material in plaintext. Keep it safe (on your HSM or "
                "offline media) and delete working copies: you need the same material to import "
                "it again."
            )
            if here and generate and not flow.asymmetric
            else "",
            Kind.WARNING,
        )
        self.show_state()

    def _on_hsm_kcv_textChanged(self, text: str) -> None:
        self.flow.hsm_kcv = text
        self.show_state()

    def _show_hsm_kcv(self) -> None:
        """The typed KCV's problem, and the warning when PKCS#1 v1.5 goes unchecked."""
        flow = self.flow
        on_hsm = flow.wrap_method is WrapMethod.HSM
        problem = flow.hsm_kcv_problem() if on_hsm else None
        self.hsm_kcv_problem.setText(error_sentence(problem) if problem else "")
        self.hsm_kcv_problem.setVisible(problem is not None)
        self.hsm_kcv_warning.show_text(
            self.tr(
                "With RSAES_PKCS1_V1_5, material wrapped with the wrong key or algorithm can "
                "unwrap to random bytes and import, and the key is then bound to them for "
                "ever. Type your HSM's KCV so that such an import is refused."
            )
            if flow.kcv_unchecked_warning()
            else "",
            Kind.WARNING,
        )

    def show_state(self) -> None:
        flow, items = self.flow, self.flow.items
        if flow.asymmetric:
            self._show_asymmetric_state()
            return
        if items is not None:
            self.hsm_info.setText(
                self.tr(
                    "Wrap 32 bytes of key material on your HSM with the wrapping key %1 and the "
                    "algorithm %2. Save the result as a file, then click Next and choose it."
                )
                .replace("%1", str(items.wrapping_key))
                .replace("%2", items.wrapping_algorithm)
            )
            recipe = wrap_texts.recipe(flow, usable=self.plain_check.usable())
            self.commands.setCommands(recipe)
            self.commands_title.setText(
                self.tr("The same with openssl (the console guide, Table 2):")
                if recipe
                else self.tr(
                    "The same with openssl (the console guide, Table 2) shows here once a "
                    "usable 32-byte file is chosen."
                )
            )
        current = flow.wrapped if flow.wrap_current() else None
        self.wrote.setText(
            self.tr("Wrote %1. The plaintext is in %2.")
            .replace("%1", str(current.encrypted))
            .replace("%2", str(current.plaintext))
            if current
            else self.tr("Next wraps it and goes on; Wrap does it now, to see its KCV first.")
        )
        problem = self.plain_check.problem if flow.wrap_method is WrapMethod.HERE else None
        self.plain_problem.setText(error_text(problem) if problem else "")
        self.plain_problem.setVisible(problem is not None)
        self._show_hsm_kcv()
        self.kcv.setText(wrap_texts.kcv_text(flow))
        self.refresh()

    def _show_asymmetric_state(self) -> None:
        items, on_hsm = self.flow.items, self.flow.wrap_method is WrapMethod.HSM
        if items is not None:
            self.hsm_info.setText(
                self.tr(
                    "Wrap the private key on your HSM, or with the commands below, with the "
                    "wrapping key %1 and the algorithm %2: EncryptedKeyMaterial.bin and "
                    "out_rsa_private_key.der. Then click Next and choose both files."
                )
                .replace("%1", str(items.wrapping_key))
                .replace("%2", items.wrapping_algorithm)
            )
            self.commands.setCommands(self.asym_panel.recipe(on_hsm))
        for widget in (self.hsm_kcv_problem, self.hsm_kcv_warning):
            widget.setVisible(False)
        self.kcv.setText("")
        self.kcv.setVisible(False)
        self.asym_panel.show_result()
        self.refresh()

    # ------------------------------------------------------- Next wraps, as a user expects

    def ready(self) -> bool:
        return self.flow.wrap_ready() or self._can_wrap_on_next()

    def commit(self) -> bool:
        if self.flow.wrap_ready():
            return True
        self._next_after_wrap = True  # the page moves on by itself once the wrap is done
        if self.flow.wrap_method is WrapMethod.TOKEN:
            self.token_panel.wrap.click()
        elif self.flow.asymmetric:
            self.asym_panel.wrap.click()
        else:
            self._on_wrap_clicked()
        return False

    def shown(self) -> None:
        self.plain_check.look()  # a file may have appeared or gone meanwhile
        self.show_state()

    def show_failure(self, error: BaseException) -> None:
        self._next_after_wrap = False
        self.token_panel.held = self.flow.wrap_method is WrapMethod.TOKEN
        if isinstance(error, FileProblem) and error.arguments.get("path") == self.plain.path():
            self.plain_check.refused(error)
        super().show_failure(error)
        self.refresh()

    def _can_wrap_on_next(self) -> bool:
        flow = self.flow
        if not flow.download_ready():
            return False
        if flow.wrap_method is WrapMethod.TOKEN:
            return self.token_panel.wrap.isEnabled() and not self.token_panel.held
        if flow.asymmetric:
            return flow.wrap_method is WrapMethod.HERE and self.asym_panel.can_wrap()
        return flow.wrap_method is WrapMethod.HERE and self.plain_check.usable()

    def _on_wrap_clicked(self) -> None:
        items, plain, source = self.flow.items, self.plain.path(), self.flow.material_source
        if items is None or plain is None:
            self.notice.show_text(self.tr("Choose the plaintext key material file."), Kind.ERROR)
            self.plain.setFocus()
            return
        key, algorithm = items.wrapping_key, items.wrapping_algorithm
        self.run_job(
            lambda: work.wrap_here(
                wrapping_key=key, algorithm=algorithm, source=source, plaintext=plain
            ),
            doing=self.tr("Wrapping the key material..."),
            on_success=self._on_wrapped,
        )

    def _on_wrapped(self, result: WrapResult) -> None:
        self.flow.material_wrapped(result)
        self.show_state()
        self.move_on_if_asked()

    def _on_token_panel_wrapped(self, result: TokenWrapResult | TokenPrivateWrapResult) -> None:
        if isinstance(result, TokenPrivateWrapResult):
            self.flow.private_key_wrapped_in_token(result)
        else:
            self.flow.material_wrapped_in_token(result)
        self.show_state()
        self.move_on_if_asked()

    def move_on_if_asked(self) -> None:
        wizard = self.wizard()
        if self._next_after_wrap and self.is_current() and wizard is not None:
            self._next_after_wrap = False
            wizard.next()
