"""The lifecycle of a key: enable, disable, schedule and cancel deletion, change its alias
or description.

Each is one ``_mutate``: the key's state is checked against the operation (a wrong state
is its own KMS code), the change and the audit entry commit together. A key Pending
deletion takes no alias or description change (KMS.0210).
"""

from __future__ import annotations

import sqlite3

from app.engine import records
from app.engine.core import EngineCore, refuse_pending_deletion
from app.engine.operations import operation
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Cmk, KeyState

_DAY_MS = 86_400_000


class LifecycleOps(EngineCore):
    """Lifecycle operations of ``LocalKms`` (a mixin: ``self`` is the engine)."""

    @operation("enable-key")
    def enable_key(self, *, project_id: str, key_id: str) -> Cmk:
        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            if cmk.state is not KeyState.DISABLED:
                raise KmsError("KMS.1201", "key.enable_state", state=cmk.state)
            records.set_state(conn, key_id, KeyState.ENABLED)

        return self._mutate("enable-key", project_id, key_id, change)

    @operation("disable-key")
    def disable_key(self, *, project_id: str, key_id: str) -> Cmk:
        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            if cmk.state is not KeyState.ENABLED:
                raise KmsError("KMS.1301", "key.disable_state", state=cmk.state)
            records.set_state(conn, key_id, KeyState.DISABLED)

        return self._mutate("disable-key", project_id, key_id, change)

    @operation("schedule-key-deletion")
    def schedule_key_deletion(
        self, *, project_id: str, key_id: str, pending_days: int | str
    ) -> Cmk:
        days = rules.parse_pending_days(pending_days)

        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            if cmk.state is KeyState.PENDING_DELETION:
                raise KmsError("KMS.1402")
            records.set_state(
                conn, key_id, KeyState.PENDING_DELETION, deletion_ms=self.now_ms() + days * _DAY_MS
            )

        return self._mutate("schedule-key-deletion", project_id, key_id, change)

    @operation("cancel-key-deletion")
    def cancel_key_deletion(self, *, project_id: str, key_id: str) -> Cmk:
        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            if cmk.state is not KeyState.PENDING_DELETION:
                raise KmsError("KMS.1501")
            # The console returns a key to Disabled; a key without material cannot be
            # disabled, so an imported key whose material is gone returns to Pending import.
            back = KeyState.DISABLED if cmk.has_material else KeyState.PENDING_IMPORT
            records.set_state(conn, key_id, back)

        return self._mutate("cancel-key-deletion", project_id, key_id, change)

    @operation("update-key-alias")
    def update_key_alias(self, *, project_id: str, key_id: str, key_alias: str) -> Cmk:
        rules.check_alias(key_alias)

        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            refuse_pending_deletion(cmk)
            if key_alias != cmk.alias and records.alias_taken(conn, project_id, key_alias):
                raise KmsError("KMS.1104", "key.alias_taken", alias=key_alias)
            conn.execute("UPDATE keys SET alias = ? WHERE key_id = ?", (key_alias, key_id))

        return self._mutate("update-key-alias", project_id, key_id, change)

    @operation("update-key-description")
    def update_key_description(self, *, project_id: str, key_id: str, key_description: str) -> Cmk:
        rules.check_description(key_description)

        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            refuse_pending_deletion(cmk)
            conn.execute(
                "UPDATE keys SET description = ? WHERE key_id = ?", (key_description, key_id)
            )

        return self._mutate("update-key-description", project_id, key_id, change)
