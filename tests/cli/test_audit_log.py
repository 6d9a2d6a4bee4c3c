"""``keyferry audit-log``: the store's audit log for its owner, by key and time, as lines for
people or JSON for a script, without SQL."""

from __future__ import annotations

import json
import time

from tests.cli.conftest import Run


def _entries(run: Run, *argv: str) -> list[dict[str, object]]:
    code, out, err = run("--json", "audit-log", *argv)
    assert code == 0, err
    return json.loads(out)


def test_who_did_what_to_which_key_and_when(run: Run, tmp_path) -> None:
    _, out, _ = run("--json", "create-key", "--alias", "a", "--origin", "kms")
    first = json.loads(out)["key_id"]
    _, out, _ = run("--json", "create-key", "--alias", "b", "--origin", "kms")
    second = json.loads(out)["key_id"]
    run("disable-key", first)
    run("enable-key", first)
    run("enable-key", first)  # refused: already Enabled
    (tmp_path / "plain.txt").write_text("hello")
    code, _, err = run(
        "encrypt-data", first, "--in", str(tmp_path / "plain.txt"), "--out", str(tmp_path / "c")
    )  # a read: not shown by default
    assert code == 0, err
    every = _entries(run)
    assert [(e["operation"], e["key_id"], e["result"]) for e in every] == [
        ("create-key", first, "ok"),
        ("create-key", second, "ok"),
        ("disable-key", first, "ok"),
        ("enable-key", first, "ok"),
        ("enable-key", first, "refused"),
    ]
    assert every[-1]["error_code"] == "KMS.1201"
    assert all(str(e["actor"]).startswith("local:") and e["time"] for e in every)
    assert [e["operation"] for e in _entries(run, "--key", second)] == ["create-key"]
    with_reads = [e["operation"] for e in _entries(run, "--reads", "--key", first)]
    assert "encrypt-data" in with_reads
    assert len(_entries(run, "--limit", "2")) == 2


def test_since_and_the_lines_for_people(run: Run) -> None:
    run("create-key", "--alias", "old", "--origin", "kms")
    assert _entries(run, "--since", "2999-01-01T00:00") == []
    today = time.strftime("%Y-%m-%d")
    assert len(_entries(run, "--since", today)) == 1
    code, out, _ = run("audit-log")
    assert code == 0 and "create-key" in out and " ok" in out


def test_a_bad_time_or_key_is_a_clear_error(run: Run) -> None:
    code, _, err = run("audit-log", "--since", "yesterday")
    assert code == 1 and err.startswith("error KMS.0308:") and "ISO 8601" in err
    code, _, err = run("audit-log", "--key", "not-a-key")
    assert code == 1 and "KMS.0205" in err
