"""Sentences by identity: a message id from the catalogue and its named arguments.

``Message("file.missing", path=p)`` is a sentence the layers below the GUI say; ``str()``
gives its English (for the CLI, logs and the REST API), and the GUI translates it by its id
(``app.gui.messages``), formatting each argument in the user's language. Arguments are plain
values (a name as ``str``, a ``Path``, an ``int``), a ``ByteCount``, another ``Message`` (a
phrase inside a sentence) or a tuple of messages (sentences one after another).
``app.model.errors`` says how to add one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from string import Formatter
from typing import Final

from app.model.catalogue import MESSAGES
from app.model.keys import KeyState


def tr_noop(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` and returns it unchanged: Qt Linguist
    finds it by this name (scripts/update_translations.py), the GUI translates it later."""
    return text


class ByteCount(int):
    """A size in bytes, written "64 bytes" or "1.5 KiB"."""

    def __str__(self) -> str:
        if self < 1024:
            return f"{int(self)} bytes"
        size, unit = scaled(self)
        return f"{size:.1f} {unit}"


def scaled(n: int) -> tuple[float, str]:
    """``n`` bytes (1024 or more) in KiB, MiB or GiB: the number and its unit."""
    size = n / 1024
    for unit in ("KiB", "MiB"):
        if size < 1024:
            return size, unit
        size /= 1024
    return size, "GiB"


@cache
def fields(template: str) -> frozenset[str]:
    """The argument names a template uses: ``{path}`` and ``{alias!r}`` name path, alias."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


class Message:
    """One sentence of the catalogue: its id and the arguments its template names."""

    __slots__ = ("arguments", "id")

    def __init__(self, id: str, /, **arguments: object) -> None:
        template = MESSAGES.get(id)
        if template is None:
            raise ValueError(f"{id!r} is not a message id of app/model/catalogue/")
        if fields(template) != set(arguments):
            raise TypeError(
                f"message {id!r} takes {sorted(fields(template))}, not {sorted(arguments)}"
            )
        self.id: Final = id
        self.arguments: Final[Mapping[str, object]] = arguments

    def __str__(self) -> str:
        return render(self, MESSAGES[self.id], english)

    def __repr__(self) -> str:
        named = "".join(f", {k}={v!r}" for k, v in self.arguments.items())
        return f"Message({self.id!r}{named})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.id, self.arguments) == (
            other.id,
            other.arguments,
        )

    def __hash__(self) -> int:
        return hash((self.id, str(self)))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.id, dict(self.arguments)))


def _rebuild(id: str, arguments: dict[str, object]) -> Message:
    return Message(id, **arguments)


def english(value: object) -> object:
    """An argument as the English sentence shows it."""
    if isinstance(value, tuple):
        return " ".join(str(part) for part in value)
    if isinstance(value, KeyState):
        return value.label
    return str(value) if isinstance(value, Message | ByteCount) else value


def render(message: Message, template: str, show: Callable[[object], object]) -> str:
    """``template`` (the message's, or its translation) filled with the message's arguments,
    each first passed through ``show``."""
    return template.format(**{name: show(value) for name, value in message.arguments.items()})
