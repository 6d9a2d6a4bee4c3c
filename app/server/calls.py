"""What an API operation receives and returns, independent of the HTTP stack.

An operation is a plain blocking function ``(Call) -> Reply``: it reads the typed body, calls
the engine, and shapes the API's answer. The HTTP layer (``api.py``) runs it on a worker
thread after the signature has been checked, so operations never see HTTP and are easy to read
side by side with ``spec/huawei-kms-api.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.engine.kms import LocalKms
from app.server.params import Body


@dataclass(frozen=True)
class Call:
    kms: LocalKms
    project_id: str
    body: Body
    #: Path parameters other than the project (``key_id``, ``tag_key``), decoded.
    path: Mapping[str, str] = field(default_factory=dict)
    domain_id: str = ""
    region: str = "local"


@dataclass(frozen=True)
class Reply:
    """The answer: a status, and a JSON object or no body at all."""

    status: int = 200
    payload: dict[str, Any] | None = None


Operation = Callable[[Call], Reply]


@dataclass(frozen=True)
class Route:
    """One operation's method and path below ``/v1.0/{project_id}/kms/``."""

    method: str
    path: str
    operation: Operation

    @property
    def name(self) -> str:
        """The operation's name in the audit log (``create-key``)."""
        return self.operation.__name__.replace("_", "-")
