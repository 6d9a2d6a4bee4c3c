"""Errors and sentences from below the GUI, shown in the user's language: each provoked
through the real rule, file function, engine or backend that says it, then read in English
(unchanged: code first, then the sentence) and in Chinese (translated by its id, no English
word left, the names put back), and what happens to a remote KMS's own words."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from app.backends import profiles
from app.backends.remote_errors import _network, answer_error
from app.engine import DEFAULT_PROJECT, LocalKms
from app.engine.master_key import NO_KEYRING_HELP
from app.gui.messages import error_sentence, error_text, join_sentences, message_text
from app.gui.wizard import work
from app.gui.wizard.flow import ImportFlow
from app.material import files, wrap
from app.model import rules
from app.model.errors import KmsError, SetupError
from app.model.importing import ExpirationMode
from app.model.keys import KeyState, Origin, Tag
from app.model.messages import ByteCount, Message
from tests.gui.i18n_check import english_words
from tests.helpers import wrap_for


def refusal(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except (KmsError, SetupError) as error:
        return error
    raise AssertionError("no refusal")


def rule_refusals() -> list[BaseException]:
    """What the model's rules say as the user types, each way they can say it."""
    tags = [Tag(f"k{i}", "v") for i in range(11)]
    return [
        refusal(lambda: rules.check_alias("")),
        refusal(lambda: rules.check_alias("a" * 256)),
        refusal(lambda: rules.check_alias("bad alias!")),
        refusal(lambda: rules.check_alias("team/default")),
        refusal(lambda: rules.check_description("d" * 256)),
        refusal(lambda: rules.check_tag(Tag("", "v"))),
        refusal(lambda: rules.check_tag(Tag("k", "v" * 44))),
        refusal(lambda: rules.check_tag(Tag("a*b", "v"))),
        refusal(lambda: rules.check_tag(Tag("k", "a=b"))),
        refusal(lambda: rules.check_tags([Tag("env", "a"), Tag("env", "b")])),
        refusal(lambda: rules.check_tags(tags)),
        refusal(lambda: rules.check_material_expiry(100, 200.0)),
        refusal(lambda: rules.check_material_expiry(rules.EXPIRY_MAX_S + 1, 200.0)),
        refusal(lambda: rules.parse_pending_days("3")),
        refusal(lambda: rules.check_expected_kcv("CABA0")),
    ]


def file_refusals(tmp_path: Path) -> list[BaseException]:
    """What the user's files can do wrong, from the real file functions."""
    existing = tmp_path / "PlaintextKeyMaterial.bin"
    existing.write_bytes(b"x" * 32)
    hex_file = tmp_path / "hex.txt"
    hex_file.write_text("ab" * 32)
    token = tmp_path / "importToken_x"
    token.write_bytes(b"\x01\x02")
    big = tmp_path / "big.bin"
    big.write_bytes(b"\0" * (files.MAX_INPUT_BYTES + 10))
    return [
        refusal(lambda: files.read_input(tmp_path / "gone.bin", "what.encrypted_material")),
        refusal(lambda: files.read_input(tmp_path, "what.import_token")),
        refusal(lambda: files.read_input(big, "what.encrypted_material")),
        refusal(lambda: files.write_private(existing, b"y", overwrite=False)),
        refusal(lambda: files.write_private(tmp_path / "no" / "such.bin", b"y")),
        refusal(lambda: wrap.load_plaintext_material(hex_file)),
        refusal(lambda: wrap.load_plaintext_material(token)),
        refusal(lambda: wrap.load_wrapping_key(existing)),
        refusal(lambda: work.read_token(token)),
        refusal(
            lambda: work.download_items(
                None,
                key=None,
                algorithm=None,  # type: ignore
                folder=tmp_path / "nowhere",
                now=0.0,
            )
        ),
        files._write_failure(existing, OSError(errno.ENOSPC, "full")),
        files._write_failure(existing, OSError(errno.EACCES, "no")),
    ]


