"""The wizard against the stand-in cloud behind the fault-injecting proxy: every import is in
the import record with the KCV wrapped here; a key made without its tags is the wizard's own
(Next sets them, never "choose another alias"); a lost import answer is confirmed, not
reported failed; Cancel during a slow create says the key may exist."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QWizard

from app.backends.huawei import HuaweiBackend
from app.backends.import_record import ImportRecord, Outcome
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.wizard import ImportKeyWizard
from app.model.keys import KeyState, Tag
from tests.gui.wizard.wizard_driver import WizardDriver
from tests.server.fault_proxy import Fault, FaultProxy, fault_proxy
from tests.server.live import ACCESS_KEY, SECRET_KEY, new_project


@pytest.fixture
def proxy(live_server) -> Iterator[FaultProxy]:
    with fault_proxy(live_server.url) as running:
        yield running


@pytest.fixture
def cloud(proxy: FaultProxy) -> Iterator[HuaweiBackend]:
    backend = HuaweiBackend(
        endpoint=proxy.url,
        project_id=new_project(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
        profile="lab",
    )
    yield backend
    backend.close()


@pytest.fixture
def driver(qtbot, cloud, runner) -> Iterator[WizardDriver]:
    wizard = ImportKeyWizard(cloud, runner)
    wizard.show()
    d = WizardDriver(qtbot, wizard, runner)
    d.settle()
    yield d
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    if shiboken6.isValid(wizard):
        wizard.hide()
        shiboken6.delete(wizard)


def test_a_lost_import_answer_is_confirmed_and_recorded(driver, cloud, proxy, tmp_path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    driver.to_token_page(folder, alias="lost-answer")
    kcv = driver.wizard.flow.wrapped.kcv
    proxy.add(Fault("import-key-material", "after", status=504))
    driver.finish()
    assert driver.notice().startswith("Key lost-answer imported successfully.")
    [key] = cloud.all_keys()
    assert key.state is KeyState.ENABLED
    (entry,) = ImportRecord().entries(key_id=key.key_id)
    assert (entry.outcome, entry.kcv, entry.kcv_source) == (Outcome.IMPORTED, kcv, "wrapped-here")
    assert entry.kms == cloud.where and entry.wrapping_algorithm == "RSAES_OAEP_SHA_256"
    assert entry.token_expires_ms and entry.alias == "lost-answer"


def test_a_key_made_without_its_tags_is_the_wizards_own(driver, cloud, proxy) -> None:
    driver.type("aliasEdit", "half-made")
    driver.wizard.flow.tags = (Tag("env", "prod"),)
    driver.next(PageId.SECURITY)
    driver.click("acknowledgeCheck")
    proxy.add(Fault("{key_id}/tags/action", "before", status=503))
    driver.button(QWizard.WizardButton.NextButton).click()
    driver.settle()
    assert driver.wizard.currentId() == PageId.SECURITY
    [key] = cloud.all_keys()
    assert driver.wizard.flow.key is not None and driver.wizard.flow.key.key_id == key.key_id
    assert "was created" in driver.notice() and "Next goes on with this key" in driver.notice()
    assert "KMS.1104" not in driver.notice()
    driver.next(PageId.DOWNLOAD)  # Next sets the tags on the same key
    assert cloud.show_tags(key_id=key.key_id) == (Tag("env", "prod"),)
    assert [k.key_id for k in cloud.all_keys()] == [key.key_id]


def test_cancel_during_a_slow_create_says_the_key_may_exist(driver, cloud, proxy) -> None:
    may_exist: list[str] = []
    driver.wizard.keyMayExist.connect(may_exist.append)
    driver.type("aliasEdit", "slow-create")
    driver.next(PageId.SECURITY)
    driver.click("acknowledgeCheck")
    proxy.add(Fault("create-key", "delay", delay_s=1.5))
    driver.button(QWizard.WizardButton.NextButton).click()
    driver.wait(lambda: driver.page().busy)
    driver.wizard.reject()
    assert may_exist == ["slow-create"]
    driver.wait(lambda: not driver.runner.busy, timeout=20_000)
    assert [k.alias for k in cloud.all_keys()] == ["slow-create"]


def test_every_page_and_the_title_name_the_kms(driver, cloud, tmp_path) -> None:
    kms = f"Remote KMS lab: {cloud.endpoint} (project {cloud.project_id})"
    assert driver.wizard.windowTitle() == f"Import Key \u2014 {kms}"
    for page_id in driver.wizard.pageIds():
        page = driver.wizard.page(page_id)
        assert page.findChild(QLabel, "pageKmsLabel").text() == f"KMS: {kms}"
