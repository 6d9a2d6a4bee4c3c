"""The task runner: a job asked of a stopped runner is dropped, not an error raised from the
event loop (a late signal of a window going away asks for work after its runner stopped)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from app.gui.tasks import TaskRunner


@pytest.mark.parametrize("stop", ["shutdown", "retire"])
def test_a_stopped_runner_drops_new_jobs(qtbot, stop: str) -> None:
    runner, context, ran = TaskRunner(), QObject(), []
    runner.run(lambda: ran.append("before"), context=context)
    qtbot.waitUntil(lambda: not runner.busy)
    getattr(runner, stop)()
    future = runner.run(lambda: ran.append("after"), context=context)
    assert future.cancelled() and not runner.busy
    qtbot.wait(50)
    assert ran == ["before"]
