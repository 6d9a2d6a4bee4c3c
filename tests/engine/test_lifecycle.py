"""Key lifecycle: creation, every state transition and its refusals, tags, projects, time."""

from __future__ import annotations

import uuid

import pytest

from app.engine import DEFAULT_PROJECT, LocalKms, ManualClock
from app.model.errors import KmsError
from app.model.keys import KeyState, Origin, Tag
from tests.engine.helpers import refused, rows

P = DEFAULT_PROJECT
DAY = 86_400


def test_create_external_key_starts_pending_import(kms: LocalKms) -> None:
    cmk = kms.create_key(
        project_id=P,
        key_alias="imported",
        key_description="d",
        origin=Origin.EXTERNAL,
        tags=[Tag("env", "prod")],
    )
    assert cmk.state is KeyState.PENDING_IMPORT and cmk.kcv is None
    assert cmk.tags == (Tag("env", "prod"),)
    assert kms.describe_key(project_id=P, key_id=cmk.key_id) == cmk


def test_create_kms_key_is_enabled_with_material(kms: LocalKms) -> None:
    cmk = kms.create_key(project_id=P, key_alias="generated", origin="kms")
    assert cmk.state is KeyState.ENABLED and len(cmk.kcv or "") == 6


def test_create_refusals_change_nothing(kms: LocalKms) -> None:
    kms.create_key(project_id=P, key_alias="taken")
    before = rows(kms)
    refused("KMS.1104", kms.create_key, project_id=P, key_alias="taken")
    refused("KMS.1101", kms.create_key, project_id=P, key_alias="bad alias")
    refused("KMS.1101", kms.create_key, project_id=P, key_alias="x/default")
    refused("KMS.1103", kms.create_key, project_id=P, key_alias="d", key_description="x" * 256)
    refused("KMS.0308", kms.create_key, project_id=P, key_alias="o", origin="hsm")
    refused("KMS.0308", kms.create_key, project_id=P, key_alias="s", key_spec="RSA_1024")
    refused(
        "KMS.0409",
        kms.create_key,
        project_id=P,
        key_alias="t",
        tags=[Tag(f"k{i}") for i in range(11)],
    )
    refused(
        "KMS.0413", kms.create_key, project_id=P, key_alias="t", tags=[Tag("k", "1"), Tag("k", "2")]
    )
    refused("KMS.0201", kms.create_key, project_id="bad project", key_alias="p")
    for project in (None, 7, ["p"], {"p": 1}, "", "p" * 65, P + "\n"):  # after valid calls
        refused("KMS.0201", kms.describe_key, project_id=project, key_id=str(uuid.uuid4()))
    assert rows(kms) == before


def test_aliases_are_unique_per_project_and_keys_invisible_across_projects(kms: LocalKms) -> None:
    a = kms.create_key(project_id="alpha", key_alias="same")
    b = kms.create_key(project_id="beta", key_alias="same")
    assert a.key_id != b.key_id
    refused("KMS.0207", kms.describe_key, project_id="beta", key_id=a.key_id)
    refused("KMS.0207", kms.disable_key, project_id="beta", key_id=a.key_id)
    assert [k.key_id for k in kms.list_keys(project_id="alpha").keys] == [a.key_id]


def test_enable_disable_transitions(kms: LocalKms) -> None:
    key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
    refused("KMS.1201", kms.enable_key, project_id=P, key_id=key)
    assert kms.disable_key(project_id=P, key_id=key).state is KeyState.DISABLED
    refused("KMS.1301", kms.disable_key, project_id=P, key_id=key)
    assert kms.enable_key(project_id=P, key_id=key).state is KeyState.ENABLED


def test_pending_import_key_can_be_neither_enabled_nor_disabled(kms: LocalKms) -> None:
    key = kms.create_key(project_id=P, key_alias="k", origin="external").key_id
    error = refused("KMS.1201", kms.enable_key, project_id=P, key_id=key)
    assert "Pending import" in error.message
    refused("KMS.1301", kms.disable_key, project_id=P, key_id=key)


