"""Build Keyferry's wheel: ``python packaging/build_wheel.py [--out-dir dist]``.

Run it with the project's Python (``.venv/bin/python``): it compiles the translations first
(packaging/build_translations.py, when present), copies only the build's inputs (app/,
resources/ with its compiled .qm files, pyproject.toml, setup.py, README.md) to a temporary
folder, so no stale ``build/`` or ``*.egg-info`` of the checkout can leak into the wheel, and
runs ``pip wheel --no-deps`` there. It then checks that the wheel holds the resources the
program loads, and prints the wheel's path on its last line.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from translations_step import ROOT, BuildError, prepare_translations

INPUTS = ("app", "resources", "pyproject.toml", "setup.py", "README.md")
#: What the program cannot start without, as paths inside the wheel.
REQUIRED = (
    "app/cli.py",
    "app/resources/__init__.py",
    "app/resources/texts/security_and_durability.html",
    "app/resources/icons/keyferry.svg",
    "app/resources/icons/keyferry-512.png",
    "app/resources/translations/README.md",
)
_JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def build_wheel(out_dir: Path) -> Path:
    """The wheel, built from a clean copy of the inputs into ``out_dir``."""
    shipped = prepare_translations()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="keyferry-wheel-src-") as name:
        source = Path(name)
        for item in INPUTS:
            path = ROOT / item
            if path.is_dir():
                shutil.copytree(path, source / item, ignore=_JUNK)
            else:
                shutil.copy2(path, source / item)
        with tempfile.TemporaryDirectory(prefix="keyferry-wheel-out-") as built:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "wheel",
                    "--no-deps",
                    "--quiet",
                    "--wheel-dir",
                    built,
                    str(source),
                ],
                check=True,
            )
            [wheel] = Path(built).glob("keyferry-*.whl")
            target = out_dir / wheel.name
            shutil.move(wheel, target)
    check_wheel(target, [f"app/resources/translations/{qm.name}" for qm in shipped])
    return target


def check_wheel(wheel: Path, translations: list[str]) -> None:
    """Every required file and compiled translation is in the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = [name for name in (*REQUIRED, *translations) if name not in names]
    if missing:
        raise BuildError(f"{wheel.name} lacks {', '.join(missing)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out-dir", type=Path, default=ROOT / "dist", help="where the wheel goes (default: dist/)"
    )
    args = parser.parse_args(argv)
    try:
        wheel = build_wheel(args.out_dir.resolve())
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"build: error: {error}", file=sys.stderr)
        return 1
    print(f"build: {wheel.stat().st_size / 1024:.0f} KiB")
    print(wheel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
