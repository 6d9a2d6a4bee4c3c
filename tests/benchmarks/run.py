"""Keyferry's benchmark suite: ``python tests/benchmarks/run.py [--quick] [--out FILE]``.

Targets are ratios against a baseline measured in the same run wherever one exists (the
machines are shared and noisy); absolute times are printed beside them. Writes one JSON
object, metric names as keys, numbers as values (default ``bench-results.json``). ``--quick``
shrinks the sizes (a few minutes); 100,000 keys stays 100,000.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks import (  # noqa: E402
    asym_bench,
    datapath_bench,
    engine_bench,
    hsm_bench,
    list_bench,
    serve_bench,
    start_bench,
    wizard_bench,
)

Bench = Callable[[bool], dict[str, float]]

#: (name, benchmark, the check that says whether its targets are met, target in words); a
#: benchmark without a target (None) prints figures only.
SUITE: list[tuple[str, str, Callable[[dict[str, float]], bool] | None, str]] = [
    (
        "gpfi",
        "engine_bench.bench_gpfi",
        lambda m: m["rsa2048_keygen_p50_ms"] / m["gpfi_p50_ms"] >= 10 and m["gpfi_p99_ms"] < 10,
        "paced: p50 >= 10x faster than an RSA-2048 keygen; p99 < 10 ms",
    ),
    (
        "import",
        "engine_bench.bench_import",
        lambda m: m["import_p50_ms"] <= 3 * m["unwrap_commit_p50_ms"],
        "<= 3x (RSA-OAEP decrypt + durable commit)",
    ),
    (
        "asym_import",
        "asym_bench.bench_asym_import",
        lambda m: m["asym_import_p50_ms"] <= 3 * m["asym_unwrap_commit_p50_ms"],
        "<= 3x (RSA-OAEP decrypt + RFC 5649 unwrap + PKCS#8 load + durable commit)",
    ),
    (
        "sign",
        "asym_bench.bench_sign",
        lambda m: (
            m["sign_rsa2048_ops"] >= 0.5 * m["raw_sign_rsa2048_ops"]
            and m["sign_p256_ops"] >= 0.5 * m["raw_sign_p256_ops"]
        ),
        ">= 0.5x raw cryptography signing (RSA-2048, P-256)",
    ),
    (
        "encrypt",
        "engine_bench.bench_encrypt",
        lambda m: m["encrypt64_ops"] >= 0.2 * m["aesgcm64_ops"],
        ">= 0.2x raw AES-256-GCM",
    ),
    (
        "datapath",
        "datapath_bench.bench_datapath",
        None,
        "(what each device of encrypt-data buys: figures only)",
    ),
    (
        "serve",
        "serve_bench.bench_serve",
        lambda m: m["serve_rps"] >= 1000 and m["serve_p99_ms"] < 50,
        "describe-key >= 1,000 requests/s, p99 < 50 ms (8 conns)",
    ),
    (
        "start",
        "start_bench.bench_start",
        lambda m: m["start_list_ms"] <= 1.25 * m["start_minimal_list_ms"],
        "list window shown <= 1.25x plain PySide's list window",
    ),
    (
        "list100k",
        "list_bench.bench_list100k",
        lambda m: (
            m["list100k_open_ms"] < 1000
            and m["list100k_filter_max_ms"] < 50
            and m["list100k_rss_mb"] < 400
        ),
        "open < 1,000 ms; worst keystroke < 50 ms; peak < 400 MB",
    ),
    (
        "wizard",
        "wizard_bench.bench_wizard",
        lambda m: m["wizard_e2e_ms"] < 2000 and m["ui_max_stall_ms"] < 50,
        "whole wizard < 2,000 ms; UI stall < 50 ms",
    ),
    (
        "hsm",
        "hsm_bench.bench_hsm_wrap",
        lambda m: m["hsm_wrap_ratio"] <= 1.5,
        "token wrap (KCV included) <= 1.5x a direct wrap_key",
    ),
]
MODULES = {
    "asym_bench": asym_bench,
    "datapath_bench": datapath_bench,
    "engine_bench": engine_bench,
    "hsm_bench": hsm_bench,
    "serve_bench": serve_bench,
    "start_bench": start_bench,
    "list_bench": list_bench,
    "wizard_bench": wizard_bench,
}


def _resolve(path: str) -> Bench:
    module, name = path.split(".")
    return getattr(MODULES[module], name)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, a few minutes")
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--only", action="append", help="run only these benchmarks")
    args = parser.parse_args(argv)
    results: dict[str, float] = {}
    verdicts: list[tuple[str, str, str, float]] = []
    for name, path, check, target in SUITE:
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        metrics = _resolve(path)(args.quick)
        results.update(metrics)
        met = "-" if check is None else ("yes" if check(metrics) else "NO")
        verdicts.append((name, target, met, time.perf_counter() - started))
        for metric, value in metrics.items():
            print(f"  {metric:<36} {value:>14,.3f}", flush=True)
    print()
    print(f"{'benchmark':<12} {'target':<64} {'met':<5} {'took':>6}")
    for name, target, met, took in verdicts:
        print(f"{name:<12} {target:<64} {met:<5} {took:>5.0f}s")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
