"""The resource locator (app/resources_locator.py) on each layout it meets: a bundle, an
installed wheel, a checkout; a stray top-level ``resources`` folder in site-packages is not
taken for Keyferry's; a missing folder is a clear error. The real wheel and bundle are run
by tests/test_wheel.py and tests/test_bundle.py, which check the self-test's resource line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import resources_locator
from app.resources_locator import find_resources, located, read_text, resource

ROOT = Path(__file__).resolve().parent.parent


def _resources(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text('"""Keyferry\'s resources."""\n')
    return folder


def test_a_bundle_uses_its_own_resources(tmp_path: Path) -> None:
    bundle = tmp_path / "dist/keyferry/_internal"
    found = _resources(bundle / "resources")
    (bundle / "app").mkdir()
    place = find_resources(bundle / "app", bundle)
    assert (place.kind, place.path) == ("bundle", found)


def test_a_wheel_uses_app_resources_not_a_stray_site_packages_folder(tmp_path: Path) -> None:
    site = tmp_path / "venv/lib/python3.11/site-packages"
    found = _resources(site / "app/resources")
    _resources(site / "resources")  # some other distribution's top-level package
    place = find_resources(site / "app", None)
    assert (place.kind, place.path) == ("installed package", found)


def test_a_checkout_uses_resources_beside_app(tmp_path: Path) -> None:
    found = _resources(tmp_path / "resources")
    (tmp_path / "app").mkdir()
    (tmp_path / "app/resources").mkdir()  # an empty folder is not the resources
    place = find_resources(tmp_path / "app", None)
    assert (place.kind, place.path) == ("checkout", found)


def test_no_resources_anywhere_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="missing from this installation") as raised:
        find_resources(tmp_path / "app", tmp_path / "bundle")
    for tried in ("bundle/resources", "app/resources", f"{tmp_path}/resources"):
        assert tried in str(raised.value)


def test_this_checkout_is_found_and_serves_its_files() -> None:
    assert located() == resources_locator.Resources("checkout", ROOT / "resources")
    assert "durability" in read_text("texts/security_and_durability.html").lower()
    assert resource("translations").is_dir()
    with pytest.raises(FileNotFoundError, match=r"resource texts/none\.html is missing"):
        resource("texts/none.html")
