"""Finding Keyferry's resources (texts, icons, translations) wherever it runs: a checkout
(``resources/`` beside ``app/``), an installed wheel (the ``app.resources`` package), or a
PyInstaller bundle (``sys._MEIPASS/resources``). Everything loads through ``resource()``."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here.parent / "resources")  # a checkout or an editable install
    candidates.append(here / "resources")  # the wheel: app/resources
    for candidate in candidates:
        if (candidate / "__init__.py").exists() or candidate.is_dir():
            return candidate
    raise FileNotFoundError("Keyferry's resources folder is missing from this installation")


def resource(name: str) -> Path:
    """The path of a resource file, e.g. ``resource("texts/security_and_durability.html")``."""
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"Keyferry's resource {name} is missing from {path.parent}")
    return path


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")
