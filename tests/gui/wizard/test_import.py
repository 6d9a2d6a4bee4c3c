"""The whole wizard, driven by object names from an empty store to an Enabled key, for each
wrapping algorithm: the downloaded files, the wrap, the engine's state after Finish."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget, QWizard

from app.gui.wizard.flow_types import PageId
from app.material.import_items import format_time
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState, Origin, Tag

STAMP = r"\d{14}"


def only_key(backend):
    keys = backend.all_keys()
    assert len(keys) == 1
    return keys[0]


def check_downloads(
    folder: Path, key_id: str, alias: str, algorithm: WrappingAlgorithm, listed: list[str]
) -> Path:
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 3
    readme, token, wrapping = names  # README_ < importToken_ < wrappingKey_ (ASCII order)
    assert re.fullmatch(rf"README_{key_id}_{STAMP}\.txt", readme)
    assert re.fullmatch(rf"importToken_{key_id}_{STAMP}", token)
    assert re.fullmatch(rf"wrappingKey_{key_id}_{STAMP}", wrapping)
    assert sorted(listed) == sorted(str(folder / n) for n in names), "full paths are listed"
    public_key = serialization.load_der_public_key((folder / wrapping).read_bytes())
    assert isinstance(public_key, RSAPublicKey) and public_key.key_size == 2048
    text = (folder / readme).read_text()
    for expected in (
        f"Key ID: {key_id}",
        f"Key alias: {alias}",
        f"Wrapping algorithm: {algorithm.value}",
        f"Wrapping key file: {wrapping}",
        f"Import token file: {token}",
        " UTC",  # the expiry, in UTC (beside local time where that differs)
    ):
        assert expected in text
    return folder / wrapping


@pytest.mark.parametrize("algorithm", list(WrappingAlgorithm))
def test_from_an_empty_store_to_an_enabled_key(driver, backend, tmp_path, qtbot, algorithm):
    d = driver
    imported = []
    d.wizard.keyImported.connect(imported.append)
    assert backend.all_keys() == []
    assert d.wizard.currentId() == PageId.KEY and not d.next_enabled

    d.type("aliasEdit", "hsm-key-1")
    d.type("descriptionEdit", "material from our HSM")
    d.click("addTagButton")
    d.type("tagKeyEdit", "team")
    d.type("tagValueEdit", "payments")
    d.next(PageId.SECURITY)
    assert not d.next_enabled, "Next waits for the acknowledgement"
    d.click("acknowledgeCheck")
    d.next(PageId.DOWNLOAD)

    key = only_key(backend)
    assert (key.alias, key.description, key.tags) == (
        "hsm-key-1",
        "material from our HSM",
        (Tag("team", "payments"),),
    )
    assert (key.origin, key.state, key.kcv) == (Origin.EXTERNAL, KeyState.PENDING_IMPORT, None)
    assert not d.next_enabled, "Next waits for a download"

    folder = tmp_path / "downloads"
    folder.mkdir()
    d.download(folder, algorithm)
    listed = [d.find(QListWidget, "downloadedFilesList").item(i).text() for i in range(3)]
    wrapping_key = check_downloads(folder, key.key_id, "hsm-key-1", algorithm, listed)
    readme_expiry = re.search(
        r"Expires \(epoch seconds\): (\d+)", next(folder.glob("README_*")).read_text()
    ).group(1)
    assert format_time(int(readme_expiry)) in d.label("expiryLabel")

    d.next(PageId.WRAP)
    assert d.find(QLineEdit, "materialPlainEdit").text() == str(folder / "PlaintextKeyMaterial.bin")
    assert "will appear" not in d.label("kcvLabel")
    d.wrap_here()
    plaintext = (folder / "PlaintextKeyMaterial.bin").read_bytes()
    encrypted = folder / "EncryptedKeyMaterial.bin"
    assert len(plaintext) == 32 and len(encrypted.read_bytes()) == 256
    assert stat.S_IMODE((folder / "PlaintextKeyMaterial.bin").stat().st_mode) == 0o600
    kcv = key_check_value(plaintext)
    assert kcv in d.label("kcvLabel")
    commands = d.page().commands.commands()
    assert any(wrapping_key.name in c and "EncryptedKeyMaterial.bin" in c for c in commands)
    assert_no_widget_shows(d.wizard, plaintext)

    d.next(PageId.MATERIAL)
    assert d.find(QLineEdit, "materialKeyIdEdit").text() == key.key_id
    assert d.find(QLineEdit, "encryptedMaterialEdit").text() == str(encrypted)
    d.next(PageId.TOKEN)
    assert d.find(QLineEdit, "tokenKeyIdEdit").text() == key.key_id
    assert Path(d.find(QLineEdit, "tokenFileEdit").text()).name.startswith("importToken_")
    d.finish()

    assert d.notice() == (
        f"Key hsm-key-1 imported successfully. Key check value (KCV): {kcv}. "
        "The KMS checked that it is the KCV expected."
    )
    after = backend.describe_key(key_id=key.key_id)
    assert (after.state, after.kcv, after.material_expires_ms) == (KeyState.ENABLED, kcv, None)
    assert [k.key_id for k in imported] == [key.key_id]
    assert not d.button(QWizard.WizardButton.BackButton).isEnabled()
    assert d.button(QWizard.WizardButton.FinishButton).text() == "&Close"
    d.finish()
    assert not d.wizard.isVisible()
    assert d.wizard.result() == QWizard.DialogCode.Accepted


def assert_no_widget_shows(root: QWidget, secret: bytes) -> None:
    """The plaintext material, in any common spelling, is in no label or field."""
    import base64

    spellings = {secret.hex(), secret.hex().upper(), base64.b64encode(secret).decode()}
    for widget in root.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QLabel | QLineEdit) else ""
        assert not any(s in text for s in spellings)
