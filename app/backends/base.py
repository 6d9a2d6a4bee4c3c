"""The backend protocol: every KMS operation the GUI and the CLI use, bound to one project.

Two implementations: ``LocalBackend`` (the embedded engine, in-process) and
``HuaweiBackend`` (a remote Huawei-compatible KMS through the official SDK). Nothing above
this layer reaches into the engine. Ciphertexts travel in the API's own forms (Base64 for
``cipher_text`` of encrypt-data, hex for data keys), so a file written against one backend
means the same to the other. Every refusal is a ``KmsError`` carrying the KMS's own code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal, Protocol, runtime_checkable

from app.model.audit import AuditEntry
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, DataKey, KeyPage, KeySpec, KeyState, KeyUsage, Origin, Tag
from app.model.messages import Message
from app.model.signing import EncryptionAlgorithm, MessageType, SigningAlgorithm

#: Called with the IDs of changed keys; an empty set means "anything may have changed".
ChangeListener = Callable[[frozenset[str]], None]


@dataclass(frozen=True)
class KmsRef:
    """Which KMS a backend is: a remote endpoint and project (and the access key used), or
    the local store's folder and project. Records name the KMS by it."""

    kind: str  # "remote" or "local"
    location: str  # the endpoint URL, or the local store's folder
    project_id: str
    access_key_id: str = ""

    def same_kms(self, other: KmsRef) -> bool:
        """The same keys, whichever access key reaches them."""
        return (self.kind, self.location, self.project_id) == (
            other.kind,
            other.location,
            other.project_id,
        )


@dataclass(frozen=True)
class Decrypted:
    key_id: str
    plaintext: bytes


#: What ``batch_tags`` does with its tags.
TagAction = Literal["create", "delete"]


