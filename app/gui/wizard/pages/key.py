"""Page 1, Key: the alias, description and tags of the key to create, and its key algorithm
and usage as in the console's Import Key dialog (console steps 5-6).

The model's rules are checked as the user types, each problem under its field (a problem is
shown once the field has been typed in, not on an untouched page). A refusal of the KMS
(a taken alias) comes back here from the next page, beside the field, with the input intact.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.backends.base import KmsBackend
from app.gui.messages import error_sentence
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.tag_editor import TagEditor
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.pages.base import FlowPage, failure_text, problem_label
from app.model.errors import KmsError
from app.model.keys import IMPORTABLE_SPECS, KeySpec, KeyUsage


class KeyPage(FlowPage):
    page_id = PageId.KEY
    expands = True

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, backend, runner, parent)
        self.setTitle(self.tr("Key"))
        self.setSubTitle(
            self.tr("Name the key that will hold your key material. Tags are optional.")
        )
        self._touched: set[str] = set()
        self.alias_edit = self._line_edit(
            "aliasEdit", "alias", self.tr("Alias"), self.tr("for example: payments/imported-2026")
        )
        self.alias_problem = problem_label("aliasProblemLabel", self.body)
        self.description_edit = self._line_edit(
            "descriptionEdit",
            "description",
            self.tr("Description"),
            self.tr("optional, up to 255 characters"),
        )
        self.description_problem = problem_label("descriptionProblemLabel", self.body)
        self.spec_combo = QComboBox(self.body)
        self.spec_combo.setObjectName("keySpecCombo")
        self.spec_combo.setAccessibleName(self.tr("Key algorithm"))
        for spec in IMPORTABLE_SPECS:
            self.spec_combo.addItem(spec.value, spec.value)
        self.usage_combo = QComboBox(self.body)
        self.usage_combo.setObjectName("keyUsageCombo")
        self.usage_combo.setAccessibleName(self.tr("Key usage"))
        for usage in (KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY):
            self.usage_combo.addItem(usage.value, usage.value)
        self.usage_note = QLabel(self.body, objectName="keyUsageNote", wordWrap=True)
        self.spec_combo.currentIndexChanged.connect(self._on_spec_combo_currentIndexChanged)
        self.usage_combo.currentIndexChanged.connect(self._on_usage_combo_currentIndexChanged)
        self.tag_editor = TagEditor(self.body)
        self.tag_editor.setObjectName("tagEditor")
        self.tag_editor.changed.connect(self._on_tag_editor_changed)
        self.existing_note = Notice(self.body, object_name="existingKeyNote")
        self._lay_out()

    def help_text(self) -> str:
        return self.tr(
            "<b>Key</b><p>This step names the customer master key (CMK) that will hold your "
            "own key material. The alias is how you and your applications find the key; the "
            "description and the tags are for your records (up to 10 tags, one value per tag "
            "key).</p><p>Nothing is created yet: Next shows what an imported key means for "
            "you.</p>"
        )

    def _line_edit(self, name: str, field: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self.body)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text: self._on_field_edited(field))
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.label_for(self.tr("&Alias:"), self.alias_edit), self.alias_edit)
        form.addRow("", self.alias_problem)
        form.addRow(
            self.label_for(self.tr("&Description:"), self.description_edit), self.description_edit
        )
        form.addRow("", self.description_problem)
        form.addRow(self.label_for(self.tr("&Key algorithm:"), self.spec_combo), self.spec_combo)
        form.addRow(self.label_for(self.tr("&Usage:"), self.usage_combo), self.usage_combo)
        form.addRow("", self.usage_note)
        tags_label = self.label_for(self.tr("&Tags:"), self.tag_editor)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(tags_label)
        layout.addWidget(self.tag_editor, 1)
        layout.addWidget(self.existing_note)

    def shown(self) -> None:
        key = self.flow.key
        self.existing_note.show_text(
            ""
            if key is None
            else self.tr(
                "The key %1 exists already. What you change here is applied to it when you go "
                "on; no second key is created."
            ).replace("%1", key.key_id),
            Kind.INFO,
        )
        self._show_spec()
        self.alias_edit.setFocus()

    def _on_field_edited(self, field: str) -> None:
        self._touched.add(field)
        self.flow.alias = self.alias_edit.text()
        self.flow.description = self.description_edit.text()
        self._show_problems()

    def _on_spec_combo_currentIndexChanged(self, _index: int) -> None:
        self.flow.choose_spec(KeySpec(self.spec_combo.currentData()))
        self._show_spec()

    def _on_usage_combo_currentIndexChanged(self, _index: int) -> None:
        usage = KeyUsage(self.usage_combo.currentData())
        if usage in self.flow.spec.usages and self.flow.key is None:
            self.flow.key_usage = usage
        self._show_spec()

    def _show_spec(self) -> None:
        """The flow's spec and usage in the combos; a usage the spec does not allow greyed
        with the reason, and both fixed once the key exists."""
        flow, model = self.flow, self.usage_combo.model()
        assert isinstance(model, QStandardItemModel)
        spec = flow.spec
        usage = flow.key.key_usage if flow.key is not None else flow.key_usage
        for widget in (self.spec_combo, self.usage_combo):
            widget.blockSignals(True)
        self.spec_combo.setCurrentIndex(max(0, self.spec_combo.findData(spec.value)))
        reasons = []
        for row in range(self.usage_combo.count()):
            item = model.item(row)
            reason = self._usage_refusal(spec, KeyUsage(item.data(Qt.ItemDataRole.UserRole)))
            item.setEnabled(reason is None)
            item.setToolTip(reason or "")
            reasons += [reason] if reason else []
        self.usage_combo.setCurrentIndex(max(0, self.usage_combo.findData(usage.value)))
        for widget in (self.spec_combo, self.usage_combo):
            widget.blockSignals(False)
        fixed = flow.key is not None
        fixed_text = self.tr(
            "The key exists already: its algorithm and usage were fixed when it was created."
        )
        for widget in (self.spec_combo, self.usage_combo):
            widget.setEnabled(not fixed)
            widget.setToolTip(fixed_text if fixed else "")
        self.usage_note.setText(fixed_text if fixed else " ".join(reasons))
        self.refresh()

    def _usage_refusal(self, spec: KeySpec, usage: KeyUsage) -> str | None:
        """Why a key of ``spec`` cannot have ``usage``, as the console's rules say."""
        if usage in spec.usages:
            return None
        if spec.is_asymmetric:
            return self.tr("An %1 key signs and verifies only.").replace("%1", spec.value)
        return self.tr("An %1 key encrypts and decrypts only.").replace("%1", spec.value)

    def _on_tag_editor_changed(self) -> None:
        self.flow.tags = tuple(self.tag_editor.tags())
        self.refresh()

    def _show_problems(self) -> None:
        problems = self.flow.key_problems()
        for field, label in (
            ("alias", self.alias_problem),
            ("description", self.description_problem),
        ):
            problem = problems.get(field) if field in self._touched else None
            label.setText(error_sentence(problem) if problem else "")
        self.refresh()

    def ready(self) -> bool:
        return super().ready() and self.tag_editor.isValid()

    def show_failure(self, error: BaseException) -> None:
        """A refusal of the KMS beside the field it is about; anything else below."""
        code = error.code if isinstance(error, KmsError) else ""
        if code in ("KMS.1101", "KMS.1104"):
            self.alias_problem.setText(failure_text(error))
            self.alias_edit.setFocus()
            self.alias_edit.selectAll()
        elif code == "KMS.1103":
            self.description_problem.setText(failure_text(error))
            self.description_edit.setFocus()
        else:
            super().show_failure(error)
