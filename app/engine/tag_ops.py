"""Tag operations: create-tag, batch create or delete, delete-tag, show-tags.

Tags follow the spec's rules (``rules.check_tags``: at most 10, one value per tag key); a key
Pending deletion takes no tag change (KMS.0210). Each change is one ``_mutate``: the key, its
new tags and the audit entry commit together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.engine import records
from app.engine.core import EngineCore, refuse_pending_deletion
from app.engine.operations import operation
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Cmk, Tag


class TagOps(EngineCore):
    """Tag operations of ``LocalKms`` (a mixin: ``self`` is the engine)."""

    @operation("create-tag")
    def create_tag(self, *, project_id: str, key_id: str, tag: Tag) -> Cmk:
        return self._change_tags("create-tag", project_id, key_id, "create", (tag,))

    @operation("batch-tags")
    def batch_tags(self, *, project_id: str, key_id: str, action: str, tags: Iterable[Tag]) -> Cmk:
        return self._change_tags(f"{action}-tags", project_id, key_id, action, tuple(tags))

    def _change_tags(
        self, name: str, project_id: str, key_id: str, action: str, tags: tuple[Tag, ...]
    ) -> Cmk:
        if action not in ("create", "delete"):
            raise KmsError("KMS.0404")
        if not tags:
            raise KmsError("KMS.0401")
        if action == "create":
            rules.check_tags(tags)

        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            refuse_pending_deletion(cmk)
            current = {t.key: t.value for t in cmk.tags}
            if action == "create":
                current.update((t.key, t.value) for t in tags)
            else:
                for t in tags:
                    current.pop(t.key, None)
            merged = tuple(Tag(k, v) for k, v in current.items())
            rules.check_tags(merged)
            records.replace_tags(conn, key_id, merged)

        return self._mutate(name, project_id, key_id, change)

    @operation("delete-tag")
    def delete_tag(self, *, project_id: str, key_id: str, tag_key: str) -> Cmk:
        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            refuse_pending_deletion(cmk)
            if tag_key not in {t.key for t in cmk.tags}:
                raise KmsError("KMS.0406", "key.no_tag", tag_key=tag_key)
            records.replace_tags(conn, key_id, tuple(t for t in cmk.tags if t.key != tag_key))

        return self._mutate("delete-tag", project_id, key_id, change)

    @operation("show-tags")
    def show_tags(self, *, project_id: str, key_id: str) -> tuple[Tag, ...]:
        rules.check_key_id(key_id)
        cmk = records.fetch(self.store.connection(), project_id, key_id, self.now_ms())
        self.audit.append_later(operation="show-tags", project_id=project_id, key_id=key_id)
        return cmk.tags