def test_schedule_and_cancel_deletion(kms: LocalKms, clock: ManualClock) -> None:
    key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
    for days in (6, 1097, "x"):
        refused("KMS.1401", kms.schedule_key_deletion, project_id=P, key_id=key, pending_days=days)
    cmk = kms.schedule_key_deletion(project_id=P, key_id=key, pending_days="7")
    assert cmk.state is KeyState.PENDING_DELETION
    assert cmk.deletion_ms == int(clock.now() * 1000) + 7 * DAY * 1000
    refused("KMS.1402", kms.schedule_key_deletion, project_id=P, key_id=key, pending_days=7)
    refused("KMS.1201", kms.enable_key, project_id=P, key_id=key)
    refused("KMS.0210", kms.update_key_alias, project_id=P, key_id=key, key_alias="new")
    assert kms.cancel_key_deletion(project_id=P, key_id=key).state is KeyState.DISABLED
    refused("KMS.1501", kms.cancel_key_deletion, project_id=P, key_id=key)


def test_key_past_its_deletion_date_is_gone_before_and_after_the_sweep(
    kms: LocalKms, clock: ManualClock
) -> None:
    key = kms.create_key(project_id=P, key_alias="doomed", origin="kms").key_id
    kms.schedule_key_deletion(project_id=P, key_id=key, pending_days=7)
    clock.advance(7 * DAY - 1)
    assert kms.describe_key(project_id=P, key_id=key).state is KeyState.PENDING_DELETION
    clock.advance(1)
    refused("KMS.0207", kms.describe_key, project_id=P, key_id=key)  # no sweep has run
    assert kms.list_keys(project_id=P).total == 0
    assert kms.sweep() == 1
    assert kms.store.connection().execute("SELECT count(*) FROM keys").fetchone()[0] == 0
    # the alias is free again
    kms.create_key(project_id=P, key_alias="doomed")


def test_update_alias_and_description(kms: LocalKms) -> None:
    kms.create_key(project_id=P, key_alias="other")
    key = kms.create_key(project_id=P, key_alias="k").key_id
    assert kms.update_key_alias(project_id=P, key_id=key, key_alias="renamed").alias == "renamed"
    assert kms.update_key_alias(project_id=P, key_id=key, key_alias="renamed").alias == "renamed"
    refused("KMS.1104", kms.update_key_alias, project_id=P, key_id=key, key_alias="other")
    refused("KMS.1101", kms.update_key_alias, project_id=P, key_id=key, key_alias="")
    cmk = kms.update_key_description(project_id=P, key_id=key, key_description="why")
    assert cmk.description == "why"
    refused(
        "KMS.1103", kms.update_key_description, project_id=P, key_id=key, key_description="x" * 256
    )


def test_tags_add_replace_batch_delete(kms: LocalKms) -> None:
    key = kms.create_key(project_id=P, key_alias="k").key_id
    kms.create_tag(project_id=P, key_id=key, tag=Tag("env", "dev"))
    cmk = kms.create_tag(project_id=P, key_id=key, tag=Tag("env", "prod"))  # one value per key
    assert cmk.tags == (Tag("env", "prod"),)
    kms.batch_tags(
        project_id=P, key_id=key, action="create", tags=[Tag(f"k{i}", str(i)) for i in range(9)]
    )
    assert len(kms.show_tags(project_id=P, key_id=key)) == 10
    before = rows(kms)
    refused("KMS.0409", kms.create_tag, project_id=P, key_id=key, tag=Tag("eleventh", "x"))
    refused("KMS.0404", kms.batch_tags, project_id=P, key_id=key, action="upsert", tags=[Tag("a")])
    refused("KMS.0401", kms.batch_tags, project_id=P, key_id=key, action="create", tags=[])
    refused("KMS.0410", kms.create_tag, project_id=P, key_id=key, tag=Tag("env", "v" * 44))
    refused("KMS.0406", kms.delete_tag, project_id=P, key_id=key, tag_key="missing")
    assert rows(kms) == before
    kms.batch_tags(project_id=P, key_id=key, action="delete", tags=[Tag("k0"), Tag("k1")])
    cmk = kms.delete_tag(project_id=P, key_id=key, tag_key="env")
    assert [t.key for t in cmk.tags] == [f"k{i}" for i in range(2, 9)]


