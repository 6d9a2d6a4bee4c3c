"""The access key pair that ``keyferry serve`` accepts signatures from.

From ``KEYFERRY_ACCESS_KEY`` / ``KEYFERRY_SECRET_KEY`` when both are set; otherwise from the
OS keyring, where the first start makes a random pair (an access key ID of 20 characters and
a secret key of 40, the shapes of Huawei Cloud's keys). The secret key is never printed,
logged or written to a settings file: ``keyferry server-credentials --show-secret`` reads it
from the keyring for the person who asks.
"""

from __future__ import annotations

import os
import re
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.model.errors import SetupError
from app.model.messages import Message

ENV_ACCESS_KEY = "KEYFERRY_ACCESS_KEY"
ENV_SECRET_KEY = "KEYFERRY_SECRET_KEY"  # noqa: S105 (the variable's name, not a secret)
KEYRING_SERVICE = "keyferry"
ACCESS_KEY_ACCOUNT = "server:access-key-id"
SECRET_KEY_MIN = 16
ACCESS_KEY_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,128}")

_ACCESS_ALPHABET = string.ascii_uppercase + string.digits
_SECRET_ALPHABET = string.ascii_letters + string.digits

NO_KEYRING_HELP = Message(
    "server.no_keyring", access_env=ENV_ACCESS_KEY, secret_env=ENV_SECRET_KEY, length=SECRET_KEY_MIN
)


@dataclass(frozen=True)
class AccessKeyPair:
    """An access key ID and its secret key. The secret never appears in ``repr``."""

    access_key_id: str
    secret_key: str = field(repr=False)
    #: Where it came from: "environment" or "keyring".
    source: str = "keyring"


def secret_key_account(access_key_id: str) -> str:
    return f"server:secret-key:{access_key_id}"


def check_pair(access_key_id: str, secret_key: str) -> None:
    if not ACCESS_KEY_PATTERN.fullmatch(access_key_id):
        raise SetupError("server.access_key_characters")
    if len(secret_key) < SECRET_KEY_MIN or secret_key != secret_key.strip():
        raise SetupError("server.secret_key_length", length=SECRET_KEY_MIN)


def new_pair() -> AccessKeyPair:
    return AccessKeyPair(
        access_key_id="".join(secrets.choice(_ACCESS_ALPHABET) for _ in range(20)),
        secret_key="".join(secrets.choice(_SECRET_ALPHABET) for _ in range(40)),
    )


def server_credentials(
    environ: Mapping[str, str] | None = None, *, create: bool = True
) -> AccessKeyPair:
    """The pair the server accepts: the environment's, or the keyring's (made if missing
    and ``create``). Raises ``SetupError`` with what to do."""
    env = os.environ if environ is None else environ
    access, secret = env.get(ENV_ACCESS_KEY, ""), env.get(ENV_SECRET_KEY, "")
    if access or secret:
        if not (access and secret):
            raise SetupError(
                "server.pair_from_environment", access_env=ENV_ACCESS_KEY, secret_env=ENV_SECRET_KEY
            )
        check_pair(access, secret)
        return AccessKeyPair(access, secret, source="environment")
    return _from_keyring(create=create)


def _from_keyring(*, create: bool) -> AccessKeyPair:
    access = _keyring("get_password", KEYRING_SERVICE, ACCESS_KEY_ACCOUNT)
    secret = (
        _keyring("get_password", KEYRING_SERVICE, secret_key_account(access)) if access else None
    )
    if access and secret:
        return AccessKeyPair(access, secret, source="keyring")
    if not create:
        raise SetupError("server.no_access_key")
    pair = new_pair()
    # The secret first: an access key ID in the keyring always has its secret beside it.
    _keyring(
        "set_password", KEYRING_SERVICE, secret_key_account(pair.access_key_id), pair.secret_key
    )
    _keyring("set_password", KEYRING_SERVICE, ACCESS_KEY_ACCOUNT, pair.access_key_id)
    return pair


def _keyring(name: str, *args: str) -> str | None:
    import keyring
    import keyring.errors

    try:
        result: str | None = getattr(keyring, name)(*args)
    except keyring.errors.NoKeyringError:
        raise SetupError(NO_KEYRING_HELP.id, **NO_KEYRING_HELP.arguments) from None
    except keyring.errors.KeyringLocked:
        raise SetupError(
            "server.keyring_locked", access_env=ENV_ACCESS_KEY, secret_env=ENV_SECRET_KEY
        ) from None
    except keyring.errors.KeyringError as error:
        raise SetupError(
            "keyring.failed", kind=type(error).__name__, help=NO_KEYRING_HELP
        ) from None
    return result
