"""The tag operations of the remote backend (create-tag, batch create or delete, delete-tag,
show-tags) with the SDK's own models. Each change is made once and, when its answer is
lost, settled by reading the key back (``huawei_changes.py``); show-tags is a read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from huaweicloudsdkkms.v2 import model as m

from app.backends.base import TagAction
from app.backends.huawei_changes import RemoteChanges, batch_request
from app.model.keys import Cmk, Tag


class RemoteTags(RemoteChanges):
    """Tags; the backend supplies ``_read`` (and what ``RemoteChanges`` needs)."""

    def _read(self, method: str, request: Any) -> Any:
        raise NotImplementedError

    def create_tag(self, *, key_id: str, tag: Tag) -> Cmk:
        return self._change(
            "create_kms_tag",
            m.CreateKmsTagRequest(
                key_id=key_id,
                body=m.CreateKmsTagRequestBody(tag=m.TagItem(key=tag.key, value=tag.value)),
            ),
            key_id=key_id,
            done=lambda c: tag in c.tags,
            what="create-tag",
        )

    def batch_tags(self, *, key_id: str, action: TagAction, tags: Iterable[Tag]) -> Cmk:
        tags = tuple(tags)
        keys = {t.key for t in tags}

        def done(cmk: Cmk) -> bool:
            if action == "create":
                return set(tags) <= set(cmk.tags)
            return not keys & {t.key for t in cmk.tags}

        return self._change(
            "batch_create_kms_tags",
            batch_request(key_id, action, tags),
            key_id=key_id,
            done=done,
            what=f"batch-{action}-tags",
        )

    def show_tags(self, *, key_id: str) -> tuple[Tag, ...]:
        answer = self._read("show_kms_tags", m.ShowKmsTagsRequest(key_id=key_id))
        return tuple(
            sorted(
                Tag(str(t.key), str(t.value or ""))
                for t in answer.tags or ()
                if getattr(t, "key", None)
            )
        )

    def delete_tag(self, *, key_id: str, tag_key: str) -> Cmk:
        return self._change(
            "delete_tag",
            m.DeleteTagRequest(key_id=key_id, key=tag_key),
            key_id=key_id,
            done=lambda c: all(t.key != tag_key for t in c.tags),
            what="delete-tag",
        )
