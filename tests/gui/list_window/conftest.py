"""Fixtures for the list window: a handful of real keys in every state, made through the
engine's own operations, and the window over them judging time by the engine's clock."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.engine import DEFAULT_PROJECT, LocalKms, ManualClock
from app.gui.main_window import CmkListWindow
from app.model.importing import WrappingAlgorithm
from app.model.keys import Cmk, Origin, Tag
from tests.gui.list_window.driver import ListDriver
from tests.helpers import material, wrap_for

DAY_S = 86_400


@dataclass
class Keys:
    """The seeded keys by role (aliases in the comments)."""

    enabled: Cmk  # payments/prod: KMS, Enabled, tagged
    disabled: Cmk  # ledger/archive: KMS, Disabled
    imported: Cmk  # byok/hsm-2026: External, Enabled, material expires in 2 days
    pending_import: Cmk  # byok/waiting: External, Pending import
    pending_deletion: Cmk  # old/retired: KMS, Pending deletion in 7 days

    def all(self) -> list[Cmk]:
        return [
            self.enabled,
            self.disabled,
            self.imported,
            self.pending_import,
            self.pending_deletion,
        ]


def import_material(kms: LocalKms, key_id: str, *, expires_s: int | None) -> Cmk:
    params = kms.get_parameters_for_import(
        project_id=DEFAULT_PROJECT,
        key_id=key_id,
        wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256,
    )
    return kms.import_key_material(
        project_id=DEFAULT_PROJECT,
        key_id=key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, material()),
        expiration_time=expires_s,
    )


@pytest.fixture
def keys(kms: LocalKms, clock: ManualClock) -> Keys:
    p = DEFAULT_PROJECT
    enabled = kms.create_key(
        project_id=p,
        key_alias="payments/prod",
        origin=Origin.KMS,
        key_description="Card payments at rest",
        tags=(Tag("env", "prod"), Tag("team", "payments")),
    )
    disabled = kms.create_key(project_id=p, key_alias="ledger/archive", origin=Origin.KMS)
    disabled = kms.disable_key(project_id=p, key_id=disabled.key_id)
    imported = kms.create_key(
        project_id=p,
        key_alias="byok/hsm-2026",
        origin=Origin.EXTERNAL,
        tags=(Tag("source", "hsm"),),
    )
    imported = import_material(kms, imported.key_id, expires_s=int(clock.now()) + 2 * DAY_S)
    waiting = kms.create_key(
        project_id=p,
        key_alias="byok/waiting",
        origin=Origin.EXTERNAL,
        key_description="Waiting for the key ceremony",
    )
    retired = kms.create_key(project_id=p, key_alias="old/retired", origin=Origin.KMS)
    retired = kms.schedule_key_deletion(project_id=p, key_id=retired.key_id, pending_days=7)
    return Keys(enabled, disabled, imported, waiting, retired)


@pytest.fixture
def make_window(qtbot, backend, runner, clock):
    def make(tick_ms: int = 50) -> ListDriver:
        window = CmkListWindow(backend, runner, now=clock.now, tick_ms=tick_ms)
        qtbot.addWidget(window)
        window.show()
        driver = ListDriver(qtbot, window, runner)
        driver.wait_loaded()
        return driver

    return make


@pytest.fixture
def lw(make_window, keys) -> ListDriver:
    """The list window over the seeded keys."""
    return make_window()
