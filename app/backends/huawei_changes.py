"""The changes of the remote backend when their answer may be lost (a gateway's 504 after the
KMS acted, a read timeout): each change is made once, and when its answer does not arrive
cleanly the key is read to find out what happened before anything is said (``outcomes.py``
lists the results). A lost create-key is found by its alias; a new key whose tags failed is
a created key all the same."""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable, Iterable
from typing import Any

from huaweicloudsdkkms.v2 import model as m

from app.backends.base import Listeners
from app.backends.huawei_data import required
from app.backends.outcomes import ChangeMade, OutcomeUnknown, answer_lost
from app.backends.remote_calls import RemoteCalls
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Cmk, KeySpec, KeyUsage, Origin, Tag

#: How far the KMS's clock may be behind ours when a lost create-key is looked up by alias.
CLOCK_SKEW_MS = 15 * 60 * 1000

Done = Callable[[Cmk], bool]


class RemoteChanges:
    """Making changes and settling lost answers; the backend supplies the calls, its
    listeners, the command that reaches it and the reads."""

    _calls: RemoteCalls
    _client: Any
    _listeners: Listeners

    @property
    def command(self) -> str:
        raise NotImplementedError

    def describe_key(self, *, key_id: str) -> Cmk:
        raise NotImplementedError

    def all_keys(self) -> list[Cmk]:
        raise NotImplementedError

    def _change(self, method: str, request: Any, *, key_id: str, done: Done, what: str) -> Cmk:
        """Make a change; when its answer is lost, read the key to find out what happened."""
        try:
            self._calls.change(self._client, method, request)
        except KmsError as error:
            if not answer_lost(error):
                raise
            return self._settle(error, key_id=key_id, done=done, what=what)
        return self._changed(key_id)

    def _settle(self, error: KmsError, *, key_id: str, done: Done, what: str) -> Cmk:
        check = f"{self.command} describe-key {key_id}"
        try:
            cmk = self.describe_key(key_id=key_id)
        except KmsError as unreadable:
            raise OutcomeUnknown(
                "outcome.unknown",
                key_id=key_id,
                check=check,
                what=what,
                cause=error.code,
                unreadable=unreadable.code,
            ) from None
        if not done(cmk):
            raise KmsError(
                "NET.0009", "outcome.not_made", what=what, cause=error.code, state=cmk.state
            )
        self._listeners.notify(frozenset({key_id}))
        return cmk

    def _changed(self, key_id: str) -> Cmk:
        """After a change: the key as it is now, and a notice to listeners. A change made
        but not read back is a success with a warning (``ChangeMade``)."""
        self._listeners.notify(frozenset({key_id}))
        try:
            return self.describe_key(key_id=key_id)
        except KmsError as error:
            raise ChangeMade("outcome.not_read_back", key_id=key_id, cause=error.code) from None

    def create_key(
        self,
        *,
        alias: str,
        description: str = "",
        origin: Origin = Origin.EXTERNAL,
        tags: Iterable[Tag] = (),
        key_spec: KeySpec = KeySpec.AES_256,
        key_usage: KeyUsage | None = None,
    ) -> Cmk:
        tags = tuple(tags)
        rules.check_tags(tags)  # before creating, so a bad tag leaves no untagged key behind
        spec = KeySpec(key_spec)
        body = m.CreateKeyRequestBody(
            key_alias=alias,
            key_spec=spec.value,
            key_usage=KeyUsage(key_usage or spec.default_usage).value,
            key_description=description,
            origin=Origin(origin).value,
        )
        started_ms = int(time.time() * 1000)
        try:
            answer = self._calls.change(self._client, "create_key", m.CreateKeyRequest(body=body))
            key_id = required(getattr(answer.key_info, "key_id", None), "key_info.key_id")
        except KmsError as error:
            if not answer_lost(error):
                raise
            key_id = self._find_created(error, alias=alias, started_ms=started_ms)
        if tags:
            self._tag_new_key(key_id, alias, tags)
        return self._changed(key_id)

    def _find_created(self, error: KmsError, *, alias: str, started_ms: int) -> str:
        """After a lost create-key: the ID of the key it made, found by its alias."""
        try:
            found = [k for k in self.all_keys() if k.alias == alias]
        except KmsError as unreadable:
            raise OutcomeUnknown(
                "outcome.create_unknown",
                key_id=None,
                check=f"{self.command} list-keys",
                cause=error.code,
                unreadable=unreadable.code,
                alias=alias,
            ) from None
        if not found:
            raise KmsError("NET.0009", "outcome.create_not_made", cause=error.code, alias=alias)
        key = found[0]
        if key.created_ms < started_ms - CLOCK_SKEW_MS:
            raise KmsError("KMS.1104", "outcome.alias_existed", alias=alias, existing_id=key.key_id)
        return key.key_id

    def _tag_new_key(self, key_id: str, alias: str, tags: tuple[Tag, ...]) -> None:
        """Tag a key just created; a failure leaves a created key, said as such."""
        try:
            self._change(
                "batch_create_kms_tags",
                batch_request(key_id, "create", tags),
                key_id=key_id,
                done=lambda cmk: set(tags) <= set(cmk.tags),
                what="batch-create-tags",
            )
        except KmsError as error:
            pairs = " ".join(shlex.quote(f"{t.key}={t.value}") for t in tags)
            raise ChangeMade(
                "outcome.tags_not_set",
                key_id=key_id,
                alias=alias,
                created_id=key_id,
                cause=error.code,
                check=f"{self.command} batch-create-tags {key_id} {pairs}",
            ) from None


def batch_request(key_id: str, action: str, tags: Iterable[Tag]) -> Any:
    return m.BatchCreateKmsTagsRequest(
        key_id=key_id,
        body=m.BatchCreateKmsTagsRequestBody(
            tags=[m.TagItem(key=t.key, value=t.value) for t in tags], action=action
        ),
    )
