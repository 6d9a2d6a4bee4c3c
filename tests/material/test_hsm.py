"""The token path against a real SoftHSM 2 token (a fresh one per test): modules, tokens,
keys, generate, wrap with each algorithm, the KCV computed in the token, and every failure a
user can meet, as a sentence with its code and never the PIN."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pkcs11
import pytest
from cryptography.hazmat.primitives import serialization
from pkcs11 import Attribute, KeyType, MechanismFlag

from app.material.files import FileProblem
from app.material.hsm.discovery import ModuleInfo, find_modules
from app.material.hsm.module import Module
from app.material.hsm.pin import Pin
from app.material.hsm.problems import HsmError, HsmProblem
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState, Origin
from tests.softhsm import USER_PIN, SoftToken

SOFTHSM_SO = Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")


def refused(problem: HsmProblem, call, *args, **kwargs) -> HsmError:
    with pytest.raises(HsmError) as caught:
        call(*args, **kwargs)
    error = caught.value
    assert error.problem is problem, error.message
    assert error.code == problem.code and error.message == str(error).split(": ", 1)[1]
    assert USER_PIN not in str(error) and USER_PIN not in repr(error.arguments)
    return error


def pending_key(backend, algorithm: WrappingAlgorithm):
    key = backend.create_key(alias="from-token", description="", origin=Origin.EXTERNAL, tags=())
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=algorithm)
    return key, params, serialization.load_der_public_key(params.public_key_der)


# ----------------------------------------------------------------------------- discovery


def test_the_installed_softhsm_is_found_through_its_p11_kit_registration() -> None:
    found = {m.path.resolve(): m for m in find_modules()}
    softhsm = found[SOFTHSM_SO.resolve()]
    assert softhsm.name == "softhsm2"
    assert softhsm.registered_by == Path("/usr/share/p11-kit/modules/softhsm2.module")


def test_registrations_resolve_names_skip_trust_modules_and_let_the_user_override(tmp_path):
    libs, user, system = tmp_path / "lib", tmp_path / "user", tmp_path / "system"
    for folder in (libs, user, system):
        folder.mkdir()
    (libs / "vendor.so").write_bytes(b"\x7fELF")
    (libs / "other.so").write_bytes(b"\x7fELF")
    (system / "vendor.module").write_text("module: vendor.so\n")
    (system / "trust.module").write_text("module: vendor.so\ntrust-policy: yes\n")
    (system / "gone.module").write_text("module: /nowhere/gone.so\n")
    (user / "vendor.module").write_text(f"# mine\nmodule: {libs / 'other.so'}\n")
    (system / "again.module").write_text(f"module: {libs / 'other.so'}\n")
    vendor = tmp_path / "luna.so"
    vendor.write_bytes(b"\x7fELF")
    found = find_modules(
        config_dirs=(user, system),
        module_dirs=(libs,),
        vendor_modules=(("Luna", str(vendor)), ("Absent", str(tmp_path / "no.so"))),
    )
    assert found == [
        ModuleInfo("vendor", libs / "other.so", user / "vendor.module"),
        ModuleInfo("Luna", vendor),
    ]


# ------------------------------------------------------------------ tokens, keys, generate


def test_tokens_are_listed_with_label_serial_and_manufacturer(soft_token: SoftToken) -> None:
    tokens = Module.load(soft_token.module_path).tokens()
    assert [t.label for t in tokens] == [soft_token.label]
    assert tokens[0].manufacturer == "SoftHSM project" and len(tokens[0].serial) == 16


def test_a_generated_key_is_sensitive_extractable_256_bits_with_its_kcv(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        made = session.generate("byok-1")
        assert session.keys() == [made]
    assert (made.label, made.bits, made.extractable, made.sensitive) == ("byok-1", 256, True, True)
    assert made.wrappable and made.importable and len(made.key_id) == 16
    assert made.kcv is not None and re.fullmatch("[0-9A-F]{6}", made.kcv), made.kcv  # "123456" too
    assert made.legacy_check_value is not None and made.legacy_check_value != made.kcv


def test_a_label_that_exists_is_refused_and_nothing_is_generated(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        first = session.generate("byok-1")
        error = refused(HsmProblem.LABEL_EXISTS, session.generate, "byok-1")
        assert session.keys() == [first]
    assert "byok-1" in error.message and soft_token.label in error.message


# --------------------------------------------------------------------------- the wrap


@pytest.mark.parametrize(
    "algorithm", [WrappingAlgorithm.RSAES_OAEP_SHA_1, WrappingAlgorithm.RSAES_PKCS1_V1_5]
)
def test_the_token_wraps_and_the_engine_imports_with_the_tokens_kcv(
    soft_token, backend, algorithm
) -> None:
    key, params, wrapping_key = pending_key(backend, algorithm)
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        made = session.generate("byok-1")
        wrapped = session.wrap(key_label="byok-1", wrapping_key=wrapping_key, algorithm=algorithm)
    assert len(wrapped.encrypted) == wrapping_key.key_size // 8
    assert wrapped.key.kcv == made.kcv and wrapped.algorithm is algorithm
    imported = backend.import_key_material(
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrapped.encrypted,
        expiration_time=None,
    )
    assert imported.state is KeyState.ENABLED and imported.kcv == made.kcv


def test_oaep_sha_256_is_refused_by_softhsm_with_what_to_do_instead(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    wrapping_key = _rsa_public_key()
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        session.generate("byok-1")
        error = refused(
            HsmProblem.ALGORITHM_UNSUPPORTED,
            session.wrap,
            key_label="byok-1",
            wrapping_key=wrapping_key,
            algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
        )
    assert error.code == "HSM.0007"
    assert "cannot wrap with RSAES_OAEP_SHA_256 (CKR_ARGUMENTS_BAD)" in error.message
    assert "RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1" in error.message
    assert "cannot be fixed after the import" in error.message


def test_a_non_extractable_key_is_refused_saying_a_key_must_be_extractable(soft_token) -> None:
    _make_key(soft_token, "locked-in", extractable=False)
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin) as session:
        [listed] = session.keys()
        assert not listed.extractable and not listed.wrappable and not listed.importable
        error = refused(
            HsmProblem.NOT_EXTRACTABLE,
            session.wrap,
            key_label="locked-in",
            wrapping_key=_rsa_public_key(),
            algorithm=WrappingAlgorithm.RSAES_PKCS1_V1_5,
        )
    assert "must be extractable to be wrapped" in error.message


def test_a_key_wrappable_only_with_trusted_keys_is_refused_saying_so(soft_token) -> None:
    _make_key(soft_token, "trusted-only", extractable=True, trusted_only=True)
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin) as session:
        [listed] = session.keys()
        assert listed.extractable and not listed.wrappable and not listed.importable
        error = refused(
            HsmProblem.NOT_WRAPPABLE,
            session.wrap,
            key_label="trusted-only",
            wrapping_key=_rsa_public_key(),
            algorithm=WrappingAlgorithm.RSAES_PKCS1_V1_5,
        )
    assert error.code == "HSM.0006" and "CKA_WRAP_WITH_TRUSTED" in error.message
    assert "trusted-only" in error.message


def test_a_key_that_may_not_mac_shows_only_its_legacy_check_value(soft_token) -> None:
    _make_key(soft_token, "no-mac", extractable=True, capabilities=MechanismFlag.ENCRYPT)
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin) as session:
        [listed] = session.keys()
    assert listed.kcv is None and listed.legacy_check_value and len(listed.legacy_check_value) == 6


def test_another_keys_kcv_is_refused_before_anything_is_wrapped(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        made = session.generate("byok-1")
        other = "000000" if made.kcv != "000000" else "111111"
        error = refused(
            HsmProblem.KCV_DIFFERS,
            session.wrap,
            key_label="byok-1",
            wrapping_key=_rsa_public_key(),
            algorithm=WrappingAlgorithm.RSAES_PKCS1_V1_5,
            expect_kcv=other,
        )
    assert made.kcv in error.message and other in error.message


def test_a_missing_key_label_says_which_token(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin) as session:
        error = refused(HsmProblem.NO_SUCH_KEY, session.key, "nope")
    assert "nope" in error.message and soft_token.label in error.message


# ------------------------------------------------------------------------ logging in


def test_a_wrong_pin_is_refused_without_the_pin_in_any_text(soft_token, caplog) -> None:
    module = Module.load(soft_token.module_path)
    wrong = Pin("999999")
    with pytest.raises(HsmError) as caught, module.session(soft_token.label, wrong):
        pass
    error = caught.value
    assert error.problem in (HsmProblem.WRONG_PIN, HsmProblem.WRONG_PIN_FEW_TRIES)
    assert error.code == "HSM.0003" and soft_token.label in error.message
    for text in (str(error), repr(error), caplog.text, repr(wrong), str(wrong)):
        assert "999999" not in text
    with pytest.raises(TypeError):
        pickle.dumps(wrong)


def test_no_pin_and_no_token_and_an_unknown_token_are_clear(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    refused(HsmProblem.PIN_MISSING, lambda: module.session(soft_token.label, Pin("")).__enter__())
    error = refused(HsmProblem.NO_SUCH_TOKEN, module.token, "elsewhere")
    assert "elsewhere" in error.message and soft_token.label in error.message


def test_a_pin_file_gives_its_first_line_and_a_bad_one_is_named_without_its_content(
    tmp_path,
) -> None:
    good, binary = tmp_path / "pin", tmp_path / "binary"
    good.write_bytes(b"314159\r\nsecond line\n")
    binary.write_bytes(b"\xff31415\n")
    assert Pin.from_file(good).reveal() == "314159"
    with pytest.raises(FileProblem) as caught:
        Pin.from_file(binary)
    assert caught.value.message_id == "hsm.pin_file_not_text"
    assert caught.value.message == f"{binary} is not a PIN file: it is not UTF-8 text."
    with pytest.raises(FileProblem) as caught:
        Pin.from_file(tmp_path / "absent")
    assert caught.value.message_id == "file.missing" and "31415" not in caught.value.message


def test_a_token_made_meanwhile_appears_after_a_reload(soft_token) -> None:
    module = Module.load(soft_token.module_path)
    soft_token.init_token("second")
    module.reload()
    assert sorted(t.label for t in module.tokens()) == ["keyferry-test", "second"]


# ------------------------------------------------------------------------ the module


def test_a_missing_module_is_named(tmp_path) -> None:
    error = refused(HsmProblem.MODULE_MISSING, Module.load, tmp_path / "libvendor.so")
    assert str(tmp_path / "libvendor.so") in error.message and error.code == "HSM.0001"


def test_a_library_that_is_no_pkcs11_module_is_named() -> None:
    refused(HsmProblem.MODULE_NOT_PKCS11, Module.load, "/lib/x86_64-linux-gnu/libc.so.6")


def test_a_text_file_is_no_pkcs11_module(tmp_path) -> None:
    fake = tmp_path / "fake.so"
    fake.write_text("not a library")
    refused(HsmProblem.MODULE_NOT_PKCS11, Module.load, fake)


@pytest.mark.parametrize(("offset", "value"), [(4, 1), (18, 183)])  # 32-bit; aarch64
def test_a_module_for_another_processor_is_named(tmp_path, offset, value) -> None:
    copy = tmp_path / "libsofthsm2-other.so"
    data = bytearray(SOFTHSM_SO.read_bytes())
    data[offset] = value
    copy.write_bytes(bytes(data))
    error = refused(HsmProblem.MODULE_WRONG_ARCHITECTURE, Module.load, copy)
    assert "x86_64" in error.message


def test_a_module_missing_a_library_names_the_library(tmp_path) -> None:
    copy = tmp_path / "libsofthsm2-dep.so"
    data = SOFTHSM_SO.read_bytes()
    assert data.count(b"libcrypto.so.3\x00") == 1
    copy.write_bytes(data.replace(b"libcrypto.so.3\x00", b"libmissing.so3\x00"))
    error = refused(HsmProblem.MODULE_MISSING_DEPENDENCY, Module.load, copy)
    assert "needs libmissing.so3" in error.message and "LD_LIBRARY_PATH" in error.message


def test_a_module_that_fails_to_start_says_to_check_its_configuration(
    tmp_path, monkeypatch
) -> None:
    copy = tmp_path / "libsofthsm2-conf.so"  # its own library object, started afresh here
    shutil.copy(SOFTHSM_SO, copy)
    monkeypatch.setenv("SOFTHSM2_CONF", str(tmp_path / "absent.conf"))
    error = refused(HsmProblem.MODULE_INIT_FAILED, Module.load, copy)
    assert "SOFTHSM2_CONF" in error.message and "CKR_" in error.message


# ------------------------------------------------------------------------- helpers


def _rsa_public_key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()


def _make_key(
    token: SoftToken,
    label: str,
    *,
    extractable: bool,
    capabilities: MechanismFlag = MechanismFlag.ENCRYPT | MechanismFlag.SIGN,
    trusted_only: bool = False,
) -> None:
    """A key made the way another tool would make it (not through Keyferry); with
    ``trusted_only``, wrappable only with the token's trusted keys (CKA_WRAP_WITH_TRUSTED)."""
    lib = pkcs11.lib(str(token.module_path.resolve()))
    with lib.get_token(token_label=token.label).open(rw=True, user_pin=USER_PIN) as session:
        session.generate_key(
            KeyType.AES,
            256,
            label=label,
            store=True,
            capabilities=capabilities,
            template={
                Attribute.SENSITIVE: True,
                Attribute.EXTRACTABLE: extractable,
                Attribute.WRAP_WITH_TRUSTED: trusted_only,
            },
        )


