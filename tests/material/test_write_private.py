"""Writing the user's files (issue 13): never through a link, never into a pipe (it blocked
forever), and an existing file keeps its content until the new content is complete."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.material.files import FileProblem, write_private


def test_a_symlink_is_refused_and_its_target_untouched(tmp_path) -> None:
    target = tmp_path / "precious"
    target.write_bytes(b"keep me")
    target.chmod(0o644)
    link = tmp_path / "out.bin"
    link.symlink_to(target)
    for overwrite in (True, False):
        with pytest.raises(FileProblem, match="symbolic link"):
            write_private(link, b"secret", overwrite=overwrite)
    assert target.read_bytes() == b"keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    dangling = tmp_path / "dangling.bin"
    dangling.symlink_to(tmp_path / "would-be-created")
    with pytest.raises(FileProblem, match="symbolic link"):
        write_private(dangling, b"secret")
    assert not (tmp_path / "would-be-created").exists()


def test_a_fifo_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def write() -> None:
        try:
            write_private(fifo, b"secret")
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    worker = threading.Thread(target=write, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # give the blocked open a reader so the thread ends, then fail
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("writing to a FIFO blocked")
    assert isinstance(outcome[0], FileProblem) and "not a regular file" in str(outcome[0])


def test_a_device_is_refused(tmp_path) -> None:
    with pytest.raises(FileProblem, match="not a regular file"):
        write_private("/dev/null", b"secret")


def test_a_failed_overwrite_keeps_the_old_content(tmp_path) -> None:
    """The child may write at most 1,000 bytes per file (RLIMIT_FSIZE, as a full disk): the
    5,000-byte write fails, and the file it was replacing is as it was, with nothing beside."""
    path = tmp_path / "EncryptedKeyMaterial.bin"
    path.write_bytes(b"the old, complete content")
    code = (
        "import resource, signal, sys\n"
        "from app.material.files import FileProblem, write_private\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "try:\n"
        "    write_private(sys.argv[1], bytes(5000))\n"
        "except FileProblem as problem:\n"
        "    print(problem.message)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert "The disk is full" in child.stdout, child.stdout + child.stderr
    assert path.read_bytes() == b"the old, complete content"
    assert os.listdir(tmp_path) == [path.name], "no partial file left beside it"


def test_an_overwrite_replaces_the_content_whole_and_private(tmp_path) -> None:
    path = tmp_path / "out.bin"
    path.write_bytes(b"x" * 100)
    path.chmod(0o644)
    write_private(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["out.bin"]
    with pytest.raises(FileProblem, match="already exists"):
        write_private(path, b"other", overwrite=False)
    assert path.read_bytes() == b"new"
