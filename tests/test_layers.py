"""The layers of DESIGN.md: nothing below gui/ imports PySide6, imports point one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
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
