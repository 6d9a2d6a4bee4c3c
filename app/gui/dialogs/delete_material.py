"""Delete key material: say what happens (the key goes to Pending import and cannot be used
until the same material is imported again) and ask the user to confirm they can."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from app.gui.dialogs.base import KeyDialog
from app.model.keys import Cmk


class DeleteMaterialDialog(KeyDialog):
    def __init__(
        self, cmk: Cmk, parent: QWidget | None = None, *, recorded_kcv: str | None = None
    ) -> None:
        super().__init__(
            parent,
            name="deleteMaterialDialog",
            title=self.tr("Delete the key material of %1").replace("%1", cmk.alias),
            ok_text=self.tr("&Delete material"),
            destructive=True,
        )
        self.set_intro(
            self.tr(
                "The key %1 goes to Pending import: it cannot encrypt or decrypt until you import "
                "its material again. Only the same material (KCV %2) can be imported into it, "
                "and data encrypted under it stays unreadable until then."
            )
            .replace("%1", cmk.alias)
            .replace("%2", self._kcv(cmk, recorded_kcv))
        )
        self.confirm = QCheckBox(self.tr("I &have a copy of this key material"), self)
        self.confirm.setObjectName("confirmCheck")
        self.confirm.setAccessibleName(self.tr("I have a copy of this key material"))
        self.confirm.toggled.connect(self.set_ready)
        self.form.addRow(self.confirm)
        self.first_field = self.confirm
        self.lock_while_busy(self.confirm)
        self.set_ready(False)

    def _kcv(self, cmk: Cmk, recorded: str | None) -> str:
        if cmk.kcv:
            return cmk.kcv
        if recorded:
            return self.tr("%1, as recorded at its import").replace("%1", recorded)
        return self.tr("not reported by this KMS, and no import recorded here")
