"""The frozen bundle (issue 8): ``packaging/build_bundle.py`` builds dist/keyferry/ with
PyInstaller and self-tests it; then the bundle is used as a user would, on a machine whose
Python is out of sight:

- ``--self-test`` passes with every Python installation of this machine hidden (a private
  mount namespace with empty folders over them), resources found in the bundle;
- the master key goes into a real Secret Service (keyring's backends found through their
  entry points, frozen), and without one the user is told the two ways out;
- ``keyferry serve`` and a command through the official SDK to it work frozen;
- a real window opens on the xcb platform (Xvfb);
- it stays lean: no QML, Quick, WebEngine or 3D.

The build takes a few minutes (see packaging/README.md for the figures); it runs once for
the module, into a temporary folder, with the build environment kept in build/bundle-venv.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.secret_service import secret_service
from tests.self_test_output import assert_self_test_passed, hostile_env, run_self_test
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer, server_env, start_server

pytestmark = pytest.mark.packaging
ROOT = Path(__file__).resolve().parent.parent
#: Qt modules the bundle must not carry (PySide6-Essentials' widgets are all it needs).
UNWANTED_QT = ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt63D", "Qt6Pdf", "Qt6Designer")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging/build_bundle.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    shown = f"{done.stdout[-6000:]}\n{done.stderr[-6000:]}"
    assert done.returncode == 0, f"the bundle build failed:\n{shown}"
    assert "self-test passed: 20 steps" in done.stdout, shown  # the token path too
    assert re.search(r"bundle: .*/dist/keyferry: \d+ MiB, built and self-tested", done.stdout)
    return out / "dist" / "keyferry"


def _bundle_env(home: Path, **extra: str) -> dict[str, str]:
    env = hostile_env(home, **extra)
    env["PATH"] = "/usr/bin:/bin"
    for key in ("PYTHONHOME", "PYTHONSAFEPATH", "PYTHONNOUSERSITE"):
        env.pop(key, None)
    return env


def _python_installations() -> list[Path]:
    """Every folder a Python of this machine could be loaded from."""
    found = {
        Path(sys.base_prefix).resolve(),
        Path(sys.prefix).resolve(),
        ROOT / ".venv",
        ROOT / "build/bundle-venv",
    }
    for pattern in ("/usr/lib/python3*", "/usr/local/lib/python3*"):
        found.update(Path(path) for path in sorted(Path("/").glob(pattern.lstrip("/"))))
    return sorted(path for path in found if path.is_dir())


def test_the_bundle_runs_its_self_test_with_no_python_in_sight(
    bundle: Path, tmp_path: Path
) -> None:
    if shutil.which("unshare") is None:
        pytest.fail("unshare is missing: install the Debian package util-linux")
    hidden = _python_installations()
    assert Path(sys.base_prefix).resolve() in hidden
    mounts = "; ".join(f"mount -t tmpfs none '{path}'" for path in hidden)
    command = [
        "unshare",
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-ec",
        f"{mounts}; exec '{bundle / 'keyferry'}' --self-test",
    ]
    home = tmp_path / "home"
    result = subprocess.run(
        command,
        cwd=tmp_path,
        env=_bundle_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if "unshare failed" in result.stderr or "mount:" in result.stderr:
        pytest.fail(
            "hiding Python needs a private mount namespace (root, CAP_SYS_ADMIN): " + result.stderr
        )
    details = assert_self_test_passed(result, resources_kind="bundle", home=home)
    assert details["resources"] == f"bundle: {bundle / '_internal/resources'}"
    for name in ("KWallet", "SecretService", "libsecret"):
        assert name in details["keyring backends"], "keyring's entry points, frozen"


def test_a_moved_bundle_still_works(bundle: Path, tmp_path: Path) -> None:
    moved = tmp_path / "opt" / "keyferry"
    shutil.copytree(bundle, moved, symlinks=True)
    home = tmp_path / "home"
    result = run_self_test([str(moved / "keyferry")], cwd=tmp_path, home=home)
    details = assert_self_test_passed(result, resources_kind="bundle", home=home)
    assert details["resources"] == f"bundle: {moved / '_internal/resources'}"


def test_the_master_key_goes_into_a_real_secret_service(bundle: Path, tmp_path: Path) -> None:
    keyferry = str(bundle / "keyferry")
    store = tmp_path / "store"
    with secret_service(tmp_path / "session") as env:
        env = {**env, "PATH": "/usr/bin:/bin", "KEYFERRY_DATA_DIR": str(store)}
        env.pop("KEYFERRY_MASTER_KEY_FILE", None)
        created = subprocess.run(
            [keyferry, "--json", "create-key", "--alias", "in-keyring"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert created.returncode == 0, created.stderr
        listed = subprocess.run(
            [keyferry, "--json", "list-keys"], env=env, capture_output=True, text=True, timeout=120
        )
        assert listed.returncode == 0, listed.stderr
        tested = run_self_test(
            [keyferry],
            cwd=tmp_path,
            home=tmp_path / "home",
            DBUS_SESSION_BUS_ADDRESS=env["DBUS_SESSION_BUS_ADDRESS"],
        )
    assert "in-keyring" in listed.stdout, "a second process read the master key back"
    assert not [p for p in tmp_path.rglob("*.key")], "no master-key file was written"
    details = assert_self_test_passed(tested, resources_kind="bundle", home=tmp_path / "home")
    assert details["keyring backends"].endswith("usable here: SecretService")


def test_without_a_keyring_the_bundle_says_what_to_do(bundle: Path, tmp_path: Path) -> None:
    env = _bundle_env(tmp_path / "home", KEYFERRY_DATA_DIR=str(tmp_path / "store"))
    for key in ("DBUS_SESSION_BUS_ADDRESS", "KEYFERRY_MASTER_KEY_FILE", "PYTHON_KEYRING_BACKEND"):
        env.pop(key, None)
    done = subprocess.run(
        [str(bundle / "keyferry"), "list-keys"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error: No system keyring is available")
    assert "--master-key-file" in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def frozen_server(bundle: Path, tmp_path: Path) -> Iterator[LiveServer]:
    env = server_env(tmp_path / "serve/master.key")
    server = start_server(tmp_path / "serve", env=env, command=(str(bundle / "keyferry"),))
    try:
        yield server
    finally:
        server.stop()


def test_serve_and_the_sdk_work_frozen(
    bundle: Path, frozen_server: LiveServer, tmp_path: Path
) -> None:
    """The bundle's server answers the bundle's own remote backend (the official SDK)."""
    keyferry = [
        str(bundle / "keyferry"),
        "--endpoint",
        frozen_server.url,
        "--project-id",
        "frozenproject",
        "--access-key-id",
        ACCESS_KEY,
        "--json",
    ]
    env = _bundle_env(tmp_path / "home", KEYFERRY_SECRET_KEY=SECRET_KEY)
    created = subprocess.run(
        [*keyferry, "create-key", "--alias", "over-the-sdk"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert created.returncode == 0, created.stderr + frozen_server.log()
    key_id = json.loads(created.stdout)["key_id"]
    described = subprocess.run(
        [*keyferry, "describe-key", key_id], env=env, capture_output=True, text=True, timeout=120
    )
    assert json.loads(described.stdout)["key_alias"] == "over-the-sdk", described.stderr
    status, _ = frozen_server.stop()
    assert status == 0 and "Traceback" not in frozen_server.log()


def test_a_real_window_opens_on_xcb(bundle: Path, tmp_path: Path) -> None:
    for tool, package in (("Xvfb", "xvfb"), ("xwininfo", "x11-utils")):
        if shutil.which(tool) is None:
            pytest.fail(
                f"{tool} is missing: install the Debian package {package} (./dev.sh test does)"
            )
    with _xvfb() as display:
        env = _bundle_env(
            tmp_path / "home",
            DISPLAY=display,
            KEYFERRY_MASTER_KEY_FILE=str(tmp_path / "master.key"),
            KEYFERRY_DATA_DIR=str(tmp_path / "store"),
        )
        env["XDG_RUNTIME_DIR"] = str(tmp_path / "home")
        wizard = subprocess.Popen(
            [str(bundle / "keyferry"), "wizard"], env=env, stderr=subprocess.PIPE, text=True
        )
        try:
            shown = _wait_for_window(display, "Import Key", wizard)
        finally:
            wizard.terminate()
            _, stderr = wizard.communicate(timeout=30)
    assert shown, f"no window titled Import Key appeared; the program said:\n{stderr}"
    assert "qt.qpa" not in stderr and "Could not load" not in stderr, stderr


@contextmanager
def _xvfb() -> Iterator[str]:
    """Xvfb on a free display (it reports the number itself: -displayfd)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as reported:
        number = reported.readline().strip()
    try:
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_window(display: str, title: str, process: subprocess.Popen[str]) -> bool:
    """Whether a window whose title starts with ``title`` exists within a minute (while the
    process lives)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree", "-display", display],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        if f'"{title}' in tree:  # "Import Key — Keyferry": Qt adds the display name
            return True
        time.sleep(0.2)
    return False


def test_the_bundle_is_lean_and_has_what_qt_needs(bundle: Path) -> None:
    internal = bundle / "_internal"
    libraries = [path.name for path in internal.rglob("*.so*")]
    assert not [
        name for name in libraries if name.startswith(tuple(f"lib{q}" for q in UNWANTED_QT))
    ]
    plugins = {
        str(path.relative_to(internal)).split("plugins/", 1)[-1]
        for path in internal.rglob("plugins/*/*.so")
    }
    for needed in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert needed in plugins, f"the Qt plugin {needed} is missing"
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    assert (internal / "resources/__init__.py").is_file()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 200 * 2**20, f"the bundle grew to {size / 2**20:.0f} MiB"
