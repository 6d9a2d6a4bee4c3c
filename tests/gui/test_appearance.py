"""Look and feel: the list window comes back where it was (and on a screen, when that one has
gone), the palette follows a dark desktop, and notices and problem lines recolour themselves
when the palette changes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.gui.appearance import SchemeFollower, dark_palette, is_dark, restore_geometry
from app.gui.main_window import SETTINGS_GROUP, CmkListWindow
from app.gui.widgets.notice import Kind, Notice, ProblemLabel, text_colour


def open_window(qtbot, backend, runner, clock) -> CmkListWindow:
    window = CmkListWindow(backend, runner, now=clock.now)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync.complete)
    return window


def test_the_list_window_comes_back_with_its_size_place_and_splitter(
    qtbot, backend, runner, clock
) -> None:
    first = open_window(qtbot, backend, runner, clock)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert first.width() <= screen.width() and first.height() <= screen.height()
    first.setGeometry(QRect(15, 30, 780, 560))
    first.splitter.setSizes([150, 250])
    sizes = first.splitter.sizes()
    first.close()
    assert QSettings().contains(f"{SETTINGS_GROUP}/geometry")
    second = open_window(qtbot, backend, runner, clock)
    assert second.size() == QSize(780, 560)
    assert second.geometry().topLeft() == QPoint(15, 30)
    assert second.splitter.sizes() == sizes
    second.close()


def test_a_place_on_a_screen_that_has_gone_is_brought_back(qtbot, backend, runner, clock) -> None:
    window = open_window(qtbot, backend, runner, clock)
    window.move(20_000, 15_000)  # as if saved on a second monitor, unplugged since
    window.close()
    again = open_window(qtbot, backend, runner, clock)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.intersects(again.frameGeometry())
    assert screen.contains(again.geometry().center())
    again.close()


def test_without_a_saved_place_the_default_fits_the_screen(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    restore_geometry(widget, "nothingSaved", QSize(5000, 4000))
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert widget.width() <= screen.width() and widget.height() <= screen.height()
    assert screen.contains(widget.geometry().center())


def test_a_dark_desktop_gets_a_dark_palette_and_a_light_one_gets_it_back(qapp) -> None:
    follower = qapp.findChild(SchemeFollower) or SchemeFollower(qapp)
    light = qapp.palette()
    assert not is_dark(light)
    try:
        follower.follow(Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette())
        follower.follow(Qt.ColorScheme.Light)
        assert not is_dark(qapp.palette())
    finally:
        qapp.setPalette(light)


def test_notices_and_problem_lines_recolour_when_the_palette_turns_dark(qapp, qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    notice = Notice(parent, object_name="n")
    problem = ProblemLabel(object_name="p")  # made alone, then put in place (a table cell)
    problem.setParent(parent)
    parent.show()
    notice.show_text("Something failed.", Kind.ERROR)
    assert "#c62828" in notice.styleSheet() and "#c62828" in problem.styleSheet()
    light = qapp.palette()
    try:
        qapp.setPalette(dark_palette())  # what a desktop turning dark does
        qtbot.waitUntil(lambda: "#ef9a9a" in notice.styleSheet())
        assert "#ef9a9a" in problem.styleSheet()
        assert text_colour(Kind.ERROR, notice) == "#ef9a9a"
    finally:
        qapp.setPalette(light)
    qtbot.waitUntil(lambda: "#c62828" in notice.styleSheet())


def test_commands_grow_with_the_users_font(qtbot) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    from app.gui.widgets.command_list import CommandList

    app = QApplication.instance()
    before = app.font()
    font = app.font()
    font.setPointSize(before.pointSize() + 5)
    app.setFont(font)
    try:
        commands = CommandList()
        qtbot.addWidget(commands)
        commands.setCommands([("Go there", "cd /tmp")])
        [line] = [w for w in commands.findChildren(QLabel) if w.text() == "cd /tmp"]
        assert line.font().pointSize() == before.pointSize() + 5
    finally:
        app.setFont(before)
