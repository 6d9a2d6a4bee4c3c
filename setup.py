"""Packaging glue pyproject.toml cannot express: every ``app`` package, plus the top-level
``resources/`` folder shipped inside the wheel as ``app.resources`` (DESIGN.md keeps
resources beside app/; app/resources_locator.py finds them in either place).

Each folder under resources/ (icons, texts, translations, and any added later) is listed as
a package of its own, with every file in it, so setuptools neither warns about it nor drops
it. The compiled translations (``*.qm``, not committed) are made by the build itself
(``BuildPy``), so every standard build (``pip wheel .``, ``pip install .``, ``python -m build``)
ships them; Qt's ``lrelease`` comes from PySide6-Essentials, a declared build requirement.
"""

import importlib.util
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("resources") / "translations"


def _lrelease() -> str:
    """The lrelease program shipped inside PySide6 (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        program = Path(folder) / "lrelease"
        if program.exists():
            return str(program)
    raise SystemExit(
        "building Keyferry needs PySide6-Essentials (for lrelease, which compiles the "
        "translations): it is a build requirement in pyproject.toml"
    )


class BuildPy(build_py):
    """build_py, then the Qt Linguist sources compiled to the .qm files the program loads:
    into the build for a wheel, into the checkout for an editable install."""

    def run(self) -> None:
        super().run()
        sources = sorted(TRANSLATIONS.glob("*.ts"))
        if not sources:
            raise SystemExit(f"no translation sources (*.ts) in {TRANSLATIONS}")
        target = TRANSLATIONS if self.editable_mode else Path(self.build_lib) / "app" / TRANSLATIONS
        target.mkdir(parents=True, exist_ok=True)
        lrelease = _lrelease()
        for source in sources:
            self.spawn([lrelease, "-silent", str(source), "-qm", str(target / f"{source.stem}.qm")])


RESOURCE_FOLDERS = [
    f"app.resources.{name}"
    for name in find_namespace_packages(where="resources", exclude=["__pycache__", "*.__pycache__"])
]

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources", *RESOURCE_FOLDERS],
    package_dir={"app.resources": "resources"},
    package_data={"app.resources": ["*.md"], **{folder: ["*"] for folder in RESOURCE_FOLDERS}},
    exclude_package_data={"": ["*.pyc"]},
    cmdclass={"build_py": BuildPy},
)
