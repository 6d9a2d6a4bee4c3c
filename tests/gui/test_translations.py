"""The translation sources and their build: every text of the GUI is in the .ts and
translated, each translation keeps its placeholders, shortcut and markup, the catalogue of
the model's sentences matches the model, and the .qm files build (again, and not from a
broken source)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.gui import formatting as fmt
from app.model.catalogue import MESSAGES
from app.model.importing import WrappingAlgorithm
from tests.gui.i18n_check import ROOT, build_translations

TS = ROOT / "resources" / "translations" / "keyferry_zh_CN.ts"
_PLACEHOLDERS = re.compile(r"%(?:\d|n|s)")
_FIELDS = re.compile(r"\{[^{}]*\}")  # a message's named arguments: {path}, {alias!r}
_TAGS = re.compile(r"</?(b|i|p|h\d|ul|ol|li|code|br|a|span|div)\b")


def messages() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations) of every message in the Chinese source."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.findall("numerusform")]
            found.append(
                (name, message.findtext("source") or "", forms or [translation.text or ""])
            )
    return found


def test_the_chinese_source_is_complete_and_up_to_date_with_the_code() -> None:
    """What scripts/update_translations.py --check says: lupdate finds no new text and no
    text without a finished translation."""
    done = subprocess.run(
        [sys.executable, "scripts/update_translations.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_translation_keeps_placeholders_shortcut_and_markup() -> None:
    found = messages()
    assert len(found) > 450
    for context, source, forms in found:
        for text in forms:
            where = f"{context}: {source!r} -> {text!r}"
            assert text.strip(), where
            assert sorted(_PLACEHOLDERS.findall(text)) == sorted(_PLACEHOLDERS.findall(source)), (
                where
            )
            if context in MESSAGES:
                assert sorted(_FIELDS.findall(text)) == sorted(_FIELDS.findall(source)), where
            if re.search(r"&\w", source):  # a shortcut: Chinese keeps it as "(&X)"
                assert re.search(r"\(&[A-Z]\)|^&|[A-Za-z]&\w", text), where
                assert (
                    re.search(r"&(\w)", source)[1].upper()
                    == re.search(  # type: ignore
                        r"&(\w)", text
                    )[1].upper()
                ), where
            assert _TAGS.findall(text) == _TAGS.findall(source), where
            assert ("\u2026" in text or "..." in text) == ("\u2026" in source or "..." in source), (
                where
            )  # "more to come"


def test_every_message_id_has_a_chinese_translation_of_its_own_template() -> None:
    """Translated by identity: the id is the context, its English template the source."""
    translated = {context: (source, forms) for context, source, forms in messages()}
    for message_id, english in MESSAGES.items():
        assert message_id in translated, f"{message_id} has no Chinese translation"
        source, forms = translated[message_id]
        assert source == english, f"{message_id}: the .ts translates an older wording"
        words = re.search("[A-Za-z]", _FIELDS.sub("", english))  # "{detail}" has none
        assert forms[0].strip() and (forms[0] != english or not words), message_id


def test_every_chinese_message_fills_in_with_its_arguments() -> None:
    """str.format accepts each translation with the template's own arguments."""
    translated = {context: forms[0] for context, _source, forms in messages()}
    for message_id, english in MESSAGES.items():
        names = {
            field.strip("{}").split("!")[0].split(":")[0] for field in _FIELDS.findall(english)
        }
        values = {name: 7 for name in names if name}
        assert translated[message_id].format(**values), message_id


def test_the_algorithm_descriptions_are_the_models_own_in_english() -> None:
    for algorithm in WrappingAlgorithm:
        assert fmt.algorithm_description(algorithm) == algorithm.description


def test_the_build_is_idempotent_and_writes_a_loadable_file(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TS, folder)
    builder = build_translations()
    assert [p.name for p in builder.build(folder)] == ["keyferry_zh_CN.qm"]
    assert builder.build(folder) == []  # up to date: nothing to do
    translator = QTranslator()
    assert translator.load(str(folder / "keyferry_zh_CN.qm"))
    assert translator.translate("KeyState", "Pending import") == "待导入"


def test_a_broken_source_fails_the_build_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "keyferry_xx.ts").write_text("<TS><context><name>", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_translations.py"),
            "--folder",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "keyferry_xx.ts" in done.stderr
    assert not (folder / "keyferry_xx.qm").exists()


@pytest.mark.parametrize("text", ["&Key", "保存(&S)"])
def test_a_shortcut_letter_is_dropped_for_screen_readers(text: str) -> None:
    assert "&" not in fmt.without_mnemonic(text)
    assert "(" not in fmt.without_mnemonic(text)


def test_texts_are_marked_with_the_typed_tr_noop_which_lupdate_is_told_about() -> None:
    """lupdate is told tr_noop stands for QT_TRANSLATE_NOOP (scripts/update_translations.py)
    and then no longer looks for Qt's untyped function: a text marked with it would never
    reach the .ts."""
    for path in (ROOT / "app").rglob("*.py"):
        assert "QT_TRANSLATE_NOOP(" not in path.read_text(encoding="utf-8"), path
    from app.model.messages import tr_noop

    assert tr_noop("KeyActions", "Select a key first.") == "Select a key first."
