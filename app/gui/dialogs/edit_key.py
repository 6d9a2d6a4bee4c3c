"""Edit alias and description, checked with the model's rules as the user types."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.gui.dialogs.base import KeyDialog, problem_label, show_problem
from app.model import rules
from app.model.keys import Cmk


def alias_field(dialog: KeyDialog, text: str) -> tuple[QLineEdit, QLabel]:
    """The alias edit and its problem line, as the create-key dialog has them too."""
    edit = QLineEdit(text, dialog)
    edit.setObjectName("aliasEdit")
    edit.setMaxLength(255)
    edit.setAccessibleName(QCoreApplication.translate("KeyDialog", "Alias"))
    edit.setPlaceholderText(QCoreApplication.translate("KeyDialog", "letters, digits, : / _ -"))
    return edit, problem_label(dialog, "aliasProblemLabel")


def description_field(dialog: KeyDialog, text: str) -> tuple[QLineEdit, QLabel]:
    edit = QLineEdit(text, dialog)
    edit.setObjectName("descriptionEdit")
    edit.setAccessibleName(QCoreApplication.translate("KeyDialog", "Description"))
    return edit, problem_label(dialog, "descriptionProblemLabel")


def add_field(dialog: KeyDialog, caption: str, edit: QLineEdit, problem: QLabel) -> None:
    label = QLabel(caption, dialog)
    label.setBuddy(edit)
    dialog.form.addRow(label, edit)
    dialog.form.addRow("", problem)


class EditKeyDialog(KeyDialog):
    def __init__(self, cmk: Cmk, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            name="editKeyDialog",
            title=self.tr("Edit %1").replace("%1", cmk.alias),
            ok_text=self.tr("&Save"),
        )
        self.cmk = cmk
        self.alias, self.alias_problem = alias_field(self, cmk.alias)
        self.description, self.description_problem = description_field(self, cmk.description)
        add_field(self, self.tr("&Alias:"), self.alias, self.alias_problem)
        add_field(self, self.tr("&Description:"), self.description, self.description_problem)
        for edit in (self.alias, self.description):
            edit.textChanged.connect(self._on_edit_textChanged)
        self.first_field = self.alias
        self.lock_while_busy(self.alias, self.description)
        self._on_edit_textChanged()

    def changes(self) -> tuple[str | None, str | None]:
        """The new alias and description, each None when unchanged."""
        alias, description = self.alias.text(), self.description.text()
        return (
            alias if alias != self.cmk.alias else None,
            description if description != self.cmk.description else None,
        )

    def _on_edit_textChanged(self, _text: str = "") -> None:
        alias_problem = rules.problem(rules.check_alias, self.alias.text())
        description_problem = rules.problem(rules.check_description, self.description.text())
        show_problem(self.alias_problem, alias_problem)
        show_problem(self.description_problem, description_problem)
        self.set_ready(
            alias_problem is None and description_problem is None and self.changes() != (None, None)
        )
