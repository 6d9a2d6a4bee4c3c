"""The command line run in-process on a temporary store: ``run(*argv)`` gives the exit
status, stdout and stderr."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("KEYFERRY_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KEYFERRY_MASTER_KEY_FILE", str(tmp_path / "master.key"))

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke
