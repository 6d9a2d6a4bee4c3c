"""The list window's actions on a key, and which key states allow each.

An action the selected key's state or spec does not allow is disabled, and its tooltip says
why in a sentence (the toolbar, the Key menu and the context menu show the same tooltip).
The reasons follow the engine's own refusals (``kms.py``, ``import_ops.py``, ``data_ops.py``,
``asym_ops.py``); when the backend still refuses (another client got there
first), the window shows the backend's error with its code.

Texts are marked for translation where they are written (``tr_noop``) and
translated where they are shown, so ``retranslate`` after a change of language is all it takes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from app.gui.formatting import without_mnemonic
from app.gui.icons import action_icon
from app.model.keys import Cmk, KeyState, KeyUsage, Origin
from app.model.messages import tr_noop

_CONTEXT = "KeyActions"


def _tr(text: str) -> str:
    """A text marked with ``tr_noop("KeyActions", ...)``, in the user's language."""
    return QCoreApplication.translate(_CONTEXT, text)


def _frozen(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.PENDING_DELETION:
        return tr_noop("KeyActions", "The key is pending deletion: cancel the deletion first.")
    return None


def _enable(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.ENABLED:
        return tr_noop("KeyActions", "The key is already Enabled.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return tr_noop("KeyActions", "The key has no key material: import material first.")
    return _frozen(cmk)


def _disable(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.DISABLED:
        return tr_noop("KeyActions", "The key is already Disabled.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return tr_noop(
            "KeyActions", "Only an Enabled key can be disabled; this key has no key material."
        )
    return _frozen(cmk)


def _schedule(cmk: Cmk) -> str | None:
    if cmk.state is KeyState.PENDING_DELETION:
        return tr_noop("KeyActions", "The key is already scheduled for deletion.")
    return None


def _cancel(cmk: Cmk) -> str | None:
    if cmk.state is not KeyState.PENDING_DELETION:
        return tr_noop("KeyActions", "The key is not scheduled for deletion.")
    return None


def _unsupported(cmk: Cmk) -> str | None:
    """A spec a real KMS has that Keyferry neither imports nor uses (SM2, HMAC, ...)."""
    if not cmk.key_spec.supported:
        return tr_noop(
            "KeyActions",
            "Keyferry does not use keys of this spec: it imports and uses AES_256, RSA and EC "
            "keys.",
        )
    return None


def _delete_material(cmk: Cmk) -> str | None:
    if cmk.key_spec.is_asymmetric:
        return tr_noop(
            "KeyActions",
            "An asymmetric key's material cannot be deleted: that applies to symmetric keys "
            "only. Schedule the key's deletion instead.",
        )
    if cmk.origin is not Origin.EXTERNAL:
        return tr_noop(
            "KeyActions",
            "KMS generated this key's material; only imported material can be deleted.",
        )
    if cmk.state is KeyState.PENDING_IMPORT:
        return tr_noop("KeyActions", "The key has no key material to delete.")
    if cmk.state is KeyState.PENDING_DELETION:
        return tr_noop(
            "KeyActions", "Key material can be deleted only when the key is Enabled or Disabled."
        )
    return None


def _reimport(cmk: Cmk) -> str | None:
    if _unsupported(cmk):
        return _unsupported(cmk)
    if cmk.origin is not Origin.EXTERNAL:
        return tr_noop(
            "KeyActions",
            "Material can be imported only into a key created for imported material "
            "(origin External).",
        )
    if cmk.state is KeyState.PENDING_DELETION:
        return _frozen(cmk)
    if cmk.state is not KeyState.PENDING_IMPORT:
        return tr_noop(
            "KeyActions", "The key already has key material. Delete it first to import again."
        )
    return None


def _try_it(cmk: Cmk) -> str | None:
    if _unsupported(cmk) or cmk.key_usage not in (KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY):
        return _unsupported(cmk) or tr_noop(
            "KeyActions", "Keyferry tries keys that encrypt or sign, not this key's usage."
        )
    if cmk.state is KeyState.ENABLED:
        return None
    if cmk.state is KeyState.DISABLED:
        if cmk.key_usage is KeyUsage.SIGN_VERIFY:
            return tr_noop("KeyActions", "The key is Disabled: enable it to sign and verify.")
        return tr_noop("KeyActions", "The key is Disabled: enable it to encrypt and decrypt.")
    if cmk.state is KeyState.PENDING_IMPORT:
        return tr_noop("KeyActions", "The key has no key material: import material first.")
    return tr_noop("KeyActions", "A key pending deletion cannot be used.")


@dataclass(frozen=True)
class _Spec:
    """An action: its object name, text and tip (English, marked), and its refusal rule."""

    name: str
    text: str
    tip: str
    refusal: Callable[[Cmk], str | None]
    shortcut: str = ""


_SPECS = (
    _Spec(
        "enableAction",
        tr_noop("KeyActions", "&Enable"),
        tr_noop("KeyActions", "Enable the key so it can be used."),
        _enable,
        "Ctrl+E",
    ),
    _Spec(
        "disableAction",
        tr_noop("KeyActions", "&Disable"),
        tr_noop("KeyActions", "Disable the key: it cannot be used until it is enabled again."),
        _disable,
        "Ctrl+Shift+E",
    ),
    _Spec(
        "scheduleDeletionAction",
        tr_noop("KeyActions", "&Schedule deletion\u2026"),
        tr_noop("KeyActions", "Delete the key after a waiting period of 7 to 1096 days."),
        _schedule,
        "Del",
    ),
    _Spec(
        "cancelDeletionAction",
        tr_noop("KeyActions", "Ca&ncel deletion"),
        tr_noop("KeyActions", "Keep the key: cancel its scheduled deletion."),
        _cancel,
    ),
    _Spec(
        "editAliasAction",
        tr_noop("KeyActions", "Edit &alias and description\u2026"),
        tr_noop("KeyActions", "Change the key's alias and description."),
        _frozen,
        "F2",
    ),
    _Spec(
        "editTagsAction",
        tr_noop("KeyActions", "Edit ta&gs\u2026"),
        tr_noop("KeyActions", "Add, change or delete tags."),
        _frozen,
        "Ctrl+T",
    ),
    _Spec(
        "deleteMaterialAction",
        tr_noop("KeyActions", "Delete key &material\u2026"),
        tr_noop("KeyActions", "Delete the imported material; the key goes to Pending import."),
        _delete_material,
    ),
    _Spec(
        "reimportAction",
        tr_noop("KeyActions", "Im&port material again\u2026"),
        tr_noop("KeyActions", "Open the Import Key wizard at its download step for this key."),
        _reimport,
    ),
    _Spec(
        "tryItAction",
        tr_noop("KeyActions", "&Try it\u2026"),
        tr_noop(
            "KeyActions",
            "Encrypt a short text with the key and decrypt it back, or sign it and verify "
            "the signature.",
        ),
        _try_it,
        "Ctrl+R",
    ),
)


class KeyActions(QObject):
    """The actions on the selected key; ``update_for`` enables them by the key's state."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.actions: dict[str, QAction] = {}
        for spec in _SPECS:
            action = QAction(parent)
            action.setObjectName(spec.name)
            action.setIcon(action_icon(spec.name))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            self.actions[spec.name] = action
        self._for: tuple[Cmk | None, bool] = (None, False)
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def retranslate(self) -> None:
        """Every text again, in the current language."""
        for spec in _SPECS:
            action = self.actions[spec.name]
            action.setText(_tr(spec.text))
            # Toolbar buttons show the icon text, which Qt makes by dropping "&" and "...";
            # a Chinese text's mnemonic "(&D)" must go whole.
            action.setIconText(without_mnemonic(_tr(spec.text)).rstrip("\u2026"))
            action.setStatusTip(_tr(spec.tip))
        self.update_for(*self._for)

    def update_for(self, cmk: Cmk | None, busy: bool = False) -> None:
        """Enable what ``cmk``'s state allows; each refusal becomes the tooltip."""
        self._for = (cmk, busy)
        for spec in _SPECS:
            if cmk is None:
                reason: str | None = tr_noop("KeyActions", "Select a key first.")
            elif busy:
                reason = tr_noop("KeyActions", "Wait: an operation on this key is running.")
            else:
                reason = spec.refusal(cmk)
            action = self.actions[spec.name]
            action.setEnabled(reason is None)
            action.setToolTip(_tr(reason or spec.tip))
