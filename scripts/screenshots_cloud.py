"""Screenshots of Keyferry on a cloud KMS in a real X window (Xvfb, the xcb platform): the list
window with a key's KCV from the import record and its per-key record, the wizard naming the
KMS on its page and in its title, the connection dialog with its CA bundle and proxy, and the
list after a change whose answer was lost and could not be checked (NET.0007).

    .venv/bin/python scripts/screenshots_cloud.py [--out docs/screenshots] [--display :180]
        [--lang zh_CN]

The stand-in cloud is ``keyferry serve`` on a throwaway store behind the tests' fault-injecting
proxy, reached under a profile named "lab"; the import record lives in a temporary config
folder. Writes cloud-list.png, cloud-wizard.png, cloud-connection.png and cloud-outcome.png
(with ``--lang zh_CN``: cloud-list-zh_CN.png and so on; a CJK font such as
fonts-wqy-microhei must be installed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _stage(tmp: Path):
    """A running keyferry serve with three keys: tagged, imported (recorded), pending."""
    from app.backends.huawei import HuaweiBackend
    from app.backends.import_record import ImportClaim, import_and_record
    from app.material.wrap import (
        generate_material,
        key_check_value,
        load_wrapping_key,
        wrap_material,
    )
    from app.model.importing import WrappingAlgorithm
    from app.model.keys import Tag
    from tests.server.fault_proxy import fault_proxy
    from tests.server.live import ACCESS_KEY, SECRET_KEY, start_server

    server = start_server(tmp / "serve")
    faults = fault_proxy(server.url)
    proxy = faults.__enter__()  # closed with the server, at the end of the run
    cloud = HuaweiBackend(
        endpoint=proxy.url,
        project_id="payments-prod",
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
        profile="lab",
    )
    cloud.create_key(alias="card-data", tags=[Tag("env", "prod"), Tag("team", "payments")])
    key = cloud.create_key(alias="hsm-ceremony-2026", description="From the March key ceremony")
    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    params = cloud.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=algorithm)
    (tmp / "wrappingKey").write_bytes(params.public_key_der)
    material = generate_material()
    import_and_record(
        cloud,
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_material(
            material, load_wrapping_key(tmp / "wrappingKey"), algorithm
        ),
        expiration_time=None,
        claim=ImportClaim(
            kcv=key_check_value(material),
            kcv_source="wrapped-here",
            wrapping_algorithm=algorithm,
            token_expires_s=params.expiration_time,
            alias=key.alias,
        ),
    )
    cloud.create_key(alias="partner-bank", description="Material not imported yet")
    return server, (faults, proxy), cloud, key


def _shoot(out: Path, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app.gui.appearance import prepare_application
    from app.gui.dialogs.connection import ConnectionDialog
    from app.gui.main_window import CmkListWindow
    from app.gui.tasks import TaskRunner
    from app.gui.wizard.wizard import ImportKeyWizard
    from tests.server.corporate import make_ca
    from tests.server.fault_proxy import Fault

    app = QApplication([])
    prepare_application(app)
    _use_language(lang)
    suffix = "" if lang == "en" else f"-{lang}"
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        server, (faults, proxy), cloud, key = _stage(tmp)
        runner = TaskRunner()
        window = CmkListWindow(cloud, runner)
        window.resize(1360, 820)
        window.show()
        _wait(app, lambda: window.sync.complete and not runner.busy)
        window.select_key(key.key_id)
        _wait(app, lambda: not runner.busy, settle_s=1.0)
        window.grab().save(str(out / f"cloud-list{suffix}.png"))
        dialog = ConnectionDialog(TaskRunner(), window)
        dialog.endpointEdit.setText("https://kms.ap-southeast-1.myhuaweicloud.com")
        dialog.projectEdit.setText("payments-prod")
        dialog.accessKeyEdit.setText("HPUAEXAMPLEKEY")
        bundle, _, _ = make_ca(tmp / "corp-ca")  # a real PEM bundle, as the field checks
        dialog.caFileEdit.setText(str(bundle))
        dialog.proxyEdit.setText("http://proxy.corp.example:3128")
        dialog.show()
        _wait(app, lambda: True, settle_s=0.5)
        dialog.grab().save(str(out / f"cloud-connection{suffix}.png"))
        dialog.close()
        wizard = ImportKeyWizard(cloud, runner, parent=window)
        wizard.show()
        _wait(app, lambda: True, settle_s=0.5)
        wizard.grab().save(str(out / f"cloud-wizard{suffix}.png"))
        wizard.close()
        # Disable the key: the KMS acts, the gateway loses its answer, the key cannot be read.
        proxy.add(
            Fault("disable-key", "after", status=504),
            Fault("describe-key", "before", status=403),
        )
        window.operations.disable(window.selected_key())
        _wait(app, lambda: not runner.busy, settle_s=1.0)
        window.grab().save(str(out / f"cloud-outcome{suffix}.png"))
        window.close()
        runner.shutdown(wait=True)
        cloud.close()
        faults.__exit__(None, None, None)
        server.stop()


def _use_language(lang: str) -> None:
    import runpy

    from app.gui.language import language

    if lang != "en":
        runpy.run_path(str(ROOT / "packaging" / "build_translations.py"))["build"]()
    language().apply(lang)


def _wait(app, condition, *, settle_s: float = 0.3, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        app.processEvents()  # a script driving a screen, not the program
        time.sleep(0.02)
    end = time.monotonic() + settle_s
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--display", default=":180")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default="en")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _shoot(args.out, args.lang)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = subprocess.Popen(
        ["Xvfb", args.display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"]
    )
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as config:
            env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb")
            env["KEYFERRY_CONFIG_DIR"] = config  # the staged import record, not the user's
            env["XDG_CONFIG_HOME"] = config
            command = [sys.executable, __file__, "--child", "--out", str(args.out)]
            command += ["--lang", args.lang]
            return subprocess.run(command, env=env, check=False).returncode
    finally:
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    sys.exit(main())
