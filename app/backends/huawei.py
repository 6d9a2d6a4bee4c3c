"""A remote Huawei-compatible KMS as a backend, through the official SDK (``huaweicloudsdkkms``).

The SDK signs every request (SDK-HMAC-SHA256) with the access key; the secret key is handed
to the SDK's credentials and kept nowhere else here. Every answer is turned into the same
values the local engine returns, and every failure into a ``KmsError``:

- a refusal by the KMS keeps the KMS's own code and message (``KMS.0207``, ``APIGW.0301``,
  or ``HTTP.<status>`` when the KMS sent none), so the user reads what the KMS said;
- a network failure is a ``NET.xxxx`` code (``app/model/errors.py``) saying what to check;
  connect and read timeouts are set, so no call hangs;
- an answer without a field the operation needs is ``NET.0006``, naming the field.

The API answers most changes with a partial record, so changes are followed by a
describe-key; ``history`` is the local engine's (``supports_history`` is False here). The
API's encrypt-data takes text, so plaintext must be UTF-8 (KMS.2101 otherwise). The API
neither takes an expected KCV nor reports one: ``import_key_material`` checks an
``expect_kcv`` for its form and sends nothing (``verifies_kcv`` is False), so callers say that
the KMS did not verify it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
from collections.abc import Callable, Iterable
from typing import Any

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m

from app.backends.base import ChangeListener, Decrypted, Listeners, TagAction
from app.backends.remote_errors import answer_error, call_errors
from app.model import rules
from app.model.api_format import cmk_from_details
from app.model.audit import AuditEntry
from app.model.errors import KmsError
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, DataKey, KeyPage, KeySpec, KeyState, Origin, Tag
from app.model.messages import Message

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 30.0
LIST_PAGE = 1000

# The SDK logs connection failures on a logger of its own (as errors, with the request's
# details); the failure reaches the user as our own KmsError, so the SDK's record is dropped
# rather than printed on stderr or passed to the application's handlers.
_SDK_LOG = logging.getLogger("HuaweiCloud-SDK-KmsClient")
_SDK_LOG.addHandler(logging.NullHandler())
_SDK_LOG.propagate = False


class HuaweiBackend:
    """A remote KMS at ``endpoint`` (``https://...``, or ``http://`` for a local server)."""

    supports_history = False
    is_local = False
    verifies_kcv = False  # the API takes no expected KCV and reports none

    def __init__(
        self,
        *,
        endpoint: str,
        project_id: str,
        access_key_id: str,
        secret_key: str,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
        ca_file: str | None = None,
    ) -> None:
        if not (endpoint and project_id and access_key_id and secret_key):
            # Empty credentials would make the SDK ask a cloud metadata service instead.
            raise KmsError("KMS.0204", "remote.credentials_missing")
        self.endpoint = endpoint
        self.project_id = project_id
        self.access_key_id = access_key_id
        config = HttpConfig.get_default_config()
        config.timeout = timeout
        config.retry_times = 0
        if ca_file:
            config.ssl_ca_cert = ca_file
        self._client = (
            KmsClient.new_builder()
            .with_http_config(config)
            .with_credentials(BasicCredentials(access_key_id, secret_key, project_id))
            .with_endpoints([endpoint])
            .build()
        )
        self._listeners = Listeners()
        self._closed = False

    @property
    def label(self) -> Message:
        return Message("backend.remote", endpoint=self.endpoint, project_id=self.project_id)

    @property
    def is_open(self) -> bool:
        """Open from the start (it connects per call) until ``close``."""
        return not self._closed

    def close(self) -> None:
        self._closed = True
        self._client.close()

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    def _call(self, method: str, request: Any) -> Any:
        with call_errors(self.endpoint):
            return getattr(self._client, method)(request)

    def _changed(self, key_id: str) -> Cmk:
        """After a change: the key as it is now, and a notice to listeners."""
        self._listeners.notify(frozenset({key_id}))
        return self.describe_key(key_id=key_id)

    # keys
    def create_key(
        self,
        *,
        alias: str,
        description: str = "",
        origin: Origin = Origin.EXTERNAL,
        tags: Iterable[Tag] = (),
    ) -> Cmk:
        tags = tuple(tags)
        rules.check_tags(tags)  # before creating, so a bad tag leaves no untagged key behind
        body = m.CreateKeyRequestBody(
            key_alias=alias,
            key_spec=KeySpec.AES_256.value,
            key_usage="ENCRYPT_DECRYPT",
            key_description=description,
            origin=Origin(origin).value,
        )
        answer = self._call("create_key", m.CreateKeyRequest(body=body))
        key_id = _required(getattr(answer.key_info, "key_id", None), "key_info.key_id")
        if tags:
            self._call(
                "batch_create_kms_tags",
                m.BatchCreateKmsTagsRequest(
                    key_id=key_id,
                    body=m.BatchCreateKmsTagsRequestBody(
                        tags=[m.TagItem(key=t.key, value=t.value) for t in tags], action="create"
                    ),
                ),
            )
        return self._changed(key_id)

    def describe_key(self, *, key_id: str) -> Cmk:
        answer = self._call(
            "list_key_detail", m.ListKeyDetailRequest(body=m.OperateKeyRequestBody(key_id=key_id))
        )
        details = _details(answer.key_info, fallback_id=key_id)
        return self._cmk(details, tags=self.show_tags(key_id=key_id))

    def _cmk(self, details: dict[str, Any], *, tags: tuple[Tag, ...] = ()) -> Cmk:
        try:
            return cmk_from_details(details, project_id=self.project_id, tags=tags)
        except (KeyError, ValueError, TypeError):
            raise answer_error(
                "a key's details (key_state, origin or a date is not valid)"
            ) from None

    def list_keys(
        self,
        *,
        limit: int | None = None,
        marker: str | None = None,
        key_state: KeyState | None = None,
    ) -> KeyPage:
        body = m.ListKeysRequestBody(
            limit=None if limit is None else str(limit),
            marker=marker or None,
            key_state=None if key_state is None else str(int(key_state)),
        )
        answer = self._call("list_keys", m.ListKeysRequest(body=body))
        keys = tuple(self._cmk(_details(d)) for d in answer.key_details or ())
        total = answer.total if isinstance(answer.total, int) else len(keys)
        return KeyPage(
            keys=keys,
            next_marker=answer.next_marker or None,
            truncated=str(answer.truncated).lower() == "true",
            total=total,
        )

    def all_keys(self) -> list[Cmk]:
        keys: list[Cmk] = []
        marker: str | None = None
        while True:
            page = self.list_keys(limit=LIST_PAGE, marker=marker)
            keys.extend(page.keys)
            if not page.truncated or not page.next_marker or page.next_marker == marker:
                return keys
            marker = page.next_marker

    def history(
        self,
        *,
        key_id: str | None = None,
        since_ms: int | None = None,
        limit: int = 1000,
        reads: bool = False,
    ) -> list[AuditEntry]:
        return []  # a remote KMS keeps its audit trail to itself (Huawei: Cloud Trace)

    # import
    def get_parameters_for_import(
        self, *, key_id: str, wrapping_algorithm: WrappingAlgorithm
    ) -> ImportParameters:
        answer = self._call(
            "create_parameters_for_import",
            m.CreateParametersForImportRequest(
                body=m.GetParametersForImportRequestBody(
                    key_id=key_id, wrapping_algorithm=WrappingAlgorithm(wrapping_algorithm).value
                )
            ),
        )
        try:
            public_key = base64.b64decode(_required(answer.public_key, "public_key"), validate=True)
            expires = int(_required(answer.expiration_time, "expiration_time"))
        except (binascii.Error, ValueError, TypeError):
            raise answer_error("public_key or expiration_time (malformed)") from None
        return ImportParameters(
            key_id=answer.key_id or key_id,
            wrapping_algorithm=WrappingAlgorithm(wrapping_algorithm),
            public_key_der=public_key,
            import_token=_required(answer.import_token, "import_token"),
            expiration_time=expires,
        )

    def import_key_material(
        self,
        *,
        key_id: str,
        import_token: str,
        encrypted_key_material: bytes,
        expiration_time: int | None = None,
        expect_kcv: str | None = None,
    ) -> Cmk:
        if expect_kcv is not None:  # checked for its form only: the KMS cannot verify it
            rules.check_expected_kcv(expect_kcv)
        self._call(
            "import_key_material",
            m.ImportKeyMaterialRequest(
                body=m.ImportKeyMaterialRequestBody(
                    key_id=key_id,
                    import_token=import_token,
                    encrypted_key_material=base64.b64encode(encrypted_key_material).decode(),
                    expiration_time=expiration_time,
                )
            ),
        )
        return self._changed(key_id)

    def delete_imported_key_material(self, *, key_id: str) -> Cmk:
        self._call(
            "delete_imported_key_material",
            m.DeleteImportedKeyMaterialRequest(body=m.OperateKeyRequestBody(key_id=key_id)),
        )
        return self._changed(key_id)

    # lifecycle
    def _operate(self, method: str, request_type: type, key_id: str) -> Cmk:
        self._call(method, request_type(body=m.OperateKeyRequestBody(key_id=key_id)))
        return self._changed(key_id)

    def enable_key(self, *, key_id: str) -> Cmk:
        return self._operate("enable_key", m.EnableKeyRequest, key_id)

    def disable_key(self, *, key_id: str) -> Cmk:
        return self._operate("disable_key", m.DisableKeyRequest, key_id)

    def cancel_key_deletion(self, *, key_id: str) -> Cmk:
        return self._operate("cancel_key_deletion", m.CancelKeyDeletionRequest, key_id)

    def schedule_key_deletion(self, *, key_id: str, pending_days: int) -> Cmk:
        self._call(
            "delete_key",
            m.DeleteKeyRequest(
                body=m.ScheduleKeyDeletionRequestBody(key_id=key_id, pending_days=str(pending_days))
            ),
        )
        return self._changed(key_id)

    def update_key_alias(self, *, key_id: str, alias: str) -> Cmk:
        self._call(
            "update_key_alias",
            m.UpdateKeyAliasRequest(
                body=m.UpdateKeyAliasRequestBody(key_id=key_id, key_alias=alias)
            ),
        )
        return self._changed(key_id)

    def update_key_description(self, *, key_id: str, description: str) -> Cmk:
        self._call(
            "update_key_description",
            m.UpdateKeyDescriptionRequest(
                body=m.UpdateKeyDescriptionRequestBody(key_id=key_id, key_description=description)
            ),
        )
        return self._changed(key_id)

    # tags
    def create_tag(self, *, key_id: str, tag: Tag) -> Cmk:
        self._call(
            "create_kms_tag",
            m.CreateKmsTagRequest(
                key_id=key_id,
                body=m.CreateKmsTagRequestBody(tag=m.TagItem(key=tag.key, value=tag.value)),
            ),
        )
        return self._changed(key_id)

    def batch_tags(self, *, key_id: str, action: TagAction, tags: Iterable[Tag]) -> Cmk:
        self._call(
            "batch_create_kms_tags",
            m.BatchCreateKmsTagsRequest(
                key_id=key_id,
                body=m.BatchCreateKmsTagsRequestBody(
                    tags=[m.TagItem(key=t.key, value=t.value) for t in tags], action=action
                ),
            ),
        )
        return self._changed(key_id)

    def show_tags(self, *, key_id: str) -> tuple[Tag, ...]:
        answer = self._call("show_kms_tags", m.ShowKmsTagsRequest(key_id=key_id))
        return tuple(
            sorted(
                Tag(str(t.key), str(t.value or ""))
                for t in answer.tags or ()
                if getattr(t, "key", None)
            )
        )

    def delete_tag(self, *, key_id: str, tag_key: str) -> Cmk:
        self._call("delete_tag", m.DeleteTagRequest(key_id=key_id, key=tag_key))
        return self._changed(key_id)

    # data
    def encrypt_data(
        self, *, key_id: str, plain_text: bytes, additional_authenticated_data: bytes = b""
    ) -> str:
        answer = self._call(
            "encrypt_data",
            m.EncryptDataRequest(
                body=m.EncryptDataRequestBody(
                    key_id=key_id,
                    plain_text=_text(plain_text, "KMS.2101", "remote.the_plaintext"),
                    additional_authenticated_data=_aad(additional_authenticated_data),
                )
            ),
        )
        return str(_required(answer.cipher_text, "cipher_text"))

    def decrypt_data(
        self, *, cipher_text: str, additional_authenticated_data: bytes = b""
    ) -> Decrypted:
        answer = self._call(
            "decrypt_data",
            m.DecryptDataRequest(
                body=m.DecryptDataRequestBody(
                    cipher_text=cipher_text,
                    additional_authenticated_data=_aad(additional_authenticated_data),
                )
            ),
        )
        if answer.plain_text_base64:
            try:
                plaintext = base64.b64decode(answer.plain_text_base64, validate=True)
            except (binascii.Error, ValueError):
                raise answer_error("plain_text_base64 (not Base64)") from None
        else:
            plaintext = str(_required(answer.plain_text, "plain_text")).encode("utf-8")
        return Decrypted(key_id=str(_required(answer.key_id, "key_id")), plaintext=plaintext)

    def create_datakey(
        self,
        *,
        key_id: str,
        key_spec: str | None = None,
        datakey_length: int | None = None,
        with_plaintext: bool = True,
    ) -> DataKey:
        body = m.CreateDatakeyRequestBody(
            key_id=key_id,
            key_spec=key_spec,
            datakey_length=None if datakey_length is None else str(datakey_length),
        )
        if not with_plaintext:
            answer = self._call(
                "create_datakey_without_plaintext",
                m.CreateDatakeyWithoutPlaintextRequest(body=body),
            )
            return DataKey(
                key_id=key_id,
                plaintext=None,
                cipher_text=str(_required(answer.cipher_text, "cipher_text")),
            )
        answer = self._call("create_datakey", m.CreateDatakeyRequest(body=body))
        return DataKey(
            key_id=key_id,
            plaintext=_unhex(answer.plain_text, "plain_text"),
            cipher_text=str(_required(answer.cipher_text, "cipher_text")),
        )

    def decrypt_datakey(
        self, *, key_id: str, cipher_text: str, datakey_cipher_length: int | None = None
    ) -> bytes:
        answer = self._call(
            "decrypt_datakey",
            m.DecryptDatakeyRequest(
                body=m.DecryptDatakeyRequestBody(
                    key_id=key_id,
                    cipher_text=cipher_text,
                    datakey_cipher_length=None
                    if datakey_cipher_length is None
                    else str(datakey_cipher_length),
                )
            ),
        )
        datakey = _unhex(answer.data_key, "data_key")
        digest = answer.datakey_dgst
        if digest and not hmac.compare_digest(
            str(digest).lower(), hashlib.sha256(datakey).hexdigest()
        ):
            raise answer_error("datakey_dgst (it does not match the data key)")
        return datakey

    def encrypt_datakey(self, *, key_id: str, plain_text: bytes, datakey_plain_length: int) -> str:
        answer = self._call(
            "encrypt_datakey",
            m.EncryptDatakeyRequest(
                body=m.EncryptDatakeyRequestBody(
                    key_id=key_id,
                    plain_text=plain_text.hex(),
                    datakey_plain_length=str(datakey_plain_length),
                )
            ),
        )
        return str(_required(answer.cipher_text, "cipher_text"))


def _required(value: Any, name: str) -> Any:
    if value is None or value == "":
        raise answer_error(name)
    return value


def _details(info: Any, *, fallback_id: str | None = None) -> dict[str, Any]:
    """A ``KeyDetails`` model (or a dict) as a dict, with the key ID the caller asked for
    when the answer leaves it out."""
    details = info.to_dict() if hasattr(info, "to_dict") else dict(info or {})
    details = {k: v for k, v in details.items() if v is not None}
    if fallback_id and not details.get("key_id"):
        details["key_id"] = fallback_id
    if not details.get("key_id"):
        raise answer_error("key_id")
    return details


def _text(data: bytes, code: str, what: str) -> str:
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise KmsError(code, "remote.not_utf8", what=Message(what)) from None


def _aad(data: bytes) -> str | None:
    return _text(data, "KMS.0308", "remote.the_aad") if data else None


def _unhex(value: Any, name: str) -> bytes:
    try:
        return bytes.fromhex(str(_required(value, name)))
    except ValueError:
        raise answer_error(f"{name} (not hex)") from None
