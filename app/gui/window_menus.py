"""The list window's menus and toolbar: Key (with the key actions), View (find, reload and
the language), Connection, Help.

``WindowMenus`` builds them once with object names and no text, and ``retranslate`` writes
every text in the current language (at once, and again after a change of language). The
actions are children of the window, so tests and shortcuts find them there. What the
actions do is the window's business, except the language and the About dialog, which are
the same wherever they are chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
)

from app.gui import language as lang
from app.gui.formatting import without_mnemonic
from app.gui.icons import action_icon
from app.gui.key_actions import KeyActions

#: The key actions in the Key menu and the toolbar, by group.
KEY_GROUPS = (
    ("enableAction", "disableAction"),
    ("editAliasAction", "editTagsAction"),
    ("scheduleDeletionAction", "cancelDeletionAction"),
    ("deleteMaterialAction", "reimportAction"),
    ("tryItAction",),
)
#: The language actions' object names, by choice.
LANGUAGE_ACTIONS = {
    lang.SYSTEM: "languageSystemAction",
    lang.ENGLISH: "languageEnglishAction",
    lang.CHINESE: "languageChineseAction",
}


def _action(
    window: QMainWindow, name: str, shortcut: str | QKeySequence.StandardKey = ""
) -> QAction:
    action = QAction(window)
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    return action


class WindowMenus(QObject):
    """The menus, the toolbar and the window's own actions."""

    def __init__(self, window: QMainWindow, key_actions: KeyActions) -> None:
        super().__init__(window)
        self._window = window
        self.import_action = _action(window, "importKeyAction", "Ctrl+I")
        self.create_action = _action(window, "createKeyAction", "Ctrl+N")
        for action in (self.import_action, self.create_action):
            action.setIcon(action_icon(action.objectName()))
        self.search_action = _action(window, "focusSearchAction", QKeySequence.StandardKey.Find)
        self.reload_action = _action(window, "reloadAction", QKeySequence.StandardKey.Refresh)
        self.history_action = _action(window, "historyAction", "Ctrl+H")
        self.connect_remote_action = _action(window, "connectRemoteAction")
        self.use_local_action = _action(window, "useLocalAction")
        self.quit_action = _action(
            window, "quitAction", "Ctrl+Q"
        )  # StandardKey.Quit is empty on some platforms
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.help_action = _action(window, "helpAction", QKeySequence.StandardKey.HelpContents)
        self.about_action = _action(window, "aboutAction")
        self.about_qt_action = _action(window, "aboutQtAction")
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)
        self.language_actions = self._language_actions(window)
        self._store_open = True
        #: A line About adds (where the local store's master key is kept).
        self.about_note = ""
        self._history_available = True
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("keyToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.menus = self._build(window, key_actions)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        lang.language().changed.connect(self._check_language)
        self._check_language()
        self.retranslate()

    def _language_actions(self, window: QMainWindow) -> dict[str, QAction]:
        group = QActionGroup(self)
        group.setExclusive(True)
        actions = {}
        for choice, name in LANGUAGE_ACTIONS.items():
            action = _action(window, name)
            action.setCheckable(True)
            action.triggered.connect(
                lambda _checked=False, choice=choice: lang.language().apply(choice, remember=True)
            )
            group.addAction(action)
            actions[choice] = action
        return actions

    def _build(self, window: QMainWindow, key_actions: KeyActions) -> dict[str, QMenu]:
        bar = window.menuBar()
        menus = {name: bar.addMenu("") for name in ("key", "view", "connection", "help")}
        for name, menu in menus.items():
            menu.setObjectName(f"{name}Menu")
        menus["key"].addActions([self.import_action, self.create_action])
        menus["key"].setToolTipsVisible(True)  # a greyed action says why, as in the toolbar
        for group in KEY_GROUPS:
            menus["key"].addSeparator()
            self.toolbar.addSeparator()
            for name in group:
                menus["key"].addAction(key_actions[name])
                self.toolbar.addAction(key_actions[name])
        menus["key"].addSeparator()
        menus["key"].addAction(self.quit_action)
        menus["view"].addActions([self.search_action, self.reload_action, self.history_action])
        menus["view"].setToolTipsVisible(True)
        menus["view"].addSeparator()
        menus["language"] = menus["view"].addMenu("")
        menus["language"].setObjectName("languageMenu")
        menus["language"].addActions(list(self.language_actions.values()))
        menus["connection"].addActions([self.connect_remote_action, self.use_local_action])
        menus["help"].addActions([self.help_action, self.about_action, self.about_qt_action])
        return menus

    def set_store_open(self, is_open: bool) -> None:
        """Import Key and Create Key need the store: while it is not open they are greyed,
        and say why."""
        self._store_open = is_open
        reason = self.tr("The key store is not open. View > Reload tries again.")
        for action in (self.import_action, self.create_action):
            action.setEnabled(is_open)
            action.setToolTip(without_mnemonic(action.text()) if is_open else reason)

    def set_history_available(self, available: bool) -> None:
        """View > History reads the local store's audit log; a remote KMS keeps its own."""
        self._history_available = available
        self.history_action.setEnabled(available)
        self.history_action.setToolTip(
            without_mnemonic(self.history_action.text())
            if available
            else self.tr(
                "This KMS keeps no audit log Keyferry can read: see its own trace service."
            )
        )

    def _check_language(self, *_args: object) -> None:
        self.language_actions[lang.language().choice].setChecked(True)

    def retranslate(self) -> None:
        texts = {
            "key": self.tr("&Key"),
            "view": self.tr("&View"),
            "connection": self.tr("&Connection"),
            "help": self.tr("&Help"),
            "language": self.tr("&Language"),
        }
        for name, text in texts.items():
            self.menus[name].setTitle(text)
        self.toolbar.setWindowTitle(self.tr("Key actions"))
        more = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # Qt's own ">>" button, shown when a narrow window hides actions
            more.setAccessibleName(self.tr("More key actions"))
            more.setToolTip(self.tr("More key actions"))
        for action, text in (
            (self.import_action, self.tr("&Import Key\u2026")),
            (self.create_action, self.tr("&Create Key\u2026")),
            (self.quit_action, self.tr("&Quit")),
            (self.help_action, self.tr("Keyferry &Help")),
            (self.search_action, self.tr("&Find")),
            (self.reload_action, self.tr("&Reload")),
            (self.history_action, self.tr("&History\u2026")),
            (self.connect_remote_action, self.tr("Connect to a &remote KMS\u2026")),
            (self.use_local_action, self.tr("Use the &local engine")),
            (self.about_action, self.tr("&About Keyferry")),
            (self.about_qt_action, self.tr("About &Qt")),
        ):
            action.setText(text)
        self.set_store_open(self._store_open)
        self.set_history_available(self._history_available)
        self.language_actions[lang.SYSTEM].setText(self.tr("&System language"))
        for choice in (lang.ENGLISH, lang.CHINESE):
            self.language_actions[choice].setText(lang.NAMES[choice])
        self.language_actions[lang.SYSTEM].setToolTip(
            self.tr("Follow the language of this computer (English unless it is Chinese).")
        )

    def _on_about_action_triggered(self) -> None:
        from app.gui.dialogs.about import AboutDialog

        AboutDialog(self._window, note=self.about_note).open()
