"""Edit tags: the wizard's tag editor (same rows, same rules) over the key's tags."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.gui.dialogs.base import KeyDialog
from app.gui.widgets.tag_editor import TagEditor
from app.model.keys import Cmk, Tag


def tag_changes(before: tuple[Tag, ...], after: list[Tag]) -> tuple[list[Tag], list[Tag]]:
    """What to delete (tag keys no longer there) and what to create or change, so that the
    key ends with ``after``."""
    wanted = {t.key: t for t in after}
    deleted = [t for t in before if t.key not in wanted]
    created = [t for t in after if t not in before]
    return deleted, created


class EditTagsDialog(KeyDialog):
    width_chars = 84  # the tag editor's three columns

    def __init__(self, cmk: Cmk, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            name="editTagsDialog",
            title=self.tr("Tags of %1").replace("%1", cmk.alias),
            ok_text=self.tr("&Save tags"),
        )
        self.cmk = cmk
        self.set_intro(self.tr("Up to 10 tags; a tag key takes one value."))
        self.editor = TagEditor(self)
        self.editor.setTags(cmk.tags)
        self.editor.changed.connect(self._on_editor_changed)
        self.form.addRow(self.editor)
        self.first_field = self.editor
        self.lock_while_busy(self.editor)
        self._on_editor_changed()

    def changes(self) -> tuple[list[Tag], list[Tag]]:
        return tag_changes(self.cmk.tags, self.editor.tags())

    def _on_editor_changed(self) -> None:
        self.set_ready(self.editor.isValid() and self.changes() != ([], []))
