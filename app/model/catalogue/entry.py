"""One entry of the catalogue: Qt Linguist finds each call by this name and takes the id
for the context of its English (scripts/update_translations.py)."""

from __future__ import annotations


def entry(id: str, english: str) -> tuple[str, str]:
    return id, english
