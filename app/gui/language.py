"""The language of the user interface: English, or Simplified Chinese.

By default the language follows the system locale (``QLocale.system()``): Chinese in the
simplified script gets Simplified Chinese, every other locale English. View > Language
overrides it, and the choice is remembered in QSettings (``ui/language``: ``system``, ``en``
or ``zh_CN``).

English is the sources' language; its translator holds only plural forms ("1 key", "2
keys": ``keyferry_en.qm``, from ``lupdate -pluralonly``), as Qt recommends for texts with
``%n``. Another language is two translators on the application: Keyferry's own
(``resources/translations/keyferry_<lang>.qm``, compiled from the Qt Linguist source by
``packaging/build_translations.py``) and Qt's (``qtbase_<lang>.qm``, shipped with PySide6:
the wizard's Back and Next, Cancel, the file dialogs). Installing them makes Qt send every
widget a ``LanguageChange`` event: the list window retranslates itself at once, and every
window opened later is built in the new language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

from app.resources_locator import resources_dir

log = logging.getLogger(__name__)

SETTINGS_KEY = "ui/language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
#: What the user can choose, in the menu's order.
CHOICES = (SYSTEM, ENGLISH, CHINESE)
#: Each language by its own name (an autonym: a user who cannot read the current language
#: still finds theirs).
NAMES = {ENGLISH: "English", CHINESE: "\u7b80\u4f53\u4e2d\u6587"}
_LOCALES = {
    ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    CHINESE: QLocale(
        QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China
    ),
}


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language (``en`` or ``zh_CN``) a choice means on a system with that locale."""
    if choice in (ENGLISH, CHINESE):
        return choice
    locale = system if system is not None else QLocale.system()
    if (
        locale.language() == QLocale.Language.Chinese
        and locale.script() != QLocale.Script.TraditionalHanScript
    ):
        return CHINESE
    return ENGLISH


def saved_choice() -> str:
    """The remembered choice (``system`` when none, or when the value is not one we know)."""
    value = QSettings().value(SETTINGS_KEY, SYSTEM)
    return value if value in CHOICES else SYSTEM


def translation_file(language: str) -> str:
    """Where Keyferry's compiled translation for ``language`` is (it may be missing)."""
    return str(resources_dir() / "translations" / f"keyferry_{language}.qm")


class Language(QObject):
    """The application's language; one per application (``language()`` finds it)."""

    #: The language in use changed (``en`` or ``zh_CN``).
    changed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("keyferryLanguage")
        self._translators: list[QTranslator] = []
        #: What the user chose (``system``, ``en`` or ``zh_CN``) and what it means here.
        self.choice = SYSTEM
        self.current = ENGLISH
        self._install(ENGLISH)

    def apply(self, choice: str, *, remember: bool = False, system: QLocale | None = None) -> str:
        """Use the language ``choice`` means (and remember the choice when asked); returns
        the language now in use."""
        if choice not in CHOICES:
            raise ValueError(f"not a language choice: {choice!r}")
        if remember:
            QSettings().setValue(SETTINGS_KEY, choice)
        base = system if system is not None else QLocale.system()
        language = resolve(choice, base)
        self.choice = choice
        # Dates and numbers: the system's conventions unless a language was chosen.
        QLocale.setDefault(base if choice == SYSTEM else _LOCALES[language])
        if language != self.current:
            self._install(language)
            self.current = language
            self.changed.emit(language)
        return language

    def _install(self, language: str) -> None:
        app = _application()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        paths = [translation_file(language)]
        if language != ENGLISH:  # Qt's own texts are English already
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            paths.append(f"{qt_folder}/qtbase_{language}.qm")
        for path in paths:
            translator = QTranslator(self)
            if translator.load(path):
                app.installTranslator(translator)
                self._translators.append(translator)
            else:  # the program still works, in English where this file would have spoken
                log.warning("the translation %s could not be loaded", path)


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the language needs a running Qt application")
    return app


def language() -> Language:
    """The application's ``Language`` (made, in English, if nothing has installed one)."""
    app = _application()
    found = app.findChild(Language, "keyferryLanguage")
    return found if found is not None else Language(app)


def localized(name: str) -> str:
    """The resource ``name`` in the language in use, when it has its own file there
    (``texts/x.zh_CN.html`` beside ``texts/x.html``); else ``name`` itself."""
    current = language().current
    stem, dot, suffix = name.rpartition(".")
    if current != ENGLISH and dot:
        candidate = f"{stem}.{current}.{suffix}"
        if (resources_dir() / candidate).is_file():
            return candidate
    return name


def install_language(app: QCoreApplication) -> Language:
    """At start: the remembered choice (or the system's language), installed on ``app``."""
    chosen = app.findChild(Language, "keyferryLanguage") or Language(app)
    chosen.apply(saved_choice())
    return chosen
