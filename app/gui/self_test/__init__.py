"""``keyferry --self-test``: the whole import flow, offscreen, on a temporary store.

It proves that this installation works (a checkout, an installed wheel or a frozen bundle):
Qt starts offscreen, the resources load through the locator, keyring's backends are found,
and the real Import Key wizard, driven page by page by object names, imports generated key
material into a new key, which is then Enabled and encrypts and decrypts; an RSA_2048 key
then takes a private key wrapped here (``asym_check.py``) and signs. Each step prints
one line; the exit status is 0 when every step passed, 1 otherwise. Where SoftHSM 2 is
installed, the token path (PKCS#11) is checked too on a throwaway token; otherwise that step
says it was skipped, and why.

Nothing of the user's is used or touched: the store, the master key (a file, never the
keyring), the downloads, Qt's settings and the data folders all live in one temporary folder
that is deleted at the end; the keyring is replaced by keyring's "fail" backend.

This module loads no Qt: ``run_self_test`` forces the offscreen platform before Qt loads.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: How long the walk may take before it fails (it takes a few seconds); a slow machine can
#: give it longer with $KEYFERRY_SELF_TEST_TIMEOUT (seconds).
DEFAULT_TIMEOUT_S = 90.0
TIMEOUT_VARIABLE = "KEYFERRY_SELF_TEST_TIMEOUT"
#: If the event loop itself is stuck (no timer can fire), dump every thread's stack and exit
#: this much later.
HARD_STOP_MARGIN_S = 30.0


@contextmanager
def sandbox() -> Iterator[Path]:
    """A temporary folder, and an environment that points everything of Keyferry's and
    Qt's there; both undone on exit."""
    with tempfile.TemporaryDirectory(prefix="keyferry-self-test-") as name:
        folder = Path(name)
        overrides = {
            "QT_QPA_PLATFORM": "offscreen",  # before Qt loads: no window, no display needed
            "XDG_CONFIG_HOME": str(folder / "config"),  # QSettings
            "XDG_DATA_HOME": str(folder / "data"),  # platformdirs, QStandardPaths
            "KEYFERRY_DATA_DIR": str(folder / "store"),
            "KEYFERRY_CONFIG_DIR": str(folder / "config" / "keyferry"),  # the import record
            "KEYFERRY_MASTER_KEY_FILE": str(folder / "master.key"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "SOFTHSM2_CONF": str(folder / "softhsm" / "softhsm2.conf"),  # a throwaway token
        }
        saved = {key: os.environ.get(key) for key in overrides}
        os.environ.update(overrides)
        try:
            yield folder
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def run_self_test(*, timeout_s: float | None = None) -> int:
    """Run every step, print the report; 0 if all passed, 1 if a step failed, 2 if the
    timeout given in the environment is not a number of seconds."""
    if timeout_s is None:
        text = os.environ.get(TIMEOUT_VARIABLE, "")
        try:
            timeout_s = float(text) if text else DEFAULT_TIMEOUT_S
        except ValueError:
            timeout_s = -1.0
        if not 0 < timeout_s < 86_400:
            print(
                f"error: ${TIMEOUT_VARIABLE} must be a number of seconds, not {text!r}",
                file=sys.stderr,
            )
            return 2
    with sandbox() as folder:
        faulthandler.dump_traceback_later(timeout_s + HARD_STOP_MARGIN_S, exit=True)
        try:
            from app.gui.self_test.session import SelfTest

            return SelfTest(folder, timeout_s=timeout_s).run()
        finally:
            faulthandler.cancel_dump_traceback_later()
