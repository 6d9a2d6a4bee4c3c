"""The list window after a change whose answer was lost: an unknown outcome (NET.0007) is a
warning that says so, never "could not be disabled"; a change made whose reading back failed
(NET.0008) closes its dialog as done and warns, and the list shows the change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit

from app.backends.huawei import HuaweiBackend
from app.gui.main_window import CmkListWindow
from app.gui.widgets.notice import Kind
from app.model.keys import KeyState
from tests.gui.list_window.driver import ListDriver
from tests.helpers import import_recorded
from tests.server.fault_proxy import Fault, FaultProxy, fault_proxy
from tests.server.live import ACCESS_KEY, SECRET_KEY, new_project


@pytest.fixture
def proxy(live_server) -> Iterator[FaultProxy]:
    with fault_proxy(live_server.url) as running:
        yield running


@pytest.fixture
def lw(qtbot, proxy: FaultProxy, runner) -> Iterator[ListDriver]:
    cloud = HuaweiBackend(
        endpoint=proxy.url,
        project_id=new_project(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
        profile="lab",
    )
    import_recorded(cloud, "flaky", None)
    window = CmkListWindow(cloud, runner)
    qtbot.addWidget(window)
    window.show()
    driver = ListDriver(qtbot, window, runner)
    driver.wait_loaded()
    driver.select("flaky")
    yield driver
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    cloud.close()


def _notice(lw: ListDriver) -> tuple[Kind, str]:
    notice = lw.window.notice
    return notice.kind, notice.text()


def test_an_unknown_outcome_is_a_warning_not_a_failure(lw: ListDriver, proxy: FaultProxy) -> None:
    proxy.add(
        Fault("disable-key", "after", status=504),
        Fault("describe-key", "before", status=403),  # not retried: the key cannot be read
    )
    lw.trigger("disableAction")
    lw.wait(lambda: _notice(lw)[1] != "")
    kind, text = _notice(lw)
    assert kind is Kind.WARNING
    assert text.startswith("NET.0007: The answer to disable-key was lost (HTTP.504)")
    assert "could not be disabled" not in text and "keyferry --profile lab describe-key" in text
    lw.wait(lambda: lw.cmk("flaky").state is KeyState.DISABLED)  # as the list reads it now


def test_a_change_made_but_not_read_back_closes_its_dialog_and_warns(
    lw: ListDriver, proxy: FaultProxy
) -> None:
    lw.trigger("editAliasAction")
    dialog = lw.dialog("editKeyDialog")
    lw.type(lw.find(QLineEdit, "descriptionEdit", dialog), "changed anyway")
    proxy.add(Fault("describe-key", "before", status=403))
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    kind, text = _notice(lw)
    assert kind is Kind.WARNING
    assert text.startswith("NET.0008: The change was made, but reading the key back failed")
    lw.wait(lambda: lw.label("detailsDescriptionLabel") == "changed anyway")
