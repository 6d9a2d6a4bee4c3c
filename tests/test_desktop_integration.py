"""Desktop integration (issue 8): the .desktop file and AppStream metainfo pass their standard
validators, and the icon exists as SVG and in every PNG size it claims."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging/linux"
APP_ID = "io.github.keyferry.Keyferry"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install the Debian package {package} (./dev.sh test does)")
    return path


def test_desktop_file_is_valid() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout


def test_appstream_metainfo_is_valid() -> None:
    result = subprocess.run(
        [
            _tool("appstreamcli", "appstream"),
            "validate",
            "--no-net",
            str(LINUX / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icon_pngs_have_their_size(size: int) -> None:
    png = (ROOT / f"resources/icons/keyferry-{size}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (size, size)


def test_svg_icon_is_there() -> None:
    assert b"<svg" in (ROOT / "resources/icons/keyferry.svg").read_bytes()
