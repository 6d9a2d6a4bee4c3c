"""Every sentence the layers below the GUI say, by message id: the one table, kept in one
module per area so that people adding errors in different areas do not collide.

Each ``entry(id, english)`` is a template with named arguments (``{path}``, ``{alias!r}``);
``app.model.messages.Message`` fills it, the GUI translates it by its id. A new area gets a
module here and a line below. How to add an error: ``app.model.errors``.
"""

from __future__ import annotations

from typing import Final

from app.model.catalogue import (
    asymmetric,
    codes,
    files,
    hsm,
    keys,
    outcomes,
    remote,
    safety,
    server,
    store,
)


def _table(*areas: tuple[tuple[str, str], ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for area in areas:
        for message_id, english in area:
            if message_id in table:
                raise ValueError(f"{message_id!r} is in the catalogue twice")
            table[message_id] = english
    return table


MESSAGES: Final[dict[str, str]] = _table(
    codes.ENTRIES,
    keys.ENTRIES,
    store.ENTRIES,
    files.ENTRIES,
    remote.ENTRIES,
    server.ENTRIES,
    safety.ENTRIES,
    outcomes.ENTRIES,
    hsm.ENTRIES,
    asymmetric.ENTRIES,
)
