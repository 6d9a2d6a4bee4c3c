"""Fixtures for GUI tests: settings kept in a temporary folder, the one task runner, and the
Import Key wizard on the local backend."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.gui.tasks import TaskRunner


def needs_qt(request: pytest.FixtureRequest) -> bool:
    """Whether the test uses Qt: every GUI test but those marked ``qt_free`` (the wizard's
    plain-Python flow), which run without a QApplication."""
    return request.node.get_closest_marker("qt_free") is None


@pytest.fixture(autouse=True)
def isolated_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """QSettings (the remembered download folder) never touch the user's configuration."""
    folder = tmp_path / "settings"
    if not needs_qt(request):
        yield folder
        return
    request.getfixturevalue("qapp")
    QCoreApplication.setOrganizationName("KeyferryTests")
    QCoreApplication.setApplicationName("KeyferryTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def english(request: pytest.FixtureRequest, isolated_settings) -> Iterator[None]:
    """Every test starts and ends in English, whatever the machine's locale: no translator
    installed, English number and date conventions."""
    if not needs_qt(request):
        yield
        return
    from app.gui.language import ENGLISH, language

    language().apply(ENGLISH)
    yield
    language().apply(ENGLISH)


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """The .qm files, compiled from the .ts sources now if they are missing or older (the
    same script the setup runs), so a test never reads a stale translation."""
    from tests.gui.i18n_check import build_translations

    build_translations().build()


@pytest.fixture
def chinese(english, compiled_translations) -> Iterator[None]:
    """The application in Simplified Chinese for one test (English again afterwards)."""
    from app.gui.language import CHINESE, language

    assert language().apply(CHINESE) == CHINESE
    yield


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    try:
        yield tasks
    finally:
        tasks.shutdown(wait=True)


@pytest.fixture
def make_wizard(qtbot, backend, runner, clock):
    """An Import Key wizard on the local backend, shown, judging time by the engine's clock,
    and a driver for it. Each is deleted (timers and all) before the runner shuts down."""
    import shiboken6

    from app.gui.wizard.wizard import ImportKeyWizard
    from tests.gui.wizard.wizard_driver import WizardDriver

    made: list[ImportKeyWizard] = []

    def make(resume_key_id: str | None = None, **options) -> WizardDriver:
        wizard = ImportKeyWizard(backend, runner, resume_key_id=resume_key_id, **options)
        wizard.flow.now = clock.now
        made.append(wizard)
        wizard.show()
        driver = WizardDriver(qtbot, wizard, runner)
        driver.settle()
        return driver

    yield make
    for wizard in made:
        qtbot.waitUntil(lambda: not runner.busy)
        if shiboken6.isValid(wizard):
            wizard.hide()
            shiboken6.delete(wizard)


@pytest.fixture
def driver(make_wizard):
    return make_wizard()


@pytest.fixture(autouse=True)
def no_logged_errors(caplog):
    """A page or job that failed unexpectedly logs it: that fails the test, with the trace."""
    yield
    errors = [
        r
        for r in caplog.get_records("call")
        if r.levelno >= logging.ERROR and r.name.startswith("app")
    ]
    assert not errors, "\n".join(caplog.text.splitlines()[-40:])