def import_with_another_kcv(kms: LocalKms, key_id: str) -> None:
    params = kms.get_parameters_for_import(
        project_id=DEFAULT_PROJECT, key_id=key_id, wrapping_algorithm="RSAES_PKCS1_V1_5"
    )
    kms.import_key_material(
        project_id=DEFAULT_PROJECT,
        key_id=key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, bytes(range(32))),
        expect_kcv="000000",
    )


def engine_and_remote_refusals(kms: LocalKms) -> list[BaseException]:
    """The engine's refusals with names in them, the wizard's own, a remote KMS's."""
    kms.create_key(project_id=DEFAULT_PROJECT, key_alias="taken", origin=Origin.KMS)
    external = kms.create_key(project_id=DEFAULT_PROJECT, key_alias="ext", origin=Origin.EXTERNAL)
    enabled = replace(external, state=KeyState.ENABLED)  # as if its material were in
    found: list[BaseException | None] = [
        refusal(
            lambda: kms.create_key(project_id=DEFAULT_PROJECT, key_alias="taken", origin=Origin.KMS)
        ),
        refusal(
            lambda: kms.describe_key(
                project_id=DEFAULT_PROJECT, key_id="00000000-0000-0000-0000-000000000000"
            )
        ),
        refusal(lambda: import_with_another_kcv(kms, external.key_id)),
        ImportFlow().key_loaded(enabled),  # an import again into an Enabled key
        ImportFlow(expiration_mode=ExpirationMode.ON_DATE).expiry_problem(),  # no date yet
        _network("NET.0001", "http://127.0.0.1:9"),
        _network("NET.0004", "https://kms.example.com", "certificate verify failed"),
        answer_error("key_id"),
        KmsError("KMS.2601"),
        SetupError(NO_KEYRING_HELP.id),
    ]
    assert all(isinstance(e, KmsError | SetupError) for e in found)
    return found


@pytest.fixture
def provoked(tmp_path: Path, kms: LocalKms) -> list[BaseException]:
    return rule_refusals() + file_refusals(tmp_path) + engine_and_remote_refusals(kms)


def test_in_english_an_error_reads_as_the_engine_wrote_it(provoked) -> None:
    for error in provoked:
        if isinstance(error, KmsError):
            assert error_text(error) == f"{error.code}: {error.message}"
        else:
            assert error_text(error) == str(error)
    assert error_text(ValueError("boom")) == "Unexpected error (ValueError): boom"


def test_in_chinese_every_provoked_error_is_chinese_with_its_names(
    provoked, tmp_path, chinese
) -> None:
    for error in provoked:
        text = error_text(error)
        assert english_words(text, ["taken", "key_id", "env", "certificate verify failed"]) == [], (
            text
        )
        if isinstance(error, KmsError):
            assert text.startswith(f"{error.code}: ")
    texts = [error_sentence(e) for e in provoked]
    assert "标签键 'env' 出现了两次：一个标签键只能有一个值。" in texts
    assert "已存在别名为 'taken' 的密钥。" in texts
    assert f"{tmp_path / 'gone.bin'} 不存在（或在读取时被删除）。" in texts
    assert f"{tmp_path} 是文件夹，不是导入令牌。" in texts
    assert "密钥处于“已启用”状态：只有“待导入”的密钥才能接收密钥材料。" in texts
    assert any(
        t.startswith("无法连接到 KMS：连接被拒绝。")
        and t.endswith("终端节点：http://127.0.0.1:9。")
        for t in texts
    )


def test_a_remote_kmss_own_words_follow_the_codes_translated_default(chinese) -> None:
    error = KmsError("KMS.0308", remote="encryption_algorithm must be SYMMETRIC_DEFAULT here.")
    assert error_text(error) == (
        "KMS.0308: 参数无效。（详细信息：encryption_algorithm must be SYMMETRIC_DEFAULT here.）"
    )
    unknown = KmsError("HTTP.502", http_status=502, remote="Bad gateway")
    assert error_text(unknown) == "HTTP.502: Bad gateway"
    assert error_text(ValueError("boom")) == "意外错误（ValueError）：boom"


