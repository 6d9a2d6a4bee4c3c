"""In Simplified Chinese, nothing a user sees in the wizard is left in English: every page,
with a problem or two showing, through to the import. (The list window and its dialogs:
list_window/test_untranslated.py.)

The checker (``i18n_check``) strips data (codes, algorithm names, key IDs, file names, paths,
the keys' own aliases and tags) and allows only the explicit ``ALLOWED_TERMS``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from app.gui.wizard.flow_types import PageId
from tests.gui.i18n_check import assert_all_chinese, english_words
from tests.gui.wizard.wizard_driver import WizardDriver

# ------------------------------------------------------------------ the checker itself


def test_the_checker_finds_english_and_lets_data_and_allowed_terms_through() -> None:
    assert english_words("Import key material") == ["Import", "key", "material"]
    assert english_words("导入密钥(&I)…") == []
    assert english_words("KMS.2601：导入令牌已过期。") == []
    assert english_words("用 RSAES_OAEP_SHA_256 包装 /tmp/x/wrappingKey_1_2") == []
    assert english_words("密钥校验值（KCV）：A1B2C3") == []  # a KCV is data
    assert english_words("Key 已启用, Pending") == ["Key", "Pending"]
    assert english_words("密钥 payments/prod 已启用", ["payments/prod"]) == []
    assert english_words("<b>密钥</b> now") == ["now"]


# --------------------------------------------------------------------------- the wizard


@pytest.fixture
def chinese_wizard(chinese, make_wizard) -> WizardDriver:
    return make_wizard()


def test_every_wizard_page_is_in_chinese(chinese_wizard: WizardDriver, tmp_path: Path) -> None:
    d, folder = chinese_wizard, tmp_path / "downloads"
    folder.mkdir()
    assert d.wizard.windowTitle().startswith("导入密钥 — 本地引擎（")
    d.click("addTagButton")
    d.type("tagKeyEdit", "env")
    d.click("addTagButton")
    d.wizard.findChildren(QLineEdit, "tagKeyEdit")[1].setText("env")  # a tag key twice
    d.type("aliasEdit", "bad alias!")  # and an alias the rules refuse
    assert_all_chinese(d.wizard)
    problems = [label.text() for label in d.wizard.findChildren(QLabel, "tagProblemLabel")]
    assert problems == ["", "标签键 'env' 出现了两次：一个标签键只能有一个值。"]
    assert d.label("aliasProblemLabel").startswith("别名只能包含字母、数字")
    for _row in range(2):
        next(
            b for b in d.wizard.findChildren(QPushButton, "deleteTagButton") if b.isVisible()
        ).click()
    d.wait(lambda: d.wizard.flow.tags == ())
    d.create_key("imported-key")
    assert_all_chinese(d.wizard)  # Download import items (the security page came before)
    d.download(folder)
    d.find(QWidget, "apiCallToggle").click()
    assert_all_chinese(d.wizard, str(folder))
    api_call = d.find(QWidget, "apiCallText").toPlainText()  # code, but its notes are Chinese
    assert re.search(r'"public_key": ".+ \(\d+ 个字符\)"', api_call), api_call
    assert "characters" not in api_call
    d.next(PageId.WRAP)
    assert_all_chinese(d.wizard, str(folder))
    d.wrap_here()
    assert_all_chinese(d.wizard, str(folder))
    d.click("wrapOnHsmRadio")
    assert_all_chinese(d.wizard, str(folder))
    d.click("wrapHereRadio")
    d.next(PageId.MATERIAL)
    assert_all_chinese(d.wizard, str(folder))
    d.next(PageId.TOKEN)
    d.click("expiresOnRadio")
    assert_all_chinese(d.wizard, str(folder))
    d.click("neverExpiresRadio")
    d.finish()
    assert "导入成功" in d.notice()
    assert_all_chinese(d.wizard, str(folder))


def test_the_security_page_reads_in_chinese(chinese_wizard: WizardDriver) -> None:
    d = chinese_wizard
    d.type("aliasEdit", "scratch")
    d.next(PageId.SECURITY)
    text = d.find(QWidget, "securityText").toPlainText()
    assert "导入密钥的安全性和持久性" in text and "待导入" in text
    assert_all_chinese(d.wizard)
