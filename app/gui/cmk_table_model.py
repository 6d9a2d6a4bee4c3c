"""The table of keys: a Qt model over immutable ``Cmk`` snapshots, and the filter proxy the
view sees.

``CmkTableModel`` shows a ``KeyView`` (a key set and the answer to the current query, worked
out off the UI thread by ``cmk_query``). It hands rows to the view lazily
(``canFetchMore``/``fetchMore``, a batch at a time), so a store of 100,000 keys costs the
view what a screenful costs. A new view is applied with the smallest change that is true:
``dataChanged`` (with its roles) for keys whose snapshot changed, row removals for keys that
left, and a reset only when the order itself changed. Like Anki's browser table, sorting is
the source model's job: ``sort()`` asks for a new query instead of sorting in Qt, which would
call Python twice per comparison.

``CmkFilterProxy`` is the ``QSortFilterProxyModel`` the view uses. It holds the query (search
text, state filter, sort), applies the query's predicate to each row the view holds, so a
keystroke or a changed key is reflected at once, and emits ``queryChanged`` so the whole
key set is searched on the worker. No secret is ever in a model: a ``Cmk`` holds none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.gui import formatting as fmt
from app.gui.cmk_query import Column, KeyQuery, KeySet, KeyView
from app.model.keys import Cmk, KeyState

__all__ = ["CmkFilterProxy", "CmkRole", "CmkTableModel", "Column", "KeyIdRole", "StateRole"]

Index = QModelIndex | QPersistentModelIndex
CmkRole = Qt.ItemDataRole.UserRole + 1  # the row's Cmk snapshot
KeyIdRole = Qt.ItemDataRole.UserRole + 2  # its key ID
StateRole = Qt.ItemDataRole.UserRole + 3  # its KeyState, for the badge delegate

#: Rows handed to the view per fetchMore: a few screens, cheap to filter and lay out.
BATCH = 200
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROW_ROLES = [
    _DISPLAY,
    _TOOLTIP,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ForegroundRole,
    CmkRole,
    StateRole,
]
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_ROLES = frozenset(
    [
        _DISPLAY,
        _TOOLTIP,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        CmkRole,
        KeyIdRole,
        StateRole,
    ]
)
_SOON = QColor("#b45309")  # amber: readable on light and dark backgrounds


def _not_loaded() -> str:
    """A remote key's tags before they are fetched (its listing carries none)."""
    return QCoreApplication.translate("CmkTableModel", "(loading\u2026)")


_TEXT: dict[Column, Callable[[Cmk, int], str]] = {
    Column.ALIAS: lambda c, now: c.alias,
    Column.KEY_ID: lambda c, now: c.key_id,
    Column.STATE: lambda c, now: fmt.state_label(c.state),
    Column.ORIGIN: lambda c, now: fmt.origin_label(c.origin),
    Column.KEY_SPEC: lambda c, now: c.key_spec.value,
    Column.KEY_USAGE: lambda c, now: c.key_usage.value,
    Column.CREATED: lambda c, now: fmt.local_time(c.created_ms),
    Column.MATERIAL_EXPIRY: lambda c, now: fmt.expiry_text(
        c.material_expires_ms, c.has_material, now, known=c.material_known
    ),
    Column.TAGS: lambda c, now: (
        ", ".join(fmt.tag_text(t.key, t.value, "=") for t in c.tags)
        if c.tags_known
        else _not_loaded()
    ),
}


