"""Import material again, from the list window: a key whose material came from a PKCS#11
token (the import record says which: module, token label and serial, key label, and the
KCV) is offered "wrap again with the same token key", which starts the wizard on the token
path with that key fixed; the KMS then gets the same material, proven by the KCV. Any other
key, or "other material", opens the wizard as before. The record is read on the task runner;
a record that cannot be read is no reason to refuse an import, so the wizard opens plainly."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from app.backends.base import KmsBackend
from app.backends.claims import PKCS11_FIELD
from app.backends.import_record import ImportEntry
from app.gui.tasks import TaskRunner
from app.material.hsm.values import TokenSource
from app.model.keys import Cmk

#: Opens the wizard for a key: with the token key to wrap again and its KCV, or plainly.
OpenWizard = Callable[[str, TokenSource | None, str | None], object]


def import_again(
    cmk: Cmk, backend: KmsBackend, runner: TaskRunner, window: QWidget, open_wizard: OpenWizard
) -> None:
    """Find the key's latest import in the record, then offer its token key or open the wizard."""
    from app.backends.import_record import ImportRecord

    where, key_id = backend.where, cmk.key_id
    runner.run(
        lambda: ImportRecord().material_of(where, key_id),
        context=window,
        on_success=lambda entry: _offer(cmk, entry, window, open_wizard),
        on_failure=lambda _error: _plainly(open_wizard, key_id),
    )


def _plainly(open_wizard: OpenWizard, key_id: str) -> None:
    open_wizard(key_id, None, None)


def token_source_of(entry: ImportEntry | None) -> TokenSource | None:
    """The token key the entry's material came from, if a token wrapped it."""
    if entry is None or not entry.kcv:
        return None
    return TokenSource.from_record(entry.extra.get(PKCS11_FIELD))


def _offer(cmk: Cmk, entry: ImportEntry | None, window: QWidget, open_wizard: OpenWizard) -> None:
    source = token_source_of(entry)
    if source is None or entry is None:
        open_wizard(cmk.key_id, None, None)
        return
    ask_same_token_key(window, cmk, source, entry.kcv or "", open_wizard)


def ask_same_token_key(
    window: QWidget, cmk: Cmk, source: TokenSource, kcv: str, open_wizard: OpenWizard
) -> QMessageBox:
    """Ask (window-modal, no nested event loop) which material to import."""
    box = QMessageBox(window)
    box.setObjectName("importAgainBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ImportAgain", "Import Key Material Again"))
    box.setText(
        QCoreApplication.translate(
            "ImportAgain",
            "The material of %1 came from the key %2 in the token %3 (serial %4), KCV %5.",
        )
        .replace("%1", cmk.alias)
        .replace("%2", source.key_label)
        .replace("%3", source.token_label)
        .replace("%4", source.token_serial or "-")
        .replace("%5", kcv)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ImportAgain",
            "Wrap it again with the same token key: new import items, the token's PIN, "
            "Finish. The KMS gets the same material, proven by the KCV. Module: %1",
        ).replace("%1", str(source.module))
    )
    same = box.addButton(
        QCoreApplication.translate("ImportAgain", "&Wrap Again with the Same Token Key"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    same.setObjectName("sameTokenKeyButton")
    other = box.addButton(
        QCoreApplication.translate("ImportAgain", "&Other Material\u2026"),
        QMessageBox.ButtonRole.ActionRole,
    )
    other.setObjectName("otherMaterialButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("importAgainCancelButton")
    box.setDefaultButton(same)
    box.setEscapeButton(cancel)

    def chosen(button: QAbstractButton) -> None:
        if button is same:
            open_wizard(cmk.key_id, source, kcv)
        elif button is other:
            open_wizard(cmk.key_id, None, None)

    box.buttonClicked.connect(chosen)
    box.open()
    return box
