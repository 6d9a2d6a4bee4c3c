"""Packaging glue pyproject.toml cannot express: every ``app`` package, plus the top-level
``resources/`` folder shipped inside the wheel as ``app.resources`` (DESIGN.md keeps
resources beside app/; app/resources_locator.py finds them in either place)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources"],
    package_dir={"app.resources": "resources"},
)
