"""The list window tells the truth about a remote KMS: tags fetched after the list loads (and
searchable), material presence from the key's state, expiry as the KMS said it, and the KCV
from Keyferry's import record, labelled as such, in the details pane and in the
Delete-material dialog."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QLabel, QTreeWidget

from app.backends.huawei import HuaweiBackend
from app.gui.cmk_table_model import Column
from app.gui.main_window import CmkListWindow
from app.model.importing import WrappingAlgorithm
from app.model.keys import Tag
from tests.gui.list_window.driver import ListDriver
from tests.helpers import import_recorded

ALGORITHM = WrappingAlgorithm.RSAES_OAEP_SHA_256


def test_a_remote_list_shows_what_it_knows_and_no_more(
    qtbot, remote_backend: HuaweiBackend, runner, tmp_path: Path
) -> None:
    remote_backend.create_key(alias="tagged", tags=[Tag("env", "prod"), Tag("team", "ops")])
    kcv = import_recorded(remote_backend, "imported", None)
    expires = int(time.time()) + 30 * 86400
    import_recorded(remote_backend, "expiring", expires)
    window = CmkListWindow(remote_backend, runner, tick_ms=200)
    qtbot.addWidget(window)
    window.show()
    lw = ListDriver(qtbot, window, runner)
    lw.wait_loaded()
    lw.wait(lambda: lw.row("tagged")[Column.TAGS] == "env=prod, team=ops")
    lw.search("ops")
    assert lw.aliases() == ["tagged"]
    lw.search("")
    assert lw.row("imported")[Column.MATERIAL_EXPIRY] == "Never"
    assert lw.row("tagged")[Column.MATERIAL_EXPIRY] == "\u2014"  # Pending import: none
    assert lw.row("expiring")[Column.MATERIAL_EXPIRY] not in ("Never", "\u2014", "Unknown")

    lw.select("imported")
    lw.settle()
    assert lw.label("detailsKcvLabel") == (
        f"{kcv} (recorded at import; this KMS does not report one)"
    )
    tree = lw.find(QTreeWidget, "importHistoryTree")
    assert tree.topLevelItemCount() == 1
    assert tree.topLevelItem(0).text(1) == f"Import key material (KCV {kcv})"
    assert tree.topLevelItem(0).text(2) == "OK"
    lw.trigger("deleteMaterialAction")
    intro = "\n".join(label.text() for label in window.findChildren(QLabel))
    assert f"Only the same material (KCV {kcv}, as recorded at its import)" in intro

    lw.select("tagged")
    lw.settle()
    assert lw.label("detailsKcvLabel") == "(no key material)"
    assert lw.label("detailsTagsLabel") == "env = prod\nteam = ops"
