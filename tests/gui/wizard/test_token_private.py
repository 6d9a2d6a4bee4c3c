"""The wizard's token path for an RSA or EC key, by object names offscreen against a real
SoftHSM token: the token generates the pair (or has one), wraps its private key in both
layers itself, the page shows the public key's fingerprint, step 5 is filled with both
files, the import is Enabled with the token's fingerprint and recorded with the token as its
source; a signature Keyferry makes verifies with the token's public key; a key the token
will not wrap is refused with its code; the PIN and any plaintext private key appear nowhere."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass
from pkcs11.util.ec import decode_ecdsa_signature
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QRadioButton

from app.backends.import_record import ImportRecord
from app.gui.wizard.flow_types import PageId, WrapMethod
from app.material.hsm.module import Module
from app.material.hsm.private_keys import CURVE_PARAMS
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyFamily, KeySpec, KeyState
from app.model.signing import MessageType, SigningAlgorithm
from tests.gui.wizard.test_asymmetric import check_both_files, finish_and_check
from tests.softhsm import USER_PIN, SoftToken


def to_token_panel(d, tmp_path: Path, token: SoftToken, spec: KeySpec, alias: str) -> Path:
    """A new key of ``spec``, its download (OAEP-SHA-1: SoftHSM 2.6.1 cannot do SHA-256),
    and page 4 with the token chosen. The download folder."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    d.type("aliasEdit", alias)
    d.choose("keySpecCombo", spec.value)
    d.next(PageId.SECURITY)
    d.click("acknowledgeCheck")
    d.next(PageId.DOWNLOAD)
    d.download(folder, WrappingAlgorithm.RSAES_OAEP_SHA_1)
    d.next(PageId.WRAP)
    assert d.find(QRadioButton, "wrapInTokenRadio").isEnabled(), "a token wraps private keys"
    d.click("wrapInTokenRadio")
    d.type("pkcs11ModuleEdit", str(token.module_path))
    tokens = d.find(QComboBox, "tokenCombo")
    d.wait(lambda: tokens.count() == 1)
    d.settle()
    return folder


def token_objects(token: SoftToken) -> list[tuple[object, bool, bool]]:
    """Every object in the token: its class, and whether it is extractable and sensitive."""
    with Module.load(token.module_path).session(token.label, token.pin) as session:
        raw = session._session  # the test looks into the token as an HSM tool would
        wanted = [Attribute.CLASS, Attribute.EXTRACTABLE, Attribute.SENSITIVE]
        found = []
        for thing in raw.get_objects():
            kind = thing[Attribute.CLASS]
            values = thing.get_attributes(wanted) if kind == ObjectClass.PRIVATE_KEY else {}
            found.append((kind, values.get(Attribute.EXTRACTABLE), values.get(Attribute.SENSITIVE)))
        return sorted(found, key=str)


def token_verifies(token: SoftToken, label: str, digest: bytes, sig: bytes, ec: bool) -> bool:
    with Module.load(token.module_path).session(token.label, token.pin) as session:
        [public] = session._session.get_objects(
            {Attribute.CLASS: ObjectClass.PUBLIC_KEY, Attribute.LABEL: label}
        )
        if ec:
            return public.verify(digest, decode_ecdsa_signature(sig), mechanism=Mechanism.ECDSA)
        info = bytes.fromhex("3031300d060960864801650304020105000420")  # DigestInfo, SHA-256
        return public.verify(info + digest, sig, mechanism=Mechanism.RSA_PKCS)


