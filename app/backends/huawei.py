"""A remote Huawei-compatible KMS as a backend, through the official SDK (``huaweicloudsdkkms``).

The SDK signs every request (SDK-HMAC-SHA256) with the access key; the secret key is handed
to the SDK's credentials and kept nowhere else here. Every answer is turned into the same
values the local engine returns, and every failure into a ``KmsError``:

- a refusal by the KMS keeps the KMS's own code and message (``KMS.0207``, ``APIGW.0301``,
  or ``HTTP.<status>`` when the KMS sent none), so the user reads what the KMS said;
- a network failure is a ``NET.xxxx`` code (``app/model/errors.py``) saying what to check;
  connect and read timeouts are set, so no call hangs;
- an answer without a field the operation needs is ``NET.0006``, naming the field.

Reads are retried on 429 and 502-504 (``remote_calls.py``). A change whose answer is lost is
not retried: the key is read back to find out what happened (``huawei_changes.py``, which
holds create-key too; ``outcomes.py``), and the user is told a confirmed result, or that it
is unknown and how to check. The API answers most changes with a partial record, so changes
are followed by a describe-key. A listing carries
no tags (``tags_known`` is False; ``with_tags`` fetches them) and no KMS of this API reports
a KCV (``reports_kcv`` is False): Keyferry's import record keeps the KCV instead. Nor does
it take an expected KCV: ``import_key_material`` checks an ``expect_kcv`` for its form and
sends nothing (``verifies_kcv`` is False), so callers say that the KMS did not verify it.
This module holds keys, import and the lifecycle; the data operations are in
``huawei_data.py``, the asymmetric ones in ``huawei_asym.py``, tags in ``huawei_tags.py``.
"""

from __future__ import annotations

import base64
import binascii
import logging
import shlex
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m

from app.backends.base import ChangeListener, KmsRef, Listeners
from app.backends.huawei_asym import RemoteAsym
from app.backends.huawei_changes import Done, RemoteChanges
from app.backends.huawei_data import RemoteData, required
from app.backends.huawei_tags import RemoteTags
from app.backends.remote_calls import RemoteCalls
from app.backends.remote_errors import answer_error
from app.model import rules
from app.model.api_format import cmk_from_details
from app.model.audit import AuditEntry
from app.model.errors import KmsError
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, KeyPage, KeyState, Tag
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