def test_in_english_a_remote_kmss_words_are_shown_alone() -> None:
    error = KmsError("KMS.0308", remote="encryption_algorithm must be SYMMETRIC_DEFAULT here.")
    assert error_text(error) == "KMS.0308: encryption_algorithm must be SYMMETRIC_DEFAULT here."


def test_a_phrase_inside_a_sentence_is_translated_by_its_own_id(chinese, tmp_path) -> None:
    """The key store's banner named the master-key file in English inside Chinese."""
    where = Message("master_key.the_file", path=tmp_path / "master.key")
    assert error_sentence(SetupError("master_key.not_a_key", where=where)) == (
        f"主密钥文件 {tmp_path / 'master.key'} 中没有 Keyferry 主密钥。"
    )
    missing = SetupError(
        "store.master_key_missing",
        folder=tmp_path / "store",
        source=Message("master_key.in_file", path=tmp_path / "master.key"),
    )
    assert english_words(error_sentence(missing)) == [], error_sentence(missing)
    size = Message(
        "file.too_large",
        path=tmp_path / "big.bin",
        size=ByteCount(3 * 1024 * 1024),
        what=Message("what.import_token"),
        limit=ByteCount(64 * 1024),
    )
    assert message_text(size) == (
        f"{tmp_path / 'big.bin'} 的大小为 3.0 MiB，作为导入令牌太大了（最多 64.0 KiB）。"
        "未读取该文件。"
    )
    assert message_text(Message("content.binary", size=12)).strip() == "12 字节的二进制数据"


def test_the_connection_rules_and_the_kms_name_are_chinese(chinese, kms: LocalKms) -> None:
    from app.backends.local import LocalBackend

    problems = [
        profiles.endpoint_problem(t)
        for t in (
            "",
            "ftp://x",
            "https://:443",
            "https://u:p@h",
            "https://h/path",
            "https://h:99999",
        )
    ]
    problems += [
        profiles.project_problem("!"),
        profiles.access_key_problem("!"),
        profiles.name_problem(""),
    ]
    for problem in problems:
        assert problem is not None
        assert english_words(message_text(problem)) == [], message_text(problem)
    label = message_text(LocalBackend(kms).label)
    assert label == f"本地引擎（{kms.store.directory}）"
    endpoint = f"http://127.0.0.1:{os.getpid()}"
    remote = Message("backend.remote", endpoint=endpoint, project_id="p1")
    assert message_text(remote) == f"远程 KMS {endpoint}（项目 p1）"


def test_sentences_follow_each_other_as_each_language_writes_them() -> None:
    assert join_sentences("KMS.2601: The token expired.", "Download again.", "") == (
        "KMS.2601: The token expired. Download again."
    )
    assert join_sentences("KMS.2601: 导入令牌已过期。", "请重新下载。") == (
        "KMS.2601: 导入令牌已过期。请重新下载。"
    )


def test_a_provenance_file_that_does_not_parse_is_said_in_chinese(chinese, tmp_path) -> None:
    from app.material.hsm.provenance import provenance_path, read_provenance

    material = tmp_path / "EncryptedKeyMaterial.bin"
    provenance_path(material).write_text("{not json")
    with pytest.raises(KmsError) as raised:
        read_provenance(material)
    assert error_text(raised.value) == (
        f"KMS.0308: {provenance_path(material)} 不是 hsm-wrap 写的令牌来源文件（无法解析）。"
        "请用 hsm-wrap 重新加密密钥材料、删除该文件，或使用 --no-provenance 导入。"
    )
    differs = KmsError(
        "KMS.0308", "hsm.provenance_kcv_differs", typed="ABC123", token="ABC122", path=material
    )
    assert error_text(differs) == (
        f"KMS.0308: --expect-kcv ABC123 与令牌为此密钥材料计算的 KCV ABC122（{material}）不同。"
        "请核对哪个值正确；未导入任何内容。"
    )
