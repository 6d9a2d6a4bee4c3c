"""Every action, run through the window by object name: the dialog it opens, the KMS call on
the task runner, the row updated when it completes, and the engine's state afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.backends.local import LocalBackend
from app.engine import ManualClock
from app.gui import formatting as fmt
from app.gui.cmk_table_model import Column
from app.model.keys import KeyState, Origin, Tag
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver

DAY_MS = 86_400_000


def state_in_store(backend: LocalBackend, key_id: str) -> KeyState:
    return backend.describe_key(key_id=key_id).state


def test_enable_and_disable(lw: ListDriver, keys: Keys, backend: LocalBackend) -> None:
    lw.select("ledger/archive")
    lw.trigger("enableAction")
    lw.settle()
    assert lw.row("ledger/archive")[Column.STATE] == "Enabled"
    assert state_in_store(backend, keys.disabled.key_id) is KeyState.ENABLED
    assert not lw.action("enableAction").isEnabled()
    assert "enabled" in lw.window.statusBar().currentMessage()
    lw.trigger("disableAction")
    lw.settle()
    assert lw.row("ledger/archive")[Column.STATE] == "Disabled"
    assert state_in_store(backend, keys.disabled.key_id) is KeyState.DISABLED
    assert lw.label("detailsStateLabel") == "Disabled"


def test_schedule_deletion_7_to_1096_days_default_7_with_its_date(
    lw: ListDriver, keys: Keys, backend: LocalBackend, clock: ManualClock
) -> None:
    lw.select("payments/prod")
    lw.trigger("scheduleDeletionAction")
    dialog = lw.dialog("scheduleDeletionDialog")
    days = lw.find(QSpinBox, "pendingDaysSpin", dialog)
    assert (days.minimum(), days.value(), days.maximum()) == (7, 7, 1096)
    now = int(clock.now() * 1000)
    date = lw.find(QLabel, "deletionDateLabel", dialog)
    assert date.text() == fmt.local_and_utc(now + 7 * DAY_MS)
    warning = lw.find(QLabel, "irreversibleNotice", dialog).text()
    assert "cannot be undone" in warning
    days.setValue(30)
    assert date.text() == fmt.local_and_utc(now + 30 * DAY_MS)
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    stored = backend.describe_key(key_id=keys.enabled.key_id)
    assert stored.state is KeyState.PENDING_DELETION
    assert stored.deletion_ms == now + 30 * DAY_MS
    assert lw.row("payments/prod")[Column.STATE] == "Pending deletion"
    assert lw.label("detailsDeletionLabel") == fmt.local_and_utc(now + 30 * DAY_MS)


def test_cancel_deletion(lw: ListDriver, keys: Keys, backend: LocalBackend) -> None:
    lw.select("old/retired")
    lw.trigger("cancelDeletionAction")
    lw.settle()
    assert lw.row("old/retired")[Column.STATE] == "Disabled"
    assert state_in_store(backend, keys.pending_deletion.key_id) is KeyState.DISABLED
    assert lw.label("detailsDeletionLabel") == "Not scheduled"


def test_edit_tags_with_the_wizard_s_editor(
    lw: ListDriver, keys: Keys, backend: LocalBackend
) -> None:
    lw.select("payments/prod")
    lw.trigger("editTagsAction")
    dialog = lw.dialog("editTagsDialog")
    lw.find(QWidget, "tagsTable", dialog)
    values = dialog.findChildren(QLineEdit, "tagValueEdit")
    tag_keys = dialog.findChildren(QLineEdit, "tagKeyEdit")
    assert [e.text() for e in tag_keys] == ["env", "team"]
    ok = lw.find(QWidget, "okButton", dialog)
    assert not ok.isEnabled()  # nothing changed yet
    lw.type(values[0], "staging")
    lw.click(dialog.findChildren(QWidget, "deleteTagButton")[1])
    lw.click(lw.find(QWidget, "addTagButton", dialog))
    lw.type(dialog.findChildren(QLineEdit, "tagKeyEdit")[-1], "owner")
    lw.type(dialog.findChildren(QLineEdit, "tagValueEdit")[-1], "alice")
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    expected = (Tag("env", "staging"), Tag("owner", "alice"))
    assert backend.describe_key(key_id=keys.enabled.key_id).tags == expected
    assert lw.row("payments/prod")[Column.TAGS] == "env=staging, owner=alice"


def test_edit_tags_refuses_what_the_model_refuses(lw: ListDriver) -> None:
    lw.select("payments/prod")
    lw.trigger("editTagsAction")
    dialog = lw.dialog("editTagsDialog")
    lw.type(dialog.findChildren(QLineEdit, "tagKeyEdit")[0], "bad=key")
    assert not lw.find(QWidget, "okButton", dialog).isEnabled()
    problems = [label.text() for label in dialog.findChildren(QLabel, "tagProblemLabel")]
    assert any("cannot contain" in text for text in problems)


def test_edit_alias_and_description_with_the_rules_as_you_type(
    lw: ListDriver, keys: Keys, backend: LocalBackend
) -> None:
    lw.select("ledger/archive")
    lw.trigger("editAliasAction")
    dialog = lw.dialog("editKeyDialog")
    alias = lw.find(QLineEdit, "aliasEdit", dialog)
    problem = lw.find(QLabel, "aliasProblemLabel", dialog)
    ok = lw.find(QWidget, "okButton", dialog)
    lw.type(alias, "bad alias!")
    assert problem.isVisible() and "only letters" in problem.text()
    assert not ok.isEnabled()
    lw.type(alias, "ledger/2019")
    assert not problem.isVisible() and ok.isEnabled()
    lw.type(lw.find(QLineEdit, "descriptionEdit", dialog), "Ledger, closed years")
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    stored = backend.describe_key(key_id=keys.disabled.key_id)
    assert (stored.alias, stored.description) == ("ledger/2019", "Ledger, closed years")
    assert "ledger/2019" in lw.aliases()
    assert lw.label("detailsDescriptionLabel") == "Ledger, closed years"


def test_delete_material_asks_then_the_key_is_pending_import(
    lw: ListDriver, keys: Keys, backend: LocalBackend
) -> None:
    lw.select("byok/hsm-2026")
    lw.trigger("deleteMaterialAction")
    dialog = lw.dialog("deleteMaterialDialog")
    intro = lw.find(QLabel, "introLabel", dialog).text()
    assert "Pending import" in intro and keys.imported.kcv in intro
    assert not lw.find(QWidget, "okButton", dialog).isEnabled()
    lw.find(QCheckBox, "confirmCheck", dialog).setChecked(True)
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    assert state_in_store(backend, keys.imported.key_id) is KeyState.PENDING_IMPORT
    assert lw.row("byok/hsm-2026")[Column.STATE] == "Pending import"
    assert lw.label("detailsKcvLabel") == "(no key material)"
    assert lw.action("reimportAction").isEnabled()


def test_try_it_encrypts_and_decrypts_and_clears_on_close(lw: ListDriver) -> None:
    lw.select("byok/hsm-2026")
    lw.trigger("tryItAction")
    dialog = lw.dialog("tryItDialog")
    text = lw.find(QLineEdit, "plaintextEdit", dialog)
    lw.type(text, "hello, imported key")
    lw.press_ok(dialog)
    decrypted = lw.find(QLineEdit, "decryptedEdit", dialog)
    lw.wait(lambda: decrypted.text() == "hello, imported key")
    assert lw.find(QPlainTextEdit, "ciphertextView", dialog).toPlainText()
    assert "matches" in lw.find(QLabel, "dialogNotice", dialog).text()
    fields = [text, decrypted, lw.find(QPlainTextEdit, "ciphertextView", dialog)]
    dialog.reject()
    assert [f.text() if isinstance(f, QLineEdit) else f.toPlainText() for f in fields] == [
        "",
        "",
        "",
    ]


def test_create_key_with_kms_material_appears_enabled_and_selected(
    lw: ListDriver, backend: LocalBackend
) -> None:
    lw.click(lw.find(QWidget, "createKeyButton"))
    dialog = lw.dialog("createKeyDialog")
    ok = lw.find(QWidget, "okButton", dialog)
    assert not ok.isEnabled()
    lw.type(lw.find(QLineEdit, "aliasEdit", dialog), "reports/monthly")
    lw.type(lw.find(QLineEdit, "descriptionEdit", dialog), "Monthly reports")
    lw.press_ok(dialog)
    lw.wait_closed(dialog)
    lw.settle()
    row = lw.row("reports/monthly")
    assert (row[Column.STATE], row[Column.ORIGIN]) == ("Enabled", "KMS")
    assert lw.window.selected_key().alias == "reports/monthly"
    created = backend.describe_key(key_id=lw.window.selected_key().key_id)
    assert created.origin is Origin.KMS and created.kcv
