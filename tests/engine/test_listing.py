"""Listing many keys: the fast path of ``records.page`` (shared tags, dict enum lookups, one
ordered tag query) must give exactly what reading each key alone gives."""

from __future__ import annotations

from app.engine import DEFAULT_PROJECT, LocalKms
from app.model.keys import KeyState, Origin, Tag
from tests.seeding import many, seed


def test_a_long_list_equals_each_key_read_alone(kms: LocalKms) -> None:
    ids = seed(kms, many(620))  # over 500 keys: the by-project tag query
    listed = kms.list_keys(project_id=DEFAULT_PROJECT).keys
    assert {k.key_id for k in listed} == set(ids)
    for cmk in listed[::37]:
        assert cmk == kms.describe_key(project_id=DEFAULT_PROJECT, key_id=cmk.key_id)
    assert {k.state for k in listed} >= {KeyState.ENABLED, KeyState.DISABLED,
                                         KeyState.PENDING_DELETION, KeyState.PENDING_IMPORT}


def test_tags_come_back_in_tag_order_on_every_path(kms: LocalKms) -> None:
    tags = (Tag("zeta", "1"), Tag("alpha", "2"), Tag("Mid", ""), Tag("beta", "z"))
    created = kms.create_key(project_id=DEFAULT_PROJECT, key_alias="ordered",
                             origin=Origin.EXTERNAL, tags=tags)
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
