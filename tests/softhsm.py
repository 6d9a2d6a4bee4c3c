"""A fresh SoftHSM2 token for each test: its own token folder and configuration file
(``SOFTHSM2_CONF``), initialized with ``softhsm2-util``, and the module started again so that
it reads them. Nothing is mocked: the token is SoftHSM 2's, through python-pkcs11."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.material.hsm.discovery import find_modules
from app.material.hsm.pin import Pin

TOKEN_LABEL = "keyferry-test"
USER_PIN = "314159"
SO_PIN = "27182818"


def softhsm_module() -> Path:
    """SoftHSM 2's module, found as Keyferry finds modules; fails saying what to install."""
    for module in find_modules():
        if module.path.name == "libsofthsm2.so":
            return module.path
    pytest.fail("SoftHSM 2 is not installed: apt-get install softhsm2 (./dev.sh test installs it)")


@dataclass(frozen=True)
class SoftToken:
    module_path: Path
    label: str
    conf: Path
    pin_text: str = USER_PIN

    @property
    def pin(self) -> Pin:
        return Pin(self.pin_text)

    def init_token(self, label: str) -> None:
        """Another token in the same SoftHSM (the module must be reloaded to see it)."""
        _init_token(label)


def _init_token(label: str) -> None:
    util = shutil.which("softhsm2-util")
    if util is None:
        pytest.fail("softhsm2-util is missing: apt-get install softhsm2")
    subprocess.run(
        [util, "--init-token", "--free", "--label", label, "--pin", USER_PIN, "--so-pin", SO_PIN],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def soft_token(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Iterator[SoftToken]:
    from app.material.hsm.module import Module

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n"
    )
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    _init_token(TOKEN_LABEL)
    module = Module.load(softhsm_module())
    module.reload()  # a module loaded by an earlier test read another configuration
    yield SoftToken(softhsm_module(), TOKEN_LABEL, conf)
