"""What a flaky cloud makes Keyferry say, in Chinese: every outcome of a change whose answer
was lost (NET.0007-0009), the KMS's wait, a gateway's web page, KMS.2606 naming the recorded
material, the import record's refusals and the corporate network's settings, each provoked
through the real backend behind the fault-injecting proxy (or the real rule), then read in
Chinese with no English word left but the names, codes and commands they carry, and in
English as the backend wrote it."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.backends.factory import BackendSettings, remote_settings
from app.backends.huawei import HuaweiBackend
from app.backends.import_record import ImportClaim, ImportRecord, _cannot_write, import_and_record
from app.backends.profiles import Profile, ProfileStore, ca_file_problem, proxy_problem
from app.backends.remote_calls import RemoteCalls
from app.gui.messages import error_sentence, error_text, message_text
from app.material.wrap import generate_material, key_check_value, load_wrapping_key, wrap_material
from app.model.errors import KmsError, SetupError
from app.model.importing import WrappingAlgorithm
from app.model.keys import Tag
from tests.gui.i18n_check import english_words
from tests.server.fault_proxy import Fault, FaultProxy, fault_proxy
from tests.server.live import ACCESS_KEY, SECRET_KEY, new_project

ALGORITHM = WrappingAlgorithm.RSAES_OAEP_SHA_256
#: Operation names and command words the sentences carry as data (never translated).
COMMAND_WORDS = [
    "keyferry",
    "--profile lab",
    "describe-key",
    "list-keys",
    "batch-create-tags",
    "create-key",
    "disable-key",
    "import-key-material",
    "'keyferry profile save'",
]


@pytest.fixture
def proxy(live_server) -> Iterator[FaultProxy]:
    with fault_proxy(live_server.url) as running:
        yield running


@pytest.fixture
def cloud(proxy: FaultProxy) -> Iterator[HuaweiBackend]:
    backend = HuaweiBackend(
        endpoint=proxy.url,
        project_id=new_project(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
        timeout=(2, 10),
        profile="lab",
        calls=RemoteCalls(proxy.url, sleep=lambda _s: None),
    )
    yield backend
    backend.close()


def refusal(action: Callable[[], object]) -> KmsError | SetupError:
    try:
        action()
    except (KmsError, SetupError) as error:
        return error
    raise AssertionError("no refusal")


def _import(cloud: HuaweiBackend, key_id: str, tmp_path: Path, record: ImportRecord) -> str:
    params = cloud.get_parameters_for_import(key_id=key_id, wrapping_algorithm=ALGORITHM)
    der = tmp_path / f"wrappingKey_{key_id}"
    der.write_bytes(params.public_key_der)
    material = generate_material()
    kcv = key_check_value(material)
    import_and_record(
        cloud,
        key_id=key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_material(material, load_wrapping_key(der), ALGORITHM),
        expiration_time=None,
        claim=ImportClaim(kcv=kcv, kcv_source="wrapped-here"),
        record=record,
    )
    return kcv


def lost_answers(cloud: HuaweiBackend, proxy: FaultProxy, tmp_path: Path) -> list[KmsError]:
    """NET.0007, 0008 and 0009 in each of their forms, from the real backend."""
    key = cloud.create_key(alias="flaky")
    record = ImportRecord(tmp_path / "config")
    found = []
    proxy.add(Fault("disable-key", "before", status=503))
    found.append(refusal(lambda: cloud.disable_key(key_id=key.key_id)))  # not made
    proxy.add(Fault("create-key", "before", status=503))
    found.append(refusal(lambda: cloud.create_key(alias="never-made")))
    proxy.add(Fault("{key_id}/tags/action", "before", status=503))
    found.append(refusal(lambda: cloud.create_key(alias="untagged", tags=[Tag("env", "prod")])))
    proxy.add(Fault("create-key", "after", status=504), Fault("list-keys", "before", times=0))
    found.append(refusal(lambda: cloud.create_key(alias="who-knows")))
    proxy.clear()
    proxy.add(Fault("describe-key", "before", status=503, times=0))
    found.append(refusal(lambda: cloud.update_key_description(key_id=key.key_id, description="x")))
    proxy.add(Fault("import-key-material", "after", status=504))
    found.append(refusal(lambda: _import(cloud, key.key_id, tmp_path, record)))  # unknown
    proxy.clear()
    assert [e.code for e in found] == ["NET.0009"] * 2 + ["NET.0008"] + ["NET.0007"] + [
        "NET.0008",
        "NET.0007",
    ]
    return found  # type: ignore[return-value]


def gateway_answers(cloud: HuaweiBackend, proxy: FaultProxy) -> list[KmsError]:
    proxy.add(Fault("list-keys", "before", status=429, retry_after="120"))
    waited = refusal(lambda: cloud.list_keys())
    proxy.add(Fault("list-keys", "before", status=504, times=4))
    page = refusal(lambda: cloud.list_keys())
    return [waited, page]  # type: ignore[list-item]


def other_material(cloud: HuaweiBackend, tmp_path: Path) -> KmsError:
    """KMS.2606 from the remote KMS, with the material the record says the key holds."""
    record = ImportRecord(tmp_path / "config")
    key = cloud.create_key(alias="held")
    _import(cloud, key.key_id, tmp_path, record)
    cloud.delete_imported_key_material(key_id=key.key_id)
    error = refusal(lambda: _import(cloud, key.key_id, tmp_path, record))
    assert isinstance(error, KmsError) and error.message_id == "record.holds_material"
    return error


def settings_refusals(tmp_path: Path, private_config_dir: Path) -> list[SetupError]:
    ProfileStore().save(Profile("lab", "https://kms.example.com", "proj", "AKID"))
    plain = tmp_path / "plain.pem"
    plain.write_text("not a certificate")
    mix = refusal(
        lambda: remote_settings(BackendSettings(Path("unused"), profile="lab", project_id="other"))
    )
    problems = [
        proxy_problem("ftp://proxy"),
        proxy_problem("http://user:pw@proxy:3128"),
        proxy_problem("http://proxy:99999"),
        ca_file_problem(str(tmp_path / "missing.pem")),
        ca_file_problem(str(plain)),
    ]
    assert all(problems)
    record = _cannot_write(tmp_path / "imports.jsonl", OSError(errno.ENOSPC, "No space"))
    return [mix, SetupError("settings.problems", problems=tuple(problems)), record]  # type: ignore[list-item]


@pytest.fixture
def provoked(cloud, proxy, tmp_path, private_config_dir) -> list[KmsError | SetupError]:
    return [
        *lost_answers(cloud, proxy, tmp_path),
        *gateway_answers(cloud, proxy),
        other_material(cloud, tmp_path),
        KmsError("KMS.1104", "outcome.alias_existed", alias="taken", existing_id="k-1"),
        *settings_refusals(tmp_path, private_config_dir),
    ]


def test_in_english_each_reads_as_the_backend_wrote_it(provoked) -> None:
    for error in provoked:
        expected = f"{error.code}: {error.message}" if isinstance(error, KmsError) else str(error)
        assert error_text(error) == expected
    by_id = {e.message_id: e.message for e in provoked if isinstance(e, KmsError)}
    assert "shows the change was not made (Pending import)" in by_id["outcome.not_made"]
    assert "The KMS asks to wait 120 s before trying again." in by_id["remote.retry_after"]


def test_in_chinese_no_english_is_left_but_names_codes_and_commands(
    provoked, cloud, tmp_path, chinese
) -> None:
    data = [*COMMAND_WORDS, "flaky", "never-made", "untagged", "who-knows", "held", "taken"]
    data += ["env=prod", "lab", "other", "proj", "ftp", "proxy", "user:pw@proxy:3128", "k-1"]
    data += [cloud.project_id, f"http://proxy:{99999}", "-----BEGIN CERTIFICATE-----"]
    data += ["No such file or directory", "No space"]  # the OS's words, as every file error
    for error in provoked:
        text = error_text(error)
        assert english_words(text, data) == [], text
    sentences = [error_sentence(e) for e in provoked]
    assert any("更改未生效（待导入）" in s for s in sentences), sentences
    assert any("KMS 要求等待 120 秒后再重试" in s for s in sentences), sentences
    assert any("以网页而非 API 应答回复了 HTTP 504" in s for s in sentences)


def test_the_outcome_names_its_details_as_arguments(provoked) -> None:
    """The check command, the codes and the recorded KCV are arguments, not English text."""
    unknown = next(e for e in provoked if e.message_id == "outcome.unknown")
    assert unknown.arguments["check"].startswith("keyferry --profile lab describe-key ")
    assert (unknown.arguments["what"], unknown.arguments["cause"]) == (
        "import-key-material",
        "HTTP.504",
    )
    held = next(e for e in provoked if e.message_id == "record.holds_material")
    assert len(held.arguments["kcv"]) == 6 and held.arguments["problem"].id == "KMS.2606"
    assert message_text(held.arguments["problem"]) in error_sentence(held)