class HuaweiBackend(RemoteData, RemoteAsym, RemoteTags, RemoteChanges):
    """A remote KMS at ``endpoint`` (``https://...``, or ``http://`` for a local server).
    ``ca_file``: a CA bundle to trust (a corporate TLS proxy's); ``https_proxy``: an HTTP
    proxy for https endpoints (``http://host:port``); ``profile``: the profile's name, for
    the commands that error messages suggest."""

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
        https_proxy: str | None = None,
        profile: str | None = None,
        calls: RemoteCalls | None = None,
    ) -> None:
        if not (endpoint and project_id and access_key_id and secret_key):
            # Empty credentials would make the SDK ask a cloud metadata service instead.
            raise KmsError("KMS.0204", "remote.credentials_missing")
        self.endpoint = endpoint
        self.project_id = project_id
        self.access_key_id = access_key_id
        self.profile = profile
        self._calls = calls or RemoteCalls(endpoint)
        self._client = (
            KmsClient.new_builder()
            .with_http_config(_http_config(timeout, ca_file, https_proxy))
            .with_http_handler(self._calls.handler())
            .with_credentials(BasicCredentials(access_key_id, secret_key, project_id))
            .with_endpoints([endpoint])
            .build()
        )
        self._listeners = Listeners()
        self._closed = False

    @property
    def label(self) -> Message:
        if self.profile:
            return Message(
                "backend.remote_profile",
                profile=self.profile,
                endpoint=self.endpoint,
                project_id=self.project_id,
            )
        return Message("backend.remote", endpoint=self.endpoint, project_id=self.project_id)

    @property
    def is_open(self) -> bool:
        """Open from the start (it connects per call) until ``close``."""
        return not self._closed

    @property
    def where(self) -> KmsRef:
        return KmsRef("remote", self.endpoint, self.project_id, self.access_key_id)

    @property
    def command(self) -> str:
        """The ``keyferry`` command line that reaches this KMS, for messages."""
        if self.profile:
            return f"keyferry --profile {shlex.quote(self.profile)}"
        return (
            f"keyferry --endpoint {self.endpoint} --project-id {self.project_id} "
            f"--access-key-id {self.access_key_id}"
        )

    def close(self) -> None:
        self._closed = True
        self._client.close()

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    def _read(self, method: str, request: Any) -> Any:
        return self._calls.read(self._client, method, request)

    # keys (create_key: huawei_changes.py)
    def describe_key(self, *, key_id: str) -> Cmk:
        answer = self._read(
            "list_key_detail", m.ListKeyDetailRequest(body=m.OperateKeyRequestBody(key_id=key_id))
        )
        details = _details(answer.key_info, fallback_id=key_id)
        return self._cmk(details, tags=self.show_tags(key_id=key_id))

    def _cmk(
        self, details: dict[str, Any], *, tags: tuple[Tag, ...] = (), tags_known: bool = True
    ) -> Cmk:
        try:
            return cmk_from_details(
                details, project_id=self.project_id, tags=tags, tags_known=tags_known
            )
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
        answer = self._read("list_keys", m.ListKeysRequest(body=body))
        keys = tuple(self._cmk(_details(d), tags_known=False) for d in answer.key_details or ())
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
        # A read for retrying: each call hands out a fresh token and changes no key.
        answer = self._read(
            "create_parameters_for_import",
            m.CreateParametersForImportRequest(
                body=m.GetParametersForImportRequestBody(
                    key_id=key_id, wrapping_algorithm=WrappingAlgorithm(wrapping_algorithm).value
                )
            ),
        )
        try:
            public_key = base64.b64decode(required(answer.public_key, "public_key"), validate=True)
            expires = int(required(answer.expiration_time, "expiration_time"))
        except (binascii.Error, ValueError, TypeError):
            raise answer_error("public_key or expiration_time (malformed)") from None
        return ImportParameters(
            key_id=answer.key_id or key_id,
            wrapping_algorithm=WrappingAlgorithm(wrapping_algorithm),
            public_key_der=public_key,
            import_token=required(answer.import_token, "import_token"),
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
        encrypted_privatekey: bytes | None = None,
    ) -> Cmk:
        if expect_kcv is not None:  # checked for its form only: the KMS cannot verify it
            rules.check_expected_kcv(expect_kcv)
        private = encrypted_privatekey
        private_b64 = None if private is None else base64.b64encode(private).decode()
        # The state before tells, if the answer is lost, whether Enabled afterwards is ours.
        before = self._state(key_id)
        request = m.ImportKeyMaterialRequest(
            body=m.ImportKeyMaterialRequestBody(
                key_id=key_id,
                import_token=import_token,
                encrypted_key_material=base64.b64encode(encrypted_key_material).decode(),
                encrypted_privatekey=private_b64,
                expiration_time=expiration_time,
            )
        )
        return self._change(
            "import_key_material",
            request,
            key_id=key_id,
            done=lambda cmk: (
                before is KeyState.PENDING_IMPORT
                and cmk.state in (KeyState.ENABLED, KeyState.DISABLED)
            ),
            what="import-key-material",
        )

    def _state(self, key_id: str) -> KeyState | None:
        try:
            answer = self._read(
                "list_key_detail",
                m.ListKeyDetailRequest(body=m.OperateKeyRequestBody(key_id=key_id)),
            )
            return KeyState(int(_details(answer.key_info, fallback_id=key_id)["key_state"]))
        except (KmsError, KeyError, ValueError, TypeError):
            return None  # the import itself will say what is wrong

    def delete_imported_key_material(self, *, key_id: str) -> Cmk:
        return self._change(
            "delete_imported_key_material",
            m.DeleteImportedKeyMaterialRequest(body=m.OperateKeyRequestBody(key_id=key_id)),
            key_id=key_id,
            done=lambda cmk: cmk.state is KeyState.PENDING_IMPORT,
            what="delete-imported-key-material",
        )

    # lifecycle
    def _operate(self, method: str, request_type: type, key_id: str, done: Done) -> Cmk:
        request = request_type(body=m.OperateKeyRequestBody(key_id=key_id))
        return self._change(
            method, request, key_id=key_id, done=done, what=method.replace("_", "-")
        )

    def enable_key(self, *, key_id: str) -> Cmk:
        return self._operate(
            "enable_key", m.EnableKeyRequest, key_id, lambda c: c.state is KeyState.ENABLED
        )

    def disable_key(self, *, key_id: str) -> Cmk:
        return self._operate(
            "disable_key", m.DisableKeyRequest, key_id, lambda c: c.state is KeyState.DISABLED
        )

    def cancel_key_deletion(self, *, key_id: str) -> Cmk:
        return self._operate(
            "cancel_key_deletion",
            m.CancelKeyDeletionRequest,
            key_id,
            lambda c: c.state is not KeyState.PENDING_DELETION,
        )

    def schedule_key_deletion(self, *, key_id: str, pending_days: int) -> Cmk:
        return self._change(
            "delete_key",
            m.DeleteKeyRequest(
                body=m.ScheduleKeyDeletionRequestBody(key_id=key_id, pending_days=str(pending_days))
            ),
            key_id=key_id,
            done=lambda c: c.state is KeyState.PENDING_DELETION,
            what="schedule-key-deletion",
        )

    def update_key_alias(self, *, key_id: str, alias: str) -> Cmk:
        return self._change(
            "update_key_alias",
            m.UpdateKeyAliasRequest(
                body=m.UpdateKeyAliasRequestBody(key_id=key_id, key_alias=alias)
            ),
            key_id=key_id,
            done=lambda c: c.alias == alias,
            what="update-key-alias",
        )

    def update_key_description(self, *, key_id: str, description: str) -> Cmk:
        return self._change(
            "update_key_description",
            m.UpdateKeyDescriptionRequest(
                body=m.UpdateKeyDescriptionRequestBody(key_id=key_id, key_description=description)
            ),
            key_id=key_id,
            done=lambda c: c.description == description,
            what="update-key-description",
        )


def _http_config(
    timeout: tuple[float, float], ca_file: str | None, https_proxy: str | None
) -> HttpConfig:
    config = HttpConfig.get_default_config()
    config.timeout = timeout
    config.retry_times = 0  # retries are ours (remote_calls.py): reads only
    if ca_file:
        config.ssl_ca_cert = ca_file
    if https_proxy:
        proxy = urlsplit(https_proxy)
        config.proxy_protocol = proxy.scheme or "http"
        config.proxy_host = proxy.hostname
        config.proxy_port = proxy.port
    return config


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
