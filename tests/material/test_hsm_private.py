"""The token's private keys through app.material.hsm on a real SoftHSM token: what the listing
says of a pair, the temporary key gone after the wrap, and a token without RFC 5649."""

from __future__ import annotations

import pytest
from pkcs11 import Attribute, Mechanism, ObjectClass

from app.material.hsm.module import Module
from app.material.hsm.private_keys import key_wrap_mechanism
from app.material.hsm.problems import HsmError
from app.material.wrap import load_wrapping_key
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec
from tests.softhsm import SoftToken


def test_rfc_5649_is_taken_under_either_name_and_its_absence_says_what_to_do() -> None:
    assert key_wrap_mechanism({Mechanism.AES_KEY_WRAP_PAD}, "t") is Mechanism.AES_KEY_WRAP_PAD
    both = {Mechanism.AES_KEY_WRAP_PAD, Mechanism.AES_KEY_WRAP_KWP}
    assert key_wrap_mechanism(both, "t") is Mechanism.AES_KEY_WRAP_KWP
    with pytest.raises(HsmError) as refused:
        key_wrap_mechanism({Mechanism.AES_KEY_WRAP, Mechanism.RSA_PKCS}, "hsm-7")
    assert (refused.value.code, refused.value.message_id) == ("HSM.0007", "hsm.no_key_wrap_pad")
    assert "The token hsm-7 cannot wrap a private key with AES key wrap with padding" in str(
        refused.value
    )


def test_a_pair_is_listed_with_its_spec_and_the_temporary_key_is_gone_after_the_wrap(
    soft_token: SoftToken, tmp_path
) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    wrapping = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    path = tmp_path / "wrappingKey"
    path.write_bytes(
        wrapping.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        keys = session.private_keys()
        made = keys.generate("p384", KeySpec.EC_P384)
        assert (made.family, made.size, made.spec) == ("EC", "secp384r1", KeySpec.EC_P384)
        assert made.extractable and made.sensitive and made.fingerprint
        assert keys.keys() == [made]
        wrapped = keys.wrap_for_import(
            label="p384",
            spec=None,
            wrapping_key=load_wrapping_key(path),
            algorithm=WrappingAlgorithm.RSAES_PKCS1_V1_5,
        )
        assert wrapped.key == made and len(wrapped.encrypted_key_material) == 256
        assert len(wrapped.encrypted_private_key) % 8 == 0
        raw = session._session  # the test looks into the token as an HSM tool would
        assert list(raw.get_objects({Attribute.CLASS: ObjectClass.SECRET_KEY})) == []
        assert len(list(raw.get_objects())) == 2, "the pair, and nothing else"
