"""Steps that wait, run on the Qt event loop: no ``processEvents()`` loop, no nested event
loop, no sleeping.

A step is a generator. It acts (types, clicks) and, whenever it must wait for the program
(a page to change, a background job to come back), it yields an ``Until``. The ``Walk``
then returns to the event loop and resumes the step when the condition holds: it checks
again whenever the task runner goes idle, the wizard changes page, or its poll timer ticks.
One deadline covers the whole walk; when it passes, the step that was waiting fails and says
what it waited for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from app.gui.self_test.report import Report, StepFailed


@dataclass(frozen=True)
class Until:
    """Wait until ``condition()`` is true; ``what`` says what for, in a failure."""

    what: str
    condition: Callable[[], bool]


#: A step's body: yields what it waits for, returns what it found (one line).
StepBody = Generator[Until, None, str]


@dataclass(frozen=True)
class Step:
    name: str
    body: Callable[[], StepBody]


class Walk(QObject):
    """Runs ``steps`` one after another; emits ``finished`` after the last one, or after
    the first that fails (the report says which, and why)."""

    finished = Signal()
    POLL_MS = 25

    def __init__(
        self,
        steps: Sequence[Step],
        report: Report,
        *,
        timeout_s: float,
        describe_state: Callable[[], str] = lambda: "",
        wake_on: Sequence[SignalInstance] = (),
    ) -> None:
        super().__init__()
        self._steps = list(steps)
        self._report = report
        self._timeout_ms = int(timeout_s * 1000)
        self._describe_state = describe_state
        self._body: StepBody | None = None
        self._waiting: Until | None = None
        self._step_started = 0.0
        self._poll = QTimer(self, interval=self.POLL_MS)
        self._poll.timeout.connect(self._check)
        self._deadline = QTimer(self, singleShot=True)
        self._deadline.timeout.connect(self._on_deadline_timeout)
        for signal in wake_on:
            signal.connect(self._check)

    def start(self) -> None:
        """Begin with the first step once the event loop runs."""
        self._deadline.start(self._timeout_ms)
        QTimer.singleShot(0, self._next_step)

    def _next_step(self) -> None:
        if not self._steps:
            self._end()
            return
        self._step_started = time.monotonic()
        self._body = self._steps[0].body()
        self._advance()

    def _advance(self) -> None:
        """Run the current step until it waits for something not yet true, or ends."""
        assert self._body is not None
        step = self._steps[0]
        try:
            while True:
                wait = self._body.send(None)
                if not wait.condition():
                    self._waiting = wait
                    self._poll.start()
                    return
        except StopIteration as done:
            self._report.ok(step.name, str(done.value), time.monotonic() - self._step_started)
            self._steps.pop(0)
            QTimer.singleShot(0, self._next_step)  # let the program settle between steps
        except Exception as error:
            self._fail(error)

    def _check(self, *_signal_args: object) -> None:
        wait = self._waiting
        if wait is None:
            return
        try:
            ready = wait.condition()
        except Exception as error:
            self._fail(error)
            return
        if ready:
            self._waiting = None
            self._poll.stop()
            self._advance()

    def _on_deadline_timeout(self) -> None:
        what = self._waiting.what if self._waiting else "the next step to begin"
        self._fail(StepFailed(f"timed out after {self._timeout_ms / 1000:g} s waiting for {what}"))

    def _fail(self, error: BaseException) -> None:
        message = (
            str(error) if isinstance(error, StepFailed) else f"{type(error).__name__}: {error}"
        )
        state = self._describe_state()
        self._report.fail(
            self._steps[0].name if self._steps else "walk",
            f"{message}{f' ({state})' if state else ''}",
        )
        self._steps.clear()
        self._end()

    def _end(self) -> None:
        self._poll.stop()
        self._deadline.stop()
        self._waiting = None
        if self._body is not None:
            self._body.close()
            self._body = None
        self.finished.emit()
