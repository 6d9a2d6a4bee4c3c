"""Measure the list window over a large store: open to first rows painted (from constructing
the window, the backend already open), every key loaded, one keystroke of search to the view
repainted, a sort, the UI thread's largest stall while loading and typing, and the peak
memory of the process.

    .venv/bin/python tests/benchmarks/list_bench.py [--keys 100000] [--store DIR] [--out FILE]

run.py calls ``bench_list100k``, which does the same in two child processes.

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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = "payments/prod"  # a realistic search, typed one key at a time


def seed_store(store: Path, count: int) -> None:
    """Seed ``store`` with ``count`` keys (in this process: run it as a child)."""
    from app.engine import FileMasterKey, LocalKms
    from tests.seeding import many, seed

    kms = LocalKms.open(
        store / "data",
        master_key_source=FileMasterKey(store / "master.key"),
        background=False,
        pool_size=0,
    )
    try:
        started = time.perf_counter()
        seed(kms, many(count))
        print(f"seeded {count:,} keys in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        kms.close()


def measure(store: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841 - kept alive for the measurement
    session = Session(store)
    try:
        figures = session.open()
        figures.update(session.type_search())
        figures.update(session.sort())
    finally:
        session.close()
    figures["list100k_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


class Session:
    """One list window over the store, watched: each paint of the table with rows in it is
    timed, and a heartbeat records the UI thread's longest stall."""

    def __init__(self, store: Path) -> None:
        from PySide6.QtCore import QElapsedTimer, QEvent, QObject

        from app.backends.local import open_local
        from app.gui.tasks import TaskRunner

        self.backend = open_local(
            store / "data", master_key_file=store / "master.key", background=False
        )
        self.runner = TaskRunner()
        self.clock = QElapsedTimer()
        self.paints: list[float] = []
        session = self

        class PaintWatch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and session.window.model.rowCount():
                    session.paints.append(session.clock.nsecsElapsed() / 1e6)
                return False

        self.watch = PaintWatch()
        self.gaps = Heartbeat()

    def open(self) -> dict[str, float]:
        from app.gui.main_window import CmkListWindow

        self.clock.start()
        self.window = CmkListWindow(self.backend, self.runner)
        self.window.table.viewport().installEventFilter(self.watch)
        self.window.show()
        self.gaps.reset()  # stalls while keys load, not the window's own construction
        wait_for(lambda: bool(self.paints), 30_000)
        first_rows = self.paints[0]
        wait_for(lambda: self.window.sync.complete and not self.runner.busy, 120_000)
        return {
            "list100k_keys": float(len(self.window.model.keyView.keys)),
            "list100k_open_ms": first_rows,
            "list100k_all_loaded_ms": self.clock.nsecsElapsed() / 1e6,
            "list100k_load_max_stall_ms": self.gaps.largest(),
        }

    def until_repainted(self, done: Callable[[], bool]) -> float:
        start = time.perf_counter()
        self.paints.clear()
        wait_for(lambda: done() and bool(self.paints), 30_000)
        return (time.perf_counter() - start) * 1000

    def type_search(self) -> dict[str, float]:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        model, search = self.window.model, self.window.search
        QTest.qWait(200)
        search.setFocus()
        self.gaps.reset()
        keystrokes = []
        for n, char in enumerate(TYPED, start=1):
            QTest.keyClick(search, char)
            keystrokes.append(
                self.until_repainted(
                    lambda typed=TYPED[:n]: (
                        model.keyView.query.text == typed and not self.runner.busy
                    )
                )
            )
        stall = self.gaps.largest()
        QTest.keyClick(search, Qt.Key.Key_Escape)
        wait_for(lambda: model.keyView.query.text == "" and not self.runner.busy, 30_000)
        return {
            "list100k_filter_ms": statistics.median(keystrokes),
            "list100k_filter_first_ms": keystrokes[0],
            "list100k_filter_max_ms": max(keystrokes),
            "list100k_typing_max_stall_ms": stall,
        }

    def sort(self) -> dict[str, float]:
        from PySide6.QtCore import Qt

        model = self.window.model
        self.window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return {
            "list100k_sort_ms": self.until_repainted(
                lambda: model.keyView.query.sort_column == 0 and not self.runner.busy
            )
        }

    def close(self) -> None:
        self.window.close()
        self.runner.shutdown()
        self.backend.close()


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


def bench_list100k(quick: bool) -> dict[str, float]:
    """The list window over 100,000 keys (``--quick`` too: the size is the point); and, as a
    user meets it, ``keyferry`` started as a new process on that store, to its first rows
    painted (``list100k_process_rows_ms``, the start-up benchmark's child; median)."""
    from tests.benchmarks.start_bench import compile_modules, time_start

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        me = [sys.executable, __file__, "--store", str(store), "--keys", "100000"]
        subprocess.run([*me, "--seed-only"], check=True, capture_output=True)
        output = subprocess.run(
            [*me, "--measure-only"], check=True, capture_output=True, text=True
        ).stdout
        compile_modules()
        listing = ["list", str(store / "data"), str(store / "master.key")]
        time_start(listing, ("shown", "rows"))  # the file cache warm, as for start-up
        rows = [time_start(listing, ("shown", "rows"))[1] for _ in range(3 if quick else 7)]
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    figures["list100k_process_rows_ms"] = statistics.median(rows)
    return figures


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
    output = subprocess.run(
        [*me, "--measure-only"], check=True, capture_output=True, text=True
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    for name, value in figures.items():
        print(f"{name:34} {value:10.1f}")
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
