"""The wizard passes the KCV it knows to the import: the one of the material it wrapped, or
the one the user typed from their HSM. Material with another KCV is refused (KMS.2607) and
the key stays Pending import; a mistyped KCV is shown under the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from app.backends.import_record import ImportRecord, Outcome
from app.gui.wizard.flow_types import PageId
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState
from tests.gui.wizard.wizard_driver import finish_refused, hsm_wrap

PKCS1 = WrappingAlgorithm.RSAES_PKCS1_V1_5


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "downloads"
    path.mkdir()
    return path


def on_hsm(d, folder: Path, algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256) -> None:
    d.create_key("hsm-kcv")
    d.download(folder, algorithm)
    d.next(PageId.WRAP)
    d.click("wrapOnHsmRadio")


def to_token(d, folder: Path, material: bytes, kcv: str) -> None:
    d.type("hsmKcvEdit", kcv)
    encrypted = hsm_wrap(d, material, d.wizard.flow.algorithm, folder / "FromHsm.bin")
    d.next(PageId.MATERIAL)
    d.choose_encrypted(encrypted)
    d.next(PageId.TOKEN)


def test_the_typed_hsm_kcv_refuses_other_material_then_imports_the_right(
    driver, backend, folder
) -> None:
    d = driver
    on_hsm(d, folder)
    material = bytes(range(32))
    wrong = f"{int(key_check_value(material), 16) ^ 0x10:06X}"
    to_token(d, folder, material, wrong.lower())
    text = finish_refused(d, backend, "KMS.2607")
    assert wrong in text and "Pending import" in text and "check the KCV you typed" in text
    assert backend.describe_key(key_id=d.wizard.flow.key.key_id).state is KeyState.PENDING_IMPORT
    d.click("fixButton")
    assert d.wizard.currentId() == PageId.WRAP
    assert d.find(QLineEdit, "hsmKcvEdit").text() == wrong.lower(), "what was typed is kept"
    d.type("hsmKcvEdit", key_check_value(material))
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    d.finish()
    assert d.notice().endswith("The KMS checked that it is the KCV expected.")
    assert backend.describe_key(key_id=d.wizard.flow.key.key_id).kcv == key_check_value(material)
    recorded = ImportRecord().entries(key_id=d.wizard.flow.key.key_id)
    assert [(e.outcome, e.error_code, e.kcv, e.kcv_source, e.kcv_verified) for e in recorded] == [
        (Outcome.REFUSED, "KMS.2607", wrong, "typed", False),
        (Outcome.IMPORTED, None, key_check_value(material), "typed", True),
    ]


def test_a_mistyped_kcv_is_explained_and_holds_next(driver, folder) -> None:
    d = driver
    on_hsm(d, folder)
    d.type("hsmKcvEdit", "CABA0")
    assert "6 hexadecimal digits" in d.label("hsmKcvProblemLabel")
    assert not d.next_enabled
    d.type("hsmKcvEdit", "")
    d.wait(lambda: d.next_enabled)
    assert d.label("hsmKcvProblemLabel") == ""


def test_pkcs1_without_a_kcv_is_warned_about(driver, folder) -> None:
    d = driver
    on_hsm(d, folder, PKCS1)
    warning = d.find(QLabel, "hsmKcvWarning")
    assert warning.isVisible() and "random bytes" in warning.text()
    d.type("hsmKcvEdit", "CABA0B")
    assert not warning.isVisible()
    d.type("hsmKcvEdit", "")
    assert warning.isVisible()
    d.click("wrapHereRadio")
    assert not warning.isVisible(), "no warning when Keyferry wraps (it knows the KCV)"


def test_material_wrapped_here_is_imported_only_with_its_kcv(driver, backend, folder) -> None:
    """The file wrapped here was replaced by other material before the import: refused,
    since the wizard passes the KCV of what it wrapped."""
    d = driver
    d.create_key("here-kcv")
    d.download(folder)
    d.next(PageId.WRAP)
    d.wrap_here()
    hsm_wrap(d, bytes(32), WrappingAlgorithm.RSAES_OAEP_SHA_256, d.wizard.flow.wrapped.encrypted)
    d.next(PageId.MATERIAL)
    d.next(PageId.TOKEN)
    text = finish_refused(d, backend, "KMS.2607")
    assert d.wizard.flow.wrapped.kcv in text
