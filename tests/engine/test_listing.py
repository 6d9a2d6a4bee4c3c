"""Listing many keys: the fast path of ``records.page`` (shared tags, dict enum lookups, one
ordered tag query) must give exactly what reading each key alone gives."""

from __future__ import annotations

from app.engine import DEFAULT_PROJECT, LocalKms, ManualClock
from app.model.keys import KeyState, Origin, Tag
from tests.seeding import many, seed


def test_a_long_list_equals_each_key_read_alone(kms: LocalKms) -> None:
    ids = seed(kms, many(620))  # over 500 keys: the by-project tag query
    listed = kms.list_keys(project_id=DEFAULT_PROJECT).keys
    assert {k.key_id for k in listed} == set(ids)
    for cmk in listed[::37]:
        assert cmk == kms.describe_key(project_id=DEFAULT_PROJECT, key_id=cmk.key_id)
    assert {k.state for k in listed} >= {
        KeyState.ENABLED,
        KeyState.DISABLED,
        KeyState.PENDING_DELETION,
        KeyState.PENDING_IMPORT,
    }


def test_tags_come_back_in_tag_order_on_every_path(kms: LocalKms) -> None:
    tags = (Tag("zeta", "1"), Tag("alpha", "2"), Tag("Mid", ""), Tag("beta", "z"))
    created = kms.create_key(
        project_id=DEFAULT_PROJECT, key_alias="ordered", origin=Origin.EXTERNAL, tags=tags
    )
    assert created.tags == tuple(sorted(tags))
    short = kms.list_keys(project_id=DEFAULT_PROJECT).keys
    assert short[0].tags == tuple(sorted(tags))
    seed(kms, many(510))
    long = {k.key_id: k for k in kms.list_keys(project_id=DEFAULT_PROJECT).keys}
    assert long[created.key_id].tags == tuple(sorted(tags))


def test_listing_another_project_sees_none_of_these_tags(kms: LocalKms) -> None:
    seed(kms, many(505), project_id="other")
    mine = kms.create_key(project_id=DEFAULT_PROJECT, key_alias="mine", tags=(Tag("a", "b"),))
    listed = kms.list_keys(project_id=DEFAULT_PROJECT).keys
    assert [k.key_id for k in listed] == [mine.key_id]
    assert listed[0].tags == (Tag("a", "b"),)


def test_the_total_leaves_out_keys_past_their_deletion_date_and_other_projects(
    kms: LocalKms, clock: ManualClock
) -> None:
    seed(kms, many(80))
    seed(kms, many(30, seed_value=1), project_id="other")
    clock.advance(400 * 86_400)  # some deletion dates pass; nothing sweeps them
    now = kms.now_ms()
    rows = (
        kms.store.connection()
        .execute("SELECT state, deletion_ms FROM keys WHERE project_id = ?", (DEFAULT_PROJECT,))
        .fetchall()
    )
    passed = sum(1 for state, deletion in rows if state == 4 and deletion <= now)
    assert passed > 0
    page = kms.list_keys(project_id=DEFAULT_PROJECT, limit=5)
    assert page.total == len(rows) - passed
    assert page.total == len(kms.list_keys(project_id=DEFAULT_PROJECT).keys)
    pending = kms.list_keys(
        project_id=DEFAULT_PROJECT, limit=1, key_state=KeyState.PENDING_DELETION
    )
    assert pending.total == sum(1 for s, d in rows if s == 4 and d > now)
