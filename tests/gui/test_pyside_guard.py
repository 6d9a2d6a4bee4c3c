"""A guard against a PySide6 regression: 6.12.0 (on Python 3.11, where None is not immortal)
returns ``None`` for an empty QVariant without taking a reference, so every
``index.data(role)`` with no data, ``QObject.property`` of an unset name or ``itemData`` of a
plain combo item drops one reference to None, and after a few thousand the process aborts
("none_dealloc"). pyproject keeps below 6.12; this test fails if a release like it returns."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItemModel


def test_empty_qvariants_keep_none_s_reference_count(qapp: object) -> None:
    model = QStandardItemModel(1, 1)
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
        assert holder.property("unset") is None
    assert sys.getrefcount(None) >= before - 10  # small noise from other objects is fine
