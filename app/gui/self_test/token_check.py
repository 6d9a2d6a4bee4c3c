"""The self-test's token path: when SoftHSM 2 is installed, a throwaway token in the
temporary folder generates an AES-256 key, wraps it with a wrapping key the temporary store
hands out, and the import is Enabled with the KCV the token computed; the plaintext never
exists. Without SoftHSM (or its softhsm2-util) the step is skipped, saying why.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from app.backends.base import KmsBackend
from app.gui.self_test.report import StepFailed
from app.material.hsm.discovery import find_modules
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState, Origin

#: SoftHSM 2.6 wraps with OAEP SHA-1 and PKCS#1 v1.5, not OAEP SHA-256.
ALGORITHM = WrappingAlgorithm.RSAES_PKCS1_V1_5
_PIN = "self-test"
_LABEL = "self-test"


def softhsm() -> tuple[Path, str] | str:
    """SoftHSM's module and softhsm2-util, or why the token path cannot be checked."""
    module = next((m.path for m in find_modules() if m.path.name == "libsofthsm2.so"), None)
    util = shutil.which("softhsm2-util")
    if module is None or util is None:
        return "SoftHSM 2 is not installed (apt-get install softhsm2 adds the token path)"
    return module, util


def token_path(backend: KmsBackend, folder: Path, module: Path, util: str) -> str:
    """Generate, wrap in the token, import; returns what happened, or raises."""
    from app.material.hsm.pin import Pin
    from app.material.hsm.wrap_file import wrap_to_file

    tokens = folder / "softhsm"
    (tokens / "tokens").mkdir(parents=True)
    conf = tokens / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens / 'tokens'}\nlog.level = ERROR\n")
    # the sandbox points SOFTHSM2_CONF here, before the module is first loaded
    subprocess.run(
        [util, "--init-token", "--free", "--label", _LABEL, "--pin", _PIN, "--so-pin", _PIN],
        check=True,
        capture_output=True,
    )
    key = backend.create_key(
        alias=time.strftime("self-test-token-%Y%m%d%H%M%S"),
        description="",
        origin=Origin.EXTERNAL,
        tags=(),
    )
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=ALGORITHM)
    wrapping_key = tokens / "wrappingKey"
    wrapping_key.write_bytes(params.public_key_der)
    result = wrap_to_file(
        module=module,
        token_label=_LABEL,
        pin=Pin(_PIN),
        key_label="self-test-key",
        generate=True,
        wrapping_key=wrapping_key,
        algorithm=ALGORITHM,
        out=tokens / "EncryptedKeyMaterial.bin",
    )
    imported = backend.import_key_material(
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=result.encrypted.read_bytes(),
        expiration_time=None,
    )
    if imported.state is not KeyState.ENABLED or imported.kcv != result.kcv:
        raise StepFailed(
            f"the key is {imported.state.name} with KCV {imported.kcv}; the token's is {result.kcv}"
        )
    return f"SoftHSM generated and wrapped ({ALGORITHM.value}); Enabled, KCV {result.kcv}"
