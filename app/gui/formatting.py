"""How the list window writes times, countdowns, states and origins for people.

Times show in local time; the UTC form goes in tooltips (DESIGN.md). Every word passes
through Qt's translation (``QCoreApplication.translate``, written out in each call so that
``pyside6-lupdate`` finds it), and is looked up when it is shown, so a change of language
shows at the next repaint.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState, Origin

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
MINUTE_MS = 60_000
#: Material expiring sooner than this shows a countdown.
COUNTDOWN_UNDER_MS = 7 * DAY_MS
_PLACEHOLDER = re.compile(r"%(\d)")
_MNEMONIC = re.compile(r"\s*\(&\w\)")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``... replaced by ``values`` in one pass (so a value
    that itself contains ``%2`` stays as it is), as Qt's ``QString::arg`` does."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0], template
    )


def without_mnemonic(text: str) -> str:
    """A label's text as a screen reader should say it: "&Save" is "Save", and a Chinese
    "保存(&S)" is "保存" (the letter in brackets is only the shortcut)."""
    return _MNEMONIC.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def local_time(ms: int) -> str:
    """``2026-11-28 17:35`` in the computer's time zone."""
    return datetime.fromtimestamp(ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M")


def utc_time(ms: int) -> str:
    """``2026-11-28 16:35:07 UTC``."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def local_and_utc(ms: int) -> str:
    """Both forms in one line, for the details pane and dialogs (once where local is UTC)."""
    if datetime.fromtimestamp(ms / 1000).astimezone().utcoffset() == timedelta(0):
        return utc_time(ms)
    return fill(QCoreApplication.translate("Formatting", "%1 (%2)"), local_time(ms), utc_time(ms))


def countdown(ms_left: int) -> str:
    """``in 3 d 4 h``, ``in 5 h 12 min``, ``in 8 min``, ``in under a minute``; ``now`` once
    the moment has come."""
    if ms_left <= 0:
        return QCoreApplication.translate("Formatting", "now")
    days, rest = divmod(ms_left, DAY_MS)
    hours, rest = divmod(rest, HOUR_MS)
    minutes = rest // MINUTE_MS
    if days:
        text = fill(QCoreApplication.translate("Formatting", "in %1 d %2 h"), days, hours)
    elif hours:
        text = fill(QCoreApplication.translate("Formatting", "in %1 h %2 min"), hours, minutes)
    elif minutes:
        text = fill(QCoreApplication.translate("Formatting", "in %1 min"), minutes)
    else:
        text = QCoreApplication.translate("Formatting", "in under a minute")
    return text


def expiry_text(
    expires_ms: int | None, has_material: bool, now_ms: int, *, known: bool = True
) -> str:
    """The material expiry column: a time (with a countdown under 7 days), Never, a dash
    when the key has no material, or Unknown when nothing tells (``known`` False)."""
    if not known:
        return QCoreApplication.translate("Formatting", "Unknown")
    if expires_ms is None:
        return QCoreApplication.translate("Formatting", "Never") if has_material else "\u2014"
    if expires_ms - now_ms < COUNTDOWN_UNDER_MS:
        return fill(
            QCoreApplication.translate("Formatting", "%1 (%2)"),
            local_time(expires_ms),
            countdown(expires_ms - now_ms),
        )
    return local_time(expires_ms)


def state_label(state: KeyState) -> str:
    labels = {
        KeyState.PENDING_ACTIVATION: QCoreApplication.translate("KeyState", "Pending activation"),
        KeyState.ENABLED: QCoreApplication.translate("KeyState", "Enabled"),
        KeyState.DISABLED: QCoreApplication.translate("KeyState", "Disabled"),
        KeyState.PENDING_DELETION: QCoreApplication.translate("KeyState", "Pending deletion"),
        KeyState.PENDING_IMPORT: QCoreApplication.translate("KeyState", "Pending import"),
    }
    return labels[state]


def origin_label(origin: Origin) -> str:
    if origin is Origin.EXTERNAL:
        return QCoreApplication.translate("Origin", "External")
    return QCoreApplication.translate("Origin", "KMS")


def algorithm_description(algorithm: WrappingAlgorithm) -> str:
    """Table 1's description of a wrapping algorithm (the model's English, translated)."""
    descriptions = {
        WrappingAlgorithm.RSAES_OAEP_SHA_256: QCoreApplication.translate(
            "WrappingAlgorithm",
            "RSA encryption algorithm that uses OAEP and has the SHA-256 hash function. "
            "Use it if your HSM supports it.",
        ),
        WrappingAlgorithm.RSAES_PKCS1_V1_5: QCoreApplication.translate(
            "WrappingAlgorithm",
            "RSA encryption algorithm (v1.5) of Public-Key Cryptography Standards number 1 "
            "(PKCS #1). Use it if your HSM does not support OAEP.",
        ),
        WrappingAlgorithm.RSAES_OAEP_SHA_1: QCoreApplication.translate(
            "WrappingAlgorithm",
            "RSA encryption algorithm that uses Optimal Asymmetric Encryption Padding (OAEP) "
            "and has the SHA-1 hash function. It is no longer secure: use it only if your HSM "
            "supports nothing else.",
        ),
    }
    return descriptions[algorithm]


#: Bidirectional classes that can reorder the text around them.
_DIRECTIONAL = frozenset(
    {"R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}
)


def isolated(text: str) -> str:
    """``text`` as a bidirectional isolate (U+2068 ... U+2069) when it holds right-to-left
    or directional characters, so a Hebrew tag key cannot pull the "=" and the value around
    it into its own direction; other text is left as it is (it copies and pastes clean)."""
    if any(unicodedata.bidirectional(char) in _DIRECTIONAL for char in text):
        return f"\u2068{text}\u2069"
    return text


def tag_text(key: str, value: str, separator: str = " = ") -> str:
    """One tag as people read it, ``key = value``, each side isolated."""
    return f"{isolated(key)}{separator}{isolated(value)}"
