"""The table model and its filter proxy: Qt's model contract (qtmodeltester, C++ and Python
testers), lazy fetching, the smallest true change for each new answer, texts and tooltips."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.gui.cmk_query import KeyBook, KeyQuery
from app.gui.cmk_table_model import (
    BATCH,
    CmkFilterProxy,
    CmkRole,
    CmkTableModel,
    Column,
    KeyIdRole,
    StateRole,
)
from app.model.keys import Cmk, KeyState, Origin, Tag

NOW = 1_800_000_000_000
DAY = 86_400_000


def key(n: int, state: KeyState = KeyState.ENABLED, **fields: object) -> Cmk:
    cmk = Cmk(
        key_id=f"00000000-0000-4000-8000-{n:012d}",
        project_id="default",
        alias=f"alias-{n:04d}",
        description=f"description {n}",
        origin=Origin.KMS,
        state=state,
        created_ms=NOW - 1000 * DAY + n * 1000,
        kcv=None if state is KeyState.PENDING_IMPORT else "0A1B2C",
    )
    return replace(cmk, **fields)  # type: ignore[arg-type]


def many(count: int) -> list[Cmk]:
    states = [KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT]
    return [key(n, states[n % 3], tags=(Tag("n", str(n % 7)),)) for n in range(count)]


@pytest.fixture
def book() -> KeyBook:
    return KeyBook(lambda: NOW)


@pytest.fixture
def model(qapp: object) -> CmkTableModel:
    return CmkTableModel(lambda: NOW)


def _every_kind_of_update(
    model: CmkTableModel, proxy: CmkFilterProxy, book: KeyBook, count: int
) -> None:
    model.setView(book.load(lambda: many(count)))
    model.fetchMore(QModelIndex())
    keys = book.keys.keys
    model.setView(book.change([replace(keys[3], state=KeyState.DISABLED)], [keys[5].key_id]))
    model.setView(book.change([key(count + 1)], []))
    proxy.setSearchText("alias-00")
    book.ask(proxy.query)
    model.setView(book.view())
    proxy.setStateFilter(KeyState.ENABLED)
    book.ask(proxy.query)
    model.setView(book.view())
    proxy.sort(Column.ALIAS, Qt.SortOrder.DescendingOrder)
    book.ask(proxy.query)
    model.setView(book.view())
    model.refreshTimes()
    assert model.rowCount() > 0 and proxy.rowCount() == model.rowCount()
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children


@pytest.mark.qt_log_level_fail("WARNING")
def test_qt_s_model_tester_passes_through_every_kind_of_update(
    qtmodeltester: object, model: CmkTableModel, book: KeyBook
) -> None:
    """Qt's own QAbstractItemModelTester (pytest-qt's default); its warnings fail the test."""
    proxy = CmkFilterProxy(model)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
    _every_kind_of_update(model, proxy, book, 450)


def test_pytest_qt_s_python_tester_passes_too(
    qtmodeltester: object, model: CmkTableModel, book: KeyBook
) -> None:
    """The Python tester asserts rather than warns, and calls fetchMore from inside the
    model's own insert signals: the model must refuse to nest inserts."""
    proxy = CmkFilterProxy(model)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    _every_kind_of_update(model, proxy, book, 450)


def test_rows_are_fetched_lazily_a_batch_at_a_time(model: CmkTableModel, book: KeyBook) -> None:
    model.setView(book.load(lambda: many(2 * BATCH + 50)))
    root = QModelIndex()
    assert model.rowCount() == BATCH and model.totalRows() == 2 * BATCH + 50
    model.fetchMore(root)
    model.fetchMore(root)
    assert model.rowCount() == 2 * BATCH + 50 and not model.canFetchMore(root)
    assert model.rowCount(model.index(0, 0)) == 0 and not model.canFetchMore(model.index(0, 0))


def test_rowof_fetches_up_to_a_key_far_down(model: CmkTableModel, book: KeyBook) -> None:
    keys = many(1000)
    model.setView(book.load(lambda: keys))
    assert model.rowOf(keys[900].key_id) == 900
    assert model.rowCount() == 901
    assert model.rowOf("no-such-key") is None


