"""The house rules a machine can check: ruff on everything, mypy strict on model/ and engine/
(STYLE.md, habit 9)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "app", "tests", "packaging"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "app", "tests", "packaging", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, "run `ruff format .`:\n" + result.stdout + result.stderr


def test_mypy_strict_on_model_and_engine() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "app/model", "app/engine"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_benchmark_figures_or_issue_numbers_in_comments() -> None:
    """Comments and docstrings say why; timings and issue numbers live in
    docs/performance.md and the commit messages (STYLE.md)."""
    import io
    import re
    import tokenize

    figure = re.compile(r"\d(?:[\d,.]*\d)? ?(?:µs|us|ms|ops/s)\b|\bissues? #?\d+", re.IGNORECASE)
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
        for token in tokens:
            prose = token.type == tokenize.COMMENT or (
                token.type == tokenize.STRING and token.string.endswith(('"""', "'''"))
            )
            if prose and figure.search(token.string):
                found.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert not found, "figures or issue numbers in comments: " + ", ".join(found)


def test_mypy_on_gui_and_cli() -> None:
    """Not strict, but passing: the GUI and the command line are type-checked too."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "app/gui", "app/cli"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
