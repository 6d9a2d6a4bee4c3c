"""The console's own way, through the wizard: for an RSA or EC key wrapped "on my HSM", the
openssl commands the Wrap page shows, run exactly as shown, make the two files that step 5
takes and Finish imports; the key's fingerprint is the one openssl printed."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtWidgets import QLabel

from app.gui.wizard.flow_types import PageId
from app.model.keys import KeySpec, KeyState
from tests.gui.wizard.wizard_driver import new_asymmetric_key


@pytest.mark.parametrize("spec", [KeySpec.RSA_3072, KeySpec.EC_P384])
def test_the_commands_shown_run_as_shown_and_import(driver, backend, tmp_path, spec):
    d = driver
    alias = f"by-openssl-{spec.value.lower()}"
    new_asymmetric_key(d, tmp_path, spec, alias)
    d.click("wrapOnHsmRadio")
    commands = d.page().commands.commands()
    assert commands and commands[0].startswith("cd ")
    ran = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + "\n".join(commands)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    printed = ran.stdout.split()[-1]  # "SHA2-256(stdin)= <hex>" from the last command
    d.next(PageId.MATERIAL)
    d.type("encryptedMaterialEdit", str(tmp_path / "EncryptedKeyMaterial.bin"))
    d.type("encryptedPrivateKeyEdit", str(tmp_path / "out_rsa_private_key.der"))
    d.wait(lambda: "a wrapped" in d.label("encryptedPrivateKeyCheckLabel"))
    d.wait(lambda: d.find(QLabel, "encryptedCheckLabel").isVisible())
    d.settle()
    d.next(PageId.TOKEN)
    d.finish()
    assert d.wizard.flow.imported is not None, d.notice()
    (key,) = [k for k in backend.all_keys() if k.alias == alias]
    assert (key.state, key.key_spec) == (KeyState.ENABLED, spec)
    assert key.public_key_fingerprint == printed.lower()
