"""The token path's cost: Keyferry's wrap in a SoftHSM token (a session open and logged in,
so the login is excluded) against a direct python-pkcs11 ``wrap_key`` doing the same job in
the same run: find the key by its label, make the downloaded wrapping key a session object,
wrap, destroy it. Keyferry also reads the key's attributes and has the token compute its KCV
(CMAC)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa
from pkcs11 import MGF, KeyType, Mechanism, ObjectClass

from app.material.hsm.discovery import find_modules
from app.material.hsm.module import Module
from app.material.hsm.pin import Pin
from app.material.hsm.session import public_template
from app.model.importing import WrappingAlgorithm
from tests.benchmarks.stats import percentile, timed_ms

PIN = "314159"
LABEL = "bench"
ALGORITHM = WrappingAlgorithm.RSAES_OAEP_SHA_1


def _softhsm() -> Path:
    for module in find_modules():
        if module.path.name == "libsofthsm2.so":
            return module.path
    raise SystemExit("hsm_bench needs SoftHSM 2: apt-get install softhsm2")


def _direct_wrap(session, public_key) -> bytes:
    key = session.get_key(ObjectClass.SECRET_KEY, KeyType.AES, label=LABEL)
    public = session.create_object(public_template(public_key))
    try:
        return public.wrap_key(
            key,
            mechanism=Mechanism.RSA_PKCS_OAEP,
            mechanism_param=(Mechanism.SHA_1, MGF.SHA1, None),
        )
    finally:
        public.destroy()  # as Keyferry does: no wrapping key objects pile up in the session


def bench_hsm_wrap(quick: bool) -> dict[str, float]:
    rounds = 100 if quick else 400
    public_key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "tokens").mkdir()
        conf = folder / "softhsm2.conf"
        conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nlog.level = ERROR\n")
        os.environ["SOFTHSM2_CONF"] = str(conf)
        util = shutil.which("softhsm2-util") or "softhsm2-util"
        subprocess.run(
            [util, "--init-token", "--free", "--label", "b", "--pin", PIN, "--so-pin", "87654321"],
            check=True,
            capture_output=True,
        )
        module = Module.load(_softhsm())
        module.reload()
        with module.session("b", Pin(PIN), write=True) as ours:
            ours.generate(LABEL)
            raw = ours._session  # the same logged-in session, used directly
            keyferry, direct = [], []
            for _ in range(rounds):  # interleaved, so both see the same machine
                keyferry.append(
                    timed_ms(
                        lambda: ours.wrap(
                            key_label=LABEL, wrapping_key=public_key, algorithm=ALGORITHM
                        )
                    )
                )
                direct.append(timed_ms(lambda: _direct_wrap(raw, public_key)))
        module.reload()
    return {
        "hsm_wrap_ms": percentile(keyferry, 50),
        "hsm_direct_wrap_ms": percentile(direct, 50),
        "hsm_wrap_ratio": percentile(keyferry, 50) / percentile(direct, 50),
    }
