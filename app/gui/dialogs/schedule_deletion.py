"""Schedule deletion: the waiting period (7 to 1096 days, 7 by default), the date the key
will be deleted, and the warning that after that date nothing can bring it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from app.gui.dialogs.base import KeyDialog
from app.gui.formatting import DAY_MS, local_and_utc
from app.gui.widgets.notice import Kind, Notice
from app.model import rules
from app.model.keys import Cmk


class ScheduleDeletionDialog(KeyDialog):
    def __init__(self, cmk: Cmk, now_ms: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            name="scheduleDeletionDialog",
            title=self.tr("Schedule deletion of %1").replace("%1", cmk.alias),
            ok_text=self.tr("&Schedule deletion"),
            destructive=True,
        )
        self._now_ms = now_ms
        self.set_intro(
            self.tr(
                "The key %1 will be deleted when the waiting period ends. Until then it cannot be "
                "used, and you can cancel the deletion."
            ).replace("%1", cmk.alias)
        )
        self.days = QSpinBox(self)
        self.days.setObjectName("pendingDaysSpin")
        self.days.setRange(rules.PENDING_DAYS_MIN, rules.PENDING_DAYS_MAX)
        self.days.setValue(rules.PENDING_DAYS_MIN)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Waiting period in days"))
        self.days.valueChanged.connect(self._on_days_valueChanged)
        label = QLabel(self.tr("&Waiting period (7 to 1096 days):"), self)
        label.setBuddy(self.days)
        self.form.addRow(label, self.days)
        self.date_label = QLabel(self)
        self.date_label.setObjectName("deletionDateLabel")
        self.form.addRow(self.tr("Deleted on:"), self.date_label)
        self.warning = Notice(self, object_name="irreversibleNotice")
        self.warning.show_text(
            self.tr(
                "After that date the deletion cannot be undone: the key and its material are "
                "gone, and data encrypted under it can never be decrypted again."
            ),
            Kind.WARNING,
        )
        self.form.addRow(self.warning)
        self.first_field = self.days
        self.lock_while_busy(self.days)
        self._on_days_valueChanged(self.days.value())

    def pending_days(self) -> int:
        return self.days.value()

    def deletion_ms(self) -> int:
        return self._now_ms() + self.days.value() * DAY_MS

    def _on_days_valueChanged(self, _days: int) -> None:
        self.date_label.setText(local_and_utc(self.deletion_ms()))
        self.date_label.setAccessibleName(self.date_label.text())
