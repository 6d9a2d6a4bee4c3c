"""What each action does: open its dialog if it has one, run the KMS call on the task runner,
then show the result in the list (the returned snapshot) or the failure with its KMS code.

A failure inside a dialog is shown in that dialog, which keeps the user's input; a failure
of an action without a dialog goes to the window (``failed``). While a key's operation
runs, the key counts as busy and the window disables further actions on it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.backends.base import KmsBackend
from app.backends.outcomes import ChangeMade, OutcomeUnknown
from app.gui.key_list_sync import KeyListSync
from app.gui.messages import error_text, join_sentences
from app.gui.tasks import TaskRunner
from app.model.keys import Cmk, Origin, Tag

if TYPE_CHECKING:  # each dialog module loads when its dialog first opens (start-up time)
    from app.gui.dialogs.base import KeyDialog
    from app.gui.dialogs.create_key import CreateKeyDialog
    from app.gui.dialogs.delete_material import DeleteMaterialDialog
    from app.gui.dialogs.edit_key import EditKeyDialog
    from app.gui.dialogs.edit_tags import EditTagsDialog
    from app.gui.dialogs.schedule_deletion import ScheduleDeletionDialog
    from app.gui.dialogs.try_it import TryItDialog
    from app.material.hsm.values import TokenSource


class KeyOperations(QObject):
    """The list window's operations on keys."""

    #: A key was changed or created (its new snapshot).
    keyChanged = Signal(object)
    #: A sentence for the status bar after a success.
    succeeded = Signal(str)
    #: An operation without a dialog failed: the sentence, with the KMS code.
    failed = Signal(str)
    #: A change whose answer was lost: made, but a step after it failed (NET.0008), or its
    #: outcome unknown (NET.0007). Neither a success nor a failure: the sentence, to heed.
    warned = Signal(str)
    #: The set of keys with an operation running changed.
    busyChanged = Signal()
    #: A key may have been created without its answer (the wizard closed while the KMS was
    #: creating it): a warning sentence, and the alias to look for.
    keyMayExist = Signal(str, str)

    def __init__(
        self,
        backend: KmsBackend,
        runner: TaskRunner,
        sync: KeyListSync,
        now_ms: Callable[[], int],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._backend, self._runner, self._sync = backend, runner, sync
        self._now_ms = now_ms
        self._window = window
        self._busy: set[str] = set()

    def is_busy(self, key_id: str) -> bool:
        return key_id in self._busy

    # ------------------------------------------------------------- no dialog

    def enable(self, cmk: Cmk) -> None:
        self._run(
            cmk,
            lambda: self._backend.enable_key(key_id=cmk.key_id),
            self.tr("Key %1 enabled."),
            self.tr("Key %1 could not be enabled."),
        )

    def disable(self, cmk: Cmk) -> None:
        self._run(
            cmk,
            lambda: self._backend.disable_key(key_id=cmk.key_id),
            self.tr("Key %1 disabled."),
            self.tr("Key %1 could not be disabled."),
        )

    def cancel_deletion(self, cmk: Cmk) -> None:
        self._run(
            cmk,
            lambda: self._backend.cancel_key_deletion(key_id=cmk.key_id),
            self.tr("The deletion of key %1 is cancelled."),
            self.tr("The deletion of key %1 could not be cancelled."),
        )

    # ---------------------------------------------------------- with a dialog

    def schedule_deletion(self, cmk: Cmk) -> ScheduleDeletionDialog:
        from app.gui.dialogs.schedule_deletion import ScheduleDeletionDialog

        dialog = ScheduleDeletionDialog(cmk, self._now_ms, self._window)
        # Values are read on the UI thread when OK is pressed; the worker gets plain values.
        dialog.submitted.connect(
            lambda: self._run(
                cmk,
                partial(
                    self._backend.schedule_key_deletion,
                    key_id=cmk.key_id,
                    pending_days=dialog.pending_days(),
                ),
                self.tr("Key %1 is scheduled for deletion."),
                "",
                dialog,
            )
        )
        return _opened(dialog)

    def edit_alias(self, cmk: Cmk) -> EditKeyDialog:
        from app.gui.dialogs.edit_key import EditKeyDialog

        dialog = EditKeyDialog(cmk, self._window)
        dialog.submitted.connect(
            lambda: self._run(
                cmk,
                partial(self._update_key, cmk, *dialog.changes()),
                self.tr("Key %1 saved."),
                "",
                dialog,
            )
        )
        return _opened(dialog)

    def edit_tags(self, cmk: Cmk) -> EditTagsDialog:
        from app.gui.dialogs.edit_tags import EditTagsDialog

        dialog = EditTagsDialog(cmk, self._window)
        dialog.submitted.connect(
            lambda: self._run(
                cmk,
                partial(self._update_tags, cmk, *dialog.changes()),
                self.tr("The tags of key %1 are saved."),
                "",
                dialog,
            )
        )
        return _opened(dialog)

    def delete_material(self, cmk: Cmk, recorded_kcv: str | None = None) -> DeleteMaterialDialog:
        """``recorded_kcv``: the import record's KCV, for a KMS that reports none."""
        from app.gui.dialogs.delete_material import DeleteMaterialDialog

        dialog = DeleteMaterialDialog(cmk, self._window, recorded_kcv=recorded_kcv)
        dialog.submitted.connect(
            lambda: self._run(
                cmk,
                lambda: self._backend.delete_imported_key_material(key_id=cmk.key_id),
                self.tr("The key material of %1 is deleted; the key is Pending import."),
                "",
                dialog,
            )
        )
        return _opened(dialog)

    def try_it(self, cmk: Cmk) -> TryItDialog:
        from app.gui.dialogs.try_it import TryItDialog

        dialog = TryItDialog(cmk, self._window)
        dialog.submitted.connect(lambda: self._try(cmk, dialog))
        return _opened(dialog)

    def create_key(self) -> CreateKeyDialog:
        from app.gui.dialogs.create_key import CreateKeyDialog

        dialog = CreateKeyDialog(self._window)
        dialog.submitted.connect(lambda: self._create(dialog))
        return _opened(dialog)

    def import_again(self, cmk: Cmk) -> None:
        """Import material again: the wizard at page 3, offering first to wrap again with the
        token key the material came from, when the import record says a token wrapped it."""
        from app.gui.import_again import import_again

        import_again(
            cmk,
            self._backend,
            self._runner,
            self._window,
            lambda key_id, source, kcv: self.open_wizard(key_id, rewrap=source, rewrap_kcv=kcv),
        )

    def open_wizard(
        self,
        resume_key_id: str | None = None,
        *,
        rewrap: TokenSource | None = None,
        rewrap_kcv: str | None = None,
    ) -> QWidget | None:
        """The Import Key wizard, at its first page or (``resume_key_id``) at page 3; with
        ``rewrap``, on the token path with that token key fixed (its KCV ``rewrap_kcv``)."""
        try:
            from app.gui.wizard.wizard import ImportKeyWizard
        except ImportError as error:  # a build without the wizard
            self.failed.emit(
                self.tr("The Import Key wizard is not available: %1").replace("%1", str(error))
            )
            return None
        wizard = ImportKeyWizard(
            self._backend,
            self._runner,
            resume_key_id=resume_key_id,
            rewrap=rewrap,
            rewrap_kcv=rewrap_kcv,
            parent=self._window,
        )
        wizard.keyImported.connect(self._on_wizard_keyImported)
        wizard.keyMayExist.connect(self._on_wizard_keyMayExist)
        wizard.open()
        return wizard

    # ------------------------------------------------------------------ work

    def _update_key(self, cmk: Cmk, alias: str | None, description: str | None) -> Cmk:
        result = cmk
        if alias is not None:
            result = self._backend.update_key_alias(key_id=cmk.key_id, alias=alias)
        if description is not None:
            result = self._backend.update_key_description(
                key_id=cmk.key_id, description=description
            )
        return result

    def _update_tags(self, cmk: Cmk, deleted: list[Tag], created: list[Tag]) -> Cmk:
        result = cmk
        if deleted:
            result = self._backend.batch_tags(key_id=cmk.key_id, action="delete", tags=deleted)
        if created:
            result = self._backend.batch_tags(key_id=cmk.key_id, action="create", tags=created)
        return result

    def _try(self, cmk: Cmk, dialog: TryItDialog) -> None:
        from app.gui import try_it_work

        text, backend = dialog.text(), self._backend
        if dialog.signing:
            algorithm = dialog.signing_algorithm()
            work = partial(try_it_work.sign_and_verify, backend, cmk, text, algorithm)
        else:
            work = partial(try_it_work.encrypt_and_decrypt, backend, cmk, text)
        dialog.set_busy(True)
        self._runner.run(
            work, context=dialog, on_success=dialog.show_result, on_failure=dialog.show_error
        )

    def _create(self, dialog: CreateKeyDialog) -> None:
        alias, description, tags = dialog.values()
        dialog.set_busy(True)
        self._runner.run(
            lambda: self._backend.create_key(
                alias=alias, description=description, origin=Origin.KMS, tags=tags
            ),
            context=self,
            on_success=lambda cmk: self._done(cmk, self.tr("Key %1 created."), dialog),
            on_failure=lambda error: self._failed(error, dialog, self.tr("No key was created.")),
        )

    def _run(
        self,
        cmk: Cmk,
        work: Callable[[], Cmk],
        message: str,
        failure: str,
        dialog: KeyDialog | None = None,
    ) -> None:
        """Run ``work`` for ``cmk``; ``failure`` heads the window's error when there is no
        dialog to show it in."""
        self._busy.add(cmk.key_id)
        self.busyChanged.emit()
        if dialog is not None:
            dialog.set_busy(True)

        def done(result: Cmk) -> None:
            self._busy.discard(cmk.key_id)
            self._done(result, message, dialog)
            self.busyChanged.emit()

        def fail(error: BaseException) -> None:
            self._busy.discard(cmk.key_id)
            self._failed(error, dialog, failure.replace("%1", cmk.alias))
            self._sync.refresh({cmk.key_id})  # the refusal may mean our snapshot is stale
            self.busyChanged.emit()

        self._runner.run(work, context=self, on_success=done, on_failure=fail)

    def _done(self, cmk: Cmk, message: str, dialog: KeyDialog | None) -> None:
        self._sync.apply([cmk])
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.finish()
        self.keyChanged.emit(cmk)
        self.succeeded.emit(message.replace("%1", cmk.alias))

    def _failed(self, error: BaseException, dialog: KeyDialog | None, failure: str) -> None:
        shown = dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()
        if isinstance(error, ChangeMade):  # made: the dialog's work is done
            if error.cmk is not None:
                self._sync.apply([error.cmk])
            if shown:
                dialog.finish()  # type: ignore[union-attr]
            self.warned.emit(error_text(error))
        elif shown:
            dialog.show_error(error)  # type: ignore[union-attr]
        elif isinstance(error, OutcomeUnknown):  # not "could not": it may well have been
            self.warned.emit(error_text(error))
        else:
            self.failed.emit(join_sentences(failure, error_text(error)))

    def _on_wizard_keyImported(self, cmk: Cmk) -> None:
        self._done(cmk, self.tr("Key %1 imported."), None)

    def _on_wizard_keyMayExist(self, alias: str) -> None:
        self.keyMayExist.emit(
            self.tr(
                "The wizard closed while the KMS was creating the key \u201c%1\u201d: it may "
                "have been created. The list now shows the keys that match its alias; "
                "View > Reload looks again. If it is there, Import Key Material Again goes "
                "on with it."
            ).replace("%1", alias),
            alias,
        )


D = TypeVar("D", bound="KeyDialog")


def _opened(dialog: D) -> D:
    dialog.open()
    return dialog
