"""Keys, their lifecycle and tags through the command line: the API's field names with
``--json``, a table for people."""

from __future__ import annotations

import json

from tests.cli.conftest import Run


def test_json_uses_the_api_field_names(run: Run) -> None:
    code, out, _ = run(
        "--json", "create-key", "--alias", "a", "--tag", "env=prod", "--description", "demo"
    )
    data = json.loads(out)
    assert code == 0
    assert data["key_alias"] == "a" and data["key_state"] == "5" and data["origin"] == "external"
    assert data["key_description"] == "demo" and data["tags"] == [{"key": "env", "value": "prod"}]
    for field in (
        "key_id",
        "domain_id",
        "key_spec",
        "key_usage",
        "creation_date",
        "scheduled_deletion_date",
        "expiration_time",
        "default_key_flag",
    ):
        assert isinstance(data[field], str)
    code, out, _ = run("--json", "list-keys")
    listing = json.loads(out)
    assert listing["total"] == 1 and listing["truncated"] == "false"
    assert listing["keys"] == [data["key_id"]]


def test_lifecycle_through_the_cli(run: Run) -> None:
    _, out, _ = run("--json", "create-key", "--alias", "k", "--origin", "kms")
    key = json.loads(out)["key_id"]
    assert json.loads(run("--json", "disable-key", key)[1])["key_state"] == "3"
    assert json.loads(run("--json", "enable-key", key)[1])["key_state"] == "2"
    data = json.loads(run("--json", "schedule-key-deletion", key, "--pending-days", "7")[1])
    assert data["key_state"] == "4" and data["scheduled_deletion_date"]
    assert json.loads(run("--json", "cancel-key-deletion", key)[1])["key_state"] == "3"
    run("batch-create-tags", key, "a=1", "b=2")
    assert json.loads(run("--json", "show-tags", key)[1])["existTagsNum"] == 2
    run("batch-delete-tags", key, "a")
    assert run("show-tags", key)[1].strip() == "b=2"
    assert "renamed" in run("update-key-alias", key, "--alias", "renamed")[1]
    code, out, _ = run("describe-key", key)
    assert code == 0 and "KCV" in out and "Disabled" in out
