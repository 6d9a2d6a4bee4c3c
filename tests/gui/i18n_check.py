"""Finding English left in a user interface that should speak Chinese.

``visible_texts(root)`` collects what a user sees (or hears) in a window: window titles,
labels, buttons, placeholders, tooltips, status tips, What's This texts, accessible names,
combo box items, spin box suffixes, rich text views, the header and cells of item views,
menus and toolbar actions (all of them: a menu opens on demand), the status bar and the
wizard's page titles. ``english_words(text)`` then strips what is data, not language
(codes, algorithm names, key IDs, file names, paths, URLs, the test's own user data) and
returns every ASCII word left that is not one of ``ALLOWED_TERMS``: the short, explicit
list of names a Chinese interface keeps in Latin letters, as Huawei Cloud's Chinese console
does.
"""

from __future__ import annotations

import html
import importlib.util
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QTextBrowser,
    QToolBar,
    QWidget,
    QWizard,
)

ROOT = Path(__file__).resolve().parents[2]

#: Words a Chinese interface keeps in Latin letters, and why.
ALLOWED_TERMS = frozenset(
    {
        # product and platform names
        "Keyferry",
        "Qt",
        "PySide6",
        "Python",
        "GNU",
        "LGPL",
        # the KMS's own vocabulary, in Latin letters in the Chinese console too
        "KMS",
        "CMK",
        "HSM",
        "KCV",
        "API",
        "AK",
        "SK",
        "ID",
        # protocols, formats and algorithms
        "UTC",
        "URL",
        "JSON",
        "DNS",
        "TLS",
        "HTTP",
        "HTTPS",
        "http",
        "https",
        "CA",
        "RSA",
        "AES",
        "CMAC",
        "ECB",
        "OAEP",
        "SHA",
        "PKCS",
        "DER",
        "PEM",
        "Base64",
        "README",
        "openssl",
        # units, written as symbols in Chinese software too
        "KiB",
        "MiB",
        "GiB",
        # the language menu names each language in that language (an autonym)
        "English",
    }
)
#: Widgets whose content is code, shown as code in every language (openssl command lines,
#: the API call's JSON, a ciphertext); their titles and accessible names are still checked.
CODE_WIDGETS = frozenset({"commandLine", "apiCallText", "ciphertextView"})
#: Item views whose cells are names, not sentences (the About dialog's libraries, versions
#: and SPDX licence identifiers); their headers are still checked.
NAME_VIEWS = frozenset({"licenceTree"})

_DATA = [
    re.compile(r"\b(?:KMS|APIGW|NET|HTTP)\.\d{3,4}\b"),  # error codes
    re.compile(r"https?://\S*"),  # URLs, and a scheme alone
    re.compile(r"\b(?:wrappingKey|importToken|README)_\S*"),  # the downloaded files
    re.compile(r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b"),  # RSAES_OAEP_SHA_256, AES_256
    re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"),  # key IDs
    re.compile(r"\b\w+\.(?:bin|txt|html|qm|ts)\b"),  # file names
    re.compile(r"(?<![\w])(?:~|/)[^\s，。：；、（）()“”]*"),  # paths
    re.compile(r"\(&?[A-Z]\)|&(?=\w)"),  # mnemonics: "(&K)" or "(K)" after Chinese, "&X"
    re.compile(r"\b(?:local|remote):[\w.@-]+"),  # who did it (the audit log's actor)
    re.compile(r"\b(?:encrypt-data|decrypt-data|get-parameters-for-import)\b"),  # API names
    re.compile(r"\bopenssl (?:rand|pkeyutl|rsautl|enc)\b"),  # openssl commands
    re.compile(r"(?:xxd -r -p|base64 -d) IN > OUT"),  # the shell commands in a hint
    re.compile(r"\bkeyferry serve\b"),  # Keyferry's own command
    re.compile(r"--[a-z][a-z-]+(?: [A-Z]+)?"),  # command-line options: --master-key-file PATH
    re.compile(r"\b(?:Secret Service|D-Bus|gnome-keyring)\b"),  # a standard, a bus, a program
    re.compile(r"\b[0-9A-F]{6}\b"),  # key check values (3 bytes in hex)
    re.compile(r"\b(?:Apache|LGPL|GPL|MIT|BSD|MPL|PSF)-[\w.-]+"),  # SPDX licence identifiers
    re.compile(r"\b\d+(?:\.\d+)*\b"),  # numbers and versions
]
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]*")
#: The tags of the rich text Keyferry writes (not "<region>" in a placeholder).
_TAG = re.compile(r"</?(?:b|i|p|h\d|ul|ol|li|code|br|a|span|div)\b[^>]*>")


