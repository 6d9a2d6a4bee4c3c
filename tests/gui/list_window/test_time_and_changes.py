"""The window follows time and other writers while it is open: expired material turns a row
to Pending import and a passed deletion date removes it, with no sweep and no restart;
countdowns move; a change made by another client shows up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.backends.local import LocalBackend
from app.engine import DEFAULT_PROJECT, LocalKms, ManualClock
from app.gui.cmk_table_model import Column
from app.model.keys import Origin
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver

DAY_S = 86_400


def test_material_expiring_turns_the_row_to_pending_import(
    lw: ListDriver, keys: Keys, clock: ManualClock, kms: LocalKms
) -> None:
    lw.select("byok/hsm-2026")
    assert lw.row("byok/hsm-2026")[Column.STATE] == "Enabled"
    clock.advance(2 * DAY_S + 60)  # past the material's expiry; no sweep runs
    lw.wait(lambda: lw.row("byok/hsm-2026")[Column.STATE] == "Pending import")
    row = lw.row("byok/hsm-2026")
    assert row[Column.MATERIAL_EXPIRY] == "\u2014"
    assert lw.label("detailsStateLabel") == "Pending import"
    assert lw.label("detailsKcvLabel") == "(no key material)"
    assert "Pending import: 2" in lw.label("stateCountsLabel")
    assert lw.action("reimportAction").isEnabled()
    assert not lw.action("tryItAction").isEnabled()
    stored = (
        kms.store.connection()
        .execute("SELECT state FROM keys WHERE key_id = ?", (keys.imported.key_id,))
        .fetchone()
    )
    assert stored == (2,)  # the store is not swept yet: the window used the model's rule


def test_a_key_whose_deletion_date_passes_disappears(
    lw: ListDriver, keys: Keys, clock: ManualClock
) -> None:
    lw.select("old/retired")
    clock.advance(7 * DAY_S + 60)
    lw.wait(lambda: "old/retired" not in lw.aliases())
    assert lw.window.selected_key() is None
    assert lw.find(QLabel, "detailsPlaceholder").isVisible()
    assert "Pending deletion: 0" in lw.label("stateCountsLabel")


def test_the_countdown_moves_with_the_clock(lw: ListDriver, clock: ManualClock) -> None:
    assert lw.row("byok/hsm-2026")[Column.MATERIAL_EXPIRY].endswith("(in 2 d 0 h)")
    clock.advance(DAY_S + 5 * 3600)
    lw.wait(lambda: lw.row("byok/hsm-2026")[Column.MATERIAL_EXPIRY].endswith("(in 19 h 0 min)"))


def test_another_client_s_changes_show_up(lw: ListDriver, keys: Keys, kms: LocalKms) -> None:
    other = LocalBackend(kms)  # a second client of the same store (the REST server, say)
    try:
        other.disable_key(key_id=keys.enabled.key_id)
        lw.wait(lambda: lw.row("payments/prod")[Column.STATE] == "Disabled")
        created = other.create_key(alias="from/elsewhere", origin=Origin.KMS)
        lw.wait(lambda: "from/elsewhere" in lw.aliases())
        kms.schedule_key_deletion(project_id=DEFAULT_PROJECT, key_id=created.key_id, pending_days=7)
        lw.wait(lambda: lw.row("from/elsewhere")[Column.STATE] == "Pending deletion")
    finally:
        other.close()


def test_the_sweep_deleting_a_key_removes_its_row(
    lw: ListDriver, clock: ManualClock, kms: LocalKms
) -> None:
    clock.advance(8 * DAY_S)
    assert kms.sweep() >= 1  # the engine's sweeper deletes it and tells its listeners
    lw.wait(lambda: "old/retired" not in lw.aliases())
    lw.settle()
    assert len(lw.aliases()) == 4
