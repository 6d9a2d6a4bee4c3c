"""Running ``keyferry --self-test`` as a user would, from any installation (a checkout, a
wheel in a fresh venv, a frozen bundle), and reading its report.

The run gets a hostile environment: an empty HOME (whatever the self-test writes outside its
temporary folder would land there), a Qt platform that cannot start (no display, so only the
forced offscreen platform works), and a working directory outside the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

#: Every step the report must show as passed, in order.
STEPS = (
    "Qt",
    "resources",
    "security text",
    "icon",
    "translations",
    "keyring backends",
    "temporary store",
    "wizard 1: key alias",
    "wizard 2: acknowledge",
    "wizard 3: download import items",
    "wizard 4: wrap here (generated)",
    "wizard 5: key material",
    "wizard 6: token, never expires",
    "wizard: Finish",
    "key Enabled",
    "encrypt and decrypt",
    "RSA_2048: wrap and import",
    "RSA_2048: sign and verify",
    "token path (PKCS#11)",
    "no errors logged",
)
TOKEN_STEP = "token path (PKCS#11)"


def hostile_env(home: Path, **extra: str) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "VIRTUAL_ENV")
    }
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "QT_QPA_PLATFORM": "xcb",
        }
    )
    env.update(extra)
    return env


def run_self_test(
    command: Sequence[str], *, cwd: Path, home: Path, timeout: float = 300, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, "--self-test"],
        cwd=cwd,
        env=hostile_env(home, **extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def assert_self_test_passed(
    result: subprocess.CompletedProcess[str],
    *,
    resources_kind: str,
    home: Path,
    token_path: bool = True,
) -> dict[str, str]:
    """Exit 0, every step ``ok`` in order (the token path skipped, saying why, unless
    ``token_path``), resources found in ``resources_kind``, nothing written to HOME, the
    temporary folder gone. Returns each step's detail."""
    shown = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, shown
    details = dict(re.findall(r"^  ok    (.+?)\s{2,}(.*) \(\d+ ms\)$", result.stdout, re.M))
    steps = [s for s in STEPS if token_path or s != TOKEN_STEP]
    assert list(details) == steps, shown
    if not token_path:
        assert re.search(
            rf"^  skip  {re.escape(TOKEN_STEP)}\s+SoftHSM 2 is not installed", result.stdout, re.M
        ), shown
    else:
        assert re.search(r"Enabled, KCV [0-9A-F]{6}$", details[TOKEN_STEP]), shown
    assert re.fullmatch(
        r"RSA_2048 \(RSAES_OAEP_SHA_256\) Enabled, public key SHA-256 [0-9a-f]{64}",
        details["RSA_2048: wrap and import"],
    ), shown
    assert details["RSA_2048: sign and verify"] == (
        "RSASSA_PSS_SHA_256: 256-byte signature verified, here and by cryptography"
    ), shown
    assert "FAIL" not in result.stdout and "Traceback" not in result.stderr, shown
    count = len(steps)
    assert re.search(rf"^self-test passed: {count} steps in [\d.]+ s$", result.stdout, re.M), shown
    assert details["resources"].startswith(f"{resources_kind}: "), shown
    kcvs = {
        re.search(r"KCV\)?:? ([0-9A-F]{6})", details[step]).group(1)
        for step in ("wizard 4: wrap here (generated)", "wizard: Finish", "key Enabled")
    }
    assert len(kcvs) == 1, f"the wrapped, imported and described KCVs differ: {kcvs}"
    assert list(home.rglob("*")) == [], "the self-test wrote into HOME"
    folder = re.search(r"on a temporary store in (\S+)", result.stdout)
    assert folder and not Path(folder.group(1)).exists(), "the temporary folder is left over"
    return details
