"""The wheel: ``python -m build`` makes it from a clean source tree (the translations compiled
by the build itself), ``pip install`` puts it into a fresh virtual environment (its
dependencies from PyPI, or pip's cache when it has them), and the ``keyferry`` it installs
passes ``--self-test`` run from a temporary folder, away from this checkout, with its
resources found in the installed package.

About a minute, most of it pip unpacking PySide6-Essentials (about 250 MB): the build and the
environment are made once for the module.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.self_test_output import assert_self_test_passed, hostile_env, run_self_test

pytestmark = pytest.mark.packaging
ROOT = Path(__file__).resolve().parent.parent


def _run(
    command: list[str], what: str, *, cwd: Path, timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        pytest.fail(
            f"{what} failed ({done.returncode}): {' '.join(command)}\n"
            f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
        )
    return done


def _clean_source(where: Path) -> Path:
    """The files a fresh clone would have (tracked, plus new files not ignored), copied to
    ``where``: no compiled translations, no build/ or egg-info of this checkout."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        if (ROOT / name).is_file():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, where / name)
    assert not list(where.glob("resources/translations/*.qm"))
    return where


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel as `python -m build` makes it from a clean source tree: an sdist first,
    then the wheel built from the unpacked sdist (so the sdist is checked too)."""
    source = _clean_source(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), "."], "python -m build", cwd=source)
    assert sorted(path.name for path in out.iterdir()) == [
        "keyferry-0.1.0-py3-none-any.whl",
        "keyferry-0.1.0.tar.gz",
    ]
    return out / "keyferry-0.1.0-py3-none-any.whl"


def _compiled_translations(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {Path(name).name for name in archive.namelist() if name.endswith(".qm")}


_EXPECTED_QM = {
    source.with_suffix(".qm").name for source in (ROOT / "resources/translations").glob("*.ts")
}


def test_pip_wheel_of_a_clean_tree_ships_the_translations(tmp_path: Path) -> None:
    """The plainest standard build compiles the translations itself (setup.py's build_py)."""
    source = _clean_source(tmp_path / "source")
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "out"), "."],
        "pip wheel .",
        cwd=source,
    )
    [built] = (tmp_path / "out").glob("keyferry-*.whl")
    assert _EXPECTED_QM and _compiled_translations(built) == _EXPECTED_QM


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (no system site-packages) with only the wheel and its
    dependencies installed."""
    where = tmp_path_factory.mktemp("venv")
    venv = where / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], "creating a virtual environment", cwd=where)
    _run(
        [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--no-input", str(wheel)],
        "installing the wheel (its dependencies come from PyPI or pip's cache)",
        cwd=where,
    )
    return venv


def _site_packages(venv: Path) -> Path:
    [site] = venv.glob("lib/python3*/site-packages")
    return site


def test_the_wheel_holds_the_program_and_its_resources(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("keyferry-0.1.0.dist-info/entry_points.txt").decode()
    resources = {
        name.removeprefix("app/resources/") for name in names if name.startswith("app/resources/")
    }
    assert {
        "__init__.py",
        "texts/security_and_durability.html",
        "icons/keyferry.svg",
        "translations/README.md",
    } <= resources
    assert {
        f"icons/keyferry-{size}.png" for size in (16, 24, 32, 48, 64, 128, 256, 512)
    } <= resources
    assert _compiled_translations(wheel) == _EXPECTED_QM, "every translation ships compiled"
    assert not any(
        part in name for name in names for part in ("__pycache__", ".pyc", "tests/", "egg-info")
    )
    assert "keyferry = app.cli:main" in entry_points


def test_the_installed_keyferry_passes_its_self_test(venv: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_self_test([str(venv / "bin/keyferry")], cwd=tmp_path, home=home)
    details = assert_self_test_passed(result, resources_kind="installed package", home=home)
    assert details["resources"] == f"installed package: {_site_packages(venv) / 'app/resources'}"


def test_the_installed_package_is_not_the_checkout(venv: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [
            str(venv / "bin/python"),
            "-c",
            "import app, json, sys; print(json.dumps([app.__file__, sys.path]))",
        ],
        cwd=tmp_path,
        env=hostile_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    module, path = json.loads(done.stdout)
    assert Path(module) == _site_packages(venv) / "app/__init__.py"
    assert not any(entry.startswith(str(ROOT)) for entry in path)


def test_the_installed_command_line_works(venv: Path, tmp_path: Path) -> None:
    """Not only the GUI: a scripting command on a store of its own, with --json."""
    keyferry = str(venv / "bin/keyferry")
    env = hostile_env(
        tmp_path / "home",
        KEYFERRY_DATA_DIR=str(tmp_path / "store"),
        KEYFERRY_MASTER_KEY_FILE=str(tmp_path / "master.key"),
    )
    created = subprocess.run(
        [keyferry, "--json", "create-key", "--alias", "from-the-wheel"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["key_alias"] == "from-the-wheel"
    version = subprocess.run(
        [keyferry, "--version"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == "keyferry 0.1.0"
