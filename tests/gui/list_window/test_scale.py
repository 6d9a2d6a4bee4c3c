"""A store larger than a batch: rows come to the view lazily, yet search and sort cover every
key. (How long the UI thread is blocked while the list loads and while the user types is a
speed, measured by tests/benchmarks/list_bench.py over 100,000 keys, not asserted here.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.engine import LocalKms
from app.gui.cmk_query import search_text
from app.gui.cmk_table_model import BATCH, Column
from tests.gui.list_window.driver import ListDriver
from tests.seeding import many, seed

COUNT = 3_000


def test_rows_are_lazy_but_search_and_sort_cover_every_key(make_window, kms: LocalKms) -> None:
    seed(kms, many(COUNT))
    lw: ListDriver = make_window()
    model = lw.window.model
    assert model.totalRows() == COUNT
    assert lw.table.model().rowCount() == BATCH  # the view holds one batch, not every key
    # the scroll bar measures loaded rows only, so the count says how many are loaded
    assert lw.label("shownCountLabel") == f"{COUNT:,} keys ({BATCH} loaded; scrolling loads more)"
    lw.search("key-002999")  # the last key made, far beyond the first batch
    assert [a.rsplit("/", 1)[1] for a in lw.aliases()] == ["key-002999"]
    lw.search("")
    lw.table.sortByColumn(Column.ALIAS, Qt.SortOrder.DescendingOrder)
    lw.settle()
    first = lw.table.model().index(0, Column.ALIAS).data()
    assert first == max(k.alias for k in lw.window.model.keyView.keys.keys)
    lw.table.scrollToBottom()
    lw.wait(lambda: lw.table.model().rowCount() > BATCH)  # scrolling fetches the next batch
    assert f"({2 * BATCH} loaded" in lw.label("shownCountLabel")
    lw.table.sortByColumn(Column.CREATED, Qt.SortOrder.AscendingOrder)
    for text in ("p", "pa", "pay", "paym"):  # typing narrows from the last answer
        lw.search(text)
        wanted = [k.key_id for k in lw.window.model.keyView.keys.keys if text in search_text(k)]
        assert 0 < model.totalRows() == len(wanted) < COUNT, text
