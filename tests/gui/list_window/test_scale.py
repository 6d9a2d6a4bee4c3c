"""A store larger than a batch: rows come to the view lazily, yet search and sort cover every
key, and the UI thread keeps beating while the list loads and while the user types."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer

from app.engine import LocalKms
from app.gui.cmk_table_model import BATCH, Column
from tests.gui.list_window.driver import ListDriver
from tests.seeding import many, seed

COUNT = 3_000


class Heartbeat:
    """A 10 ms timer on the UI thread; its largest gap is the longest the UI was blocked."""

    def __init__(self) -> None:
        self.largest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.largest = max(self.largest, (now - self._last) * 1000)
        self._last = now


def test_rows_are_lazy_but_search_and_sort_cover_every_key(make_window, kms: LocalKms) -> None:
    seed(kms, many(COUNT))
    heart = Heartbeat()
    lw: ListDriver = make_window()
    model = lw.window.model
    assert model.totalRows() == COUNT
    assert lw.table.model().rowCount() == BATCH  # the view holds one batch, not every key
    assert lw.label("shownCountLabel") == f"{COUNT:,} keys"
    lw.search("key-002999")  # the last key made, far beyond the first batch
    assert [a.rsplit("/", 1)[1] for a in lw.aliases()] == ["key-002999"]
    lw.search("")
    lw.table.sortByColumn(Column.ALIAS, Qt.SortOrder.DescendingOrder)
    lw.settle()
    first = lw.table.model().index(0, Column.ALIAS).data()
    assert first == max(k.alias for k in lw.window.model.keyView.keys.keys)
    lw.table.scrollToBottom()
    lw.wait(lambda: lw.table.model().rowCount() > BATCH)  # scrolling fetches the next batch
    for text in ("p", "pa", "pay", "paym"):
        lw.search(text)
    assert heart.largest < 500, f"the UI thread stalled {heart.largest:.0f} ms"