# -------------------------------------------------------------- the file, end to end


def test_wrap_to_file_writes_only_ciphertext_and_never_runs_the_local_wrap(
    soft_token, backend, tmp_path, monkeypatch
) -> None:
    import app.material.wrap as local_wrap
    from app.material.hsm.wrap_file import wrap_to_file

    def never(*_args, **_kwargs):
        raise AssertionError("the local wrapping code ran on the token path")

    monkeypatch.setattr(local_wrap, "wrap_material", never)
    monkeypatch.setattr(local_wrap, "generate_material", never)
    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_1
    key, params, _public = pending_key(backend, algorithm)
    tmp_path = tmp_path / "downloads"  # the store's folder is beside it
    tmp_path.mkdir()
    wrapping_key = tmp_path / "wrappingKey"
    wrapping_key.write_bytes(params.public_key_der)
    out = tmp_path / "EncryptedKeyMaterial.bin"
    result = wrap_to_file(
        module=soft_token.module_path,
        token_label=soft_token.label,
        pin=soft_token.pin,
        key_label="byok-1",
        generate=True,
        wrapping_key=wrapping_key,
        algorithm=algorithm,
        out=out,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["EncryptedKeyMaterial.bin", "wrappingKey"]
    assert out.stat().st_mode & 0o777 == 0o600 and len(out.read_bytes()) == 256
    assert result.source.token_label == soft_token.label and result.source.key_label == "byok-1"
    assert len(result.source.token_serial) == 16 and result.generated
    imported = backend.import_key_material(
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=out.read_bytes(),
        expiration_time=None,
    )
    assert imported.kcv == result.kcv


def test_a_key_generated_for_a_wrap_that_fails_is_destroyed_again(soft_token, tmp_path) -> None:
    from app.material.hsm.wrap_file import wrap_to_file

    wrapping_key = tmp_path / "wrappingKey"
    wrapping_key.write_bytes(
        _rsa_public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    with pytest.raises(HsmError) as caught:
        wrap_to_file(
            module=soft_token.module_path,
            token_label=soft_token.label,
            pin=soft_token.pin,
            key_label="byok-1",
            generate=True,
            wrapping_key=wrapping_key,
            algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
            out=tmp_path / "EncryptedKeyMaterial.bin",
        )
    assert caught.value.problem is HsmProblem.ALGORITHM_UNSUPPORTED
    assert not (tmp_path / "EncryptedKeyMaterial.bin").exists()
    with Module.load(soft_token.module_path).session(soft_token.label, soft_token.pin) as session:
        assert session.keys() == []


@pytest.mark.qt_no_exception_capture
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_session_gone_from_under_a_call_is_a_lost_session(soft_token) -> None:
    """The module started again while a session is open (as a network HSM's client does
    when it reconnects): the session's handle is gone, and the call says so with what to do.
    (python-pkcs11's search object, freed later on the dead handle, reports an ignored
    exception: the filter above.)"""
    module = Module.load(soft_token.module_path)
    with module.session(soft_token.label, soft_token.pin, write=True) as session:
        session.generate("byok-lost")
        module.reload()
        error = refused(HsmProblem.SESSION_LOST, session.keys)
    assert error.code == "HSM.0010" and "CKR_SESSION_HANDLE_INVALID" in error.message
    assert "try again" in error.message
