"""The step the wheel and bundle builds share before they package resources/: compile the
translations (``packaging/build_translations.py``, when the checkout has it), then make sure
every Qt Linguist source ``resources/translations/*.ts`` has its compiled ``.qm`` beside it,
so no build ships a language it cannot show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
COMPILER = ROOT / "packaging" / "build_translations.py"


class BuildError(Exception):
    """A build cannot go on; the message says why and what to do."""


def compile_translations(python: str = sys.executable) -> str:
    """Run the translation compiler with ``python`` (it needs PySide6's lrelease) if the
    checkout has one; returns what happened, for the build's log."""
    if not COMPILER.exists():
        return f"no {COMPILER.relative_to(ROOT)} in this checkout: translations not compiled"
    # Its tools (pyside6-lrelease) are beside that Python, whether or not it is activated.
    path = os.pathsep.join([str(Path(python).parent), os.environ.get("PATH", "")])
    done = subprocess.run(
        [python, str(COMPILER)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": path},
    )
    if done.returncode != 0:
        raise BuildError(
            f"{COMPILER.relative_to(ROOT)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return f"compiled the translations with {COMPILER.relative_to(ROOT)}"


def compiled_translations() -> list[Path]:
    """The .qm files to ship; raises if a .ts has none (or an older one)."""
    missing = []
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        compiled = source.with_suffix(".qm")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            missing.append(source.name)
    if missing:
        raise BuildError(
            f"resources/translations: {', '.join(missing)} not compiled (or "
            f"changed since): run {COMPILER.relative_to(ROOT)} first"
        )
    return sorted(TRANSLATIONS.glob("*.qm"))


def prepare_translations(python: str = sys.executable) -> list[Path]:
    """Compile (when the compiler exists), check, report; the .qm files to ship."""
    print(f"build: {compile_translations(python)}", flush=True)
    shipped = compiled_translations()
    names = ", ".join(path.name for path in shipped) or "none (English only)"
    print(f"build: translations shipped: {names}", flush=True)
    return shipped
