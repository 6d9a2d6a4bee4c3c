"""The layers of DESIGN.md: nothing below gui/ imports PySide6, imports point one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
#: package -> the app packages it may import
ALLOWED = {
    "model": {"model"},
    "engine": {"engine", "model"},
    "material": {"material", "model"},
    "backends": {"backends", "engine", "model"},
    "server": {"server", "engine", "model"},
}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_point_one_way(package: str) -> None:
    for path in (APP / package).rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith("PySide6"), f"{path} imports {name}"
            if name.startswith("app."):
                target = name.split(".")[1]
                assert target in ALLOWED[package] | {"resources_locator"}, (
                    f"{path.relative_to(APP)} imports {name}"
                )


def test_lower_layers_load_without_qt() -> None:
    code = (
        "import sys, app.model, app.engine, app.material, app.backends.local, "
        "app.backends.factory\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_wizard_s_flow_is_tested_without_qt() -> None:
    """The flow is plain Python (STYLE.md), and so are its tests: with pytest-qt switched
    off, a test that needed a QApplication would not even find its fixture."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:pytest-qt",
            "-W",
            "ignore::pytest.PytestConfigWarning",
            "tests/gui/wizard/test_flow.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "error" not in done.stdout.lower()
