"""What only time can trigger, through the official SDK: an expired import token
(KMS.2601), material past its expiry (the key returns to Pending import), a key past its
deletion date (gone), and a signature date outside the verifier's window. The same API app
as ``keyferry serve`` runs in-process over an engine with a manual clock."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m

from app.engine import LocalKms, ManualClock
from app.model.importing import WrappingAlgorithm
from app.server.api import ServerContext
from app.server.signing import Verifier
from tests.server import steps
from tests.server.live import ACCESS_KEY, SECRET_KEY, in_process_server, sdk_client

DAY = 86_400


@pytest.fixture
def timed_sdk(kms: LocalKms) -> Iterator[KmsClient]:
    # Signatures are checked against the real clock (the SDK signs with it); the engine
    # follows the manual one.
    context = ServerContext(kms=kms, verifier=Verifier({ACCESS_KEY: SECRET_KEY}), domain_id="d")
    with in_process_server(context) as url:
        client = sdk_client(url)
        try:
            yield client
        finally:
            client.close()


def test_an_expired_import_token_is_kms_2601(timed_sdk: KmsClient, clock: ManualClock) -> None:
    key_id = steps.create_key(timed_sdk)
    params = steps.parameters(timed_sdk, key_id)
    clock.advance(DAY + 1)
    wrapped = steps.wrap(params.public_key, os.urandom(32), WrappingAlgorithm.RSAES_OAEP_SHA_256)
    error = steps.refused(
        lambda: timed_sdk.import_key_material(
            m.ImportKeyMaterialRequest(
                body=m.ImportKeyMaterialRequestBody(
                    key_id=key_id, import_token=params.import_token, encrypted_key_material=wrapped
                )
            )
        )
    )
    assert (error.status_code, error.error_code) == (400, "KMS.2601")
    assert "Download the import items again" in error.error_msg


def test_expired_material_returns_the_key_to_pending_import(
    timed_sdk: KmsClient, clock: ManualClock
) -> None:
    key_id = steps.create_key(timed_sdk)
    steps.import_material(
        timed_sdk, key_id, os.urandom(32), expiration_time=int(clock.now()) + 3600
    )
    cipher_text = steps.encrypt(timed_sdk, key_id, "before")
    clock.advance(3601)
    details = steps.describe(timed_sdk, key_id)
    assert (details.key_state, details.expiration_time) == ("5", "")
    error = steps.refused(lambda: steps.decrypt(timed_sdk, cipher_text))
    assert error.error_code == "KMS.1301"


def test_a_key_past_its_deletion_date_is_gone(timed_sdk: KmsClient, clock: ManualClock) -> None:
    key_id = steps.create_key(timed_sdk, origin="kms")
    steps.schedule_deletion(timed_sdk, key_id, "7")
    clock.advance(7 * DAY - 60)
    assert steps.describe(timed_sdk, key_id).key_state == "4"
    clock.advance(61)
    error = steps.refused(lambda: steps.describe(timed_sdk, key_id))
    assert (error.status_code, error.error_code) == (404, "KMS.0207")


def test_the_verifier_follows_its_own_clock(kms: LocalKms) -> None:
    """A server whose clock runs an hour ahead refuses the SDK's (correct) date."""
    ahead = Verifier({ACCESS_KEY: SECRET_KEY}, clock=lambda: time.time() + 3600)
    with in_process_server(ServerContext(kms=kms, verifier=ahead, domain_id="d")) as url:
        client = sdk_client(url)
        try:
            error = steps.refused(lambda: steps.create_key(client))
        finally:
            client.close()
    assert (error.status_code, error.error_code) == (401, "APIGW.0301")
