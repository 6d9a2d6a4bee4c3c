"""Build the frozen one-folder bundle, dist/keyferry/, and prove it works:
``python3 packaging/build_bundle.py [--dist DIR] [--work DIR] [--venv DIR] [--clean]``.

1. A build environment of its own (default build/bundle-venv): Keyferry's runtime
   dependencies from pyproject.toml and PyInstaller, nothing else (no test tools), made once
   and reused while pyproject.toml and the PyInstaller requirement stay the same.
2. The translations compiled (packaging/build_translations.py, when present) and checked.
3. PyInstaller on packaging/keyferry.spec (the code comes from this checkout's app/).
4. ``dist/keyferry/keyferry --self-test`` on the fresh bundle, without a display; a failure
   fails the build. Then the bundle's size and the time it all took.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from translations_step import ROOT, BuildError, prepare_translations

PYINSTALLER = "pyinstaller>=6.10,<7"
SPEC = ROOT / "packaging" / "keyferry.spec"


def say(text: str) -> None:
    print(f"bundle: {text}", flush=True)


def dependencies() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return list(tomllib.load(file)["project"]["dependencies"])


def check_tools() -> None:
    """PyInstaller reads binaries with ldd and objdump and strips them with strip."""
    missing = [tool for tool in ("ldd", "objdump", "strip") if shutil.which(tool) is None]
    if missing:
        raise BuildError(
            f"{', '.join(missing)} missing: install binutils (Debian: apt-get "
            "install binutils; ./dev.sh test does)"
        )


def build_venv(venv: Path) -> Path:
    """The build environment's Python, made or updated as needed."""
    wanted = [*dependencies(), PYINSTALLER]
    stamp = venv / ".keyferry-bundle-stamp"
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        say(f"build environment {venv} is up to date")
        return python
    say(f"making the build environment {venv} (runtime dependencies and PyInstaller)")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *wanted], check=True)
    stamp.write_text(digest)
    return python


def freeze(python: Path, dist: Path, work: Path, *, clean: bool) -> Path:
    """Run PyInstaller; the bundle's folder."""
    bundle = dist / "keyferry"
    if bundle.exists():
        shutil.rmtree(bundle)  # PyInstaller would ask; a stale file must not survive
    command = [
        str(python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, cwd=ROOT, check=True)
    return bundle


def self_test(bundle: Path) -> None:
    """The fresh bundle's own self-test, as a user without a display would run it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    done = subprocess.run(
        [str(bundle / "keyferry"), "--self-test"],
        cwd=bundle.parent,
        env=env,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise BuildError(f"the bundle's self-test failed (exit {done.returncode})")


def size_of(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "bundle-venv")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        check_tools()
        python = build_venv(args.venv.resolve())
        prepare_translations(str(python))
        frozen = time.monotonic()
        bundle = freeze(python, args.dist.resolve(), args.work.resolve(), clean=args.clean)
        say(f"PyInstaller took {time.monotonic() - frozen:.0f} s")
        self_test(bundle)
    except (BuildError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        print(f"bundle: error: {error}", file=sys.stderr)
        return 1
    say(
        f"{bundle}: {size_of(bundle) / 2**20:.0f} MiB, built and self-tested in "
        f"{time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
