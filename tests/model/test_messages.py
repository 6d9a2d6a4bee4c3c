"""Sentences by identity: a message id and its arguments, their English, and errors that
carry them (equal by identity, intact through pickling, refused when the id or the
arguments are wrong)."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from app.material.files import FileProblem
from app.model.catalogue import MESSAGES
from app.model.errors import CODES, KmsError, SetupError
from app.model.keys import KeyState
from app.model.messages import ByteCount, Message, fields


def test_a_message_reads_as_english_with_its_arguments_formatted() -> None:
    assert str(Message("tag.key_twice", tag_key="env")) == (
        "The tag key 'env' appears twice: a key takes one value."
    )
    assert str(Message("key.enable_state", state=KeyState.PENDING_IMPORT)) == (
        "The key is Pending import: only a Disabled key can be enabled."
    )
    size = Message(
        "file.too_large",
        path=Path("/tmp/x.bin"),
        size=ByteCount(3 * 1024 * 1024),
        what=Message("what.import_token"),
        limit=ByteCount(64 * 1024),
    )
    assert str(size) == (
        "/tmp/x.bin is 3.0 MiB, far too large to be an import token (at most 64.0 KiB). "
        "It was not read."
    )
    problems = (Message("endpoint.no_host"), Message("profile.name"))
    assert str(Message("settings.problems", problems=problems)) == (
        "The endpoint needs a host name. Enter a profile name of 1 to 64 characters."
    )
    assert [str(ByteCount(n)) for n in (0, 1023, 1024, 1536, 2**30)] == [
        "0 bytes",
        "1023 bytes",
        "1.0 KiB",
        "1.5 KiB",
        "1.0 GiB",
    ]


def test_an_unknown_id_or_the_wrong_arguments_are_refused_where_they_are_made() -> None:
    with pytest.raises(ValueError, match="not a message id"):
        Message("no.such.id")
    with pytest.raises(TypeError, match=r"takes \['key_id'\]"):
        Message("key.not_found", alias="x")
    with pytest.raises(TypeError):
        KmsError("KMS.0207", "key.not_found")  # key_id missing
    with pytest.raises(ValueError):
        KmsError("KMS.0308", "An English sentence is not an id.")


def test_every_catalogue_entry_is_well_formed() -> None:
    for message_id, english in MESSAGES.items():
        assert message_id == message_id.strip() and " " not in message_id, message_id
        assert english.strip() == english and english, message_id
        assert all(name.isidentifier() for name in fields(english)), message_id
    assert set(CODES) <= set(MESSAGES)


@pytest.mark.parametrize(
    "error",
    [
        KmsError("KMS.2604"),
        KmsError("KMS.0207", "key.not_found", key_id="k1"),
        KmsError("KMS.0310", "import.state", state=KeyState.ENABLED),
        KmsError("HTTP.502", http_status=502, remote="Bad gateway (request ID r1)"),
        KmsError("KMS.0308", remote="encryption_algorithm is wrong."),
        KmsError("NET.0001", "net.endpoint", problem=Message("NET.0001"), endpoint="http://h"),
        FileProblem("file.missing", path=Path("/tmp/gone")),
    ],
)
def test_a_kms_error_survives_pickling_whole(error: KmsError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert copy == error and hash(copy) == hash(error)
    assert (copy.code, copy.message, copy.http_status, copy.message_id, copy.arguments) == (
        error.code,
        error.message,
        error.http_status,
        error.message_id,
        error.arguments,
    )
    assert str(copy) == str(error) == f"{error.code}: {error.message}"


def test_errors_are_equal_by_code_id_and_arguments() -> None:
    assert KmsError("KMS.0207", "key.not_found", key_id="a") == KmsError(
        "KMS.0207", "key.not_found", key_id="a"
    )
    assert KmsError("KMS.0207", "key.not_found", key_id="a") != KmsError(
        "KMS.0207", "key.not_found", key_id="b"
    )
    assert KmsError("KMS.0207") != KmsError("KMS.0207", "key.not_found", key_id="a")
    assert KmsError("KMS.0102") == KmsError("KMS.0102")
    assert KmsError("KMS.0308", remote="x") != KmsError("KMS.0308")
    assert len({KmsError("KMS.0102"), KmsError("KMS.0102"), KmsError("KMS.0101")}) == 2


def test_a_remote_kmss_own_words_have_no_id_but_keep_their_codes_default() -> None:
    known = KmsError("KMS.0308", remote="encryption_algorithm is wrong.")
    assert (known.message, known.message_id, known.sentence) == (
        "encryption_algorithm is wrong.",
        "KMS.0308",
        Message("KMS.0308"),
    )
    unknown = KmsError("HTTP.502", http_status=502, remote="Bad gateway")
    assert (unknown.message, unknown.message_id, unknown.sentence) == ("Bad gateway", None, None)
    assert unknown.http_status == 502


def test_a_setup_error_has_an_id_and_survives_pickling() -> None:
    error = SetupError("master_key.file_not_regular", path=Path("/tmp/k"))
    assert str(error) == error.message == "The master-key file /tmp/k is not a regular file."
    copy = pickle.loads(pickle.dumps(error))
    assert copy == error and copy.sentence == error.sentence and str(copy) == str(error)
    assert copy != SetupError("master_key.file_not_regular", path=Path("/tmp/other"))


_MAKERS = {"KmsError": 1, "FileProblem": 0, "SetupError": 0, "Message": 0}  # the id's position
_NOT_ARGUMENTS = {"http_status", "remote", "code"}


def _sites() -> list[tuple[str, str, set[str] | None]]:
    """(where, id, keyword names or None when ``**`` passes some) of every literal message id
    given to KmsError, FileProblem, SetupError or Message anywhere in app/."""
    found = []
    for path in sorted((Path(__file__).parents[2] / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = _MAKERS.get(name or "")
            if position is None or len(node.args) <= position:
                continue
            id_node = node.args[position]
            if not (isinstance(id_node, ast.Constant) and isinstance(id_node.value, str)):
                continue
            keywords = {k.arg for k in node.keywords}
            names = None if None in keywords else {str(k) for k in keywords} - _NOT_ARGUMENTS
            found.append((f"{path.name}:{node.lineno}", id_node.value, names))
    return found


def test_every_raise_site_names_a_catalogued_id_with_the_arguments_it_names() -> None:
    sites = _sites()
    assert len(sites) > 150  # the scan found the raise sites
    for where, message_id, names in sites:
        assert message_id in MESSAGES, f"{where}: {message_id!r} is not in the catalogue"
        if names is not None:
            assert names == fields(MESSAGES[message_id]), f"{where}: {message_id} {names}"
