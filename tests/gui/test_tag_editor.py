"""The tag editor, driven by object names as a user would: add, type, delete, and the model's
rules shown beside the offending row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableWidget, QWidget

from app.gui.widgets.tag_editor import TagEditor, tag_problems
from app.model.keys import Tag


@pytest.fixture
def editor(qtbot) -> TagEditor:
    widget = TagEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    return widget


def rows(editor: TagEditor) -> list[tuple[QLineEdit, QLineEdit, QPushButton, QLabel]]:
    """Each row's key edit, value edit, Delete button and problem label, in table order."""
    table = editor.findChild(QTableWidget, "tagsTable")
    found = []
    for row in range(table.rowCount()):
        cells = [table.cellWidget(row, column) for column in range(4)]
        expected = ["tagKeyEdit", "tagValueEdit", "deleteTagButton", "tagProblemLabel"]
        assert [cell.objectName() for cell in cells] == expected
        found.append(tuple(cells))
    return found


def add(qtbot, editor: TagEditor, key: str, value: str = "") -> None:
    qtbot.mouseClick(editor.findChild(QPushButton, "addTagButton"), Qt.MouseButton.LeftButton)
    key_edit, value_edit, _, _ = rows(editor)[-1]
    qtbot.keyClicks(key_edit, key)
    qtbot.keyClicks(value_edit, value)


def test_typed_rows_become_tags(qtbot, editor):
    with qtbot.waitSignal(editor.changed):
        add(qtbot, editor, "env", "prod")
    add(qtbot, editor, "team", "")
    assert editor.tags() == [Tag("env", "prod"), Tag("team", "")]
    assert editor.isValid()
    assert editor.findChild(QLabel, "tagCountLabel").text() == "2 of 10 tags"


def test_a_blank_row_is_not_a_tag_and_not_an_error(qtbot, editor):
    add(qtbot, editor, "env", "prod")
    qtbot.mouseClick(editor.findChild(QPushButton, "addTagButton"), Qt.MouseButton.LeftButton)
    assert editor.tags() == [Tag("env", "prod")]
    assert editor.isValid()
    assert all(problem.text() == "" for *_, problem in rows(editor))


def test_second_use_of_a_tag_key_is_shown_beside_that_row(qtbot, editor):
    add(qtbot, editor, "env", "prod")
    add(qtbot, editor, "env", "test")
    (_, _, _, first), (_, _, _, second) = rows(editor)
    assert first.text() == ""
    assert "appears twice" in second.text()
    assert "KMS.0413" in second.toolTip()
    assert not editor.isValid()


@pytest.mark.parametrize(
    ("key", "value", "code", "words"),
    [
        ("k" * 37, "", "KMS.0411", "1 to 36 characters"),
        ("ok", "v" * 44, "KMS.0410", "at most 43 characters"),
        ("a=b", "", "KMS.0406", "tag key cannot contain"),
        ("ok", "x<y", "KMS.0405", "tag value cannot contain"),
        ("", "orphan value", "KMS.0411", "1 to 36 characters"),
    ],
)
def test_model_rules_are_shown_beside_the_row(qtbot, editor, key, value, code, words):
    add(qtbot, editor, key, value)
    ((_, _, _, problem),) = rows(editor)
    assert words in problem.text()
    assert problem.toolTip().startswith(code)
    assert not editor.isValid()


def test_fixing_the_row_clears_its_problem(qtbot, editor):
    add(qtbot, editor, "a=b", "")
    key_edit, _, _, problem = rows(editor)[0]
    key_edit.clear()
    qtbot.keyClicks(key_edit, "ab")
    assert problem.text() == ""
    assert editor.isValid()


def test_delete_removes_exactly_its_row(qtbot, editor):
    for n in range(3):
        add(qtbot, editor, f"k{n}", f"v{n}")
    _, _, delete, _ = rows(editor)[1]
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert editor.tags() == [Tag("k0", "v0"), Tag("k2", "v2")]
    assert editor.findChild(QTableWidget, "tagsTable").rowCount() == 2
    assert QApplication.focusWidget() is rows(editor)[1][0]


def test_at_most_ten_rows(qtbot, editor):
    for n in range(10):
        add(qtbot, editor, f"k{n}")
    add_button = editor.findChild(QPushButton, "addTagButton")
    assert not add_button.isEnabled()
    assert editor.isValid()
    rows(editor)[0][2].click()
    assert add_button.isEnabled()


def test_set_tags_shows_them_and_an_eleventh_is_refused(qtbot, editor):
    editor.setTags([Tag(f"k{n}", "v") for n in range(11)])
    assert editor.findChild(QTableWidget, "tagsTable").rowCount() == 11
    assert "at most 10 tags" in rows(editor)[10][3].text()
    assert not editor.isValid()
    editor.setTags([Tag("one", "1")])
    assert editor.tags() == [Tag("one", "1")]
    assert editor.isValid()


def test_every_row_widget_has_an_accessible_name(qtbot, editor):
    add(qtbot, editor, "a", "b")
    add(qtbot, editor, "c", "d")
    names = [w.accessibleName() for row in rows(editor) for w in row[:3]]
    assert names == [
        "Tag key 1",
        "Tag value 1",
        "Delete tag 1",
        "Tag key 2",
        "Tag value 2",
        "Delete tag 2",
    ]
    assert editor.findChild(QPushButton, "addTagButton").accessibleName() == "Add tag"


def test_tab_walks_each_row_then_the_add_button(qtbot, editor):
    add(qtbot, editor, "a", "b")
    add(qtbot, editor, "c", "d")
    (k1, v1, d1, _), (k2, v2, d2, _) = rows(editor)
    chain = [k1]
    widget: QWidget = k1
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain == [k1, v1, d1, k2, v2, d2, editor.findChild(QPushButton, "addTagButton")]


def test_tag_problems_follows_the_model():
    assert tag_problems([("a", "1"), ("", ""), ("a", "2")])[1] is None
    assert tag_problems([("a", "1"), ("", ""), ("a", "2")])[2].code == "KMS.0413"


def test_tag_keys_that_look_the_same_get_a_warning_not_an_error(qtbot, editor):
    from app.gui.widgets.notice import Kind

    add(qtbot, editor, "env", "prod")
    add(qtbot, editor, "Env ", "test")
    add(qtbot, editor, "team", "payments")
    (_, _, _, first), (_, _, _, second), (_, _, _, third) = rows(editor)
    assert first.text() == "" and third.text() == ""
    assert "\u201cenv\u201d" in second.text() and "case or spaces" in second.text()
    assert second.kind is Kind.WARNING
    assert editor.isValid()  # the KMS takes them: a warning, not a refusal
    editor.setTags([Tag("env", "prod"), Tag("env", "test")])
    assert rows(editor)[1][3].kind is Kind.ERROR  # a real duplicate stays an error
