"""The whole Import Key wizard, offscreen, from the alias to the imported key, with a 10 ms
heartbeat on the UI thread whose largest gap is the longest the UI was blocked.

The wizard is walked by the self-test's driver (``app.gui.self_test``: steps resumed by
timers and signals on the event loop, as a user's clicks would be), in a child process on a
fresh temporary store; the pool of wrapping keys is full before the walk starts, as it is a
moment after Keyferry opens. Several walks, medians. Beside them, walks with no pool at all
(``ui_max_stall_cold_ms``): the wrapping key is generated when the download page asks for
it, on the task runner, and the UI thread must keep beating through that too.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _walk_once(folder: Path, *, cold: bool) -> dict[str, float]:
    """In the child: one walk; the time it took and the heartbeat's largest gap. ``cold``:
    no pool of wrapping keys (each is generated when asked for)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.backends.local import open_local
    from app.gui.self_test.import_walk import ImportWalk
    from app.gui.self_test.report import Report
    from app.gui.self_test.walk import Walk
    from app.gui.tasks import TaskRunner
    from app.gui.wizard.wizard import ImportKeyWizard

    app = QApplication.instance() or QApplication(sys.argv[:1])
    backend = open_local(
        folder / "store", master_key_file=folder / "master.key", background=not cold
    )
    if not cold:
        backend.kms.pool.wait_full(timeout=120)
    runner = TaskRunner()
    wizard = ImportKeyWizard(backend, runner)
    downloads = folder / "downloads"
    downloads.mkdir()
    steps = ImportWalk(wizard, runner, folder=downloads, alias="bench-key")
    report = Report(out=io.StringIO())
    walk = Walk(
        steps.steps(),
        report,
        timeout_s=60,
        describe_state=steps.describe_state,
        wake_on=[runner.idle, wizard.currentIdChanged],
    )
    gaps: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    heartbeat = QTimer(interval=10)
    heartbeat.timeout.connect(beat)
    walk.finished.connect(app.quit)
    wizard.show()
    started = time.perf_counter()
    last[0] = started
    heartbeat.start()
    walk.start()
    app.exec()
    took = (time.perf_counter() - started) * 1000
    heartbeat.stop()
    runner.shutdown(wait=True)
    backend.close()
    if not report.passed or steps.imported is None:
        raise RuntimeError(f"the walk failed: {report.failure}")
    return {"wizard_e2e_ms": took, "ui_max_stall_ms": max(gaps)}


def bench_wizard(quick: bool) -> dict[str, float]:
    runs = 3 if quick else 7
    warm = _walks(runs, cold=False)
    cold = _walks(runs, cold=True)
    return {
        "wizard_e2e_ms": statistics.median(r["wizard_e2e_ms"] for r in warm),
        "ui_max_stall_ms": statistics.median(r["ui_max_stall_ms"] for r in warm),
        "ui_max_stall_cold_ms": statistics.median(r["ui_max_stall_ms"] for r in cold),
    }


def _walks(runs: int, *, cold: bool) -> list[dict[str, float]]:
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            child = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.wizard_bench", tmp, str(cold)],
                cwd=ROOT,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        if child.returncode != 0:
            raise RuntimeError(f"the wizard benchmark failed: {child.stderr[-800:]}")
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
    return results


if __name__ == "__main__":
    print(json.dumps(_walk_once(Path(sys.argv[1]), cold=sys.argv[2] == "True")))