def test_rsa_2048_generated_in_the_token_by_next_imports_with_its_fingerprint(
    driver, backend, tmp_path, soft_token
) -> None:
    d = driver
    folder = to_token_panel(d, tmp_path, soft_token, KeySpec.RSA_2048, "rsa-in-token")
    d.type("pinEdit", USER_PIN)
    d.click("generateInTokenCheck")
    assert d.find(QCheckBox, "generateInTokenCheck").text() == (
        "Generate a new RSA_2048 key pair in the token"
    )
    d.type("tokenKeyLabelEdit", "rsa-signer")
    assert d.next_enabled, "Next is the default action: the token wraps"
    check_both_files(d, folder)  # Next wrapped in the token and moved on
    done = d.wizard.flow.asym.token_wrapped
    assert done is not None and done.generated and done.key.label == "rsa-signer"
    assert token_objects(soft_token) == [
        (ObjectClass.PRIVATE_KEY, True, True),
        (ObjectClass.PUBLIC_KEY, None, None),
    ], "the pair, private key sensitive and extractable; the temporary AES key is gone"
    d.wizard.back()
    d.settle()
    assert done.fingerprint in d.label("tokenWrapResultLabel")
    check_both_files(d, folder)
    finish_and_check(d, backend, "rsa-in-token", KeySpec.RSA_2048, done.fingerprint)
    (key,) = backend.all_keys()
    [entry] = ImportRecord().entries(key_id=key.key_id)
    assert entry.extra["pkcs11"] == {
        "module": str(soft_token.module_path),
        "token_label": soft_token.label,
        "token_serial": Module.load(soft_token.module_path).token(soft_token.label).serial,
        "key_label": "rsa-signer",
        "key_class": "private_key",
    }
    assert entry.kcv_source is None and USER_PIN not in ImportRecord().raw().decode()
    digest = hashlib.sha256(b"signed by Keyferry").digest()
    signature = backend.sign(
        key_id=key.key_id,
        message=digest,
        signing_algorithm=SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256,
        message_type=MessageType.DIGEST,
    )
    assert token_verifies(soft_token, "rsa-signer", digest, signature, ec=False)
    downloads = ("wrappingKey_", "importToken_", "README_")
    written = sorted(p.name for p in folder.iterdir() if not p.name.startswith(downloads))
    assert written == ["EncryptedKeyMaterial.bin", "out_rsa_private_key.der"], "no plaintext"
    for label in d.wizard.findChildren(QLabel):
        assert USER_PIN not in label.text()


def _pair(token: SoftToken, label: str, spec: KeySpec, *, extractable: bool = True) -> None:
    """A pair made by the token's own tools, not by Keyferry."""
    with Module.load(token.module_path).session(token.label, token.pin, write=True) as session:
        raw = session._session
        template = {Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: extractable}
        if spec.family is KeyFamily.EC:
            params = {Attribute.EC_PARAMS: CURVE_PARAMS[str(spec.curve)]}
            domain = raw.create_domain_parameters(KeyType.EC, params, local=True)
            domain.generate_keypair(label=label, id=label.encode(), store=True,
                                    private_template=template)  # fmt: skip
        else:
            raw.generate_keypair(KeyType.RSA, spec.rsa_bits, label=label, id=label.encode(),
                                 store=True, private_template=template)  # fmt: skip


def test_an_ec_p256_key_of_the_token_is_listed_wrapped_and_imported(
    driver, backend, tmp_path, soft_token
) -> None:
    _pair(soft_token, "ec-signer", KeySpec.EC_P256)
    _pair(soft_token, "ec-kept", KeySpec.EC_P256, extractable=False)
    _pair(soft_token, "other-spec", KeySpec.RSA_2048)
    d = driver
    folder = to_token_panel(d, tmp_path, soft_token, KeySpec.EC_P256, "ec-in-token")
    d.type("pinEdit", USER_PIN)
    d.click("listTokenKeysButton")
    keys = d.find(QComboBox, "tokenKeyCombo")
    d.wait(lambda: keys.count() == 2)
    d.settle()
    texts = [keys.itemText(i) for i in range(keys.count())]
    assert texts[0].startswith("ec-kept (EC_P256, SHA-256 ") and "cannot be wrapped" in texts[0]
    assert texts[1].startswith("ec-signer (EC_P256, SHA-256 ")
    assert "1 private keys of another spec" in d.find(QLabel, "tokenKeyNote").text()

    d.choose("tokenKeyCombo", "ec-kept")
    d.click("wrapInTokenButton")
    d.settle()
    assert d.notice().startswith("HSM.0006: The key ec-kept is not extractable")
    assert not (folder / "out_rsa_private_key.der").exists()

    d.choose("tokenKeyCombo", "ec-signer")
    d.click("wrapInTokenButton")
    d.settle()
    done = d.wizard.flow.asym.token_wrapped
    assert done is not None and not done.generated
    assert done.fingerprint in d.label("tokenWrapResultLabel")
    assert d.wizard.currentId() == PageId.WRAP, "Wrap does not move on"
    assert d.wizard.flow.wrap_method is WrapMethod.TOKEN
    check_both_files(d, folder)
    finish_and_check(d, backend, "ec-in-token", KeySpec.EC_P256, done.fingerprint)
    (key,) = backend.all_keys()
    assert key.state is KeyState.ENABLED
    digest = hashlib.sha256(b"an EC signature").digest()
    signature = backend.sign(
        key_id=key.key_id,
        message=digest,
        signing_algorithm=SigningAlgorithm.ECDSA_SHA_256,
        message_type=MessageType.DIGEST,
    )
    assert token_verifies(soft_token, "ec-signer", digest, signature, ec=True)
    assert d.find(QLineEdit, "pinEdit").text() == ""
