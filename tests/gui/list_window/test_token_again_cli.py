"""A key imported from a PKCS#11 token on the command line (``hsm-wrap``, then
``import-key-material`` reading its provenance file) gets the list window's offer to wrap
again with the same token key, as a key imported by the wizard's token path does."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from app.cli import main
from app.model.keys import KeyState
from tests.gui.list_window.test_token_again import choice_box, wizard_of
from tests.softhsm import USER_PIN

ALIAS = "byok/cli-token"
ALGORITHM = "RSAES_OAEP_SHA_1"


def keyferry(capsys, store: Path, master_key: Path, *argv: str) -> str:
    code = main(["--data-dir", str(store), "--master-key-file", str(master_key), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_command_line_import_from_a_token_gets_the_offer(
    make_window, backend, clock, capsys, store_dir, master_key_file, tmp_path, soft_token
) -> None:
    def cli(*argv: str) -> str:
        return keyferry(capsys, store_dir, master_key_file, *argv)

    key_id = json.loads(cli("--json", "create-key", "--alias", ALIAS))["key_id"]
    items = json.loads(
        cli("--json", "get-parameters-for-import", key_id, "--wrapping-algorithm", ALGORITHM,
            "--out-dir", str(tmp_path / "items"))
    )  # fmt: skip
    pin = tmp_path / "pin.txt"
    pin.write_text(USER_PIN)
    out = tmp_path / "EncryptedKeyMaterial.bin"
    wrapped = json.loads(
        cli("--json", "hsm-wrap", "--module", str(soft_token.module_path), "--token",
            soft_token.label, "--key-label", "cli-key", "--generate", "--wrapping-key",
            items["wrapping_key_file"], "--algorithm", ALGORITHM, "--out", str(out),
            "--pin-file", str(pin))
    )  # fmt: skip
    cli("import-key-material", key_id, "--material", str(out), "--token",
        items["import_token_file"], "--never-expires")  # fmt: skip
    assert backend.describe_key(key_id=key_id).kcv == wrapped["kcv"]
    backend.delete_imported_key_material(key_id=key_id)  # as if the material had expired

    lw = make_window()
    lw.wait(lambda: lw.cmk(ALIAS).state is KeyState.PENDING_IMPORT)
    lw.select(ALIAS)
    lw.trigger("reimportAction")
    box = choice_box(lw)
    for shown in ("cli-key", soft_token.label, wrapped["token_serial"], wrapped["kcv"], ALIAS):
        assert shown in box.text()
    lw.click(box.findChild(QPushButton, "sameTokenKeyButton"))
    r = wizard_of(lw, clock, rewrap=True)
    flow = r.wizard.flow
    assert (flow.resume_key_id, flow.rewrap_kcv) == (key_id, wrapped["kcv"])
    assert flow.rewrap is not None and flow.rewrap.key_label == "cli-key"
    assert flow.rewrap.token_serial == wrapped["token_serial"]