def test_list_keys_pages_and_filters_by_effective_state(kms: LocalKms) -> None:
    ids = [kms.create_key(project_id=P, key_alias=f"k{i}", origin="kms").key_id for i in range(5)]
    kms.create_key(project_id=P, key_alias="ext", origin="external")
    first = kms.list_keys(project_id=P, limit=2)
    assert [k.key_id for k in first.keys] == ids[:2]
    assert first.truncated and first.next_marker == "2" and first.total == 6
    rest = kms.list_keys(project_id=P, limit="10", marker=first.next_marker)
    assert not rest.truncated and rest.next_marker is None and len(rest.keys) == 4
    assert kms.list_keys(project_id=P, key_state=5).total == 1
    assert kms.list_keys(project_id=P, key_state="2").total == 5
    refused("KMS.1601", kms.list_keys, project_id=P, limit=0)
    refused("KMS.1601", kms.list_keys, project_id=P, limit="many")
    refused("KMS.1602", kms.list_keys, project_id=P, marker=-1)
    refused("KMS.0308", kms.list_keys, project_id=P, key_state=9)


def test_unknown_and_malformed_key_ids(kms: LocalKms) -> None:
    refused(
        "KMS.0207", kms.describe_key, project_id=P, key_id="0d0466b0-e727-4d9c-b35d-f84bb474a37f"
    )
    refused("KMS.0205", kms.describe_key, project_id=P, key_id="nope")
    refused("KMS.0205", kms.enable_key, project_id=P, key_id="")


def test_every_operation_is_audited_once_with_its_result(kms: LocalKms) -> None:
    key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
    kms.disable_key(project_id=P, key_id=key)
    with pytest.raises(KmsError):
        kms.disable_key(project_id=P, key_id=key)
    kms.describe_key(project_id=P, key_id=key)
    entries = kms.audit.entries(key_id=key, reads=True)
    assert [(e.operation, e.result, e.error_code) for e in entries] == [
        ("create-key", "ok", None),
        ("disable-key", "ok", None),
        ("disable-key", "refused", "KMS.1301"),
        ("describe-key", "ok", None),
    ]
    assert all(e.actor.startswith("local") for e in entries)


def test_audit_log_is_append_only(kms: LocalKms) -> None:
    kms.create_key(project_id=P, key_alias="k")
    conn = kms.store.connection()
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit SET result = 'ok'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit")


def test_read_entries_are_group_committed_and_survive_close(
    store_dir, master_key_file, clock
) -> None:
    import sqlite3
    import time

    from app.engine import FileMasterKey

    kms = LocalKms.open(
        store_dir,
        master_key_source=FileMasterKey(master_key_file),
        clock=clock,
        background=False,
        pool_size=0,
    )
    key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
    for _ in range(5):
        kms.describe_key(project_id=P, key_id=key)
    other = sqlite3.connect(kms.store.path)  # another reader, as another process would be
    count = "SELECT count(*) FROM audit WHERE operation = 'describe-key'"
    deadline = time.monotonic() + 5
    while other.execute(count).fetchone()[0] < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert other.execute(count).fetchone()[0] == 5, "the flusher writes within moments"
    kms.describe_key(project_id=P, key_id=key)
    kms.close()
    assert other.execute(count).fetchone()[0] == 6, "close writes what is left"


def test_read_entries_a_slow_flusher_cannot_keep_are_written_by_the_caller(
    store_dir, master_key_file, clock, monkeypatch
) -> None:
    """Backpressure: when reads outrun the flusher, the buffer stops at its limit and the
    reader writes the entries itself (memory flat; a crash loses at most the limit)."""
    import sqlite3

    from app.engine import FileMasterKey, audit

    monkeypatch.setattr(audit, "FLUSH_INTERVAL_S", 3600.0)  # a flusher that never catches up
    monkeypatch.setattr(audit, "_FLUSH_AT", 10**9)
    monkeypatch.setattr(audit, "_BUFFER_LIMIT", 10)
    kms = LocalKms.open(
        store_dir,
        master_key_source=FileMasterKey(master_key_file),
        clock=clock,
        background=False,
        pool_size=0,
    )
    try:
        key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
        for _ in range(25):
            kms.describe_key(project_id=P, key_id=key)
        other = sqlite3.connect(kms.store.path)
        written = other.execute(
            "SELECT count(*) FROM audit WHERE operation = 'describe-key'"
        ).fetchone()[0]
        other.close()
        assert written == 20, "two full buffers written by the reader"
        assert kms.audit.buffered() == 5
    finally:
        kms.close()


