"""Errors and sentences from the layers below the GUI, in the user's language.

The model, engine, material and backend layers speak English and never import Qt
(DESIGN.md). Everything they say reaches the user through ``sentence()`` or ``error_text()``,
which decide how to translate it, in this order:

1. an error code's default sentence (``errors.CODES``): its translation;
2. another sentence of ``message_catalogue.SENTENCES`` (a rule's message, a file problem):
   its translation; sentences with names in them (a path, an alias, a size) are matched with
   ``%1``, ``%2``... standing for the names, which are put back as they were, each itself
   translated when it is one of the catalogue's phrases (``encrypted key material``);
3. anything else (a remote KMS's own words, a detail the catalogue lacks): the code's
   translated default sentence, then the original English as the detail, so nothing the
   engine said is lost. In English that is just the original.

The code (``KMS.2601``) is never translated: it is what a user searches for or reports.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.gui.formatting import fill, state_label
from app.gui.message_catalogue import DEFAULTS, SENTENCES
from app.model.errors import CODES, KmsError, SetupError
from app.model.keys import KeyState

_PLACEHOLDER = re.compile(r"%(\d)")
#: How deep names inside names are translated ("%1 Endpoint: %2." around a default).
_DEPTH = 3
#: Punctuation after which Chinese puts no space before the next sentence.
_CJK_END = frozenset("。！？；：，）")
#: Heads a setup problem the catalogue does not know, before its English detail.
_SETUP = QT_TRANSLATE_NOOP("Sentence", "Something on this computer needs to be set up first.")


@cache
def _templates() -> tuple[tuple[str, str, str], ...]:
    """The catalogue's sentences with placeholders: (the English before the first
    placeholder, after the last, the sentence). A text is matched against a template's
    pattern only when it has both ends, so patterns are compiled only for the few candidates
    (compiling all of them cost the list window's start-up tens of milliseconds)."""
    found = []
    for source in SENTENCES:
        parts = _PLACEHOLDER.split(source)  # text, digit, text, digit, ..., text
        if len(parts) > 1:
            found.append((parts[0], parts[-1], source))
    # Longer sentences first, so "... (256 bits). Convert it..." wins over its prefix.
    return tuple(sorted(found, key=lambda item: -len(item[2])))


@cache
def _pattern(source: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(source)
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<p{part}>.+)" for i, part in enumerate(parts)
        ),
        re.DOTALL,
    )


@cache
def _fixed() -> dict[str, str]:
    """English sentence -> its context, for sentences without placeholders."""
    table = {text: "KmsError" for text in DEFAULTS.values()}
    table.update((text, "Sentence") for text in SENTENCES if not _PLACEHOLDER.search(text))
    return table


def _state_labels() -> dict[str, str]:
    return {state.label: state_label(state) for state in KeyState}


def _translate(text: str, depth: int = 0) -> str | None:
    """``text`` in the user's language, or None when the catalogue does not know it."""
    context = _fixed().get(text)
    if context is not None:
        return QCoreApplication.translate(context, text)
    states = _state_labels()
    if text in states:
        return states[text]
    if depth >= _DEPTH:
        return None
    for head, tail, source in _templates():
        if not (text.startswith(head) and text.endswith(tail)):
            continue
        match = _pattern(source).fullmatch(text)
        if match is None:
            continue
        names = sorted(match.groupdict().items(), key=lambda item: int(item[0][1:]))
        values = [_translate(value, depth + 1) or value for _name, value in names]
        return fill(QCoreApplication.translate("Sentence", source), *values)
    return None


def with_detail(sentence: str, detail: str) -> str:
    """A translated sentence and the English original it stands for."""
    return fill(QCoreApplication.translate("Sentence", "%1 (Details: %2)"), sentence, detail)


def sentence(text: str, code: str | None = None) -> str:
    """One sentence of the layers below, translated (see the module docstring)."""
    translated = _translate(text)
    if translated is not None:
        return translated
    info = CODES.get(code or "")
    if info is None:
        return text
    default = QCoreApplication.translate("KmsError", info.message)
    return text if default == info.message else with_detail(default, text)


def error_sentence(error: BaseException) -> str:
    """What went wrong, without the code: a ``KmsError``'s message or a ``SetupError``'s,
    translated; for anything else, its type and text."""
    if isinstance(error, KmsError):
        return sentence(error.message, error.code)
    if isinstance(error, SetupError):
        text = str(error)
        translated = _translate(text)
        if translated is not None:
            return translated
        heading = QCoreApplication.translate("Sentence", _SETUP)
        return text if heading == _SETUP else with_detail(heading, text)
    return fill(
        QCoreApplication.translate("KeyDialog", "Unexpected error (%1): %2"),
        type(error).__name__,
        error,
    )


def join_sentences(*parts: str) -> str:
    """Sentences one after the other: a space after an English full stop, none after a
    Chinese one (。), as each language writes them. Empty parts are left out."""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text[-1] in _CJK_END else f" {part}"
    return text


def error_text(error: BaseException) -> str:
    """An error as the user reads it: the KMS code first (when it has one), then the
    sentence in the user's language."""
    if isinstance(error, KmsError):
        return f"{error.code}: {error_sentence(error)}"
    return error_sentence(error)
