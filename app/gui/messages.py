"""Errors and sentences from the layers below the GUI, in the user's language.

The model, engine, material and backend layers speak English and never import Qt
(DESIGN.md); what they say has an identity, a ``Message`` (an id of
``app/model/catalogue/`` and named arguments). ``message_text()`` translates it by its id
(the id is the Qt context of its template) and fills in the arguments, each formatted here: a state
by its translated label, a size in the user's words, a phrase inside a sentence translated
too. A remote KMS's own words have no id: they are shown after the code's translated
default sentence, as a detail. The code (``KMS.2601``) is never translated: it is what a
user searches for or reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir

from app.gui.formatting import fill, state_label
from app.model.catalogue import MESSAGES
from app.model.errors import KmsError, SetupError
from app.model.keys import KeyState
from app.model.messages import ByteCount, Message, render, scaled

#: Punctuation after which Chinese puts no space before the next sentence.
_CJK_END = frozenset("。！？；：，）")


def message_text(message: Message) -> str:
    """``message`` in the user's language."""
    template = QCoreApplication.translate(message.id, MESSAGES[message.id])
    return render(message, template, _shown)


def _shown(value: object) -> object:
    """An argument as the user's language writes it."""
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, tuple):
        return join_sentences(*(message_text(part) for part in value))
    if isinstance(value, KeyState):
        return state_label(value)
    if isinstance(value, ByteCount):
        return byte_count(value)
    if isinstance(value, Path):
        return QDir.toNativeSeparators(str(value))
    return value


def byte_count(size: int) -> str:
    """``64 bytes``, ``1.5 KiB``, in the user's language."""
    if size < 1024:
        return fill(QCoreApplication.translate("Formatting", "%1 bytes"), size)
    number, unit = scaled(size)
    return f"{number:.1f} {unit}"


def with_detail(sentence: str, detail: str) -> str:
    """A translated sentence and words in another language it stands for."""
    return fill(QCoreApplication.translate("Sentence", "%1 (Details: %2)"), sentence, detail)


def error_sentence(error: BaseException) -> str:
    """What went wrong, without the code: a ``KmsError``'s or a ``SetupError``'s sentence,
    translated; for anything else, its type and text."""
    if isinstance(error, KmsError):
        sentence = error.sentence
        if error.remote is None:
            assert sentence is not None
            return message_text(sentence)
        if sentence is None:  # a code we do not know: its words are all there is
            return error.remote
        default = message_text(sentence)
        untranslated = default == MESSAGES[sentence.id]
        return error.remote if untranslated else with_detail(default, error.remote)
    if isinstance(error, SetupError):
        return message_text(error.sentence)
    return fill(
        QCoreApplication.translate("KeyDialog", "Unexpected error (%1): %2"),
        type(error).__name__,
        error,
    )


def join_sentences(*parts: str) -> str:
    """Sentences one after the other: a space after an English full stop, none after a
    Chinese one (。), as each language writes them. Empty parts are left out."""
    joined = ""
    for part in filter(None, parts):
        joined += part if not joined or joined[-1] in _CJK_END else f" {part}"
    return joined


def error_text(error: BaseException) -> str:
    """An error as the user reads it: the KMS code first (when it has one), then the
    sentence in the user's language."""
    if isinstance(error, KmsError):
        return f"{error.code}: {error_sentence(error)}"
    return error_sentence(error)
