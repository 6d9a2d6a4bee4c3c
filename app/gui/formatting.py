"""How the list window writes times, countdowns, states and origins for people.

Times show in local time; the UTC form goes in tooltips (DESIGN.md). Every word passes
through Qt's translation (``QCoreApplication.translate``), so Simplified Chinese can follow.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from app.model.keys import KeyState, Origin

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
MINUTE_MS = 60_000
#: Material expiring sooner than this shows a countdown (issue 4).
COUNTDOWN_UNDER_MS = 7 * DAY_MS


def _tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def local_time(ms: int) -> str:
    """``2026-11-28 17:35`` in the computer's time zone."""
    return datetime.fromtimestamp(ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M")


def utc_time(ms: int) -> str:
    """``2026-11-28 16:35:07 UTC``."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def local_and_utc(ms: int) -> str:
    """Both forms in one line, for the details pane and dialogs."""
    return _tr("%1 (%2)").replace("%1", local_time(ms)).replace("%2", utc_time(ms))


def countdown(ms_left: int) -> str:
    """``in 3 d 4 h``, ``in 5 h 12 min``, ``in 8 min``, ``in under a minute``; ``now`` once
    the moment has come."""
    if ms_left <= 0:
        return _tr("now")
    days, rest = divmod(ms_left, DAY_MS)
    hours, rest = divmod(rest, HOUR_MS)
    minutes = rest // MINUTE_MS
    if days:
        text = _tr("in %1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    elif hours:
        text = _tr("in %1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    elif minutes:
        text = _tr("in %1 min").replace("%1", str(minutes))
    else:
        text = _tr("in under a minute")
    return text


def expiry_text(expires_ms: int | None, has_material: bool, now_ms: int) -> str:
    """The material expiry column: a time (with a countdown under 7 days), Never, or a dash
    when the key has no material."""
    if expires_ms is None:
        return _tr("Never") if has_material else "\u2014"
    if expires_ms - now_ms < COUNTDOWN_UNDER_MS:
        return _tr("%1 (%2)").replace("%1", local_time(expires_ms)).replace(
            "%2", countdown(expires_ms - now_ms))
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