class CmkTableModel(QAbstractTableModel):
    """Rows of ``Cmk`` snapshots in the order of the current ``KeyView``."""

    #: The view asked to sort (column, descending); the proxy turns it into a query.
    sortRequested = Signal(int, bool)

    def __init__(self, now_ms: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now_ms = now_ms
        self._view = KeyView(keys=KeySet(), query=KeyQuery(), rows=())
        self._fetched = 0
        self._inserting = False

    # ------------------------------------------------------------------ reading

    @property
    def keyView(self) -> KeyView:
        return self._view

    def cmkAt(self, row: int) -> Cmk:
        return self._view.keys.keys[self._view.rows[row]]

    def totalRows(self) -> int:
        """Rows of the current answer, fetched or not."""
        return len(self._view.rows)

    def rowOf(self, key_id: str) -> int | None:
        """The row of a key in the current answer, fetching up to it; None if absent."""
        position = self._view.keys.position(key_id)
        if position is None:
            return None
        try:
            row = self._view.rows.index(position)
        except ValueError:
            return None
        if row >= self._fetched:
            self._fetch_to(row + 1)
        return row

    def matches(self, source_row: int, query: KeyQuery) -> bool:
        position = self._view.rows[source_row]
        keys = self._view.keys
        return query.matches(keys.haystacks[position], KeyState(keys.states[position]))

    # --------------------------------------------------------- the Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._inserting and self._fetched < len(self._view.rows)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._fetch_to(self._fetched + BATCH)

    def _fetch_to(self, count: int) -> None:
        target = min(count, len(self._view.rows))
        if target > self._fetched and not self._inserting:
            # A listener of rowsAboutToBeInserted may ask for more (pytest-qt's tester
            # does); a nested insert would corrupt the proxy's mapping, so refuse it.
            self._inserting = True
            try:
                self.beginInsertRows(QModelIndex(), self._fetched, target - 1)
                self._fetched = target
                self.endInsertRows()
            finally:
                self._inserting = False

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """As Qt's, minus two calls into Python (rowCount, columnCount) per index: the view
        makes an index for every role of every painted cell."""
        if parent.isValid() or not (0 <= row < self._fetched and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():  # most roles a delegate asks: no data
            return None
        row = index.row()
        if row >= self._fetched:
            return None
        cmk = self._view.keys.keys[self._view.rows[row]]
        column = _COLUMNS[index.column()]
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return _TEXT[column](cmk, self._now_ms())
        if role == _TOOLTIP:
            return self._tooltip(cmk, column)
        if role == CmkRole:
            return cmk
        if role == KeyIdRole:
            return cmk.key_id
        if role == StateRole:
            return cmk.state
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.MATERIAL_EXPIRY:
            return QBrush(_SOON) if self._expires_soon(cmk) else None
        return None

    def _expires_soon(self, cmk: Cmk) -> bool:
        expires = cmk.material_expires_ms
        return expires is not None and expires - self._now_ms() < fmt.COUNTDOWN_UNDER_MS

    def _tooltip(self, cmk: Cmk, column: Column) -> str | None:
        if column is Column.CREATED:
            return fmt.utc_time(cmk.created_ms)
        if column is Column.MATERIAL_EXPIRY and cmk.material_expires_ms is not None:
            return fmt.utc_time(cmk.material_expires_ms)
        if column is Column.ALIAS:
            return cmk.description or None
        if column is Column.TAGS:
            return "\n".join(f"{t.key} = {t.value}" for t in cmk.tags) or None
        if column is Column.STATE and cmk.state is KeyState.PENDING_DELETION and cmk.deletion_ms:
            return self.tr("Deleted on %1").replace("%1", fmt.local_and_utc(cmk.deletion_ms))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == _DISPLAY:
            return self._titles()[Column(section)]
        if role == _TOOLTIP and section in (Column.CREATED, Column.MATERIAL_EXPIRY):
            return self.tr("Local time; hover a cell for UTC")
        return None

    def _titles(self) -> dict[Column, str]:
        return {
            Column.ALIAS: self.tr("Alias"),
            Column.KEY_ID: self.tr("Key ID"),
            Column.STATE: self.tr("State"),
            Column.ORIGIN: self.tr("Origin"),
            Column.KEY_SPEC: self.tr("Key spec"),
            Column.KEY_USAGE: self.tr("Usage"),
            Column.CREATED: self.tr("Created"),
            Column.MATERIAL_EXPIRY: self.tr("Material expiry"),
            Column.TAGS: self.tr("Tags"),
        }

    def retranslate(self) -> None:
        """Headers and the words in cells (states, origins, countdowns) are looked up when
        shown: after a change of language, tell the view to show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._fetched:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self._fetched - 1, len(Column) - 1),
                [_DISPLAY, _TOOLTIP, Qt.ItemDataRole.AccessibleTextRole],
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a query, answered off the UI thread (see the module docstring)."""
        if 0 <= column < len(Column):
            self.sortRequested.emit(column, order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------- new answers

    def setView(self, view: KeyView) -> None:
        """Show ``view`` with the smallest true change (see the module docstring)."""
        old, fetched = self._view, self._fetched
        if view.query != old.query:
            self._reset(view, min(BATCH, len(view.rows)))
            return
        before = {c.key_id: c for c in map(old.keys.keys.__getitem__, old.rows[:fetched])}
        new_ids = [view.keys.keys[p].key_id for p in view.rows[:fetched]]
        kept = set(new_ids)
        staying = [i for i in before if i in kept]
        if staying != new_ids[: len(staying)]:
            self._reset(view, max(min(BATCH, len(view.rows)), min(fetched, len(view.rows))))
            return
        self._remove_rows([row for row, i in enumerate(before) if i not in kept])
        self._view = view
        self._changed_rows(before, len(staying))
        self._fetch_to(max(BATCH, len(staying)))

    def _reset(self, view: KeyView, fetched: int) -> None:
        self.beginResetModel()
        self._view, self._fetched = view, fetched
        self.endResetModel()

    def _remove_rows(self, rows: list[int]) -> None:
        """Remove rows (old numbering), last first, keeping the model consistent between
        signals: rows above the removal keep the old view until it is swapped in."""
        for row in reversed(rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            old_rows = self._view.rows
            self._view = replace(self._view, rows=old_rows[:row] + old_rows[row + 1 :])
            self._fetched -= 1
            self.endRemoveRows()

    def _changed_rows(self, before: dict[str, Cmk], count: int) -> None:
        """``dataChanged`` for each run of the first ``count`` rows whose snapshot is a new
        object (``before`` maps key IDs to the snapshots shown until now)."""
        start = None
        for row in range(count + 1):
            changed = row < count and before.get(self.cmkAt(row).key_id) is not self.cmkAt(row)
            if changed and start is None:
                start = row
            elif not changed and start is not None:
                self.dataChanged.emit(
                    self.index(start, 0), self.index(row - 1, len(Column) - 1), _ROW_ROLES
                )
                start = None

    def refreshTimes(self) -> None:
        """Countdowns move with the clock: repaint the expiry column of the fetched rows."""
        if self._fetched:
            column = Column.MATERIAL_EXPIRY
            self.dataChanged.emit(
                self.index(0, column),
                self.index(self._fetched - 1, column),
                [_DISPLAY, _TOOLTIP, Qt.ItemDataRole.ForegroundRole],
            )


class CmkFilterProxy(QSortFilterProxyModel):
    """The view's model: the current query, applied row by row to what the view holds."""

    #: The query changed; answer it over every key (``KeyQuery``).
    queryChanged = Signal(object)

    def __init__(self, source: CmkTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = KeyQuery()
        self.setSourceModel(source)
        self._source = source
        source.sortRequested.connect(self._on_source_sortRequested)

    @property
    def query(self) -> KeyQuery:
        return self._query

    def setSearchText(self, text: str) -> None:
        self._set_query(replace(self._query, text=text), refilter=True)

    def setStateFilter(self, state: KeyState | None) -> None:
        self._set_query(replace(self._query, state=state), refilter=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Passed to the source model; the proxy itself keeps the source's order."""
        self._source.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._source.matches(source_row, self._query)

    def _on_source_sortRequested(self, column: int, descending: bool) -> None:
        self._set_query(
            replace(self._query, sort_column=Column(column), descending=descending), refilter=False
        )

    def _set_query(self, query: KeyQuery, *, refilter: bool) -> None:
        if query == self._query:
            return
        if refilter and hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._query = query
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._query = query
            if refilter:
                self.invalidateRowsFilter()
        self.queryChanged.emit(query)
