"""On a computer whose local time is UTC, a time is written once, not "21:37:26 UTC (21:37:26
UTC)"; elsewhere local time comes first and UTC beside it."""

from __future__ import annotations

import time

import pytest

from app.gui import formatting as fmt
from app.material.import_items import format_time

MOMENT_S = 1_796_000_000  # 2026-11-30 (a winter date: Berlin is UTC+1)


@pytest.fixture
def zone(monkeypatch):
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.delenv("TZ")
    time.tzset()


def test_utc_is_written_once_where_local_time_is_utc(zone) -> None:
    zone("UTC")
    assert format_time(MOMENT_S).count("UTC") == 1
    assert format_time(MOMENT_S).count(":") == 2
    assert fmt.local_and_utc(MOMENT_S * 1000) == fmt.utc_time(MOMENT_S * 1000)


def test_elsewhere_local_time_and_utc_both(zone) -> None:
    zone("Europe/Berlin")
    assert format_time(MOMENT_S).endswith("UTC)")
    assert "CET" in format_time(MOMENT_S)
    both = fmt.local_and_utc(MOMENT_S * 1000)
    assert (
        both.startswith(fmt.local_time(MOMENT_S * 1000)) and fmt.utc_time(MOMENT_S * 1000) in both
    )