def test_a_changed_key_is_one_datachanged_with_roles(
    qtbot: object, model: CmkTableModel, book: KeyBook
) -> None:
    model.setView(book.load(lambda: many(10)))
    changes: list[tuple[int, int, list[int]]] = []
    model.dataChanged.connect(lambda a, b, roles: changes.append((a.row(), b.row(), roles)))
    model.modelReset.connect(lambda: changes.append((-1, -1, [])))
    disabled = replace(book.keys.keys[4], state=KeyState.DISABLED)
    model.setView(book.change([disabled], []))
    assert len(changes) == 1
    first, last, roles = changes[0]
    assert (first, last) == (4, 4)
    assert Qt.ItemDataRole.DisplayRole in roles and StateRole in roles
    assert model.index(4, Column.STATE).data(StateRole) is KeyState.DISABLED


def test_a_key_that_leaves_is_one_row_removed_not_a_reset(
    model: CmkTableModel, book: KeyBook
) -> None:
    model.setView(book.load(lambda: many(10)))
    events: list[object] = []
    model.rowsRemoved.connect(lambda _p, first, last: events.append(("removed", first, last)))
    model.modelReset.connect(lambda: events.append("reset"))
    gone = book.keys.keys[6].key_id
    model.setView(book.change([], [gone]))
    assert events == [("removed", 6, 6)]
    assert model.rowCount() == 9 and model.rowOf(gone) is None


def test_a_new_query_resets_to_the_first_batch(model: CmkTableModel, book: KeyBook) -> None:
    model.setView(book.load(lambda: many(3 * BATCH)))
    model.fetchMore(QModelIndex())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    book.ask(KeyQuery(sort_column=Column.ALIAS, descending=True))
    model.setView(book.view())
    assert resets == [BATCH]
    assert model.index(0, Column.ALIAS).data() == f"alias-{3 * BATCH - 1:04d}"


def test_texts_and_utc_tooltips(model: CmkTableModel, book: KeyBook) -> None:
    soon = key(
        1,
        origin=Origin.EXTERNAL,
        material_expires_ms=NOW + 2 * DAY + 3_600_000,
        tags=(Tag("env", "prod"), Tag("team", "pay")),
    )
    later = key(2, material_expires_ms=NOW + 30 * DAY)
    model.setView(book.load(lambda: [soon, later, key(3, KeyState.PENDING_IMPORT)]))

    def cell(row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(row, column).data(role)

    assert cell(0, Column.ALIAS) == "alias-0001"
    assert cell(0, Column.STATE) == "Enabled"
    assert cell(0, Column.ORIGIN) == "External"
    assert cell(0, Column.KEY_SPEC) == "AES_256"
    assert cell(0, Column.TAGS) == "env=prod, team=pay"
    assert str(cell(0, Column.MATERIAL_EXPIRY)).endswith("(in 2 d 1 h)")
    assert "(" not in str(cell(1, Column.MATERIAL_EXPIRY))
    assert cell(2, Column.MATERIAL_EXPIRY) == "\u2014"
    assert str(cell(0, Column.CREATED, Qt.ItemDataRole.ToolTipRole)).endswith(" UTC")
    assert str(cell(0, Column.MATERIAL_EXPIRY, Qt.ItemDataRole.ToolTipRole)).endswith(" UTC")
    assert cell(0, Column.MATERIAL_EXPIRY, Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(1, Column.MATERIAL_EXPIRY, Qt.ItemDataRole.ForegroundRole) is None
    assert cell(0, Column.ALIAS, CmkRole) == soon
    assert cell(0, Column.ALIAS, KeyIdRole) == soon.key_id
    assert model.headerData(Column.TAGS, Qt.Orientation.Horizontal) == "Tags"


def test_the_proxy_filters_at_once_and_asks_for_the_whole_answer(
    qtbot: object, model: CmkTableModel, book: KeyBook
) -> None:
    proxy = CmkFilterProxy(model)
    model.setView(book.load(lambda: many(20)))
    asked: list[KeyQuery] = []
    proxy.queryChanged.connect(asked.append)
    proxy.setSearchText("ALIAS-001")
    assert proxy.rowCount() == 10  # alias-0010 .. alias-0019, before any new answer
    proxy.setStateFilter(KeyState.DISABLED)
    assert {proxy.index(r, Column.STATE).data(StateRole) for r in range(proxy.rowCount())} == {
        KeyState.DISABLED
    }
    proxy.sort(Column.CREATED, Qt.SortOrder.DescendingOrder)
    assert asked[-1] == KeyQuery(
        text="ALIAS-001", state=KeyState.DISABLED, sort_column=Column.CREATED, descending=True
    )
    assert len(asked) == 3
    proxy.setSearchText("ALIAS-001")  # no change, no query
    assert len(asked) == 3
