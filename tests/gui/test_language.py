"""The language: which one a system locale means, the choice remembered and applied at
start, Keyferry's and Qt's own texts translated, English again when chosen, and texts with
a file per language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QWizard

from app.gui import language as lang
from app.gui.language import CHINESE, ENGLISH, SYSTEM, language
from app.resources_locator import read_text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_CN", CHINESE),
        ("zh_SG", CHINESE),
        ("zh", CHINESE),
        ("zh_TW", ENGLISH),
        ("zh_HK", ENGLISH),
        ("en_US", ENGLISH),
        ("de_DE", ENGLISH),
        ("C", ENGLISH),
    ],
)
def test_the_system_locale_decides_unless_a_language_is_chosen(name: str, expected: str) -> None:
    locale = QLocale(name)
    assert lang.resolve(SYSTEM, locale) == expected
    assert lang.resolve(ENGLISH, locale) == ENGLISH
    assert lang.resolve(CHINESE, locale) == CHINESE


def test_a_chinese_system_gets_chinese_texts_and_qts_own_buttons(
    compiled_translations, qtbot
) -> None:
    assert language().apply(SYSTEM, system=QLocale("zh_CN")) == CHINESE
    assert QCoreApplication.translate("KeyState", "Pending import") == "待导入"
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "下一步(&N) >"  # Qt's own
    assert QLocale().language() == QLocale.Language.Chinese  # dates, numbers
    assert language().apply(ENGLISH) == ENGLISH
    assert QCoreApplication.translate("KeyState", "Pending import") == "Pending import"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"


def test_the_choice_is_remembered_and_applied_at_the_next_start(
    compiled_translations, qapp
) -> None:
    assert lang.saved_choice() == SYSTEM  # nothing chosen yet
    language().apply(CHINESE, remember=True)
    assert QSettings().value(lang.SETTINGS_KEY) == CHINESE
    language().apply(ENGLISH)  # as a new process would start: English, then the setting
    assert lang.install_language(qapp) is language()
    assert language().current == CHINESE and language().choice == CHINESE
    QSettings().setValue(lang.SETTINGS_KEY, "klingon")  # a hand-edited setting
    assert lang.saved_choice() == SYSTEM


def test_a_change_of_language_is_announced_once(compiled_translations, qtbot) -> None:
    with qtbot.waitSignal(language().changed) as changed:
        language().apply(CHINESE)
    assert changed.args == [CHINESE]
    with qtbot.assertNotEmitted(language().changed):
        language().apply(CHINESE)  # already in use


def test_a_text_with_a_file_per_language(compiled_translations) -> None:
    assert lang.localized("texts/security_and_durability.html") == (
        "texts/security_and_durability.html"
    )
    language().apply(CHINESE)
    name = lang.localized("texts/security_and_durability.html")
    assert name == "texts/security_and_durability.zh_CN.html"
    assert "导入密钥的安全性和持久性" in read_text(name)
    assert lang.localized("icons/keyferry.svg") == "icons/keyferry.svg"  # none: as it is


def test_the_compiled_translation_is_where_the_locator_looks(compiled_translations) -> None:
    from pathlib import Path

    assert Path(lang.translation_file(CHINESE)).is_file()
