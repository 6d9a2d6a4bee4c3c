"""The list window's actions on a key, and which key states allow each.

An action the selected key's state does not allow is disabled, and its tooltip says why in
a sentence (issue 4). The reasons follow the engine's own refusals (``kms.py``,
``import_ops.py``, ``data_ops.py``); when the backend still refuses (another client got there
first), the window shows the backend's error with its code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from app.model.keys import Cmk, KeyState, Origin


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeyActions", text)


def _frozen(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.PENDING_DELETION:
        return _tr("The key is pending deletion: cancel the deletion first.")
    return None


def _enable(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.ENABLED:
        return _tr("The key is already Enabled.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return _tr("The key has no key material: import material first.")
    return _frozen(cmk)


def _disable(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.DISABLED:
        return _tr("The key is already Disabled.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return _tr("Only an Enabled key can be disabled; this key has no key material.")
    return _frozen(cmk)


def _schedule(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.PENDING_DELETION:
        return _tr("The key is already scheduled for deletion.")
    return None


def _cancel(cmk: Cmk) -> str | None:
    if cmk.state is not KeyState.PENDING_DELETION:
        return _tr("The key is not scheduled for deletion.")
    return None


def _delete_material(cmk: Cmk) -> str | None:
    if cmk.origin is not Origin.EXTERNAL:
        return _tr("KMS generated this key's material; only imported material can be deleted.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return _tr("The key has no key material to delete.")
    if cmk.state is KeyState.PENDING_DELETION:
        return _tr("Key material can be deleted only when the key is Enabled or Disabled.")
    return None


def _reimport(cmk: Cmk) -> str | None:
    if cmk.origin is not Origin.EXTERNAL:
        return _tr("Material can be imported only into a key created for imported material "
                   "(origin External).")
    if cmk.state is KeyState.PENDING_DELETION:
        return _frozen(cmk)
    if cmk.state is not KeyState.PENDING_IMPORT:
        return _tr("The key already has key material. Delete it first to import again.")
    return None


def _try_it(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.ENABLED:
        return None
    if cmk.state is KeyState.DISABLED:
        return _tr("The key is Disabled: enable it to encrypt and decrypt.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return _tr("The key has no key material: import material first.")
    return _tr("A key pending deletion cannot be used.")


@dataclass(frozen=True)
class _Spec:
    name: str
    text: str
    tip: str
    refusal: Callable[[Cmk], str | None]
    shortcut: str = ""


def _specs() -> list[_Spec]:
    return [
        _Spec("enableAction", _tr("&Enable"), _tr("Enable the key so it can be used."),
              _enable, "Ctrl+E"),
        _Spec("disableAction", _tr("&Disable"), _tr("Disable the key: it cannot be used until "
              "it is enabled again."), _disable, "Ctrl+Shift+E"),
        _Spec("scheduleDeletionAction", _tr("Schedule &deletion\u2026"),
              _tr("Delete the key after a waiting period of 7 to 1096 days."), _schedule, "Del"),
        _Spec("cancelDeletionAction", _tr("&Cancel deletion"),
              _tr("Keep the key: cancel its scheduled deletion."), _cancel),
        _Spec("editAliasAction", _tr("Edit alias and desc&ription\u2026"),
              _tr("Change the key's alias and description."), _frozen, "F2"),
        _Spec("editTagsAction", _tr("Edit &tags\u2026"), _tr("Add, change or delete tags."),
              _frozen, "Ctrl+T"),
        _Spec("deleteMaterialAction", _tr("Delete key &material\u2026"),
              _tr("Delete the imported material; the key goes to Pending import."),
              _delete_material),
        _Spec("reimportAction", _tr("&Import material again\u2026"),
              _tr("Open the Import Key wizard at its download step for this key."), _reimport),
        _Spec("tryItAction", _tr("T&ry it\u2026"),
              _tr("Encrypt a short text with the key and decrypt it back."), _try_it, "Ctrl+R"),
    ]


class KeyActions(QObject):
    """The actions on the selected key; ``update_for`` enables them by the key's state."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._specs = _specs()
        self.actions: dict[str, QAction] = {}
        for spec in self._specs:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.name)
            action.setStatusTip(spec.tip)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            self.actions[spec.name] = action
        self.update_for(None)

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def update_for(self, cmk: Cmk | None, *, busy: bool = False) -> None:
        """Enable what ``cmk``'s state allows; each refusal becomes the tooltip."""
        for spec in self._specs:
            if cmk is None:
                reason: str | None = _tr("Select a key first.")
            elif busy:
                reason = _tr("Wait: an operation on this key is running.")
            else:
                reason = spec.refusal(cmk)
            action = self.actions[spec.name]
            action.setEnabled(reason is None)
            action.setToolTip(reason or spec.tip)
