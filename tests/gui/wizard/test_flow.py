"""The wizard's flow without Qt (as Electrum tests its wizard): which page comes next, when a
page may be left, and the branches (a new key or an import again; wrap on an HSM or here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.gui.wizard.flow import NO_NEXT_PAGE, ImportFlow
from app.gui.wizard.flow_types import (
    KeyChanges,
    MaterialSource,
    PageId,
    WrapMethod,
    WrapResult,
    error_page,
)
from app.material.import_items import ImportItems
from app.model.errors import KmsError
from app.model.importing import ExpirationMode, WrappingAlgorithm
from app.model.keys import Cmk, KeyState, Origin, Tag

#: Plain Python, like the flow itself: no QApplication (tests/test_layers.py runs it so).
pytestmark = pytest.mark.qt_free

KEY_ID = "0b8e1f3c-5d6a-4f7b-9c8d-1e2f3a4b5c6d"
NOW = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def cmk(**changes) -> Cmk:
    values = dict(
        key_id=KEY_ID,
        project_id="default",
        alias="demo",
        description="",
        origin=Origin.EXTERNAL,
        state=KeyState.PENDING_IMPORT,
        created_ms=0,
    )
    values.update(changes)
    return Cmk(**values)


def items(
    folder: Path = Path("/dl"),
    *,
    algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
    key_id: str = KEY_ID,
    expires: float = NOW + 24 * 3600,
) -> ImportItems:
    suffix = f"{key_id}_20270115080000"
    return ImportItems(
        key_id=key_id,
        alias="demo",
        wrapping_algorithm=algorithm,
        wrapping_key=folder / f"wrappingKey_{suffix}",
        token=folder / f"importToken_{suffix}",
        readme=folder / f"README_{suffix}.txt",
        expiration_time=int(expires),
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def flow(clock: Clock) -> ImportFlow:
    return ImportFlow(now=clock)


def walk(flow: ImportFlow) -> list[PageId]:
    """The pages a user passes through, pressing Next whenever the flow allows it."""
    seen = [flow.start_id()]
    while (following := flow.next_id(seen[-1])) != NO_NEXT_PAGE:
        seen.append(PageId(following))
    return seen


def test_a_new_import_visits_the_six_steps_of_the_console(flow):
    assert walk(flow) == [
        PageId.KEY,
        PageId.SECURITY,
        PageId.DOWNLOAD,
        PageId.WRAP,
        PageId.MATERIAL,
        PageId.TOKEN,
    ]


def test_an_import_again_starts_at_the_download():
    flow = ImportFlow(resume_key_id=KEY_ID)
    assert flow.resuming
    assert walk(flow) == [PageId.DOWNLOAD, PageId.WRAP, PageId.MATERIAL, PageId.TOKEN]


def test_next_after_the_last_page_or_an_unknown_one_is_none(flow):
    assert flow.next_id(PageId.TOKEN) == NO_NEXT_PAGE
    assert flow.next_id(42) == NO_NEXT_PAGE


# ---------------------------------------------------------------- 1. Key, 2. Security


def test_key_page_needs_a_valid_alias(flow):
    assert not flow.can_leave(PageId.KEY)
    assert flow.key_problems()["alias"].message == "Enter an alias."
    flow.alias = "bad alias!"
    assert flow.key_problems()["alias"].code == "KMS.1101"
    flow.alias = "good-alias"
    assert flow.can_leave(PageId.KEY)


def test_key_page_refuses_a_long_description_and_a_repeated_tag_key(flow):
    flow.alias = "demo"
    flow.description = "d" * 256
    assert set(flow.key_problems()) == {"description"}
    flow.description = "ok"
    flow.tags = (Tag("env", "a"), Tag("env", "b"))
    assert flow.key_problems()["tags"].code == "KMS.0413"
    assert not flow.can_leave(PageId.KEY)


def test_security_page_needs_the_acknowledgement(flow):
    assert not flow.can_leave(PageId.SECURITY)
    flow.acknowledged = True
    assert flow.can_leave(PageId.SECURITY)


def test_no_changes_before_the_key_exists_or_when_nothing_was_edited(flow):
    flow.alias = "demo"
    assert not flow.key_changes()
    flow.key_created(cmk(tags=(Tag("env", "prod"),)))
    flow.tags = (Tag("env", "prod"),)
    assert flow.key_changes() == KeyChanges()


def test_edits_after_the_key_exists_become_updates_not_a_second_key(flow):
    flow.key_created(cmk(tags=(Tag("env", "prod"), Tag("team", "a"))))
    flow.alias, flow.description = "renamed", "now described"
    flow.tags = (Tag("env", "test"), Tag("owner", "me"))
    changes = flow.key_changes()
    assert changes.alias == "renamed"
    assert changes.description == "now described"
    assert changes.tags_removed == (Tag("team", "a"),)
    assert changes.tags_set == (Tag("env", "test"), Tag("owner", "me"))


# ------------------------------------------------------------------------ 3. Download


def test_download_page_needs_usable_items(flow, clock):
    flow.key_created(cmk())
    assert not flow.can_leave(PageId.DOWNLOAD)
    flow.items_received(items(), modulus_bytes=256, here=True)
    assert flow.can_leave(PageId.DOWNLOAD)
    assert flow.token_path == items().token
    assert flow.download_dir == Path("/dl")
    clock.now += 24 * 3600
    assert not flow.can_leave(PageId.DOWNLOAD), "expired items cannot be used"


def test_changing_the_algorithm_after_a_download_asks_for_a_new_one(flow):
    flow.key_created(cmk())
    flow.items_received(items(), modulus_bytes=256, here=True)
    flow.algorithm = WrappingAlgorithm.RSAES_PKCS1_V1_5
    assert not flow.can_leave(PageId.DOWNLOAD)


def test_an_earlier_download_sets_the_algorithm_it_was_made_for(flow):
    flow.key_created(cmk())
    flow.items_received(
        items(algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_1), modulus_bytes=256, here=False
    )
    assert flow.algorithm is WrappingAlgorithm.RSAES_OAEP_SHA_1
    assert flow.can_leave(PageId.DOWNLOAD)


def test_items_of_another_key_are_not_usable(flow):
    flow.key_created(cmk())
    other = items(key_id="11111111-2222-4333-8444-555555555555")
    assert not flow.items_usable(other)


# --------------------------------------------------------- 4. Wrap, 5. Material: branches


def wrapped_flow(flow: ImportFlow) -> ImportFlow:
    flow.key_created(cmk())
    flow.items_received(items(), modulus_bytes=256, here=True)
    return flow


def test_wrapping_on_an_hsm_needs_nothing_more_and_prefills_nothing(flow):
    wrapped_flow(flow)
    flow.wrap_method = WrapMethod.HSM
    assert flow.can_leave(PageId.WRAP)
    assert flow.encrypted_prefill() is None


def test_wrapping_here_needs_the_wrap_and_prefills_its_file(flow):
    wrapped_flow(flow)
    flow.wrap_method = WrapMethod.HERE
    flow.plaintext_path = flow.default_plaintext_path()
    assert flow.plaintext_path == Path("/dl/PlaintextKeyMaterial.bin")
    assert not flow.can_leave(PageId.WRAP)
    result = WrapResult(
        encrypted=Path("/dl/EncryptedKeyMaterial.bin"),
        plaintext=flow.plaintext_path,
        kcv="ABCDEF",
        wrapping_key=items().wrapping_key,
        algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
    )
    flow.material_wrapped(result)
    assert flow.can_leave(PageId.WRAP)
    assert flow.encrypted_prefill() == Path("/dl/EncryptedKeyMaterial.bin")


def test_a_wrap_for_other_items_or_another_plaintext_must_be_done_again(flow):
    wrapped_flow(flow)
    flow.plaintext_path = Path("/safe/material.bin")
    flow.material_wrapped(
        WrapResult(
            encrypted=Path("/dl/EncryptedKeyMaterial.bin"),
            plaintext=Path("/safe/material.bin"),
            kcv="ABCDEF",
            wrapping_key=items().wrapping_key,
            algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
        )
    )
    assert flow.can_leave(PageId.WRAP)
    flow.plaintext_path = Path("/safe/other.bin")
    assert not flow.can_leave(PageId.WRAP)
    flow.plaintext_path = Path("/safe/material.bin")
    flow.items_received(items(Path("/elsewhere")), modulus_bytes=256, here=True)
    assert not flow.can_leave(PageId.WRAP)


def test_the_typed_hsm_kcv_is_optional_but_must_be_a_kcv(flow):
    wrapped_flow(flow)
    flow.wrap_method = WrapMethod.HSM
    assert flow.can_leave(PageId.WRAP) and flow.expected_kcv() is None
    flow.hsm_kcv = "caba0"
    assert flow.hsm_kcv_problem().code == "KMS.0308"
    assert not flow.can_leave(PageId.WRAP)
    flow.hsm_kcv = " caba0b "
    assert flow.can_leave(PageId.WRAP) and flow.expected_kcv() == "CABA0B"


def test_the_kcv_of_material_wrapped_here_goes_with_its_file_only(flow):
    wrapped_flow(flow)
    flow.plaintext_path = flow.default_plaintext_path()
    flow.hsm_kcv = "111111"  # typed, then the user chose to wrap here after all
    flow.material_wrapped(
        WrapResult(
            encrypted=Path("/dl/EncryptedKeyMaterial.bin"),
            plaintext=flow.plaintext_path,
            kcv="ABCDEF",
            wrapping_key=items().wrapping_key,
            algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
        )
    )
    assert flow.expected_kcv() == "ABCDEF"
    flow.encrypted_checked(Path("/dl/Other.bin"), bytes(256))
    assert flow.expected_kcv() is None, "another file: the wizard knows no KCV for it"
    flow.encrypted_checked(Path("/dl/EncryptedKeyMaterial.bin"), bytes(256))
    flow.plaintext_path = Path("/elsewhere.bin")
    assert flow.expected_kcv() is None, "the wrap is not current any more"


def test_only_pkcs1_on_an_hsm_without_a_kcv_is_warned_about(flow):
    flow.wrap_method, flow.algorithm = WrapMethod.HSM, WrappingAlgorithm.RSAES_PKCS1_V1_5
    assert flow.kcv_unchecked_warning()
    flow.hsm_kcv = "CABA0B"
    assert not flow.kcv_unchecked_warning()
    flow.hsm_kcv, flow.algorithm = "", WrappingAlgorithm.RSAES_OAEP_SHA_256
    assert not flow.kcv_unchecked_warning()
    flow.algorithm, flow.wrap_method = WrappingAlgorithm.RSAES_PKCS1_V1_5, WrapMethod.HERE
    assert not flow.kcv_unchecked_warning()


def test_existing_material_has_no_default_path(flow):
    wrapped_flow(flow)
    flow.material_source = MaterialSource.EXISTING
    assert flow.default_plaintext_path() is None


def test_material_page_needs_a_checked_file(flow):
    assert not flow.can_leave(PageId.MATERIAL)
    flow.encrypted_checked(Path("/dl/x.bin"), bytes(256))
    assert flow.can_leave(PageId.MATERIAL)
    flow.encrypted_checked(Path("/dl/y.bin"), None)
    assert not flow.can_leave(PageId.MATERIAL)


# ---------------------------------------------------------------------------- 6. Token


def ready_for_token(flow: ImportFlow) -> ImportFlow:
    wrapped_flow(flow)
    flow.encrypted_checked(Path("/dl/EncryptedKeyMaterial.bin"), bytes(256))
    return flow


def test_never_expires_sends_no_expiration_time(flow):
    ready_for_token(flow)
    flow.expiration_mode = ExpirationMode.NEVER
    assert flow.can_leave(PageId.TOKEN)
    assert flow.expiration_time() is None


def test_expires_on_must_be_in_the_future(flow, clock):
    ready_for_token(flow)
    flow.expiration_mode = ExpirationMode.ON_DATE
    assert flow.default_expiry() == int(NOW) + 24 * 3600
    flow.expires_at = flow.default_expiry()
    assert flow.can_leave(PageId.TOKEN)
    assert flow.expiration_time() == int(NOW) + 24 * 3600
    clock.now += 24 * 3600
    assert flow.expiry_problem().code == "KMS.2602"
    assert not flow.can_leave(PageId.TOKEN)


def test_after_the_import_finish_closes(flow):
    flow.imported = cmk(state=KeyState.ENABLED, kcv="ABCDEF")
    assert flow.can_leave(PageId.TOKEN)


# ------------------------------------------------------------------- import again, errors


def test_only_a_pending_import_external_key_can_be_imported_again():
    flow = ImportFlow(resume_key_id=KEY_ID)
    assert flow.key_loaded(cmk(state=KeyState.ENABLED)).code == "KMS.0310"
    assert flow.key_loaded(cmk(origin=Origin.KMS)).code == "KMS.0309"
    assert flow.key is None
    assert flow.key_loaded(cmk(alias="again", tags=(Tag("a", "b"),))) is None
    assert (flow.key.key_id, flow.alias, flow.tags) == (KEY_ID, "again", (Tag("a", "b"),))


@pytest.mark.parametrize(
    ("code", "page"),
    [
        ("KMS.1104", PageId.KEY),
        ("KMS.0413", PageId.KEY),
        ("KMS.2601", PageId.DOWNLOAD),
        ("KMS.0311", PageId.WRAP),
        ("KMS.2604", PageId.WRAP),
        ("KMS.2606", PageId.WRAP),
        ("KMS.2607", PageId.WRAP),
        ("KMS.2603", PageId.TOKEN),
        ("KMS.2602", PageId.TOKEN),
        ("KMS.0101", None),
    ],
)
def test_each_failure_names_the_page_that_fixes_it(code, page):
    assert error_page(KmsError(code)) == page


def test_the_flow_and_its_work_need_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, app.gui.wizard.flow, app.gui.wizard.work; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_key_left_behind_is_only_one_this_wizard_made_and_did_not_fill():
    made = Cmk(
        key_id="0e1c4c2f-6a40-4a36-9a0f-0a9f5c0e8d11",
        project_id="p",
        alias="a",
        description="",
        state=KeyState.PENDING_IMPORT,
        origin=Origin.EXTERNAL,
        created_ms=0,
    )
    flow = ImportFlow()
    assert flow.left_behind() is None  # nothing created yet
    flow.key = made
    assert flow.left_behind() is made
    flow.imported = made
    assert flow.left_behind() is None  # imported: nothing left half-made
    again = ImportFlow(resume_key_id=made.key_id)
    again.key = made
    assert again.left_behind() is None  # it existed before this wizard
