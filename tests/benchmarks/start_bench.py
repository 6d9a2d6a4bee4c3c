"""Start-up: process start to the list window shown (offscreen, a store of 10 keys), against
process start to the smallest list window plain PySide makes (no Keyferry code), and beside it
a bare QWizard shown; all fresh processes, alternated, medians.

Keyferry's modules are byte-compiled first, as ``pip install`` and PyInstaller do: a checkout
run with ``PYTHONDONTWRITEBYTECODE=1`` (as some machines set) would otherwise compile about
seventy modules from source on every start, some 100 ms that no installed copy pays and that
the bare QWizard, having no modules of its own, never pays either."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _seed(folder: Path) -> tuple[Path, Path]:
    from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms

    store, key_file = folder / "store", folder / "master.key"
    kms = LocalKms.open(
        store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
    )
    try:
        for n in range(10):
            kms.create_key(
                project_id=DEFAULT_PROJECT,
                key_alias=f"key-{n}",
                origin="kms" if n % 2 else "external",
            )
    finally:
        kms.close()
    return store, key_file


def time_start(argv: list[str], lines: tuple[str, ...] = ("shown",)) -> list[float]:
    """Milliseconds from spawning the process to each of its ``lines`` (not to its exit:
    closing the store and the window is not start-up)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.start_child", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    took, seen = [], []
    for _ in lines:
        seen.append(child.stdout.readline().strip())
        took.append((time.perf_counter() - started) * 1000)
    _, err = child.communicate(timeout=60)
    if child.returncode != 0 or tuple(seen) != lines:
        raise RuntimeError(f"start-up failed: {seen} {err[-500:]}")
    return took


def compile_modules() -> None:
    """Byte-compile Keyferry's modules, as an installed copy has them."""
    for package in ("app", "tests"):
        compileall.compile_dir(ROOT / package, quiet=1)


def bench_start(quick: bool) -> dict[str, float]:
    runs = 5 if quick else 15
    compile_modules()
    with tempfile.TemporaryDirectory() as tmp:
        store, key_file = _seed(Path(tmp))
        listing = ["list", str(store), str(key_file)]
        time_start(["bare"])  # warm the file cache for all
        time_start(listing, ("shown", "rows"))
        bare, listed, rows, bare_store, minimal = [], [], [], [], []
        for _ in range(runs):
            bare.append(time_start(["bare"])[0])
            shown_at, rows_at = time_start(listing, ("shown", "rows"))
            listed.append(shown_at)
            rows.append(rows_at)
            bare_store.append(time_start(["bare-store", str(store), str(key_file)])[0])
            minimal.append(time_start(["minimal"])[0])
    # The target's pair is start_list_ms against start_minimal_list_ms. Beside it: a bare
    # QWizard (the earlier baseline), the list window with its keys painted
    # (start_list_rows_ms), and a bare QWizard shown after opening the store and reading its
    # first keys, as any program that lists them must (start_bare_store_ms).
    return {
        "start_list_ms": statistics.median(listed),
        "start_bare_ms": statistics.median(bare),
        "start_list_rows_ms": statistics.median(rows),
        "start_bare_store_ms": statistics.median(bare_store),
        "start_minimal_list_ms": statistics.median(minimal),
    }
