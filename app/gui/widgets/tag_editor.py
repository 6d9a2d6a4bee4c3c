"""The tag editor: a key's tags as a table of rows the user edits, with the model's rules.

Each row has a tag key, a tag value, a Delete button and, beside them, the row's problem (a
key too long, a forbidden character, a tag key used twice, more than 10 tags). The rules are
the model's (``rules.check_tag`` and ``rules.check_tags``), so the editor refuses exactly what
the KMS refuses. A row whose key and value are both empty is ignored: it is what Add leaves
before the user types, not a mistake. Used by the wizard's Key page and the list window's
"Edit tags" dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.geometry import chars
from app.gui.messages import error_sentence
from app.gui.widgets.notice import Kind, ProblemLabel
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Tag


class Column(IntEnum):
    KEY = 0
    VALUE = 1
    DELETE = 2
    PROBLEM = 3


def tag_problems(pairs: list[tuple[str, str]]) -> list[KmsError | None]:
    """The problem of each (key, value) row, by the model's rules: the row's own tag first,
    then the list up to this row (so the second use of a tag key, or the 11th tag, is the
    row that is wrong). Blank rows have no problem and do not count."""
    problems: list[KmsError | None] = []
    so_far: list[Tag] = []
    for key, value in pairs:
        if not key and not value:
            problems.append(None)
            continue
        tag = Tag(key, value)
        so_far.append(tag)
        problems.append(
            rules.problem(rules.check_tag, tag) or rules.problem(rules.check_tags, list(so_far))
        )
    return problems


@dataclass
class _Row:
    key_edit: QLineEdit
    value_edit: QLineEdit
    delete_button: QPushButton
    problem_label: ProblemLabel


class TagEditor(QWidget):
    """Rows of tags. ``changed`` is emitted on every edit, add and delete."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._table = self._make_table()
        self._add_button = QPushButton(self.tr("Add ta&g"), self)
        self._add_button.setObjectName("addTagButton")
        self._add_button.setAccessibleName(self.tr("Add tag"))
        self._add_button.setAutoDefault(False)
        self._add_button.clicked.connect(self._on_add_button_clicked)
        self._count_label = QLabel(self)
        self._count_label.setObjectName("tagCountLabel")
        buttons = QHBoxLayout()
        buttons.addWidget(self._add_button)
        buttons.addWidget(self._count_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self._add_button)
        self._refresh()

    # the interface ------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        """The tags of the non-blank rows, in order, as typed (check ``isValid``)."""
        return [Tag(key, value) for key, value in self._pairs() if key or value]

    def setTags(self, tags: list[Tag] | tuple[Tag, ...]) -> None:
        while self._rows:
            self._remove_row(0)
        for tag in tags:
            row = self._append_row()
            row.key_edit.setText(tag.key)
            row.value_edit.setText(tag.value)
        self._refresh()
        self.changed.emit()

    def isValid(self) -> bool:
        return all(problem is None for problem in tag_problems(self._pairs()))

    # rows ---------------------------------------------------------------------------

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(Column), self)
        table.setObjectName("tagsTable")
        table.setAccessibleName(self.tr("Tags"))
        table.setHorizontalHeaderLabels(
            [self.tr("Tag key"), self.tr("Tag value"), "", self.tr("Problem")]
        )
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab walks the row's fields, not the cells
        header = table.horizontalHeader()
        header.setSectionResizeMode(Column.KEY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.VALUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.DELETE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PROBLEM, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(Column.KEY, chars(table, 22))
        table.setColumnWidth(Column.VALUE, chars(table, 24))
        header.sectionResized.connect(self._fit_rows)
        return table

    def _append_row(self) -> _Row:
        index = len(self._rows)
        self._table.insertRow(index)
        row = _Row(
            QLineEdit(),
            QLineEdit(),
            QPushButton(self.tr("Delete")),
            ProblemLabel(object_name="tagProblemLabel", padding="2px 4px"),
        )
        row.key_edit.setObjectName("tagKeyEdit")
        row.key_edit.setPlaceholderText(self.tr("Key"))
        row.value_edit.setObjectName("tagValueEdit")
        row.value_edit.setPlaceholderText(self.tr("Value (optional)"))
        row.delete_button.setObjectName("deleteTagButton")
        row.delete_button.setAutoDefault(False)
        for edit in (row.key_edit, row.value_edit):
            edit.setFrame(False)
            edit.textChanged.connect(self._on_edit_textChanged)
        row.delete_button.clicked.connect(lambda: self._on_delete_clicked(row))
        self._table.setCellWidget(index, Column.KEY, row.key_edit)
        self._table.setCellWidget(index, Column.VALUE, row.value_edit)
        self._table.setCellWidget(index, Column.DELETE, row.delete_button)
        self._table.setCellWidget(index, Column.PROBLEM, row.problem_label)
        self._rows.append(row)
        return row

    def _remove_row(self, index: int) -> None:
        self._rows.pop(index)
        self._table.removeRow(index)  # deletes the row's widgets too

    def _pairs(self) -> list[tuple[str, str]]:
        return [(row.key_edit.text(), row.value_edit.text()) for row in self._rows]

    # reacting -----------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        row = self._append_row()
        self._refresh()
        row.key_edit.setFocus()
        self.changed.emit()

    def _on_delete_clicked(self, row: _Row) -> None:
        index = self._rows.index(row)
        self._remove_row(index)
        self._refresh()
        following = self._rows[index] if index < len(self._rows) else None
        (following.key_edit if following else self._add_button).setFocus()
        self.changed.emit()

    def _on_edit_textChanged(self, _text: str) -> None:
        self._show_problems()
        self.changed.emit()

    def _refresh(self) -> None:
        """Names, tab order, the Add button and the count follow the rows."""
        previous: QWidget = self._table
        for number, row in enumerate(self._rows, start=1):
            row.key_edit.setAccessibleName(self.tr("Tag key %1").replace("%1", str(number)))
            row.value_edit.setAccessibleName(self.tr("Tag value %1").replace("%1", str(number)))
            row.delete_button.setAccessibleName(self.tr("Delete tag %1").replace("%1", str(number)))
            for widget in (row.key_edit, row.value_edit, row.delete_button):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self._add_button)
        self._add_button.setEnabled(len(self._rows) < rules.TAGS_MAX)
        self._show_problems()

    def _show_problems(self) -> None:
        self._count_label.setText(
            self.tr("%1 of %2 tags")
            .replace("%1", str(len(self.tags())))
            .replace("%2", str(rules.TAGS_MAX))
        )
        pairs = self._pairs()
        look_alikes = rules.tag_key_look_alikes(key for key, _value in pairs)
        for row, problem, like in zip(self._rows, tag_problems(pairs), look_alikes, strict=True):
            if problem is None and like is not None:
                text = self.tr(
                    "Looks like the tag key \u201c%1\u201d above: keys that differ in case or "
                    "spaces are separate tags."
                ).replace("%1", like)
                row.problem_label.set_kind(Kind.WARNING)
                row.problem_label.setToolTip(text)
            else:
                text = error_sentence(problem) if problem else ""
                row.problem_label.set_kind(Kind.ERROR)
                row.problem_label.setToolTip(f"{problem.code}: {text}" if problem else "")
            row.problem_label.setText(text)
            row.problem_label.setAccessibleName(text)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows grow to show the whole problem text (cell widgets do not size rows)."""
        width = self._table.columnWidth(Column.PROBLEM)
        for index, row in enumerate(self._rows):
            text_height = row.problem_label.heightForWidth(width) if row.problem_label.text() else 0
            height = max(row.key_edit.sizeHint().height() + 4, text_height)
            self._table.setRowHeight(index, height)
