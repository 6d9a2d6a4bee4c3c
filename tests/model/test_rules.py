"""The API's validation rules, each with its code (they are shared by wizard and engine)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Tag


def code_of(check, value) -> str | None:
    error = rules.problem(check, value)
    return error.code if error else None


@pytest.mark.parametrize("alias", ["a", "prod/payments-key", "A:b_c-d/e", "x" * 255, "default"])
def test_valid_aliases(alias: str) -> None:
    assert code_of(rules.check_alias, alias) is None


@pytest.mark.parametrize(
    "alias", ["", "x" * 256, "has space", "ümlaut", "a*b", "prod/default", "/default", "tab\t"]
)
def test_invalid_aliases(alias: str) -> None:
    assert code_of(rules.check_alias, alias) == "KMS.1101"


def test_alias_messages_say_what_is_wrong() -> None:
    assert "reserved" in rules.problem(rules.check_alias, "a/default").message
    assert "letters, digits" in rules.problem(rules.check_alias, "a b").message
    assert "Enter an alias" in rules.problem(rules.check_alias, "").message


@given(st.text(alphabet=st.sampled_from("abcXYZ019:/_-"), min_size=1, max_size=255))
def test_alias_pattern_accepts_its_alphabet(alias: str) -> None:
    expected = "KMS.1101" if alias.endswith("/default") else None
    assert code_of(rules.check_alias, alias) == expected


def test_description_length() -> None:
    assert code_of(rules.check_description, "d" * 255) is None
    assert code_of(rules.check_description, "") is None
    assert code_of(rules.check_description, "d" * 256) == "KMS.1103"


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        (Tag("env", "prod"), None),
        (Tag("k" * 36, "v" * 43), None),
        (Tag("env", ""), None),
        (Tag("", "v"), "KMS.0411"),
        (Tag("k" * 37, "v"), "KMS.0411"),
        (Tag("k", "v" * 44), "KMS.0410"),
        (Tag("a=b", "v"), "KMS.0406"),
        (Tag("a", "<script>"), "KMS.0405"),
        (Tag("a\\", "v"), "KMS.0406"),
        (Tag("a", "x*"), "KMS.0405"),
        (Tag("ctl\x01", "v"), "KMS.0406"),
        (Tag("k", "line\nbreak"), "KMS.0405"),
    ],
)
def test_tag_rules(tag: Tag, code: str | None) -> None:
    assert code_of(rules.check_tag, tag) == code


def test_tag_list_rules() -> None:
    ten = [Tag(f"k{i}", "v") for i in range(10)]
    assert code_of(rules.check_tags, ten) is None
    assert code_of(rules.check_tags, [*ten, Tag("k10", "v")]) == "KMS.0409"
    assert code_of(rules.check_tags, [Tag("env", "a"), Tag("env", "b")]) == "KMS.0413"
    # the same tag may sit on many keys: nothing in one key's list forbids equal values
    assert code_of(rules.check_tags, [Tag("a", "x"), Tag("b", "x")]) is None


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (7, 7),
        ("7", 7),
        (1096, 1096),
        ("1096", 1096),
        (" 30 ", 30),
    ],
)
def test_pending_days_accepted(days: object, expected: int) -> None:
    assert rules.parse_pending_days(days) == expected


@pytest.mark.parametrize("days", [6, 1097, "6", "abc", "", None, True, 7.5, "1e3", -7, "²", "٣٠"])
def test_pending_days_refused(days: object) -> None:
    with pytest.raises(KmsError) as caught:
        rules.parse_pending_days(days)
    assert caught.value.code == "KMS.1401"


def test_material_expiry_must_be_future() -> None:
    rules.check_material_expiry(1001, 1000.0)
    for bad in (1000, 999, 0, -1):
        with pytest.raises(KmsError) as caught:
            rules.check_material_expiry(bad, 1000.0)
        assert caught.value.code == "KMS.2602"
    with pytest.raises(KmsError):
        rules.check_material_expiry("2000", 1000.0)  # type: ignore[arg-type]


def test_key_id_must_be_canonical_uuid() -> None:
    good = "0d0466b0-e727-4d9c-b35d-f84bb474a37f"
    assert rules.check_key_id(good) == good
    for bad in ("", "not-a-uuid", good.upper(), good.replace("-", ""), None, 42):
        with pytest.raises(KmsError) as caught:
            rules.check_key_id(bad)
        assert caught.value.code == "KMS.0205"


def test_tag_keys_that_look_alike() -> None:
    keys = ["env", "Env", "env ", "team", "ENV", "", "e n v", "Ｅｎｖ"]
    assert rules.tag_key_look_alikes(keys) == [None, "env", "env", None, "env", None, None, "env"]
