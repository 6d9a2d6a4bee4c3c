"""Help > About Keyferry: the version, the Qt, PySide6 and Python it runs on, and the licence
of every library it bundles.

Versions and licences are read from the installed packages' metadata (``importlib.metadata``:
``License-Expression``, else ``License``, else the licence classifier), starting from
Keyferry's own requirements and following theirs, so the list is what is really installed.
Where the metadata is missing (a frozen bundle may drop it), the licence the project
publishes is shown instead, marked as such.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import app
from app.gui.geometry import chars, fit_dialog
from app.gui.icons import application_icon

#: Keyferry's runtime requirements, for when its own metadata cannot be read.
DIRECT = (
    "PySide6-Essentials",
    "cryptography",
    "keyring",
    "platformdirs",
    "aiohttp",
    "huaweicloudsdkkms",
)
#: The licences these projects publish, for a bundle without their metadata.
PUBLISHED = {
    "PySide6-Essentials": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "shiboken6": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "cryptography": "Apache-2.0 OR BSD-3-Clause",
    "keyring": "MIT",
    "platformdirs": "MIT",
    "aiohttp": "Apache-2.0 AND MIT",
    "huaweicloudsdkkms": "Apache-2.0",
    "huaweicloudsdkcore": "Apache-2.0",
}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_EXTRA = re.compile(r";.*\bextra\s*==")


@dataclass(frozen=True)
class Component:
    name: str
    version: str  # "" when unknown
    licence: str
    direct: bool  # a requirement of Keyferry itself, not of another library
    from_metadata: bool = True


def _licence(dist: metadata.Distribution) -> str:
    meta: Any = dist.metadata  # an email.message.Message; typeshed's PackageMetadata lacks get
    expression = meta.get("License-Expression")
    if expression:
        return str(expression).strip()
    text = str(meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:  # a name, not the licence's full text
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return ", ".join(classifiers)


def _requirements(name: str) -> list[str]:
    """The distributions ``name`` needs at run time (not its extras)."""
    found = []
    for requirement in metadata.requires(name) or []:
        if _EXTRA.search(requirement):
            continue
        match = _NAME.match(requirement)
        if match:
            found.append(match.group())
    return found


def bundled_components() -> list[Component]:
    """Keyferry's libraries and theirs: direct ones first, then the rest by name."""
    try:
        direct = _requirements("keyferry")
    except metadata.PackageNotFoundError:
        direct = list(DIRECT)
    seen: dict[str, Component] = {}
    queue = [(name, True) for name in direct]
    while queue:
        name, is_direct = queue.pop(0)
        key = name.lower().replace("_", "-").replace(".", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            if name in PUBLISHED:  # bundled without its metadata
                seen[key] = Component(name, "", PUBLISHED[name], is_direct, from_metadata=False)
            continue  # not installed: a requirement for another platform
        seen[key] = Component(
            dist.metadata["Name"] or name,
            dist.version,
            _licence(dist) or PUBLISHED.get(name, ""),
            is_direct,
        )
        queue.extend((dep, False) for dep in _requirements(name))
    return sorted(seen.values(), key=lambda c: (not c.direct, c.name.lower()))


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, note: str = "") -> None:
        """``note``: a line about this session (where the master key is kept)."""
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Keyferry"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        icon = QLabel(self, objectName="aboutIcon")
        icon.setPixmap(application_icon().pixmap(64, 64))
        title = QLabel(self, objectName="aboutTitleLabel")
        title.setText(f"<h2>Keyferry {app.__version__}</h2>")
        summary = QLabel(
            self.tr("Bring your own key material into a key management service, step by step."),
            self,
            objectName="aboutSummaryLabel",
            wordWrap=True,
        )
        versions = QLabel(self, objectName="aboutVersionsLabel", wordWrap=True)
        versions.setText(
            self.tr("Runs on Qt %1, PySide6 %2 and Python %3.")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version())
        )
        versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QHBoxLayout()
        heading.addWidget(icon)
        text = QVBoxLayout()
        for label in (title, summary, versions):
            text.addWidget(label)
        if note:
            text.addWidget(QLabel(note, self, objectName="aboutNoteLabel", wordWrap=True))
        heading.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Keyferry is licensed under Apache-2.0. It bundles these "
                    "libraries, each under its own licence:"
                ),
                self,
                wordWrap=True,
            )
        )
        layout.addWidget(self._components(), 1)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Qt and PySide6 are used under the GNU Lesser General Public License "
                    "version 3: "
                    "you may replace them with your own build of the same version."
                ),
                self,
                objectName="lgplNoteLabel",
                wordWrap=True,
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_dialog(self, chars(self, 84))

    def _components(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("licenceTree")
        tree.setAccessibleName(self.tr("Bundled libraries and their licences"))
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        rows = [("Python", platform.python_version(), "PSF-2.0"), ("Qt", qVersion(), _qt_licence())]
        for component in bundled_components():
            licence = component.licence or self.tr("(not stated)")
            if not component.from_metadata:
                licence = self.tr("%1 (as published; not in this build's metadata)").replace(
                    "%1", licence
                )
            rows.append((component.name, component.version or "?", licence))
        for name, version, licence in rows:
            item = QTreeWidgetItem([name, version, licence])
            item.setToolTip(2, licence)
            tree.addTopLevelItem(item)
        for column in range(2):
            tree.resizeColumnToContents(column)
        return tree


def _qt_licence() -> str:
    """Qt comes inside PySide6-Essentials, under the same terms."""
    try:
        return _licence(metadata.distribution("PySide6-Essentials"))
    except metadata.PackageNotFoundError:
        return PUBLISHED["PySide6-Essentials"]
