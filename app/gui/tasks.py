"""The one task runner: blocking work (KMS calls, key generation, file I/O, the keyring) runs
on a worker thread; its result comes back to the UI thread by a queued signal.

Jobs run one at a time in the order they were submitted, so two writes never race each other
(as Anki serialises its collection operations). Each backend has a runner of its own (the
desktop makes one per window, the connection dialog one for its tests), so a remote KMS that
does not answer never holds up work on another: ``retire`` lets a replaced one go. A result
is delivered to a callback only if the callback's context object still exists (KeePassXC's
``runThenCallback``): a page closed while its job ran is not touched. No
``processEvents()``, no nested event loops.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _Delivery:
    context: QObject
    callback: Callable[[Any], object] | None
    value: Any


class TaskRunner(QObject):
    """Runs callables off the UI thread and hands results back on it."""

    #: True while any job is queued or running.
    busyChanged = Signal(bool)
    #: Emitted on the UI thread whenever the last pending job has been delivered.
    idle = Signal()
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskRunner")
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyferry-task")
        self._pending = 0
        self._futures: set[Future[Any]] = set()
        self._stopped = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[[], T],
        *,
        context: QObject,
        on_success: Callable[[T], object] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run ``work()`` on the worker; then, on the UI thread and only if ``context`` is
        still alive, ``on_success(result)`` or ``on_failure(error)``. A runner that has been
        stopped (``shutdown``, ``retire``) drops the job: its window is going away, and a late
        signal of that window must not raise from the event loop."""
        if self._stopped:
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        self._pending += 1
        if self._pending == 1:
            self.busyChanged.emit(True)

        def job() -> T:
            try:
                result = work()
            except BaseException as error:
                if not _expected(error):
                    log.error("a background task failed: %s", type(error).__name__, exc_info=error)
                self._finished.emit(_Delivery(context, on_failure, error))
                raise
            self._finished.emit(_Delivery(context, on_success, result))
            return result

        future = self._executor.submit(job)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return future

    def retire(self, last: Callable[[], object] | None = None) -> None:
        """For a runner whose window has gone: drop the jobs still queued (their results
        would reach nobody), run ``last`` after the one running (closing its backend), and
        stop. Returns at once: a remote call that hangs holds only this runner's thread."""
        self._stopped = True
        dropped = sum(1 for future in list(self._futures) if future.cancel())
        self._pending -= dropped
        if dropped and self._pending == 0:
            self.busyChanged.emit(False)
            self.idle.emit()
        if last is not None:
            self._executor.submit(last)
        self._executor.shutdown(wait=False)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking jobs; with ``wait``, let the running one finish (a write must not be
        cut in half by closing a window)."""
        self._stopped = True
        self._executor.shutdown(wait=wait, cancel_futures=True)

    def _deliver(self, delivery: _Delivery) -> None:
        try:
            if delivery.callback is not None and shiboken6.isValid(delivery.context):
                delivery.callback(delivery.value)
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.busyChanged.emit(False)
                self.idle.emit()


def _expected(error: BaseException) -> bool:
    """Refusals a user can meet are shown on the page; anything else is also logged."""
    from app.model.errors import KmsError, SetupError

    return isinstance(error, KmsError | SetupError)
