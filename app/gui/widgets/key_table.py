"""The list window's table of keys: its look, and column widths from the font.

Widths are measured in the table's own font (a 14 pt font or a 2x scale widens them with the
text), never given in pixels: a key ID or a time as wide as a sample of it, a state badge as
its longest state name in the current language, and no column is narrower than its header.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.gui.cmk_query import Column
from app.gui.geometry import chars
from app.gui.widgets.state_badge import StateBadgeDelegate

#: Column widths in average characters, for columns whose content has no fixed shape.
_CHARS = {
    Column.ALIAS: 24,
    Column.ORIGIN: 10,
    Column.KEY_SPEC: 10,
}
#: Columns of a fixed shape, measured on a sample (digits are wider than the average).
_SAMPLES = {
    Column.KEY_ID: "0" * 32 + "----",
    Column.KEY_USAGE: "ENCRYPT_DECRYPT",
    Column.CREATED: "0000-00-00 00:00",
    Column.MATERIAL_EXPIRY: "0000-00-00 00:00 (in 00 d 00 h)",
}


def make_key_table(parent: QWidget, model: QSortFilterProxyModel, state_role: int) -> QTableView:
    table = QTableView(parent)
    table.setObjectName("cmkTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table (to the details and the buttons); arrows move between rows.
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setItemDelegateForColumn(Column.STATE, StateBadgeDelegate(state_role, table))
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSortIndicator(Column.CREATED, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    fit_columns(table)
    return table


def column_widths(table: QTableView) -> dict[Column, int]:
    """What each column (but the last, which stretches) needs in the table's font."""
    padding = chars(table, 2)
    widths = {column: chars(table, count) for column, count in _CHARS.items()}
    for column, sample in _SAMPLES.items():
        widths[column] = table.fontMetrics().horizontalAdvance(sample) + padding
    widths[Column.STATE] = StateBadgeDelegate.widest(table.font())
    header = table.horizontalHeader()
    return {
        column: max(width, header.sectionSizeFromContents(column).width())
        for column, width in widths.items()
    }


def fit_columns(table: QTableView, *, only_grow: bool = False) -> None:
    """Columns as wide as their content needs (``only_grow``: keep what the user widened)."""
    header = table.horizontalHeader()
    for column, width in column_widths(table).items():
        if not only_grow or header.sectionSize(column) < width:
            header.resizeSection(column, width)
