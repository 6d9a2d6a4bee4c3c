"""The list's key set and queries, without Qt: search, state filter, sort, changes, time."""

from __future__ import annotations

from dataclasses import replace

from app.gui.cmk_query import Column, KeyBook, KeyQuery, KeySearch, KeySet, search_text
from app.model.keys import Cmk, KeyState, Origin, Tag

NOW = 1_800_000_000_000
DAY = 86_400_000


def cmk(n: int, alias: str, state: KeyState = KeyState.ENABLED, **fields: object) -> Cmk:
    base = Cmk(
        key_id=f"00000000-0000-4000-8000-{n:012d}",
        project_id="default",
        alias=alias,
        description=f"key {alias}",
        origin=Origin.KMS,
        state=state,
        created_ms=NOW - (100 - n) * DAY,
        kcv=None if state is KeyState.PENDING_IMPORT else "ABC123",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


KEYS = [
    cmk(1, "Payments", tags=(Tag("env", "prod"), Tag("team", "pay"))),
    cmk(2, "ledger", KeyState.DISABLED, description="Ledger at rest"),
    cmk(3, "backup", KeyState.PENDING_IMPORT, origin=Origin.EXTERNAL),
    cmk(4, "archive", KeyState.PENDING_DELETION, deletion_ms=NOW + 7 * DAY),
    cmk(
        5,
        "identity",
        material_expires_ms=NOW + 2 * DAY,
        origin=Origin.EXTERNAL,
        tags=(Tag("env", "staging"),),
    ),
]


def aliases(keys: KeySet, rows: tuple[int, ...]) -> list[str]:
    return [keys.keys[i].alias for i in rows]


def test_search_looks_in_alias_id_description_and_tags_ignoring_case() -> None:
    keys = KeySet.build(KEYS, NOW)
    search = KeySearch(keys)
    assert aliases(keys, search.run(KeyQuery(text="PAY"))) == ["Payments"]
    assert aliases(keys, search.run(KeyQuery(text="at rest"))) == ["ledger"]
    assert aliases(keys, search.run(KeyQuery(text="000000000005"))) == ["identity"]
    assert aliases(keys, search.run(KeyQuery(text="env"))) == ["Payments", "identity"]
    assert aliases(keys, search.run(KeyQuery(text="staging"))) == ["identity"]
    assert aliases(keys, search.run(KeyQuery(text="env=prod"))) == ["Payments"]
    assert aliases(keys, search.run(KeyQuery(text="  nothing like it "))) == []


def test_a_search_does_not_match_across_two_fields() -> None:
    keys = KeySet.build(KEYS, NOW)
    search = KeySearch(keys)
    assert "\x1f" in search_text(KEYS[0])
    assert search.run(KeyQuery(text="paymentsp")) == ()


def test_typing_narrows_from_the_last_answer_and_stays_right() -> None:
    keys = KeySet.build(KEYS, NOW)
    search = KeySearch(keys)
    for text, expected in [
        ("e", 5),
        ("en", 2),
        ("env", 2),
        ("en", 2),
        ("d", 3),
        ("ledger", 1),
        ("", 5),
    ]:
        assert len(search.run(KeyQuery(text=text))) == expected, text
    assert aliases(keys, search.run(KeyQuery(text="e", state=KeyState.DISABLED))) == ["ledger"]
    assert aliases(keys, search.run(KeyQuery(text="le", state=KeyState.ENABLED))) == []


def test_state_filter_alone_and_with_search() -> None:
    keys = KeySet.build(KEYS, NOW)
    search = KeySearch(keys)
    assert aliases(keys, search.run(KeyQuery(state=KeyState.ENABLED))) == ["Payments", "identity"]
    assert aliases(keys, search.run(KeyQuery(text="i", state=KeyState.ENABLED))) == ["identity"]
    assert keys.counts == {
        KeyState.ENABLED: 2,
        KeyState.DISABLED: 1,
        KeyState.PENDING_IMPORT: 1,
        KeyState.PENDING_DELETION: 1,
    }


def test_sort_by_each_column_both_ways() -> None:
    keys = KeySet.build(KEYS, NOW)
    search = KeySearch(keys)
    by = {c: aliases(keys, search.run(KeyQuery(sort_column=c))) for c in Column}
    assert by[Column.CREATED] == ["Payments", "ledger", "backup", "archive", "identity"]
    assert by[Column.ALIAS] == ["archive", "backup", "identity", "ledger", "Payments"]
    assert by[Column.STATE] == ["Payments", "identity", "ledger", "archive", "backup"]
    assert by[Column.ORIGIN][:2] == ["backup", "identity"]  # "external" < "kms"
    # soonest expiry, then material that never expires, then no material
    assert by[Column.MATERIAL_EXPIRY] == ["identity", "Payments", "ledger", "archive", "backup"]
    assert by[Column.TAGS][-2:] == ["Payments", "identity"]
    down = aliases(keys, search.run(KeyQuery(sort_column=Column.ALIAS, descending=True)))
    assert down == list(reversed(by[Column.ALIAS]))
    assert aliases(keys, search.run(KeyQuery(text="r", sort_column=Column.ALIAS))) == [
        "archive",
        "ledger",
        "Payments",
    ]
    assert aliases(
        keys, search.run(KeyQuery(text="r", sort_column=Column.ALIAS, descending=True))
    ) == ["Payments", "ledger", "archive"]


def test_changes_replace_add_and_remove_keys() -> None:
    keys = KeySet.build(KEYS, NOW)
    enabled = replace(KEYS[1], state=KeyState.ENABLED)
    new = cmk(9, "fresh", created_ms=NOW)
    after = keys.with_changes([enabled, new], [KEYS[0].key_id], NOW)
    assert [k.alias for k in after.keys] == ["ledger", "backup", "archive", "identity", "fresh"]
    assert after.get(enabled.key_id) is enabled
    assert after.position(new.key_id) == 4
    assert after.get(KEYS[0].key_id) is None
    assert aliases(after, KeySearch(after).run(KeyQuery(state=KeyState.DISABLED))) == []
    assert aliases(after, KeySearch(after).run(KeyQuery(text="fresh"))) == ["fresh"]
    assert keys.get(KEYS[0].key_id) is KEYS[0]  # the old set is untouched


def test_time_expires_material_and_deletes_keys_past_their_date() -> None:
    keys = KeySet.build(KEYS, NOW)
    assert keys.next_due_ms == NOW + 2 * DAY
    later = keys.with_changes((), (), NOW + 3 * DAY)
    identity = later.get(KEYS[4].key_id)
    assert identity is not None and identity.state is KeyState.PENDING_IMPORT
    assert identity.kcv is None and identity.material_expires_ms is None
    assert later.next_due_ms == NOW + 7 * DAY
    gone = later.with_changes((), (), NOW + 8 * DAY)
    assert gone.get(KEYS[3].key_id) is None and len(gone) == 4
    assert gone.next_due_ms is None
    assert KeySet.build(KEYS, NOW + 8 * DAY).get(KEYS[3].key_id) is None


def test_the_book_answers_the_latest_query_over_the_latest_keys() -> None:
    now = [NOW]
    book = KeyBook(lambda: now[0])
    first = book.load(lambda: KEYS[:2], complete=False)
    assert len(first.rows) == 2 and not book.complete
    book.ask(KeyQuery(text="i"))
    view = book.load(lambda: KEYS)
    assert book.complete
    assert aliases(view.keys, view.rows) == ["archive", "identity"]
    late = book.load(lambda: KEYS[:1], complete=False)
    assert late.keys is view.keys  # a late first page is moot
    now[0] = NOW + 3 * DAY
    view = book.change()
    assert view.keys.get(KEYS[4].key_id).state is KeyState.PENDING_IMPORT  # type: ignore[union-attr]


def test_a_key_set_never_changes_once_made_and_loading_leaves_the_collector_alone() -> None:
    """Any thread may read a key set, so nothing in it is filled later; searching and
    sorting remember things in the worker's own KeySearch. Loading touches no process-wide
    switch of the garbage collector."""
    import copy
    import gc

    frozen_before = gc.get_freeze_count()
    book = KeyBook(lambda: NOW)
    view = book.load(lambda: KEYS)
    assert gc.isenabled() and gc.get_freeze_count() == frozen_before
    keys = view.keys
    before = copy.deepcopy(vars(keys))
    for column in Column:
        for text in ("", "e", "en", "env"):
            book.ask(KeyQuery(text=text, sort_column=column, descending=True))
            book.view()
    assert vars(keys) == before
