"""The windows fit small screens, large fonts and high scales: each configuration runs
``tests/gui/fit/screens.py`` in a process of its own (a screen size and a scale can only be
set before Qt starts), on Qt's offscreen platform with that screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = Path(__file__).parent / "fit" / "screens.py"

#: name: (screen width, height in device pixels, QT_SCALE_FACTOR, application font in pt)
CONFIGURATIONS = {
    "1024x700, 14 pt": (1024, 700, "1", 14),
    "1920x1080 at 1.5x": (1920, 1080, "1.5", 0),
    "1920x1080 at 2x": (1920, 1080, "2", 0),
}


@pytest.mark.parametrize("name", CONFIGURATIONS)
def test_everything_fits(name: str, tmp_path: Path) -> None:
    width, height, scale, font_pt = CONFIGURATIONS[name]
    screen = {"name": "fit", "x": 0, "y": 0, "width": width, "height": height}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "KEYFERRY_FIT_FONT_PT": str(font_pt),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(CHECKS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{name}:\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
