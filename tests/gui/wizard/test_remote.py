"""The wizard end to end against the remote backend (issue 5): the official SDK talking to
``keyferry serve`` in another process, the same pages, the same outcome; and a refusal of
the remote KMS shown with the remote's own code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6

from app.gui.wizard.flow_types import PageId
from app.gui.wizard.wizard import ImportKeyWizard
from app.model.keys import KeyState
from tests.gui.wizard.wizard_driver import WizardDriver


@pytest.fixture
def remote_driver(qtbot, remote_backend, runner) -> Iterator[WizardDriver]:
    wizard = ImportKeyWizard(remote_backend, runner)
    wizard.show()
    driver = WizardDriver(qtbot, wizard, runner)
    driver.settle()
    yield driver
    qtbot.waitUntil(lambda: not runner.busy)
    if shiboken6.isValid(wizard):
        wizard.hide()
        shiboken6.delete(wizard)


def test_the_wizard_imports_into_a_remote_kms(remote_driver, remote_backend, tmp_path) -> None:
    d = remote_driver
    folder = tmp_path / "downloads"
    folder.mkdir()
    d.to_token_page(folder, alias="remote-hsm-key")
    d.finish()
    [key] = [k for k in remote_backend.all_keys() if k.alias == "remote-hsm-key"]
    assert key.state is KeyState.ENABLED
    assert d.notice().startswith("Key remote-hsm-key imported successfully.")
    kcv = d.wizard.flow.wrapped.kcv
    assert d.notice().endswith(
        "This KMS reports no key check value, so it could not verify that the imported "
        f"material has the KCV {kcv}."
    ), "the remote KMS checked nothing, and the page says so"
    cipher = remote_backend.encrypt_data(key_id=key.key_id, plain_text=b"through the SDK")
    assert remote_backend.decrypt_data(cipher_text=cipher).plaintext == b"through the SDK"


def test_a_remote_refusal_keeps_the_remote_code(remote_driver, remote_backend, tmp_path) -> None:
    """Import with the token of another key: the remote KMS says KMS.2603 and the page shows
    it; the key stays Pending import."""
    other = remote_backend.create_key(alias="remote-other")
    other_items = tmp_path / "other"
    other_items.mkdir()
    from app.material.import_items import write_import_items
    from app.model.importing import WrappingAlgorithm

    params = remote_backend.get_parameters_for_import(
        key_id=other.key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    foreign = write_import_items(other_items, params, alias="remote-other", now_s=0)
    d = remote_driver
    folder = tmp_path / "downloads"
    folder.mkdir()
    d.to_token_page(folder, alias="remote-refused")
    d.type("tokenFileEdit", str(foreign.token))
    d.settle()
    d.finish()
    assert "KMS.2603" in d.notice()
    assert d.wizard.currentId() == PageId.TOKEN
    [key] = [k for k in remote_backend.all_keys() if k.alias == "remote-refused"]
    assert key.state is KeyState.PENDING_IMPORT
