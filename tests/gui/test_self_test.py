"""``keyferry --self-test`` (issue 8): the real command in a subprocess, from this checkout,
passes and reports each step; a failure says where and why and exits non-zero. The walk's
waiting, its deadline and its failures; the resource checks against broken translations."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from app.gui.self_test import checks
from app.gui.self_test.report import Report, StepFailed
from app.gui.self_test.walk import Step, StepBody, Until, Walk
from tests.self_test_output import assert_self_test_passed, run_self_test

ROOT = Path(__file__).resolve().parents[2]


def keyferry() -> list[str]:
    """The ``keyferry`` command of this environment (the editable install's script)."""
    script = Path(sys.executable).with_name("keyferry")
    if not script.exists():
        pytest.fail(
            f"{script} is missing: install Keyferry into this environment "
            "(./dev.sh test does, with pip install -e .)"
        )
    return [str(script)]


def test_the_self_test_passes_from_the_checkout(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_self_test(keyferry(), cwd=tmp_path, home=home)
    details = assert_self_test_passed(result, resources_kind="checkout", home=home)
    assert details["resources"] == f"checkout: {ROOT / 'resources'}"
    assert "platform offscreen" in details["Qt"], "offscreen is forced, whatever the env says"
    assert "master key in master.key (not the keyring)" in details["temporary store"]


def test_without_softhsm_the_token_path_is_skipped_saying_why(tmp_path: Path) -> None:
    home = tmp_path / "home"
    empty = tmp_path / "no-tools"  # no softhsm2-util on the PATH
    empty.mkdir()
    result = run_self_test(keyferry(), cwd=tmp_path, home=home, PATH=str(empty))
    assert_self_test_passed(result, resources_kind="checkout", home=home, token_path=False)


def test_a_failure_says_where_and_why_and_exits_1(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_self_test(keyferry(), cwd=tmp_path, home=home, KEYFERRY_SELF_TEST_TIMEOUT="0.001")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "  FAIL  wizard " in result.stdout
    assert "timed out after 0.001 s waiting for " in result.stderr
    assert result.stderr.startswith("error: the self-test failed at wizard ")
    assert "Traceback" not in result.stderr and list(home.rglob("*")) == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--self-test", "list-keys"], "--self-test takes no command"),
    ],
)
def test_the_self_test_takes_no_command(argv: list[str], message: str) -> None:
    result = subprocess.run([*keyferry(), *argv], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and message in result.stderr


def test_a_timeout_that_is_no_number_is_refused(tmp_path: Path) -> None:
    result = run_self_test(
        keyferry(), cwd=tmp_path, home=tmp_path / "home", KEYFERRY_SELF_TEST_TIMEOUT="soon"
    )
    assert result.returncode == 2
    assert "KEYFERRY_SELF_TEST_TIMEOUT must be a number of seconds, not 'soon'" in result.stderr


# the walk ------------------------------------------------------------------------------


@pytest.fixture
def report(tmp_path: Path) -> Iterator[Report]:
    with (tmp_path / "report.txt").open("w+", encoding="utf-8") as out:
        yield Report(out=out)


def _lines(report: Report) -> list[str]:
    report.out.seek(0)
    return [line.strip() for line in report.out.read().splitlines()]


def _walk(qtbot, report: Report, steps: list[Step], timeout_s: float = 10) -> None:
    walk = Walk(steps, report, timeout_s=timeout_s, describe_state=lambda: "on page X")
    with qtbot.waitSignal(walk.finished, timeout=int(timeout_s * 1000) + 5000):
        walk.start()


def test_a_step_resumes_when_what_it_waits_for_holds(qtbot, report: Report) -> None:
    flags = {"ready": False}

    def waits() -> StepBody:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(50, lambda: flags.update(ready=True))
        yield Until("the flag", lambda: flags["ready"])
        return "resumed"

    _walk(qtbot, report, [Step("waiting", waits), Step("after", lambda: _done("also"))])
    lines = _lines(report)
    assert report.passed and len(lines) == 2
    assert lines[0].startswith("ok    waiting") and " resumed (" in lines[0]
    assert lines[1].startswith("ok    after") and " also (" in lines[1]


def _done(text: str) -> StepBody:
    return text
    yield  # a generator that never waits


def test_the_deadline_fails_the_waiting_step_and_names_what_it_waited_for(
    qtbot, report: Report
) -> None:
    ran = []

    def never() -> StepBody:
        yield Until("a flag that is never set", lambda: False)
        return "unreachable"

    def later() -> StepBody:
        ran.append(True)
        return "should not run"
        yield

    _walk(qtbot, report, [Step("stuck", never), Step("later", later)], timeout_s=0.2)
    assert not ran and report.close() == 1
    assert report.failure == (
        "stuck: timed out after 0.2 s waiting for a flag that is never set (on page X)"
    )


@pytest.mark.parametrize("where", ["body", "condition"])
def test_an_error_in_a_step_fails_it_plainly(qtbot, report: Report, where: str) -> None:
    def broken() -> StepBody:
        if where == "body":
            raise StepFailed("the page offers nothing")
        yield Until("a condition that breaks", lambda: 1 / 0 > 0)
        return "unreachable"

    _walk(qtbot, report, [Step("broken", broken)])
    expected = (
        "the page offers nothing" if where == "body" else "ZeroDivisionError: division by zero"
    )
    assert report.failure == f"broken: {expected} (on page X)"


# the resource checks ---------------------------------------------------------------------


def test_translations_need_each_ts_compiled(tmp_path: Path) -> None:
    (tmp_path / "keyferry_zh_CN.ts").write_text("<TS/>", encoding="utf-8")
    with pytest.raises(
        StepFailed,
        match=re.escape(
            "has no .qm for keyferry_zh_CN: compile them with python "
            "packaging/build_translations.py"
        ),
    ):
        checks.translations(tmp_path)


def test_a_qm_that_does_not_load_fails(tmp_path: Path) -> None:
    (tmp_path / "keyferry_zh_CN.qm").write_bytes(b"not a translation")
    with pytest.raises(StepFailed, match="does not load as a Qt translation"):
        checks.translations(tmp_path)


def test_a_compiled_translation_loads_with_qts_own(qapp, tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6-Essentials"
    source = tmp_path / "keyferry_zh_CN.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
        'language="zh_CN"><context><name>ImportKeyWizard</name><message><source>Import Key'
        "</source><translation>导入密钥</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run([lrelease, str(source)], check=True, capture_output=True)
    assert checks.translations(tmp_path) == f"{tmp_path}: zh_CN"
    translator = QTranslator()
    assert translator.load(str(tmp_path / "keyferry_zh_CN.qm"))
    assert translator.translate("ImportKeyWizard", "Import Key") == "导入密钥"
