"""The list window on the remote backend: the official SDK talking to ``keyferry serve`` in
another process. Keys load, an action changes the row, a refusal carries the remote KMS's
own code, and the import record stands in for the history the KMS does not give."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.backends.huawei import HuaweiBackend
from app.gui.cmk_table_model import Column
from app.gui.main_window import CmkListWindow
from app.model.keys import Origin
from tests.gui.list_window.driver import ListDriver


def test_the_list_works_on_a_remote_kms(qtbot, remote_backend: HuaweiBackend, runner) -> None:
    generated = remote_backend.create_key(alias="remote/generated", origin=Origin.KMS)
    remote_backend.create_key(alias="remote/byok", origin=Origin.EXTERNAL)
    window = CmkListWindow(remote_backend, runner, tick_ms=200)
    qtbot.addWidget(window)
    window.show()
    lw = ListDriver(qtbot, window, runner)
    lw.wait_loaded()
    assert sorted(lw.aliases()) == ["remote/byok", "remote/generated"]
    assert lw.row("remote/byok")[Column.STATE] == "Pending import"
    lw.select("remote/generated")
    assert lw.label("detailsKeyIdLabel") == generated.key_id
    lw.settle()
    assert lw.label("historyStatusLabel") == ("No import of this key is recorded on this computer.")
    lw.trigger("disableAction")
    lw.settle()
    assert lw.row("remote/generated")[Column.STATE] == "Disabled"
    # Another client enables it first: the remote refuses ours with its own code.
    runner.run(lambda: remote_backend.enable_key(key_id=generated.key_id), context=window)
    lw.trigger("enableAction")
    lw.settle()
    notice = lw.find(QLabel, "windowNotice")
    assert "KMS.1201" in notice.text()
    lw.wait(lambda: lw.row("remote/generated")[Column.STATE] == "Enabled")