@runtime_checkable
class KmsBackend(Protocol):
    """A KMS the user works with, bound to one project. Methods block (a remote KMS answers
    over the network, the local engine may ask the keyring when it opens): call them off
    the UI thread.

    Every refusal or failure of an operation is a ``KmsError`` carrying the KMS's code, and
    a refused operation changes nothing. The codes each method documents are the KMS's own;
    any method may also raise:

    - ``KMS.0205`` (a malformed key ID) and ``KMS.0207`` (no such key in this project),
      for the methods that take ``key_id``;
    - ``KMS.0101`` or ``KMS.0102``: the local store failed (damaged, read-only, full disk);
    - ``NET.xxxx``: a remote KMS could not be reached or answered nonsense; ``APIGW.0301``:
      it refused the access key's signature; ``HTTP.<status>``: it refused without a code;
    - ``SetupError`` (not a ``KmsError``): a lazily opened local store cannot open at all
      (no keyring, a master key that does not open it); see ``is_open``.
    """

    project_id: str

    @property
    def label(self) -> Message:
        """Which KMS this is, for titles and status bars (``str()`` for English)."""
        ...

    @property
    def command(self) -> str:
        """The ``keyferry`` command line that reaches this KMS (``keyferry --profile lab``),
        for READMEs and messages that tell the user what to run."""
        ...

    @property
    def where(self) -> KmsRef:
        """Which KMS this is, as records name it."""
        ...

    @property
    def is_local(self) -> bool:
        """Whether this is the embedded engine on this machine (not a remote KMS)."""
        ...

    @property
    def supports_history(self) -> bool:
        """Whether ``history`` can return the audit log (of the store, or of a key)."""
        ...

    @property
    def is_open(self) -> bool:
        """Whether the backend is open now. A local backend opened lazily opens its store at
        its first call (which may ask the keyring, and raises what opening raises), so until
        then it is not open: a window shows "opening" rather than "no keys". False again
        after ``close``."""
        ...

    @property
    def verifies_kcv(self) -> bool:
        """Whether ``import_key_material`` checks ``expect_kcv`` against the unwrapped
        material. A cloud KMS reports no KCV, so a remote backend cannot: the caller must
        tell the user that nothing was verified."""
        ...

    def close(self) -> None:
        """Release the store or connection; the backend is not used after it (a local
        backend's calls then raise ``KMS.0101``). Calling it twice is harmless."""
        ...

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Be told, with their IDs, of the keys this backend changed; returns the function
        that unsubscribes. The listener is called on the thread that made the change, after
        it took effect; it must not block."""
        ...

    # keys
    def create_key(
        self,
        *,
        alias: str,
        description: str = "",
        origin: Origin = Origin.EXTERNAL,
        tags: Iterable[Tag] = (),
        key_spec: KeySpec = KeySpec.AES_256,
        key_usage: KeyUsage | None = None,
    ) -> Cmk:
        """Create a key of ``key_spec`` (one of ``IMPORTABLE_SPECS``) for ``key_usage``
        (None: the spec's default, SIGN_VERIFY for RSA and EC; fixed for the key's life).
        ``Origin.EXTERNAL``: with no material, Pending import, for ``import_key_material``;
        ``Origin.KMS``: the KMS makes its material (or key pair), Enabled.
        Raises ``KMS.1101`` (an invalid alias), ``KMS.1104`` (the alias is taken),
        ``KMS.1103`` (description too long), ``KMS.04xx`` (invalid tags), ``KMS.0308`` (a
        spec Keyferry does not make, or a usage the spec does not allow)."""
        ...

    def describe_key(self, *, key_id: str) -> Cmk:
        """The key as it is now."""
        ...

    def list_keys(
        self,
        *,
        limit: int | None = None,
        marker: str | None = None,
        key_state: KeyState | None = None,
    ) -> KeyPage:
        """A page of keys, from ``marker`` (the previous page's
        ``next_marker``), at most ``limit``, only those in ``key_state`` if given.
        Raises ``KMS.1601`` (an invalid limit), ``KMS.1602`` (an invalid marker)."""
        ...

    def all_keys(self) -> list[Cmk]:
        """Every key of the project (every page of ``list_keys``)."""
        ...

    def history(
        self,
        *,
        key_id: str | None = None,
        since_ms: int | None = None,
        limit: int = 1000,
        reads: bool = False,
    ) -> list[AuditEntry]:
        """The newest ``limit`` changes and refusals of the audit log (and reads, with
        ``reads``), oldest first: of one key if ``key_id`` is given, from ``since_ms`` on if
        it is. Where not ``supports_history``, an empty list."""
        ...

    # import
    def get_parameters_for_import(
        self, *, key_id: str, wrapping_algorithm: WrappingAlgorithm
    ) -> ImportParameters:
        """A wrapping public key and an import token for the key, both expiring together.
        Raises ``KMS.0309`` (the key's material is not external), ``KMS.0310`` (the key is
        not Pending import), ``KMS.0308`` (an unknown wrapping algorithm)."""
        ...

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
        """Import the material wrapped with the token's wrapping key; the key becomes
        Enabled. For an asymmetric key, ``encrypted_key_material`` is the wrapped temporary
        AES key and ``encrypted_privatekey`` the PKCS#8 private key wrapped under it (RFC
        5649); such a key takes no ``expiration_time`` (``KMS.2611``) nor ``expect_kcv``,
        and a missing private key is ``KMS.0204``. A private key that does not unwrap is
        ``KMS.0311``, one that is not unencrypted PKCS#8 DER ``KMS.2608``, one of another
        kind or size than the key's spec ``KMS.2609``, another key than before
        ``KMS.2606``. ``expiration_time``: when the material expires (epoch seconds), None for
        never. ``expect_kcv`` (6 hex digits): the KCV the material must have; where
        ``verifies_kcv``, other material is refused with ``KMS.2607`` and the key stays
        Pending import (a malformed one is ``KMS.0308`` on every backend). Raises
        ``KMS.0309``/``KMS.0310`` (as for the parameters), ``KMS.2601`` (the token expired),
        ``KMS.2603`` (the token is another key's), ``KMS.2605`` (the token does not verify),
        ``KMS.0311`` (the material does not unwrap with the token's key), ``KMS.2604`` (it is
        not 32 bytes), ``KMS.2607`` (not the expected KCV), ``KMS.2606`` (other material than
        the key had before), ``KMS.2602`` (the expiry is not in the future)."""
        ...

    def delete_imported_key_material(self, *, key_id: str) -> Cmk:
        """Delete the key's material; the key goes to Pending import. Raises ``KMS.0309``
        (not an external key), ``KMS.2701`` (the key is neither Enabled nor Disabled),
        ``KMS.2611`` (an asymmetric key: only symmetric material can be deleted)."""
        ...

    # lifecycle
    def enable_key(self, *, key_id: str) -> Cmk:
        """Enable a Disabled key. Raises ``KMS.1201`` (it is not Disabled)."""
        ...

    def disable_key(self, *, key_id: str) -> Cmk:
        """Disable an Enabled key. Raises ``KMS.1301`` (it is not Enabled)."""
        ...

    def schedule_key_deletion(self, *, key_id: str, pending_days: int) -> Cmk:
        """Delete the key after ``pending_days`` (7 to 1096); it is Pending deletion until
        then. Raises ``KMS.1401`` (days out of range), ``KMS.1402`` (already scheduled)."""
        ...

    def cancel_key_deletion(self, *, key_id: str) -> Cmk:
        """Cancel a scheduled deletion; the key becomes Disabled. Raises ``KMS.1501`` (no
        deletion is scheduled)."""
        ...

    def update_key_alias(self, *, key_id: str, alias: str) -> Cmk:
        """Rename the key. Raises ``KMS.1101`` (an invalid alias), ``KMS.1104`` (taken),
        ``KMS.0210`` (the key is Pending deletion)."""
        ...

    def update_key_description(self, *, key_id: str, description: str) -> Cmk:
        """Change the key's description. Raises ``KMS.1103`` (longer than 255 characters),
        ``KMS.0210`` (the key is Pending deletion)."""
        ...

    # tags
    def create_tag(self, *, key_id: str, tag: Tag) -> Cmk:
        """Add a tag, or change the value of the key's tag of that key. Raises
        ``KMS.04xx`` (an invalid tag, more than 10 tags)."""
        ...

    def batch_tags(self, *, key_id: str, action: TagAction, tags: Iterable[Tag]) -> Cmk:
        """Add (``"create"``) or remove (``"delete"``, by tag key) several tags at once.
        Raises ``KMS.0404`` (another action), ``KMS.0401`` (no tags), ``KMS.04xx`` (an
        invalid tag, more than 10 tags)."""
        ...

    def show_tags(self, *, key_id: str) -> tuple[Tag, ...]:
        """The key's tags."""
        ...

    def delete_tag(self, *, key_id: str, tag_key: str) -> Cmk:
        """Remove one tag. Raises ``KMS.0406`` (the key has no such tag)."""
        ...

    # data
    def encrypt_data(
        self,
        *,
        key_id: str,
        plain_text: bytes,
        additional_authenticated_data: bytes = b"",
        encryption_algorithm: EncryptionAlgorithm | None = None,
    ) -> str:
        """Encrypt up to 4096 bytes; the API's Base64 ``cipher_text``, which names the key.
        An RSA ENCRYPT_DECRYPT key encrypts with ``RSAES_OAEP_SHA_256`` (its default), at
        most ``signing.oaep_plaintext_max(spec)`` bytes, and its ciphertext names no key.
        Raises ``KMS.2101`` (empty or too long; for a remote KMS, also not UTF-8),
        ``KMS.0209`` (the key is Disabled), ``KMS.0210`` (Pending deletion), ``KMS.1301``
        (Pending import, or the material expired), ``KMS.2610`` (a SIGN_VERIFY key),
        ``KMS.0308`` (an algorithm that is not the key's)."""
        ...

    def decrypt_data(
        self,
        *,
        cipher_text: str,
        additional_authenticated_data: bytes = b"",
        key_id: str | None = None,
        encryption_algorithm: EncryptionAlgorithm | None = None,
    ) -> Decrypted:
        """Decrypt what ``encrypt_data`` gave, with the same additional data; an RSA
        ciphertext needs ``key_id`` and ``encryption_algorithm`` ``RSAES_OAEP_SHA_256``.
        Raises ``KMS.2201`` (not a ciphertext of this KMS or key, or other additional data),
        and the key-state codes of ``encrypt_data``."""
        ...

    # asymmetric keys
    def sign(
        self,
        *,
        key_id: str,
        message: bytes,
        signing_algorithm: SigningAlgorithm,
        message_type: MessageType = MessageType.DIGEST,
    ) -> bytes:
        """Sign with a SIGN_VERIFY key: ``message`` is the digest (``DIGEST``, exactly the
        algorithm's digest length) or the message itself (``RAW``, 1 to 4096 bytes). The
        signature's bytes (the API sends them as Base64): DER for ECDSA. Raises
        ``KMS.2610`` (an ENCRYPT_DECRYPT key), ``KMS.0308`` (an algorithm not of the key's
        spec, a digest of the wrong length, a message too long), and the key-state codes
        of ``encrypt_data``."""
        ...

    def validate_signature(
        self,
        *,
        key_id: str,
        message: bytes,
        signature: bytes,
        signing_algorithm: SigningAlgorithm,
        message_type: MessageType = MessageType.DIGEST,
    ) -> bool:
        """Whether ``signature`` is the key's signature of ``message`` (as for ``sign``).
        A wrong signature is False, not an error; the errors are those of ``sign``."""
        ...

    def get_public_key(self, *, key_id: str) -> str:
        """The public key of an asymmetric key with material, as PEM text (the API's
        show-public-key). Raises ``KMS.0308`` (a symmetric key), ``KMS.1301`` (no material
        yet), ``KMS.0210`` (Pending deletion)."""
        ...

    def create_datakey(
        self,
        *,
        key_id: str,
        key_spec: str | None = None,
        datakey_length: int | None = None,
        with_plaintext: bool = True,
    ) -> DataKey:
        """A new data key encrypted under the key (and its plaintext, unless
        ``with_plaintext`` is False). ``key_spec`` ``AES_256``/``AES_128`` or
        ``datakey_length`` in bits. Raises ``KMS.1901`` (a length that is not 8 to 8192
        whole bytes), ``KMS.0308`` (an unknown spec), and the key-state codes of
        ``encrypt_data``."""
        ...

    def decrypt_datakey(
        self, *, key_id: str, cipher_text: str, datakey_cipher_length: int | None = None
    ) -> bytes:
        """The plaintext of a data key's hex ``cipher_text``. Raises ``KMS.2201`` (not a
        data key of this key), ``KMS.2202`` (a wrong declared length), and the key-state
        codes of ``encrypt_data``."""
        ...

    def encrypt_datakey(self, *, key_id: str, plain_text: bytes, datakey_plain_length: int) -> str:
        """Encrypt a data key given as its bytes followed by their SHA-256 (as the API
        takes it); its hex ``cipher_text``. Raises ``KMS.2101``/``KMS.2102`` (a wrong
        length), ``KMS.2103`` (the digest does not match), and the key-state codes of
        ``encrypt_data``."""
        ...


class Listeners:
    """The subscribe/notify part that every backend shares."""

    def __init__(self) -> None:
        self._listeners: list[ChangeListener] = []

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def notify(self, key_ids: frozenset[str]) -> None:
        for listener in list(self._listeners):
            listener(key_ids)


def with_tags(backend: KmsBackend, keys: Iterable[Cmk]) -> list[Cmk]:
    """``keys`` with their tags, fetched for those whose listing carried none."""
    return [
        k if k.tags_known else replace(k, tags=backend.show_tags(key_id=k.key_id), tags_known=True)
        for k in keys
    ]
