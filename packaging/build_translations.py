"""Compile Keyferry's Qt Linguist sources (resources/translations/*.ts) into the .qm files
the program loads, beside them.

    python packaging/build_translations.py [--force] [--lrelease PATH]

The setup (dev.sh), the wheel build and the frozen bundle build all call this one script, so
.qm files are never committed (.gitignore) and never stale. It is idempotent: a .qm newer than
its .ts is kept unless --force. It uses the pyside6-lrelease of the Python running it (the
virtual environment's), or the one given. Exits non-zero, naming the file, when a source
does not compile or no lrelease is found.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def find_lrelease(explicit: str | None = None) -> str:
    """pyside6-lrelease beside this Python (a venv's bin/), else on PATH."""
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise FileNotFoundError(
            "pyside6-lrelease was not found: install PySide6-Essentials "
            "into this Python's environment"
        )
    return found


def stale(source: Path, target: Path) -> bool:
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def compile_one(lrelease: str, source: Path) -> Path:
    """source.ts -> source.qm, written whole (a temporary name, then renamed)."""
    target = source.with_suffix(".qm")
    partial = source.with_suffix(".qm.part")
    result = subprocess.run(
        [lrelease, "-silent", str(source), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not partial.exists() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"{source.name} did not compile:\n{result.stdout}{result.stderr}")
    partial.replace(target)
    return target


def build(
    folder: Path = TRANSLATIONS, *, force: bool = False, lrelease: str | None = None
) -> list[Path]:
    """Compile every .ts in ``folder`` that needs it; returns the .qm files written."""
    sources = sorted(folder.glob("*.ts"))
    if not sources:
        raise FileNotFoundError(f"no translation sources (*.ts) in {folder}")
    todo = [s for s in sources if force or stale(s, s.with_suffix(".qm"))]
    if not todo:
        return []
    tool = find_lrelease(lrelease)
    return [compile_one(tool, source) for source in todo]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="compile even if up to date")
    parser.add_argument("--lrelease", help="the lrelease program to use")
    parser.add_argument("--folder", type=Path, default=TRANSLATIONS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        written = build(args.folder, force=args.force, lrelease=args.lrelease)
    except (OSError, RuntimeError) as error:
        print(f"build_translations: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"build_translations: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
