"""A real Secret Service for tests: a private D-Bus session with gnome-keyring, unlocked.

DESIGN.md's recipe, done by the test itself: a temporary HOME, ``dbus-daemon --session``,
then ``gnome-keyring-daemon --unlock --components=secrets`` fed a password on stdin. The
environment of this process points at that bus while the context is open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MISSING = (
    "a real Secret Service needs the Debian packages dbus-daemon and gnome-keyring "
    "(./dev.sh test installs them): {} was not found"
)


@contextmanager
def secret_service(home: Path) -> Iterator[dict[str, str]]:
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise RuntimeError(MISSING.format(tool))
    home.mkdir(parents=True, exist_ok=True)
    runtime = home / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    address = bus.stdout.readline().strip() if bus.stdout else ""
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    keyring_daemon = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input="test-password",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    saved = {
        k: os.environ.get(k)
        for k in ("DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME")
    }
    os.environ.update({k: env[k] for k in saved})
    try:
        if keyring_daemon.returncode != 0 or not address:
            raise RuntimeError(f"gnome-keyring did not start: {keyring_daemon.stderr}")
        _wait_for_secrets(env)
        yield env
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        subprocess.run(["pkill", "-f", f"gnome-keyring-daemon.*{home}"], check=False)
        for line in keyring_daemon.stdout.splitlines():
            if line.startswith("GNOME_KEYRING_PID="):
                subprocess.run(["kill", line.split("=", 1)[1]], check=False)
        bus.terminate()
        bus.wait(timeout=10)


def _wait_for_secrets(env: dict[str, str]) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    deadline = time.monotonic() + 15
    with open_dbus_connection(env["DBUS_SESSION_BUS_ADDRESS"]) as connection:
        while time.monotonic() < deadline:
            reply = connection.send_and_get_reply(
                new_method_call(bus, "NameHasOwner", "s", ("org.freedesktop.secrets",))
            )
            if reply.body[0]:
                return
            time.sleep(0.1)
    raise RuntimeError("gnome-keyring never claimed org.freedesktop.secrets on the bus")
