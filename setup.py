"""Packaging glue pyproject.toml cannot express: every ``app`` package, plus the top-level
``resources/`` folder shipped inside the wheel as ``app.resources`` (DESIGN.md keeps
resources beside app/; app/resources_locator.py finds them in either place).

Each folder under resources/ (icons, texts, translations, and any added later) is listed as
a package of its own, with every file in it, so setuptools neither warns about it nor drops
it. The compiled translations (``*.qm``, not committed) are shipped when they have been
built: packaging/build_wheel.py compiles them first and checks the wheel has them.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCE_FOLDERS = [
    f"app.resources.{name}"
    for name in find_namespace_packages(where="resources", exclude=["__pycache__", "*.__pycache__"])
]

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources", *RESOURCE_FOLDERS],
    package_dir={"app.resources": "resources"},
    package_data={"app.resources": ["*.md"], **{folder: ["*"] for folder in RESOURCE_FOLDERS}},
    exclude_package_data={"": ["*.pyc"]},
)
