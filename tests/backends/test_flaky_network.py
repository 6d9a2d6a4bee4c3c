"""The remote backend on a flaky network: ``keyferry serve`` (the stand-in cloud) behind a
real fault-injecting proxy (tests/server/fault_proxy.py).

Reads retry on 429 (honouring Retry-After) and 502-504; a change is never sent twice
blindly; a change whose answer was lost is reported as the key shows it afterwards
(confirmed made, confirmed not made), or as unknown with the exact way to check; no message
ever advises deleting material or a key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backends.huawei import HuaweiBackend
from app.backends.import_record import ImportClaim, ImportRecord, Outcome, import_and_record
from app.backends.outcomes import ChangeMade, OutcomeUnknown
from app.backends.remote_calls import RemoteCalls
from app.material.wrap import generate_material, key_check_value, load_wrapping_key, wrap_material
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState, Tag
from tests.server.corporate import corporate_network
from tests.server.fault_proxy import Fault, FaultProxy, fault_proxy
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer, new_project

ALGORITHM = WrappingAlgorithm.RSAES_OAEP_SHA_256


@pytest.fixture
def proxy(live_server: LiveServer) -> Iterator[FaultProxy]:
    with fault_proxy(live_server.url) as running:
        yield running


@pytest.fixture
def waits() -> list[float]:
    """The backoffs the backend chose (instead of sleeping them)."""
    return []


@pytest.fixture
def remote(proxy: FaultProxy, waits: list[float]) -> Iterator[HuaweiBackend]:
    backend = HuaweiBackend(
        endpoint=proxy.url,
        project_id=new_project(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
        timeout=(2, 10),
        profile="lab",
        calls=RemoteCalls(proxy.url, sleep=waits.append),
    )
    try:
        yield backend
    finally:
        backend.close()


def _no_destructive_advice(error: KmsError) -> None:
    lowered = error.message.lower()
    assert "delete" not in lowered and "schedule" not in lowered, error.message


# ------------------------------------------------------------------------------ reads


def test_a_read_waits_as_long_as_retry_after_says(proxy: FaultProxy, live_server) -> None:
    backend = HuaweiBackend(
        endpoint=proxy.url,
        project_id=new_project(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
    )
    key = backend.create_key(alias="throttled")
    proxy.clear()
    proxy.add(Fault("describe-key", "before", status=429, retry_after="1"))
    try:
        assert backend.describe_key(key_id=key.key_id).alias == "throttled"
    finally:
        backend.close()
    first, second = proxy.seen("describe-key")
    assert (first.status, first.forwarded, second.forwarded) == (429, False, True)
    assert second.at - first.at >= 1.0


def test_reads_retry_on_502_to_504_with_growing_backoffs(
    remote: HuaweiBackend, proxy: FaultProxy, waits: list[float]
) -> None:
    key = remote.create_key(alias="busy")
    proxy.clear()
    proxy.add(
        Fault("list-keys", "before", status=503),
        Fault("list-keys", "before", status=502),
        Fault("list-keys", "after", status=504),
    )
    assert [k.key_id for k in remote.list_keys().keys] == [key.key_id]
    assert [s.status for s in proxy.seen("list-keys")] == [503, 502, 504, 200]
    assert len(waits) == 3 and waits[0] < waits[1] < waits[2]


def test_a_read_gives_up_after_its_tries_with_one_sentence(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("list-keys", "before", status=504, times=0))
    with pytest.raises(KmsError) as caught:
        remote.list_keys()
    assert len(proxy.seen("list-keys")) == 4
    assert caught.value.code == "HTTP.504"
    assert caught.value.message == (
        "The KMS, or a gateway or proxy in front of it, answered HTTP 504 with a web page "
        "instead of an API answer."
    )


def test_a_long_retry_after_is_said_not_waited(
    remote: HuaweiBackend, proxy: FaultProxy, waits: list[float]
) -> None:
    proxy.add(Fault("list-keys", "before", status=429, retry_after="120"))
    with pytest.raises(KmsError) as caught:
        remote.list_keys()
    assert waits == [] and len(proxy.seen("list-keys")) == 1
    assert caught.value.message.endswith("The KMS asks to wait 120 s before trying again.")


# ---------------------------------------------------------------------------- changes


def test_a_change_is_not_sent_twice(remote: HuaweiBackend, proxy: FaultProxy) -> None:
    key = remote.create_key(alias="once")
    proxy.add(Fault("disable-key", "before", status=503))
    with pytest.raises(KmsError) as caught:
        remote.disable_key(key_id=key.key_id)
    assert len(proxy.seen("disable-key")) == 1
    assert caught.value.code == "NET.0009"
    assert "was not made (Pending import)" in caught.value.message
    assert "can try again" in caught.value.message


def test_a_change_turned_away_with_429_is_sent_again(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("create-key", "before", status=429, retry_after="0"))
    key = remote.create_key(alias="throttled-create")
    assert [s.forwarded for s in proxy.seen("create-key")] == [False, True]
    assert [k.alias for k in remote.all_keys()] == [key.alias]


def test_a_create_whose_answer_was_lost_returns_the_key_it_made(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("create-key", "after", status=504))
    key = remote.create_key(alias="lost-answer", description="made anyway")
    assert (key.alias, key.description, key.state) == (
        "lost-answer",
        "made anyway",
        KeyState.PENDING_IMPORT,
    )
    assert [k.key_id for k in remote.all_keys()] == [key.key_id]
    assert len(proxy.seen("create-key")) == 1


def test_a_create_dropped_after_forwarding_returns_the_key_it_made(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("create-key", "drop"))
    key = remote.create_key(alias="dropped")
    assert [k.key_id for k in remote.all_keys()] == [key.key_id]


def test_a_create_refused_before_forwarding_is_confirmed_not_made(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("create-key", "before", status=503))
    with pytest.raises(KmsError) as caught:
        remote.create_key(alias="never-made")
    assert caught.value.code == "NET.0009"
    assert "no key has the alias never-made, so it was not created" in caught.value.message
    assert remote.all_keys() == []


def test_a_lost_create_that_cannot_be_checked_is_unknown_with_the_way_to_check(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(
        Fault("create-key", "after", status=504),
        Fault("list-keys", "before", status=503, times=0),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        remote.create_key(alias="who-knows")
    error = caught.value
    assert error.code == "NET.0007" and "is unknown" in error.message
    assert error.check == "keyferry --profile lab list-keys"
    assert f"{error.check} (look for the alias who-knows)" in error.message
    assert error.message_id == "outcome.create_unknown"
    assert (error.arguments["cause"], error.arguments["unreadable"]) == ("HTTP.504", "HTTP.503")
    _no_destructive_advice(error)


def test_a_new_key_whose_tags_failed_is_a_created_key(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("{key_id}/tags/action", "before", status=503))
    with pytest.raises(ChangeMade) as caught:
        remote.create_key(alias="untagged", tags=[Tag("env", "prod"), Tag("team", "ops")])
    made = caught.value
    (key,) = remote.all_keys()
    assert made.key_id == key.key_id and made.code == "NET.0008"
    assert f"The key untagged was created (ID {key.key_id}), but its tags were not set" in (
        made.message
    )
    assert f"keyferry --profile lab batch-create-tags {key.key_id} env=prod team=ops" in (
        made.message
    )
    assert remote.show_tags(key_id=key.key_id) == ()


def test_a_lost_answer_to_tagging_a_new_key_is_checked(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("{key_id}/tags/action", "after", status=504))
    key = remote.create_key(alias="tagged", tags=[Tag("env", "prod")])
    assert key.tags == (Tag("env", "prod"),)


def test_a_change_made_but_not_read_back_is_a_success_with_a_warning(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    key = remote.create_key(alias="unread")
    proxy.add(Fault("update-key-alias", "after", status=502))
    renamed = remote.update_key_alias(key_id=key.key_id, alias="renamed")
    assert renamed.alias == "renamed"
    proxy.add(Fault("describe-key", "before", status=503, times=0))
    with pytest.raises(ChangeMade) as caught:
        remote.update_key_description(key_id=key.key_id, description="new words")
    assert caught.value.key_id == key.key_id
    assert "The change was made, but reading the key back failed" in caught.value.message


# ----------------------------------------------------------------------------- import


def _wrapped(remote: HuaweiBackend, key_id: str, tmp_path: Path) -> tuple[str, bytes, str, int]:
    params = remote.get_parameters_for_import(key_id=key_id, wrapping_algorithm=ALGORITHM)
    tmp_path.mkdir(exist_ok=True)
    der = tmp_path / "wrappingKey"
    der.write_bytes(params.public_key_der)
    material = generate_material()
    kcv = key_check_value(material)
    encrypted = wrap_material(material, load_wrapping_key(der), ALGORITHM)
    return params.import_token, encrypted, kcv, params.expiration_time


def _import(remote: HuaweiBackend, key_id: str, tmp_path: Path, record: ImportRecord):
    token, encrypted, kcv, expires = _wrapped(remote, key_id, tmp_path)
    claim = ImportClaim(
        kcv=kcv,
        kcv_source="wrapped-here",
        wrapping_algorithm=ALGORITHM,
        token_expires_s=expires,
        alias="material",
    )
    return kcv, lambda: import_and_record(
        remote,
        key_id=key_id,
        import_token=token,
        encrypted_key_material=encrypted,
        expiration_time=None,
        claim=claim,
        record=record,
    )


def test_an_import_whose_answer_was_lost_is_confirmed_and_recorded(
    remote: HuaweiBackend, proxy: FaultProxy, tmp_path: Path
) -> None:
    record = ImportRecord(tmp_path / "config")
    key = remote.create_key(alias="material")
    kcv, run = _import(remote, key.key_id, tmp_path, record)
    proxy.add(Fault("import-key-material", "after", status=504))
    imported = run()
    assert imported.state is KeyState.ENABLED and imported.has_material
    (entry,) = record.entries(key_id=key.key_id)
    assert (entry.outcome, entry.kcv, entry.kcv_source) == (Outcome.IMPORTED, kcv, "wrapped-here")
    assert entry.kcv_verified is False, "a remote KMS takes the material unchecked"
    assert record.material_of(remote.where, key.key_id) == entry


def test_an_import_that_cannot_be_checked_is_unknown_and_recorded_so(
    remote: HuaweiBackend, proxy: FaultProxy, tmp_path: Path
) -> None:
    record = ImportRecord(tmp_path / "config")
    key = remote.create_key(alias="material")
    kcv, run = _import(remote, key.key_id, tmp_path, record)
    proxy.add(
        Fault("import-key-material", "after", status=504),
        Fault("describe-key", "before", status=503, times=0),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        run()
    error = caught.value
    assert error.check == f"keyferry --profile lab describe-key {key.key_id}"
    assert error.check in error.message
    _no_destructive_advice(error)
    (entry,) = record.entries(key_id=key.key_id)
    assert (entry.outcome, entry.error_code, entry.kcv) == (Outcome.UNKNOWN, "NET.0007", kcv)
    assert record.material_of(remote.where, key.key_id) is None


def test_an_import_turned_away_is_confirmed_not_made_and_recorded(
    remote: HuaweiBackend, proxy: FaultProxy, tmp_path: Path
) -> None:
    record = ImportRecord(tmp_path / "config")
    key = remote.create_key(alias="material")
    _, run = _import(remote, key.key_id, tmp_path, record)
    proxy.add(Fault("import-key-material", "before", status=503))
    with pytest.raises(KmsError) as caught:
        run()
    assert caught.value.code == "NET.0009"
    _no_destructive_advice(caught.value)
    assert remote.describe_key(key_id=key.key_id).state is KeyState.PENDING_IMPORT
    (entry,) = record.entries(key_id=key.key_id)
    assert (entry.outcome, entry.error_code) == (Outcome.REFUSED, "NET.0009")
    run()  # the same token and material import now
    assert [e.outcome for e in record.entries(key_id=key.key_id)] == [
        Outcome.REFUSED,
        Outcome.IMPORTED,
    ]


def test_a_lost_import_into_a_key_that_had_material_is_not_claimed(
    remote: HuaweiBackend, proxy: FaultProxy, tmp_path: Path
) -> None:
    """Enabled after a lost answer means ours only if the key was Pending import before."""
    record = ImportRecord(tmp_path / "config")
    key = remote.create_key(alias="material")
    _, first = _import(remote, key.key_id, tmp_path, record)
    _, second = _import(remote, key.key_id, tmp_path / "again", record)
    first()
    proxy.add(Fault("import-key-material", "after", status=504))
    with pytest.raises(KmsError) as caught:
        second()
    assert caught.value.code == "NET.0009" and "(Enabled)" in caught.value.message
    assert [e.outcome for e in record.entries(key_id=key.key_id)] == [
        Outcome.IMPORTED,
        Outcome.REFUSED,
    ]


def test_a_slow_kms_is_waited_for_within_the_timeout(
    remote: HuaweiBackend, proxy: FaultProxy
) -> None:
    proxy.add(Fault("create-key", "delay", delay_s=1.0))
    key = remote.create_key(alias="slow")
    assert [k.key_id for k in remote.all_keys()] == [key.key_id]


# --------------------------------------------------------------- a corporate network


def test_a_private_ca_and_an_https_proxy(live_server: LiveServer, tmp_path: Path) -> None:
    """A TLS endpoint signed by a private CA, reached through a CONNECT proxy: refused as
    untrusted without the CA bundle, working with it, and through the proxy."""
    with corporate_network(live_server.url, tmp_path / "ca") as (network, bundle):
        settings = {
            "endpoint": network.endpoint,
            "project_id": new_project(),
            "access_key_id": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "timeout": (5, 10),
        }
        untrusting = HuaweiBackend(**settings)
        with pytest.raises(KmsError) as caught:
            untrusting.list_keys()
        untrusting.close()
        assert caught.value.code == "NET.0004"
        assert network.tunnels == []
        trusting = HuaweiBackend(**settings, ca_file=str(bundle), https_proxy=network.proxy)
        try:
            key = trusting.create_key(alias="behind-the-proxy")
            assert trusting.describe_key(key_id=key.key_id).alias == "behind-the-proxy"
        finally:
            trusting.close()
        host = network.endpoint.removeprefix("https://")
        assert network.tunnels and set(network.tunnels) == {host}
