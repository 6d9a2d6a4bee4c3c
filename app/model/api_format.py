"""Keys in the API's own shape (``KeyDetails``): every field a string, times in epoch
milliseconds. Shared by the REST server's responses and the CLI's ``--json`` output, so the
two never drift apart."""

from __future__ import annotations

from typing import Any, TypeVar

from app.model.keys import Cmk, KeySpec, KeyState, KeyUsage, Origin, Tag


def key_details(cmk: Cmk, *, domain_id: str = "", region: str = "local") -> dict[str, str]:
    return {
        "key_id": cmk.key_id,
        "domain_id": domain_id,
        "key_alias": cmk.alias,
        "realm": cmk.realm or region,
        "key_spec": cmk.key_spec.value,
        "key_usage": cmk.key_usage.value,
        "key_description": cmk.description,
        "creation_date": str(cmk.created_ms),
        "scheduled_deletion_date": "" if cmk.deletion_ms is None else str(cmk.deletion_ms),
        "key_state": str(int(cmk.state)),
        "default_key_flag": "0",
        "key_type": "1",
        "expiration_time": "" if cmk.material_expires_ms is None else str(cmk.material_expires_ms),
        "origin": cmk.origin.value,
        "key_rotation_enabled": "false",
        "sys_enterprise_project_id": "0",
        "keystore_id": "0",
    }


def tags_json(tags: tuple[Tag, ...]) -> list[dict[str, str]]:
    return [{"key": t.key, "value": t.value} for t in tags]


def _int_or_none(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return int(value)


E = TypeVar("E", KeySpec, KeyUsage)


def _named(kind: type[E], value: Any, absent: E) -> E:
    """A spec or usage as the KMS names it: the API's default only when it names none. A
    name we do not know stays that name (a pseudo-member), never another spec."""
    if value in (None, ""):
        return absent
    try:
        return kind(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a {kind.__name__} name") from None


def cmk_from_details(
    details: dict[str, Any],
    *,
    project_id: str,
    tags: tuple[Tag, ...] = (),
    tags_known: bool = True,
) -> Cmk:
    """A snapshot from a remote KMS's ``KeyDetails``. Times in seconds (10 digits) are taken
    as seconds, since the API's documentation and its examples disagree on the unit. The
    API reports no KCV (``reports_kcv`` is False)."""

    def ms(value: Any) -> int | None:
        number = _int_or_none(value)
        if number is not None and number < 100_000_000_000:
            number *= 1000
        return number

    spec = _named(KeySpec, details.get("key_spec"), KeySpec.AES_256)
    usage = _named(KeyUsage, details.get("key_usage"), spec.default_usage)
    return Cmk(
        key_id=str(details["key_id"]),
        project_id=project_id,
        alias=str(details.get("key_alias") or ""),
        description=str(details.get("key_description") or ""),
        origin=Origin(details.get("origin") or "kms"),
        state=KeyState(int(details.get("key_state") or 2)),
        created_ms=ms(details.get("creation_date")) or 0,
        key_spec=spec,
        key_usage=usage,
        material_expires_ms=ms(details.get("expiration_time")),
        deletion_ms=ms(details.get("scheduled_deletion_date")),
        tags=tags,
        reports_kcv=False,
        tags_known=tags_known,
        realm=str(details.get("realm") or ""),
    )
