"""Measure the list window over a large store: open to first rows painted, every key loaded,
one keystroke of search to the view repainted, a sort, the UI thread's largest stall, and the
peak memory of the process.

    .venv/bin/python scripts/bench_list.py [--keys 100000] [--store DIR] [--out FILE]

The store is seeded once (straight into SQLite through ``tests/seeding.py``, in a child
process so seeding does not count toward the window's memory) and reused when ``--store``
names an existing one. Runs offscreen. Prints a table and writes JSON (issue 6's metric names
where they exist).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = "payments/prod"  # a realistic search, typed one key at a time


def seed_store(store: Path, count: int) -> None:
    """Seed ``store`` with ``count`` keys (in this process: run it as a child)."""
    from app.engine import FileMasterKey, LocalKms
    from tests.seeding import many, seed

    kms = LocalKms.open(store / "data", master_key_source=FileMasterKey(store / "master.key"),
                        background=False, pool_size=0)
    try:
        started = time.perf_counter()
        seed(kms, many(count))
        print(f"seeded {count:,} keys in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        kms.close()


def measure(store: Path) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.backends.local import open_local
    from app.gui.main_window import CmkListWindow
    from app.gui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])  # noqa: F841 - kept alive for the measurement
    backend = open_local(store / "data", master_key_file=store / "master.key", background=False)
    runner = TaskRunner()
    clock = QElapsedTimer()
    paints: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and window.model.rowCount():
                paints.append(clock.nsecsElapsed() / 1e6)
            return False

    gaps = Heartbeat()
    clock.start()
    window = CmkListWindow(backend, runner)
    watch = PaintWatch()
    window.table.viewport().installEventFilter(watch)
    window.show()
    wait_for(lambda: bool(paints), 30_000)
    first_rows = paints[0]
    wait_for(lambda: window.sync.complete and not runner.busy, 120_000)
    loaded = clock.nsecsElapsed() / 1e6
    load_stall = gaps.largest()
    QTest.qWait(200)

    def until_repainted(done: callable) -> float:  # type: ignore[valid-type]
        start = time.perf_counter()
        paints.clear()
        wait_for(lambda: done() and bool(paints), 30_000)
        return (time.perf_counter() - start) * 1000

    search = window.search
    search.setFocus()
    gaps.reset()
    keystrokes = []
    for n, char in enumerate(TYPED, start=1):
        QTest.keyClick(search, char)
        typed = TYPED[:n]
        keystrokes.append(until_repainted(
            lambda typed=typed: window.model.keyView.query.text == typed and not runner.busy))
    typing_stall = gaps.largest()
    QTest.keyClick(search, Qt.Key.Key_Escape)
    wait_for(lambda: window.model.keyView.query.text == "" and not runner.busy, 30_000)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    sort_ms = until_repainted(lambda: window.model.keyView.query.sort_column == 0
                              and not runner.busy)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    QTimer.singleShot(0, window.close)
    runner.shutdown()
    backend.close()
    return {
        "list100k_keys": float(len(window.model.keyView.keys)),
        "list100k_open_ms": first_rows,
        "list100k_all_loaded_ms": loaded,
        "list100k_filter_ms": statistics.median(keystrokes),
        "list100k_filter_first_ms": keystrokes[0],
        "list100k_filter_max_ms": max(keystrokes),
        "list100k_sort_ms": sort_ms,
        "list100k_rss_mb": rss_mb,
        "list100k_load_max_stall_ms": load_stall,
        "list100k_typing_max_stall_ms": typing_stall,
    }


def wait_for(condition: object, timeout_ms: int) -> None:
    """Run the event loop until ``condition()`` holds, checking every 2 ms. The loop idles in
    Qt as the application's own loop does, so the worker thread is not starved of the GIL
    (a busy ``qWait`` polling loop tripled the load time)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():  # type: ignore[operator]
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_ms / 1000

    def check() -> None:
        if condition() or time.monotonic() > deadline:  # type: ignore[operator]
            loop.quit()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():  # type: ignore[operator]
        raise TimeoutError("the window did not get there in time")


class Heartbeat:
    """A 10 ms timer on the UI thread; its largest gap is the longest the UI was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)
        self.reset()
        self._timer.start()

    def reset(self) -> None:
        self._last = time.perf_counter()
        self._largest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self._largest = max(self._largest, (now - self._last) * 1000)
        self._last = now

    def largest(self) -> float:
        return self._largest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="a seeded store to reuse (made if absent)")
    parser.add_argument("--out", type=Path, default=Path("bench-list.json"))
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    store = args.store or Path(tempfile.mkdtemp(prefix="keyferry-bench-")) / "store"
    if args.seed_only:
        seed_store(store, args.keys)
        return 0
    if args.measure_only:
        print(json.dumps(measure(store)))
        return 0
    me = [sys.executable, __file__, "--store", str(store), "--keys", str(args.keys)]
    if not (store / "data").exists():
        subprocess.run([*me, "--seed-only"], check=True)
    # A fresh process, so the peak memory is the window's, not the seeding's.
    output = subprocess.run([*me, "--measure-only"], check=True, capture_output=True,
                            text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    for name, value in figures.items():
        print(f"{name:34} {value:10.1f}")
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
