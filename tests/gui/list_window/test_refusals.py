"""Every refusal: actions the selected key's state does not allow are disabled with a tooltip
that says why (and the engine refuses them too); a refusal by the backend itself (another
writer got there first, a duplicate alias) is shown with its KMS code, input kept."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from app.backends.local import LocalBackend
from app.gui.cmk_table_model import Column
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import Tag
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver

KEY_ACTIONS = [
    "enableAction",
    "disableAction",
    "scheduleDeletionAction",
    "cancelDeletionAction",
    "editAliasAction",
    "editTagsAction",
    "deleteMaterialAction",
    "reimportAction",
    "tryItAction",
]

#: For each seeded key: the actions its state allows (every other one is disabled).
ALLOWED = {
    "payments/prod": {
        "disableAction",
        "scheduleDeletionAction",
        "editAliasAction",
        "editTagsAction",
        "tryItAction",
    },
    "ledger/archive": {
        "enableAction",
        "scheduleDeletionAction",
        "editAliasAction",
        "editTagsAction",
    },
    "byok/hsm-2026": {
        "disableAction",
        "scheduleDeletionAction",
        "editAliasAction",
        "editTagsAction",
        "deleteMaterialAction",
        "tryItAction",
    },
    "byok/waiting": {
        "scheduleDeletionAction",
        "editAliasAction",
        "editTagsAction",
        "reimportAction",
    },
    "old/retired": {"cancelDeletionAction"},
}

#: Some refusals word for word.
REASONS = {
    ("payments/prod", "enableAction"): "The key is already Enabled.",
    (
        "payments/prod",
        "deleteMaterialAction",
    ): "KMS generated this key's material; only imported material can be deleted.",
    ("ledger/archive", "tryItAction"): "The key is Disabled: enable it to encrypt and decrypt.",
    (
        "byok/hsm-2026",
        "reimportAction",
    ): "The key already has key material. Delete it first to import again.",
    ("byok/waiting", "enableAction"): "The key has no key material: import material first.",
    ("old/retired", "editTagsAction"): "The key is pending deletion: cancel the deletion first.",
    ("old/retired", "scheduleDeletionAction"): "The key is already scheduled for deletion.",
    ("payments/prod", "cancelDeletionAction"): "The key is not scheduled for deletion.",
}


def engine_call(backend: LocalBackend, action: str, key_id: str) -> Callable[[], object]:
    """What the KMS is asked when the action runs (dialogs filled with valid input)."""
    return {
        "enableAction": lambda: backend.enable_key(key_id=key_id),
        "disableAction": lambda: backend.disable_key(key_id=key_id),
        "scheduleDeletionAction": lambda: backend.schedule_key_deletion(
            key_id=key_id, pending_days=7
        ),
        "cancelDeletionAction": lambda: backend.cancel_key_deletion(key_id=key_id),
        "editAliasAction": lambda: backend.update_key_alias(key_id=key_id, alias="new-alias"),
        "editTagsAction": lambda: backend.create_tag(key_id=key_id, tag=Tag("k", "v")),
        "deleteMaterialAction": lambda: backend.delete_imported_key_material(key_id=key_id),
        "reimportAction": lambda: backend.get_parameters_for_import(
            key_id=key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
        ),
        "tryItAction": lambda: backend.encrypt_data(key_id=key_id, plain_text=b"x"),
    }[action]


@pytest.mark.parametrize("alias", sorted(ALLOWED))
def test_actions_follow_the_state_and_each_refusal_says_why(
    lw: ListDriver, backend: LocalBackend, alias: str
) -> None:
    lw.select(alias)
    key_id = lw.window.selected_key().key_id
    for name in KEY_ACTIONS:
        action = lw.action(name)
        if name in ALLOWED[alias]:
            assert action.isEnabled(), f"{alias}: {name} should be allowed"
            assert action.toolTip() == action.statusTip()
            continue
        assert not action.isEnabled(), f"{alias}: {name} should be refused"
        assert action.toolTip() and action.toolTip() != action.statusTip()
        if (alias, name) in REASONS:
            assert action.toolTip() == REASONS[(alias, name)]
        with pytest.raises(KmsError):  # the engine refuses what the window refuses
            engine_call(backend, name, key_id)()


def test_without_a_selection_every_key_action_says_select_a_key(lw: ListDriver) -> None:
    for name in KEY_ACTIONS:
        assert not lw.action(name).isEnabled()
        assert lw.action(name).toolTip() == "Select a key first."


def test_a_backend_refusal_is_shown_with_its_code_and_the_row_catches_up(
    lw: ListDriver, keys: Keys, backend: LocalBackend
) -> None:
    lw.select("ledger/archive")
    # Another writer enables the key first: its job is ahead in the runner's queue.
    lw.runner.run(lambda: backend.enable_key(key_id=keys.disabled.key_id), context=lw.window)
    lw.trigger("enableAction")
    lw.settle()
    notice = lw.find(QLabel, "windowNotice")
    assert notice.isVisible()
    assert "KMS.1201" in notice.text() and "could not be enabled" in notice.text()
    assert lw.row("ledger/archive")[Column.STATE] == "Enabled"
    assert lw.action("disableAction").isEnabled()


def test_a_refusal_in_a_dialog_is_shown_there_with_the_input_kept(lw: ListDriver) -> None:
    lw.select("ledger/archive")
    lw.trigger("editAliasAction")
    dialog = lw.dialog("editKeyDialog")
    alias = lw.find(QLineEdit, "aliasEdit", dialog)
    lw.type(alias, "payments/prod")  # valid, but taken
    lw.press_ok(dialog)
    notice = lw.find(QLabel, "dialogNotice", dialog)
    lw.wait(lambda: "KMS.1104" in notice.text())
    assert dialog.isVisible() and alias.text() == "payments/prod"
    lw.type(alias, "ledger/closed")
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    assert "ledger/closed" in lw.aliases()


def test_a_schedule_refused_because_another_writer_was_first(
    lw: ListDriver, keys: Keys, backend: LocalBackend
) -> None:
    lw.select("payments/prod")
    lw.trigger("scheduleDeletionAction")
    dialog = lw.dialog("scheduleDeletionDialog")
    lw.runner.run(
        lambda: backend.schedule_key_deletion(key_id=keys.enabled.key_id, pending_days=9),
        context=lw.window,
    )
    lw.press_ok(dialog)
    notice = lw.find(QLabel, "dialogNotice", dialog)
    lw.wait(lambda: "KMS.1402" in notice.text())
    dialog.reject()
    assert lw.row("payments/prod")[Column.STATE] == "Pending deletion"


def test_actions_wait_while_an_operation_on_the_key_runs(lw: ListDriver) -> None:
    lw.select("payments/prod")
    release = threading.Event()
    lw.runner.run(lambda: release.wait(10), context=lw.window)  # keeps the worker busy
    lw.trigger("disableAction")
    try:
        assert not lw.action("enableAction").isEnabled()
        assert not lw.action("tryItAction").isEnabled()
        assert lw.action("tryItAction").toolTip() == "Wait: an operation on this key is running."
    finally:
        release.set()
    lw.settle()
    assert lw.row("payments/prod")[Column.STATE] == "Disabled"
    assert lw.action("enableAction").isEnabled()


class NoHistory(LocalBackend):
    """The local engine as a KMS that keeps no history (as a remote KMS may not)."""

    supports_history = False


class Unlistable(LocalBackend):
    """The local engine with its key store failing, as a full disk makes it fail."""

    def all_keys(self) -> list:
        raise KmsError("KMS.0102", "store.disk_full")


def test_a_kms_without_history_shows_the_import_record(
    qtbot, kms, runner, clock, keys: Keys
) -> None:
    from app.gui.main_window import CmkListWindow

    backend = NoHistory(kms)
    window = CmkListWindow(backend, runner, now=clock.now, tick_ms=50)
    qtbot.addWidget(window)
    lw = ListDriver(qtbot, window, runner)
    lw.wait_loaded()
    lw.select("payments/prod")
    lw.settle()
    assert lw.label("historyStatusLabel") == ("No import of this key is recorded on this computer.")
    backend.close()


def test_a_list_that_cannot_load_says_why_with_its_code(qtbot, kms, runner, clock) -> None:
    from app.gui.main_window import CmkListWindow

    backend = Unlistable(kms)
    window = CmkListWindow(backend, runner, now=clock.now, tick_ms=50)
    qtbot.addWidget(window)
    notice = window.findChild(QLabel, "windowNotice")
    qtbot.waitUntil(lambda: "KMS.0102" in notice.text())
    assert "could not be brought up to date" in notice.text()
    assert "disk holding the key store is full" in notice.text()
    backend.close()
