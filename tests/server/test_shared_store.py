"""One store, several programs at once: ``keyferry serve`` answering several SDK clients in
parallel, while the GUI's in-process backend and the CLI write to the same store. Nothing is
lost, no "database is locked" reaches anyone, and every program sees every key."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from huaweicloudsdkkms.v2 import model as m

from app.backends.local import LocalBackend
from app.engine import FileMasterKey, LocalKms
from app.model.keys import Origin
from tests.server import steps
from tests.server.live import LiveServer, sdk_client, server_env

SDK_CLIENTS = 4
KEYS_EACH = 15


def _sdk_worker(url: str, project_id: str, worker: int) -> list[str]:
    client = sdk_client(url, project_id)
    try:
        made = []
        for i in range(KEYS_EACH):
            key_id = steps.create_key(client, f"sdk-{worker}-{i}", origin="kms")
            steps.operate(client, "disable_key", key_id)
            made.append(key_id)
        return made
    finally:
        client.close()


def _cli_worker(server: LiveServer, project_id: str) -> list[str]:
    env = server_env(server.master_key_file)
    made = []
    for i in range(3):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "app.cli",
                "--data-dir",
                str(server.data_dir),
                "--project",
                project_id,
                "--json",
                "create-key",
                "--alias",
                f"cli-{i}",
            ],
            env=env,
            text=True,
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        made.append(done.stdout.split('"key_id": "')[1].split('"')[0])
    return made


def test_serve_the_gui_and_the_cli_share_one_store(
    live_server: LiveServer, project_id: str
) -> None:
    kms = LocalKms.open(
        live_server.data_dir,
        master_key_source=FileMasterKey(live_server.master_key_file),
        background=False,
        pool_size=0,
    )
    gui = LocalBackend(kms, project_id=project_id, owns_engine=True)
    try:
        with ThreadPoolExecutor(SDK_CLIENTS + 2) as pool:
            sdk_jobs = [
                pool.submit(_sdk_worker, live_server.url, project_id, w) for w in range(SDK_CLIENTS)
            ]
            cli_job = pool.submit(_cli_worker, live_server, project_id)
            gui_made = [
                gui.create_key(alias=f"gui-{i}", origin=Origin.KMS).key_id for i in range(KEYS_EACH)
            ]
            sdk_made = [key for job in sdk_jobs for key in job.result()]
            cli_made = cli_job.result()

        everything = set(sdk_made) | set(gui_made) | set(cli_made)
        assert len(everything) == SDK_CLIENTS * KEYS_EACH + KEYS_EACH + 3
        assert {k.key_id for k in gui.all_keys()} == everything
        client = sdk_client(live_server.url, project_id)
        try:
            listed = client.list_keys(m.ListKeysRequest(body=m.ListKeysRequestBody()))
            disabled = client.list_keys(
                m.ListKeysRequest(body=m.ListKeysRequestBody(key_state="3"))
            )
        finally:
            client.close()
        assert set(listed.keys) == everything
        assert set(disabled.keys) == set(sdk_made)  # every disable landed
    finally:
        gui.close()
    assert "locked" not in live_server.log() and "Traceback" not in live_server.log()
