"""The Qt binding itself keeps Python's reference counts: PySide6 6.12.0 returned True from
SignalInstance.emit() without a reference, so each emit took one off True's count until
Python 3.11 aborted the process. The pin in pyproject.toml avoids it; this proves it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal()
    valued = Signal(bool)


def test_emitting_keeps_the_reference_counts_of_true_and_false(qapp):
    emitter = Emitter()
    emitter.fired.connect(lambda: None)
    emitter.valued.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        emitter.fired.emit()
        emitter.valued.emit(True)
        emitter.valued.emit(False)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
