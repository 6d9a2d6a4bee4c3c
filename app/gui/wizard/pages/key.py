"""Page 1, Key: the alias, description and tags of the key to create (console steps 5-6).

The model's rules are checked as the user types, each problem under its field (a problem is
shown once the field has been typed in, not on an untouched page). A refusal of the KMS
(a taken alias) comes back here from the next page, beside the field, with the input intact.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.backends.base import KmsBackend
from app.gui.messages import error_sentence
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.tag_editor import TagEditor
from app.gui.wizard.flow import ImportFlow, PageId
from app.gui.wizard.pages.base import FlowPage, failure_text, problem_label
from app.model.errors import KmsError


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
        self.alias_edit.setFocus()

    def _on_field_edited(self, field: str) -> None:
        self._touched.add(field)
        self.flow.alias = self.alias_edit.text()
        self.flow.description = self.description_edit.text()
        self._show_problems()

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
