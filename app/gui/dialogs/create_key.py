"""Create Key: a key whose material KMS generates (origin KMS), with alias, description and
tags under the same rules as the wizard. Bringing one's own material is Import Key."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.gui.dialogs.base import KeyDialog, show_problem
from app.gui.dialogs.edit_key import add_field, alias_field, description_field
from app.gui.widgets.tag_editor import TagEditor
from app.model import rules
from app.model.keys import Tag


class CreateKeyDialog(KeyDialog):
    width_chars = 84  # the tag editor's three columns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            name="createKeyDialog",
            title=self.tr("Create Key"),
            ok_text=self.tr("&Create key"),
        )
        self._typed = False
        self.set_intro(
            self.tr(
                "KMS generates this key's material (origin KMS). To bring your own material, use "
                "Import Key instead."
            )
        )
        self.alias, self.alias_problem = alias_field(self, "")
        self.description, self.description_problem = description_field(self, "")
        add_field(self, self.tr("&Alias:"), self.alias, self.alias_problem)
        add_field(self, self.tr("&Description:"), self.description, self.description_problem)
        self.tags = TagEditor(self)
        self.form.addRow(self.tr("Tags:"), self.tags)
        self.alias.textChanged.connect(self._check)
        self.description.textChanged.connect(self._check)
        self.tags.changed.connect(self._check)
        self.first_field = self.alias
        self.lock_while_busy(self.alias, self.description, self.tags)
        self._check()

    def values(self) -> tuple[str, str, list[Tag]]:
        return self.alias.text(), self.description.text(), self.tags.tags()

    def _check(self, *_args: object) -> None:
        alias_problem = rules.problem(rules.check_alias, self.alias.text())
        description_problem = rules.problem(rules.check_description, self.description.text())
        # An empty alias is not an error before the user has typed anything.
        self._typed = self._typed or bool(self.alias.text())
        show_problem(self.alias_problem, alias_problem if self._typed else None)
        show_problem(self.description_problem, description_problem)
        self.set_ready(
            alias_problem is None and description_problem is None and self.tags.isValid()
        )
