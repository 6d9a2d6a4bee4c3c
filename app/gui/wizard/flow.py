"""The Import Key wizard's state and branching, in plain Python (no Qt).

One ``ImportFlow`` object holds everything the user has chosen and everything the wizard has
done (the key it created, the files it downloaded, the material it wrapped). Every page is
handed the same object, reads it when shown and writes it when the user acts; the QWizard
asks it which page comes next and whether a page may be left. So the whole flow, its
branching (a new key or an import again, wrapping on an HSM or here) and every "may I go on?"
rule run in tests without a screen, as Electrum's wizard does.

Nothing secret is kept here: the plaintext material lives only inside the job that wraps it.
The flow knows the KCV the imported material must have (the one of the material wrapped
here, the one the token computed for the key it wrapped, or the one the user typed from their
HSM) and the import passes it as ``expect_kcv``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.backends.claims import import_claim
from app.backends.import_record import ImportClaim, KcvSource
from app.gui.wizard.flow_asym import AsymmetricWrap
from app.gui.wizard.flow_types import (
    KeyChanges,
    MaterialSource,
    PageId,
    WrapMethod,
    WrapResult,
)
from app.material.hsm.values import (
    TokenPrivateWrapResult,
    TokenSource,
    TokenWrapResult,
)
from app.material.import_items import ImportItems
from app.material.recipes import PLAINTEXT_NAME
from app.model import rules
from app.model.errors import KmsError
from app.model.importing import DEFAULT_MATERIAL_LIFETIME_S, ExpirationMode, WrappingAlgorithm
from app.model.kcv import parse_kcv
from app.model.keys import Cmk, KeySpec, KeyState, KeyUsage, Origin, Tag

#: What QWizard's nextId() returns after the last page.
NO_NEXT_PAGE = -1
#: The size of an RSA-2048 ciphertext, until a downloaded wrapping key says otherwise.
DEFAULT_MODULUS_BYTES = 256


@dataclass
class ImportFlow:
    """The wizard's state. ``now`` is the clock the wizard judges expiry by."""

    resume_key_id: str | None = None
    now: Callable[[], float] = time.time
    # 1. Key
    alias: str = ""
    description: str = ""
    tags: tuple[Tag, ...] = ()
    key_spec: KeySpec = KeySpec.AES_256
    key_usage: KeyUsage = KeyUsage.ENCRYPT_DECRYPT
    # 2. Security and durability
    acknowledged: bool = False
    key: Cmk | None = None
    # 3. Download import items
    algorithm: WrappingAlgorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    download_dir: Path | None = None
    items: ImportItems | None = None
    items_downloaded_here: bool = False
    modulus_bytes: int = DEFAULT_MODULUS_BYTES
    # 4. Wrap key material
    wrap_method: WrapMethod = WrapMethod.HERE
    material_source: MaterialSource = MaterialSource.GENERATE
    plaintext_path: Path | None = None
    wrapped: WrapResult | None = None
    hsm_kcv: str = ""  # as typed: the KCV the user's HSM shows for the material it wrapped
    token_wrapped: TokenWrapResult | None = None
    #: An import again of material that came from a token: its key, and the KCV it had.
    rewrap: TokenSource | None = None
    rewrap_kcv: str | None = None
    asym: AsymmetricWrap = field(default_factory=AsymmetricWrap)  # an RSA or EC key's
    # 5. Import key material
    encrypted_path: Path | None = None
    encrypted_material: bytes | None = field(default=None, repr=False)
    # 6. Import key token
    token_path: Path | None = None
    expiration_mode: ExpirationMode = ExpirationMode.NEVER
    expires_at: int | None = None
    imported: Cmk | None = None
    cancelled: bool = False

    # ---------------------------------------------------------------- the path

    @property
    def asymmetric(self) -> bool:
        """An RSA or EC key: a private key is imported, in two files, without expiry."""
        spec = self.key.key_spec if self.key is not None else self.key_spec
        return spec.is_asymmetric

    @property
    def spec(self) -> KeySpec:
        return self.key.key_spec if self.key is not None else self.key_spec

    def choose_spec(self, spec: KeySpec) -> None:
        """A new spec on the Key page, with its default usage (as the console's dialog)."""
        self.key_spec, self.key_usage = spec, spec.default_usage

    @property
    def resuming(self) -> bool:
        return self.resume_key_id is not None

    def left_behind(self) -> Cmk | None:
        """The key this wizard created that stopping now would leave Pending import (with
        empty material), or None: nothing created yet, an import again into a key that
        existed before, or the import done."""
        if self.key is None or self.resuming or self.imported is not None:
            return None
        return self.key

    def start_id(self) -> PageId:
        """An import again starts at the download, for the existing key."""
        return PageId.DOWNLOAD if self.resuming else PageId.KEY

    def next_id(self, current: int) -> int:
        if current not in set(PageId) or current == PageId.TOKEN:
            return NO_NEXT_PAGE
        return PageId(current + 1)

    def can_leave(self, page: PageId) -> bool:
        """Whether Next (or Finish) may be pressed on ``page``: cheap checks only."""
        checks: dict[PageId, Callable[[], bool]] = {
            PageId.KEY: lambda: not self.key_problems(),
            PageId.SECURITY: lambda: self.acknowledged,
            PageId.DOWNLOAD: self.download_ready,
            PageId.WRAP: self.wrap_ready,
            PageId.MATERIAL: self.material_ready,
            PageId.TOKEN: self.token_ready,
        }
        return checks[page]()

    # ------------------------------------------------------------------ 1 and 2

    def key_problems(self) -> dict[str, KmsError]:
        """The Key page's problems by field ("alias", "description", "tags")."""
        found = {
            "alias": rules.problem(rules.check_alias, self.alias),
            "description": rules.problem(rules.check_description, self.description),
            "tags": rules.problem(rules.check_tags, self.tags),
        }
        return {name: error for name, error in found.items() if error is not None}

    def key_changes(self) -> KeyChanges:
        """What to update on the created key after the user went back and edited it."""
        if self.key is None:
            return KeyChanges()
        before = {t.key: t.value for t in self.key.tags}
        after = {t.key: t.value for t in self.tags}
        return KeyChanges(
            alias=self.alias if self.alias != self.key.alias else None,
            description=self.description if self.description != self.key.description else None,
            tags_removed=tuple(t for t in self.key.tags if t.key not in after),
            tags_set=tuple(t for t in self.tags if before.get(t.key) != t.value),
        )

    def key_created(self, key: Cmk) -> None:
        self.key = key

    def key_loaded(self, key: Cmk) -> KmsError | None:
        """The key of an import again, as described by the KMS: is it importable?"""
        if key.origin is not Origin.EXTERNAL:
            return KmsError("KMS.0309")
        if key.state is not KeyState.PENDING_IMPORT:
            return KmsError("KMS.0310", "import.not_pending", state=key.state)
        unsupported = rules.problem(rules.parse_key_spec, key.key_spec.value)
        if unsupported is not None:
            return unsupported
        self.key = key
        self.alias, self.description, self.tags = key.alias, key.description, key.tags
        self.key_spec, self.key_usage = key.key_spec, key.key_usage
        return None

    # ---------------------------------------------------------------------- 3

    def items_usable(self, items: ImportItems) -> bool:
        """Import items that this key and algorithm can use now."""
        return (
            self.key is not None
            and items.key_id == self.key.key_id
            and items.wrapping_algorithm is self.algorithm
            and not items.expired(self.now())
        )

    def download_ready(self) -> bool:
        return self.items is not None and self.items_usable(self.items)

    def items_received(self, items: ImportItems, *, modulus_bytes: int, here: bool) -> None:
        """A download (``here``) or an earlier download found in the folder."""
        self.items, self.modulus_bytes, self.items_downloaded_here = items, modulus_bytes, here
        self.algorithm = items.wrapping_algorithm
        self.download_dir = items.wrapping_key.parent
        self.token_path = items.token

    # ---------------------------------------------------------------------- 4

    def wrap_ready(self) -> bool:
        if self.wrap_method is WrapMethod.HSM:
            return self.download_ready() and self.hsm_kcv_problem() is None
        if self.asymmetric and self.wrap_method is WrapMethod.TOKEN:
            return self.asym.token_current(self.items, self.spec)
        if self.asymmetric:
            return self.asym.current(self.items, self.spec)
        if self.wrap_method is WrapMethod.TOKEN:
            return self.token_wrap_current()
        return self.wrap_current()

    def hsm_kcv_problem(self) -> KmsError | None:
        """The typed HSM KCV is optional; if there is one, it must be a KCV."""
        if not self.hsm_kcv.strip():
            return None
        return rules.problem(rules.check_expected_kcv, self.hsm_kcv)

    def expected_kcv(self) -> str | None:
        """The KCV the import must find: the material wrapped here or in the token when its
        file is the one chosen, or the one typed from the HSM; None when the wizard knows
        none (a token that cannot compute a CMAC gives none, and an asymmetric key has none:
        its proof is its public key's fingerprint)."""
        if self.asymmetric:
            return None
        if self.wrap_method is WrapMethod.HSM:
            return parse_kcv(self.hsm_kcv)
        if self.wrap_method is WrapMethod.TOKEN:
            token = self.token_file()
            return token.kcv if token is not None else None
        done = self.wrapped if self.wrap_method is WrapMethod.HERE and self.wrap_current() else None
        if done is not None and self.encrypted_path == done.encrypted:
            return done.kcv
        return None

    def kcv_unchecked_warning(self) -> bool:
        """Wrapping on an HSM with RSAES_PKCS1_V1_5 and no KCV typed: a wrong wrap can
        import as random material, and nothing would catch it."""
        return (
            self.wrap_method is WrapMethod.HSM
            and self.algorithm is WrappingAlgorithm.RSAES_PKCS1_V1_5
            and not self.hsm_kcv.strip()
        )

    def token_wrap_current(self) -> bool:
        """Whether the token's wrap fits the current import items."""
        done = self.token_wrapped
        return (
            done is not None
            and self.items is not None
            and done.wrapping_key == self.items.wrapping_key
            and done.algorithm is self.items.wrapping_algorithm
        )

    def token_file(self) -> TokenWrapResult | None:
        """The token's wrap when the file chosen for the import is the one it wrote."""
        done = self.token_wrapped
        if self.wrap_method is not WrapMethod.TOKEN or not self.token_wrap_current():
            return None
        assert done is not None
        return done if self.encrypted_path == done.encrypted else None

    def expected_fingerprint(self) -> str | None:
        """The public key fingerprint an asymmetric import must show, when both files chosen
        are the ones wrapped here or in the token."""
        token = self.wrap_method is WrapMethod.TOKEN
        return self.asym.expected_fingerprint(self.encrypted_path, token=token)

    def private_key_wrapped_in_token(self, result: TokenPrivateWrapResult) -> None:
        self.asym.wrapped_in_token(result)
        self.encrypted_path = result.encrypted_material
        self.encrypted_material = None  # checked again on the next page

    def material_wrapped_in_token(self, result: TokenWrapResult) -> None:
        self.token_wrapped = result
        self.encrypted_path = result.encrypted
        self.encrypted_material = None  # checked again on the next page

    def wrap_current(self) -> bool:
        """Whether the material wrapped here fits the current import items and choice."""
        return (
            self.wrapped is not None
            and self.items is not None
            and self.wrapped.wrapping_key == self.items.wrapping_key
            and self.wrapped.algorithm is self.items.wrapping_algorithm
            and self.wrapped.plaintext == self.plaintext_path
        )

    def default_plaintext_path(self) -> Path | None:
        """Where generated plaintext is saved unless the user says otherwise."""
        if self.material_source is MaterialSource.EXISTING or self.items is None:
            return None
        return self.items.wrapping_key.parent / PLAINTEXT_NAME

    def material_wrapped(self, result: WrapResult) -> None:
        self.wrapped = result
        self.encrypted_path = result.encrypted
        self.encrypted_material = None  # checked again on the next page

    # ---------------------------------------------------------------------- 5

    def encrypted_prefill(self) -> Path | None:
        here = self.wrap_method is WrapMethod.HERE
        if self.asymmetric:
            wrapped = self.asym.wrapped
            if here and wrapped is not None and self.asym.current(self.items, self.spec):
                return wrapped.encrypted_material
            token = self.asym.token_wrapped
            in_token = self.wrap_method is WrapMethod.TOKEN
            if in_token and token is not None and self.asym.token_current(self.items, self.spec):
                return token.encrypted_material
            return self.encrypted_path
        if here and self.wrap_current():
            assert self.wrapped is not None
            return self.wrapped.encrypted
        if self.wrap_method is WrapMethod.TOKEN and self.token_wrap_current():
            assert self.token_wrapped is not None
            return self.token_wrapped.encrypted
        return self.encrypted_path

    def material_ready(self) -> bool:
        """Both files checked for an asymmetric key; the encrypted material otherwise."""
        if self.encrypted_material is None:
            return False
        return not self.asymmetric or self.asym.encrypted_private_key is not None

    def encrypted_checked(self, path: Path, data: bytes | None) -> None:
        self.encrypted_path, self.encrypted_material = path, data

    # ---------------------------------------------------------------------- 6

    def default_expiry(self) -> int:
        """The console's default for "expires on": 24 h from now."""
        return int(self.now()) + DEFAULT_MATERIAL_LIFETIME_S

    def expiry_problem(self) -> KmsError | None:
        if self.expiration_mode is ExpirationMode.NEVER or self.asymmetric:
            return None
        if self.expires_at is None:
            return KmsError("KMS.2602", "expiry.unchosen")
        return rules.problem(
            lambda when: rules.check_material_expiry(when, self.now()), self.expires_at
        )

    def expiration_time(self) -> int | None:
        """The API's ``expiration_time``: absent for "never expires" and for an asymmetric
        key, whose material cannot expire."""
        if self.expiration_mode is ExpirationMode.NEVER or self.asymmetric:
            return None
        return self.expires_at

    def import_claim(self) -> ImportClaim:
        """What the import record keeps beside the import: the KCV the import expects
        (``expected_kcv``) and where it came from, the token's algorithm and expiry, the
        key's alias; for material a PKCS#11 token wrapped, the token's key (``pkcs11``:
        module, token label and serial, key label), to wrap the same key again later."""
        source, token_key = KcvSource.WRAPPED_HERE, None
        if self.wrap_method is WrapMethod.HSM:
            source = KcvSource.TYPED
        elif self.wrap_method is WrapMethod.TOKEN:
            source = KcvSource.PKCS11
            done: TokenWrapResult | TokenPrivateWrapResult | None = self.token_file()
            if self.asymmetric:
                done = self.asym.token_files(self.encrypted_path)
            token_key = done.source if done is not None else None
        return import_claim(
            kcv=self.expected_kcv(),
            source=source,
            items=self.items,
            alias=self.key.alias if self.key else self.alias,
            token_key=token_key,
        )

    def token_ready(self) -> bool:
        """Finish imports when everything is there; after the import it closes."""
        if self.imported is not None:
            return True
        return (
            self.key is not None
            and self.token_path is not None
            and self.material_ready()
            and self.expiry_problem() is None
        )
