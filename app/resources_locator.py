"""Finding Keyferry's resources (texts, icons, translations) wherever it runs, so that they
load the same from each place the program can be started from:

- a PyInstaller bundle: ``sys._MEIPASS/resources`` (packaging/keyferry.spec puts them there);
- an installed wheel: the ``app.resources`` package, ``app/resources`` beside this module
  (setup.py ships the checkout's ``resources/`` under that name);
- a checkout, or an editable install of one: ``resources/`` beside ``app/``.

They are tried in that order, and a folder counts only if it holds the resources package's
``__init__.py``: an installed ``app`` never picks up some other distribution's top-level
``resources`` folder in site-packages. Everything loads through ``resource()``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: The file that marks a folder as Keyferry's resources (the package's own ``__init__``).
MARKER = "__init__.py"


@dataclass(frozen=True)
class Resources:
    """Where the resources were found: ``kind`` is "bundle", "installed package" or
    "checkout"; ``path`` is the folder."""

    kind: str
    path: Path


def candidates(module_dir: Path, bundle_dir: Path | None) -> Iterator[Resources]:
    """The places to look, best first, for this module's folder (``app/``) and, when
    frozen, the bundle's data folder."""
    if bundle_dir is not None:
        yield Resources("bundle", bundle_dir / "resources")
    yield Resources("installed package", module_dir / "resources")
    yield Resources("checkout", module_dir.parent / "resources")


def find_resources(module_dir: Path, bundle_dir: Path | None) -> Resources:
    """The first candidate that holds the marker; a clear error naming every place tried."""
    tried = []
    for place in candidates(module_dir, bundle_dir):
        if (place.path / MARKER).is_file():
            return place
        tried.append(str(place.path))
    raise FileNotFoundError(
        "Keyferry's resources folder is missing from this installation "
        f"(looked in {', '.join(tried)})"
    )


@cache
def located() -> Resources:
    """Where this running Keyferry takes its resources from."""
    bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    return find_resources(Path(__file__).resolve().parent, Path(bundle) if bundle else None)


def resources_dir() -> Path:
    return located().path


def resource(name: str) -> Path:
    """The path of a resource file or folder, e.g. ``resource("texts/x.html")``."""
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"Keyferry's resource {name} is missing from {path.parent}")
    return path


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")
