"""The benchmarks are outside the suite (speed is never asserted here), so nothing else would
notice them rot when the code they measure is renamed: each must at least load, with every
name it takes from Keyferry."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import tests.benchmarks

MODULES = sorted(m.name for m in pkgutil.iter_modules(tests.benchmarks.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_each_benchmark_module_loads(name: str) -> None:
    importlib.import_module(f"tests.benchmarks.{name}")


def test_every_benchmark_is_found() -> None:
    assert {"run", "hsm_bench", "asym_bench", "engine_bench"} <= set(MODULES)