def test_read_entries_keep_every_field_through_the_batch(kms: LocalKms) -> None:
    """Batches of read entries travel as JSON into one INSERT: text outside ASCII, NULLs
    and millisecond times come out as they went in, in order."""
    from app.engine.audit import ACTOR

    key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
    token = ACTOR.set("ak:Zoë-訪問者\"'\\")
    try:
        for _ in range(3):
            kms.describe_key(project_id=P, key_id=key)
    finally:
        ACTOR.reset(token)
    kms.list_keys(project_id=P)
    reads = [
        e
        for e in kms.audit.entries(limit=100, reads=True)
        if e.operation in ("describe-key", "list-keys")
    ]
    assert [e.operation for e in reads] == ["describe-key"] * 3 + ["list-keys"]
    assert {e.actor for e in reads[:3]} == {"ak:Zoë-訪問者\"'\\"}
    assert reads[0].key_id == key and reads[3].key_id is None
    assert all(e.result == "ok" and e.error_code is None and e.project_id == P for e in reads)
    assert all(isinstance(e.time_ms, int) and e.time_ms == kms.now_ms() for e in reads)


def test_read_entries_keep_call_order_when_the_clock_goes_back(
    kms: LocalKms, clock: ManualClock
) -> None:
    """Buffered read entries (audit.py) are logged in the order of the calls, not of their
    times, even when the wall clock steps back."""
    key = kms.create_key(project_id=P, key_alias="k", origin="kms").key_id
    steps = [5, -3, 0, 7, -11, 2] * 500  # 3,000 entries, more than one flush
    for step in steps:
        clock.advance(step / 1000)
        kms.encrypt_data(project_id=P, key_id=key, plain_text=b"x")
    kms.flush()
    conn = kms.store.connection()
    logged = [
        t
        for (t,) in conn.execute(
            "SELECT time_ms FROM audit WHERE operation = 'encrypt-data' ORDER BY seq"
        )
    ]
    start = logged[0] - steps[0]
    expected, now = [], start
    for step in steps:
        now += step
        expected.append(now)
    assert logged == expected


def test_read_entries_taking_turns_keep_every_field_and_their_order(kms: LocalKms) -> None:
    """Clients and keys taking turns: every buffered field is written as it went in, NULLs,
    text outside ASCII, call order."""
    from app.engine.audit import ACTOR

    keys = [kms.create_key(project_id=P, key_alias=f"k{n}", origin="kms").key_id for n in range(2)]
    kms.flush()
    expected = []
    for n in range(24):
        actor = "ak:Zoë-訪問者\"'\\" if n % 3 == 0 else None
        token = ACTOR.set(actor)
        try:
            if n % 5 == 4:
                kms.list_keys(project_id=P)
                expected.append(("list-keys", None))
            else:
                kms.describe_key(project_id=P, key_id=keys[n % 2])
                expected.append(("describe-key", keys[n % 2]))
        finally:
            ACTOR.reset(token)
    reads = [
        e
        for e in kms.audit.entries(limit=100, reads=True)
        if e.operation in ("describe-key", "list-keys")
    ]
    assert [(e.operation, e.key_id) for e in reads] == expected
    assert [e.actor == "ak:Zoë-訪問者\"'\\" for e in reads] == [
        n % 3 == 0 for n in range(len(expected))
    ]
    assert all(
        e.result == "ok"
        and e.error_code is None
        and e.project_id == P
        and e.time_ms == kms.now_ms()
        for e in reads
    )
