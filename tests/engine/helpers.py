"""What the engine's tests share: making an external key, its import parameters, an import,
a refusal with its code, and the store's rows (to prove a refusal changed nothing)."""

from __future__ import annotations

from typing import Any

import pytest

from app.engine import DEFAULT_PROJECT, LocalKms
from app.model.errors import KmsError
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, Origin
from tests.helpers import wrap_for

P = DEFAULT_PROJECT


def external(kms: LocalKms, alias: str = "imported") -> str:
    """A new key for imported material (Pending import); its ID."""
    return kms.create_key(project_id=P, key_alias=alias, origin=Origin.EXTERNAL).key_id


def params(
    kms: LocalKms, key_id: str, algorithm: WrappingAlgorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
) -> ImportParameters:
    return kms.get_parameters_for_import(project_id=P, key_id=key_id, wrapping_algorithm=algorithm)


def do_import(
    kms: LocalKms,
    key_id: str,
    secret: bytes,
    *,
    algorithm: WrappingAlgorithm | None = None,
    p: ImportParameters | None = None,
    expiration_time: int | None = None,
) -> Cmk:
    """``secret`` wrapped for fresh (or the given) import parameters, and imported."""
    p = p or params(kms, key_id, algorithm or WrappingAlgorithm.RSAES_OAEP_SHA_256)
    return kms.import_key_material(
        project_id=P,
        key_id=key_id,
        import_token=p.import_token,
        encrypted_key_material=wrap_for(p, secret),
        expiration_time=expiration_time,
    )


def refused(code: str, call: Any, *args: Any, **kwargs: Any) -> KmsError:
    """The refusal of ``call(*args, **kwargs)``, which must carry ``code``."""
    with pytest.raises(KmsError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value
    return caught.value


def rows(kms: LocalKms) -> list[tuple[Any, ...]]:
    """Everything but the audit log, to prove a refused operation changed nothing."""
    conn = kms.store.connection()
    return (
        conn.execute("SELECT * FROM keys ORDER BY key_id").fetchall()
        + conn.execute("SELECT * FROM tags ORDER BY key_id, tag_key").fetchall()
    )
