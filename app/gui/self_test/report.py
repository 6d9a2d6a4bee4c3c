"""The self-test's report: one line per step as it ends (``ok`` or ``FAIL``, its name, what
it found, how long it took), then one closing line. Plain Python, no Qt."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


class StepFailed(Exception):
    """A check did not hold; the message says what was expected and what was found."""


@dataclass
class Report:
    """Prints each step to ``out`` as soon as it ends, and remembers the first failure."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    steps: int = 0
    failure: str | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def passed(self) -> bool:
        return self.failure is None

    def heading(self, text: str) -> None:
        self._print(text)

    def ok(self, name: str, detail: str, seconds: float) -> None:
        self.steps += 1
        self._print(f"  ok    {name:<32} {detail} ({seconds * 1000:.0f} ms)")

    def skipped(self, name: str, why: str) -> None:
        """A step this installation cannot run, and why (not a failure)."""
        self._print(f"  skip  {name:<32} {why}")

    def fail(self, name: str, message: str) -> None:
        self.steps += 1
        if self.failure is None:
            self.failure = f"{name}: {message}"
        self._print(f"  FAIL  {name:<32} {message}")

    def close(self) -> int:
        """The closing line; the process's exit status (0: every step passed)."""
        seconds = time.monotonic() - self.started
        if self.failure is None:
            self._print(f"self-test passed: {self.steps} steps in {seconds:.1f} s")
            return 0
        self._print(f"self-test FAILED after {seconds:.1f} s at {self.failure}")
        print(f"error: the self-test failed at {self.failure}", file=sys.stderr)
        return 1

    def _print(self, line: str) -> None:
        print(line, file=self.out, flush=True)


def run_step(report: Report, name: str, check: Callable[[], str]) -> bool:
    """Run ``check()`` as one step; it returns what it found, or raises. True if it passed."""
    started = time.monotonic()
    try:
        detail = check()
    except StepFailed as failed:
        report.fail(name, str(failed))
        return False
    except Exception as error:  # an unexpected error is a failure too, said plainly
        report.fail(name, f"{type(error).__name__}: {error}")
        return False
    report.ok(name, detail, time.monotonic() - started)
    return True
