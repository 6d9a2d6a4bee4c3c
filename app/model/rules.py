"""Validation rules of the KMS API, written once.

The wizard calls them as the user types (to show the message under the field) and the engine
calls them on every request from any client. Each ``check_*`` raises ``KmsError`` with the
API's code; each ``*_problem`` returns that error or None, for code that wants to show it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from app.model.errors import KmsError
from app.model.kcv import parse_kcv
from app.model.keys import IMPORTABLE_SPECS, KeySpec, KeyUsage, Tag

ALIAS_PATTERN = re.compile(r"[a-zA-Z0-9:/_-]{1,255}")
DESCRIPTION_MAX = 255
TAG_KEY_MAX = 36
TAG_VALUE_MAX = 43
TAGS_MAX = 10
PENDING_DAYS_MIN = 7
PENDING_DAYS_MAX = 1096
#: 9999-12-31T23:59:59Z: the last second a date-time editor or the API's clients can show.
EXPIRY_MAX_S = 253_402_300_799
_TAG_FORBIDDEN = frozenset("*<>\\=") | frozenset(chr(c) for c in range(32))

T = TypeVar("T")


def check_alias(alias: str) -> None:
    if not isinstance(alias, str) or not alias:
        raise KmsError("KMS.1101", "alias.empty")
    if len(alias) > 255:
        raise KmsError("KMS.1101", "alias.too_long")
    if not ALIAS_PATTERN.fullmatch(alias):
        raise KmsError("KMS.1101", "alias.characters")
    if alias.endswith("/default"):
        raise KmsError("KMS.1101", "alias.reserved")


def check_description(description: str) -> None:
    if not isinstance(description, str):
        raise KmsError("KMS.1103", "description.not_text")
    if len(description) > DESCRIPTION_MAX:
        raise KmsError("KMS.1103")


def check_tag(tag: Tag) -> None:
    """One tag's own rules: lengths and characters."""
    if not isinstance(tag.key, str) or not isinstance(tag.value, str):
        raise KmsError("KMS.0412", "tag.not_text")
    if not 1 <= len(tag.key) <= TAG_KEY_MAX:
        raise KmsError("KMS.0411")
    if len(tag.value) > TAG_VALUE_MAX:
        raise KmsError("KMS.0410")
    if _TAG_FORBIDDEN.intersection(tag.key):
        raise KmsError("KMS.0406", "tag.key_characters")
    if _TAG_FORBIDDEN.intersection(tag.value):
        raise KmsError("KMS.0405", "tag.value_characters")


def check_tags(tags: Iterable[Tag]) -> None:
    """A key's whole tag list: each tag, at most 10, one value per tag key."""
    seen: set[str] = set()
    count = 0
    for tag in tags:
        check_tag(tag)
        if tag.key in seen:
            raise KmsError("KMS.0413", "tag.key_twice", tag_key=tag.key)
        seen.add(tag.key)
        count += 1
    if count > TAGS_MAX:
        raise KmsError("KMS.0409")


def tag_key_look_alikes(keys: Iterable[str]) -> list[str | None]:
    """For each tag key, the earlier, different key it is easily taken for ("env", "Env",
    "env "): the KMS keeps them as separate tags, which is rarely what was meant."""
    seen: dict[str, str] = {}
    found: list[str | None] = []
    for key in keys:
        folded = " ".join(unicodedata.normalize("NFKC", key).casefold().split())
        earlier = seen.setdefault(folded, key) if folded else None
        found.append(earlier if earlier is not None and earlier != key else None)
    return found


def parse_pending_days(days: object) -> int:
    """The API sends pending days as a string; accept "7".."1096" or an int."""
    if isinstance(days, bool):
        raise KmsError("KMS.1401")
    if (
        isinstance(days, str)
        and days.strip().isascii()
        and days.strip().isdigit()
        and len(days.strip()) <= 6
    ):
        days = int(days.strip())
    if not isinstance(days, int) or not PENDING_DAYS_MIN <= days <= PENDING_DAYS_MAX:
        raise KmsError("KMS.1401")
    return days


def check_material_expiry(expiration_time: int, now_s: float) -> None:
    """Material expiry (epoch seconds) must lie in the future."""
    if isinstance(expiration_time, bool) or not isinstance(expiration_time, int):
        raise KmsError("KMS.2602", "expiry.not_whole")
    if expiration_time <= now_s:
        raise KmsError("KMS.2602")
    if expiration_time > EXPIRY_MAX_S:
        raise KmsError("KMS.2602", "expiry.too_late")


def check_expected_kcv(kcv: object) -> str:
    """An expected key check value: 6 hex digits, returned in upper case."""
    parsed = parse_kcv(kcv) if isinstance(kcv, str) else None
    if parsed is None:
        raise KmsError("KMS.0308", "kcv.malformed")
    return parsed


_KEY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def check_key_id(key_id: object) -> str:
    """Key IDs are UUIDs in their canonical lower-case form (checked on every data
    operation, hence a regular expression rather than parsing)."""
    if not isinstance(key_id, str) or not key_id:
        raise KmsError("KMS.0205", "key_id.empty")
    if not _KEY_ID.fullmatch(key_id):
        raise KmsError("KMS.0205")
    return key_id


def problem(check: Callable[[T], object], value: T) -> KmsError | None:
    """Run a ``check_*`` rule and return its error instead of raising it."""
    try:
        check(value)
    except KmsError as error:
        return error
    return None


def parse_key_spec(value: object) -> KeySpec:
    """A spec Keyferry makes (the console's six); the API's default, AES_256, for none."""
    if value is None or value == "":
        return KeySpec.AES_256
    try:
        spec = KeySpec(str(value))
    except ValueError:
        spec = None
    if spec is None or not spec.supported:
        names = ", ".join(s.value for s in IMPORTABLE_SPECS)
        raise KmsError("KMS.0308", "key_spec.unsupported", value=value, names=names)
    return spec


def parse_key_usage(value: object, spec: KeySpec) -> KeyUsage:
    """The usage of a new key of ``spec``: the console's default for none (SIGN_VERIFY for
    RSA and EC, ENCRYPT_DECRYPT for AES); one the spec does not allow is KMS.0308."""
    if value is None or value == "":
        return spec.default_usage
    try:
        usage = KeyUsage(str(value))
    except ValueError:
        usage = None
    if usage is None or usage not in spec.usages:
        names = ", ".join(u.value for u in spec.usages)
        raise KmsError("KMS.0308", "key_usage.spec", value=value, spec=spec.value, names=names)
    return usage