def build_translations() -> ModuleType:
    """packaging/build_translations.py as a module (packaging/ is not a package)."""
    path = ROOT / "packaging" / "build_translations.py"
    spec = importlib.util.spec_from_file_location("build_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plain(text: str) -> str:
    """Rich text as the words it shows."""
    return html.unescape(_TAG.sub(" ", text)) if _TAG.search(text) else text


def english_words(text: str, user_data: Iterable[str] = ()) -> list[str]:
    """The ASCII words of ``text`` that are neither data nor allowed terms."""
    text = plain(text)
    for value in sorted(user_data, key=len, reverse=True):  # longest first: "env=prod"
        if value:  # whole values only: "env" is data, "environment" is not
            text = re.sub(rf"(?<![\w/.-]){re.escape(value)}(?![\w/.-])", " ", text)
    for pattern in _DATA:
        text = pattern.sub(" ", text)
    return [word for word in _WORD.findall(text) if word not in ALLOWED_TERMS]


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield from (
        widget.toolTip(),
        widget.whatsThis(),
        widget.accessibleName(),
        widget.accessibleDescription(),
        widget.statusTip(),
    )
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QSpinBox):
        yield from (widget.prefix(), widget.suffix(), widget.specialValueText())
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTextBrowser):
        yield widget.toPlainText()
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from _view_texts(widget)
    if isinstance(widget, QWizard) and widget.currentPage() is not None:
        yield from (widget.currentPage().title(), widget.currentPage().subTitle())


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    # By index, not rowCount/columnCount: some of Qt's own models keep those private.
    columns = 0
    while model.index(0, columns).isValid():
        columns += 1
    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    if header is not None and header().isVisible():
        for column in range(header().count()):
            for role in roles:
                yield str(model.headerData(column, Qt.Orientation.Horizontal, role) or "")
    if view.objectName() in NAME_VIEWS:
        return
    row = 0
    while model.index(row, 0).isValid():
        for column in range(max(columns, 1)):
            for role in roles:
                yield str(model.index(row, column).data(role) or "")
        row += 1


def _action_texts(actions: Iterable[QAction]) -> Iterator[str]:
    for action in actions:
        if action.isSeparator():
            continue
        yield from (action.text(), action.toolTip(), action.statusTip(), action.whatsThis())
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            yield from _action_texts(menu.actions())


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user meets in ``root``'s visible widgets, its menus
    and its toolbars."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _in_code(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        for text in _widget_texts(widget):
            if text:
                yield where, text
    if isinstance(root, QMainWindow):
        yield from (("menu bar", t) for t in _action_texts(root.menuBar().actions()))
        for toolbar in root.findChildren(QToolBar):
            yield f"toolbar {toolbar.objectName()!r}", toolbar.windowTitle()
            yield from (
                (f"toolbar {toolbar.objectName()!r}", t) for t in _action_texts(toolbar.actions())
            )
        yield "status bar", root.statusBar().currentMessage()
        # Every action of the window, in a menu or not (the table's context menu, shortcuts).
        yield from (("window actions", t) for t in _action_texts(root.findChildren(QAction)))


def _in_code(widget: QWidget) -> bool:
    """Code widgets are skipped whole; their titles (a label, a toggle) are checked."""
    return widget.objectName() in CODE_WIDGETS


def untranslated(root: QWidget, user_data: Iterable[str] = ()) -> list[str]:
    """Every text in ``root`` with English words left, as "where: text [words]"."""
    data = list(user_data)
    found = []
    for where, text in visible_texts(root):
        words = english_words(text, data)
        if words:
            found.append(f"{where}: {text!r} {words}")
    return sorted(set(found))


#: What the seeded keys (list_window/conftest.py) and the wizard's inputs hold: user data,
#: shown as typed in any language.
USER_DATA = (
    "payments/prod",
    "Card payments at rest",
    "ledger/archive",
    "byok/hsm-2026",
    "byok/waiting",
    "Waiting for the key ceremony",
    "old/retired",
    "env=prod",
    "team=payments",
    "source=hsm",
    "env",
    "prod",
    "team",
    "payments",
    "source",
    "hsm",
    "imported-key",
    "local-engine",
    "scratch",
    "default",
    "payments/imported-2026",
)  # the last: the Key page's example of an alias


def assert_all_chinese(root: QWidget, *extra: str) -> None:
    """Fails with every English text left in ``root``; ``extra``: more user data."""
    left = untranslated(root, USER_DATA + extra)
    assert left == [], "\n".join(left)
