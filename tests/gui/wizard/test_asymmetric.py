"""An RSA or EC key through the wizard, by object names: the key algorithm and usage as the
console's dialog has them, a private key generated or taken from the user's file (an
encrypted PEM asks for its passphrase), both files written and checked, wrong files
refused with their code, and the imported key Enabled with the public key's fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.gui.wizard.flow_types import PageId
from app.model.keys import KeySpec, KeyState, KeyUsage, Origin
from app.model.private_keys import key_fingerprint
from tests.gui.wizard.wizard_driver import new_asymmetric_key


def usage_item(d, usage: KeyUsage):
    combo = d.find(QComboBox, "keyUsageCombo")
    return combo.model().item(combo.findData(usage.value))


def wrap_here(d, *, existing: Path | None = None, passphrase: str = "") -> None:
    d.click("wrapHereRadio")
    if existing is None:
        d.click("generatePrivateKeyRadio")
    else:
        d.click("existingPrivateKeyRadio")
        d.type("privateKeyEdit", str(existing))
        d.wait(lambda: d.find(QLabel, "privateKeyCheckLabel").isVisible())
        d.settle()
    if passphrase:
        d.type("privateKeyPassphraseEdit", passphrase)
    d.click("wrapPrivateKeyButton")
    d.settle()


def test_the_key_page_offers_the_consoles_specs_and_greys_what_ec_cannot(driver):
    d = driver
    specs = d.find(QComboBox, "keySpecCombo")
    assert [specs.itemText(i) for i in range(specs.count())] == [
        "AES_256", "RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384",
    ]  # fmt: skip
    usage = d.find(QComboBox, "keyUsageCombo")
    assert usage.currentData() == "ENCRYPT_DECRYPT"
    assert not usage_item(d, KeyUsage.SIGN_VERIFY).isEnabled()
    d.choose("keySpecCombo", "RSA_2048")
    assert usage.currentData() == "SIGN_VERIFY", "the console's default for RSA"
    assert usage_item(d, KeyUsage.ENCRYPT_DECRYPT).isEnabled()
    d.choose("keyUsageCombo", "ENCRYPT_DECRYPT")
    assert d.wizard.flow.key_usage is KeyUsage.ENCRYPT_DECRYPT
    d.choose("keySpecCombo", "EC_P256")
    encrypt = usage_item(d, KeyUsage.ENCRYPT_DECRYPT)
    assert not encrypt.isEnabled()
    assert encrypt.toolTip() == "An EC_P256 key signs and verifies only."
    assert d.label("keyUsageNote") == "An EC_P256 key signs and verifies only."
    assert usage.currentData() == "SIGN_VERIFY"
    assert d.wizard.flow.key_usage is KeyUsage.SIGN_VERIFY


def check_both_files(d, folder: Path) -> tuple[Path, Path]:
    d.next(PageId.MATERIAL)
    material = d.find(QLineEdit, "encryptedMaterialEdit").text()
    private = d.find(QLineEdit, "encryptedPrivateKeyEdit").text()
    assert (Path(material), Path(private)) == (
        folder / "EncryptedKeyMaterial.bin",
        folder / "out_rsa_private_key.der",
    )
    d.wait(lambda: d.find(QLabel, "encryptedPrivateKeyCheckLabel").isVisible())
    d.settle()
    assert "a wrapped" in d.label("encryptedPrivateKeyCheckLabel")
    return Path(material), Path(private)


def finish_and_check(d, backend, alias: str, spec: KeySpec, fingerprint: str) -> None:
    d.next(PageId.TOKEN)
    assert not d.find(QWidget, "expiresOnRadio").isVisible()
    assert "does not expire" in d.label("noExpiryLabel")
    d.finish()
    assert d.wizard.flow.imported is not None, d.notice()
    (key,) = [k for k in backend.all_keys() if k.alias == alias]
    assert (key.state, key.origin, key.key_spec) == (KeyState.ENABLED, Origin.EXTERNAL, spec)
    assert key.public_key_fingerprint == fingerprint
    public = serialization.load_pem_public_key(backend.get_public_key(key_id=key.key_id).encode())
    assert key_fingerprint(public) == fingerprint
    assert fingerprint in d.notice()
    assert "fingerprint of the private key wrapped here" in d.notice()


def test_rsa_2048_generated_here_imports_enabled(driver, backend, tmp_path):
    d = driver
    new_asymmetric_key(d, tmp_path, KeySpec.RSA_2048, "rsa-generated")
    assert d.find(QWidget, "asymmetricWrapPanel").isVisible()
    assert not d.find(QWidget, "generateMaterialRadio").isVisible()
    wrap_here(d)
    generated = tmp_path / "PrivateKey.pem"
    key = serialization.load_pem_private_key(generated.read_bytes(), None)
    assert isinstance(key, rsa.RSAPrivateKey) and key.key_size == 2048
    assert generated.stat().st_mode & 0o777 == 0o600
    fingerprint = key_fingerprint(key)
    assert fingerprint in d.label("fingerprintLabel")
    commands = "\n".join(d.page().commands.commands())
    for expected in (
        "openssl genrsa -out PrivateKey.pem 2048",
        "openssl rand -out 0xPlaintextKeyMaterial.bin -hex 32",
        "xxd -r -ps 0xPlaintextKeyMaterial.bin > PlaintextKeyMaterial.bin",
        "-pkeyopt rsa_oaep_md:sha256",
        "openssl pkcs8 -topk8 -inform PEM -in PrivateKey.pem -outform DER -nocrypt",
        "openssl enc -id-aes256-wrap-pad -K $(cat 0xPlaintextKeyMaterial.bin) -iv A65959A6 "
        "-in key.der -out out_rsa_private_key.der",
        "openssl pkey -inform PEM -in PrivateKey.pem -pubout -outform DER | openssl dgst",
    ):
        assert expected in commands
    assert "OpenSSL 3.0" in d.label("opensslNoteLabel")
    check_both_files(d, tmp_path)
    finish_and_check(d, backend, "rsa-generated", KeySpec.RSA_2048, fingerprint)


def test_next_wraps_a_generated_private_key_and_moves_on(driver, backend, tmp_path):
    d = driver
    new_asymmetric_key(d, tmp_path, KeySpec.EC_P256, "ec-by-next")
    d.click("wrapHereRadio")
    d.click("generatePrivateKeyRadio")
    assert "Next wraps it" in d.label("asymWrapResultLabel")
    assert d.next_enabled, "Next is the default action: it wraps"
    material, private = check_both_files(d, tmp_path)
    assert material.exists() and private.exists()
    generated = serialization.load_pem_private_key((tmp_path / "PrivateKey.pem").read_bytes(), None)
    finish_and_check(d, backend, "ec-by-next", KeySpec.EC_P256, key_fingerprint(generated))


def test_ec_p256_from_an_encrypted_pem_asks_for_its_passphrase(driver, backend, tmp_path):
    d = driver
    key = ec.generate_private_key(ec.SECP256R1())
    pem = tmp_path / "mine" / "ec.pem"
    pem.parent.mkdir()
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"correct horse"),
        )
    )
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    new_asymmetric_key(d, downloads, KeySpec.EC_P256, "ec-from-file")
    d.click("wrapHereRadio")
    d.click("existingPrivateKeyRadio")
    d.type("privateKeyEdit", str(pem))
    passphrase = d.find(QLineEdit, "privateKeyPassphraseEdit")
    d.wait(passphrase.isVisible)
    assert "encrypted" in d.label("privateKeyCheckLabel")
    assert passphrase.echoMode() is QLineEdit.EchoMode.Password
    d.type("privateKeyPassphraseEdit", "wrong horse")
    d.click("wrapPrivateKeyButton")
    d.settle()
    assert d.notice().startswith("The passphrase does not decrypt "), d.notice()
    assert not d.next_enabled, "Next needs the passphrase typed again"
    assert not (downloads / "out_rsa_private_key.der").exists()
    assert passphrase.text() == "", "the passphrase is cleared after each wrap"
    d.type("privateKeyPassphraseEdit", "correct horse")
    d.click("wrapPrivateKeyButton")
    d.settle()
    assert d.next_enabled
    commands = "\n".join(d.page().commands.commands())
    assert str(pem) in commands and "genpkey" not in commands
    check_both_files(d, downloads)
    finish_and_check(d, backend, "ec-from-file", KeySpec.EC_P256, key_fingerprint(key))


def test_a_private_key_of_another_spec_is_refused_at_once(driver, tmp_path):
    d = driver
    other = tmp_path / "p384.der"
    other.write_bytes(
        ec.generate_private_key(ec.SECP384R1()).private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    new_asymmetric_key(d, downloads, KeySpec.EC_P256, "ec-wrong")
    d.click("wrapHereRadio")
    d.click("existingPrivateKeyRadio")
    d.type("privateKeyEdit", str(other))
    d.wait(lambda: d.find(QLabel, "privateKeyCheckLabel").isVisible())
    d.settle()
    assert d.label("privateKeyCheckLabel").startswith("KMS.2609: ")
    assert "secp384r1" in d.label("privateKeyCheckLabel")
    assert "-inform DER" in "\n".join(d.page().commands.commands())
    d.click("wrapPrivateKeyButton")
    d.settle()
    assert d.notice().startswith("KMS.2609: ")
    assert not d.next_enabled


@pytest.mark.parametrize(
    ("wrong", "expected"),
    [
        ("material", "encrypted key material chosen above"),
        ("plain", "private key itself, not wrapped"),
        ("pem", "PEM text file"),
        ("token", "import token"),
        ("odd", "multiple of 8 bytes"),
        ("rsa4096", "A wrapped RSA_2048 private key is 1024 to 1536 bytes"),
    ],
)
def test_a_wrong_file_in_step_5_is_refused_with_its_code(driver, tmp_path, wrong, expected):
    d = driver
    new_asymmetric_key(d, tmp_path, KeySpec.RSA_2048, "rsa-wrong-file")
    wrap_here(d)
    material, private = check_both_files(d, tmp_path)
    key = serialization.load_pem_private_key((tmp_path / "PrivateKey.pem").read_bytes(), None)
    files = {
        "material": material,
        "plain": tmp_path / "key.der",
        "pem": tmp_path / "PrivateKey.pem",
        "token": d.wizard.flow.items.token,
        "odd": tmp_path / "odd.bin",
        "rsa4096": tmp_path / "big.der",
    }
    files["plain"].write_bytes(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    files["odd"].write_bytes(b"\x01" * 1231)
    files["rsa4096"].write_bytes(b"\x02" * 2392)
    edit = d.find(QLineEdit, "encryptedPrivateKeyEdit")
    d.type("encryptedPrivateKeyEdit", str(files[wrong]))
    d.wait(lambda: "KMS.0308: " in d.label("encryptedPrivateKeyCheckLabel"))
    d.settle()
    text = d.label("encryptedPrivateKeyCheckLabel")
    assert text.startswith("KMS.0308: ") and expected in text, text
    assert not d.next_enabled
    d.type("encryptedPrivateKeyEdit", str(private))
    d.wait(lambda: "a wrapped" in d.label("encryptedPrivateKeyCheckLabel"))
    d.settle()
    assert d.next_enabled and edit.text() == str(private)


def test_the_key_page_fixes_spec_and_usage_once_the_key_exists(driver, tmp_path):
    d = driver
    new_asymmetric_key(d, tmp_path, KeySpec.RSA_3072, "rsa-fixed")
    d.wizard.go_back_to(PageId.KEY)
    d.wait(lambda: d.wizard.currentId() == PageId.KEY)
    for name in ("keySpecCombo", "keyUsageCombo"):
        combo = d.find(QComboBox, name)
        assert not combo.isEnabled()
        assert "fixed when it was created" in combo.toolTip()
    assert d.find(QComboBox, "keySpecCombo").currentData() == "RSA_3072"
    assert Qt  # the page is still driven by object names only
