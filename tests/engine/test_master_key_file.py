"""The master-key file (issue 13): one planted by another user is not adopted, even by root,
and no more is read of a file than a key file can hold."""

from __future__ import annotations

import base64
import os
import threading
import tracemalloc

import pytest

from app.engine import FileMasterKey
from app.model.errors import SetupError


def _key_file(path, key: bytes | None = None):
    path.write_text(base64.b64encode(key or os.urandom(32)).decode() + "\n")
    path.chmod(0o600)
    return path


def test_a_key_file_of_another_user_is_not_adopted_even_by_root(tmp_path) -> None:
    path = _key_file(tmp_path / "planted.key")
    assert os.geteuid() == 0, "this test gives a file to another user: run the tests as root"
    os.chown(path, 65534, 65534)
    with pytest.raises(SetupError, match="belongs to another user"):
        FileMasterKey(path).load("store")


def test_a_huge_key_file_is_refused_unread(tmp_path) -> None:
    """A 200 MB file was read whole (420 MB at the peak) before being found wrong."""
    path = tmp_path / "huge.key"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024**2)
    path.chmod(0o600)
    tracemalloc.start()
    try:
        with pytest.raises(SetupError, match="too large to be a Keyferry master key"):
            FileMasterKey(path).load("store")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024**2, f"{peak} bytes allocated to refuse it"


def test_a_key_file_with_room_for_spaces_still_loads(tmp_path) -> None:
    key = os.urandom(32)
    path = tmp_path / "edited.key"
    path.write_text("  " + base64.b64encode(key).decode() + "  \n\n")
    path.chmod(0o600)
    assert FileMasterKey(path).load("store") == key


def test_a_fifo_as_the_key_file_is_refused_at_once(tmp_path) -> None:
    path = tmp_path / "fifo.key"
    os.mkfifo(path, 0o600)
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            FileMasterKey(path).load("store")
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the open so the thread ends, then fail
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("loading a FIFO as the master key blocked")
    assert isinstance(outcome[0], SetupError) and "not a regular file" in str(outcome[0])
