"""The self-test's checks outside the wizard: the resources load through the locator (the
security text, the icon, the translations), keyring's backends are discoverable, and after
the walk the imported key is Enabled and encrypts and decrypts through the backend.

Each check returns one line saying what it found, or raises ``StepFailed``.
"""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QIcon

from app.backends.base import KmsBackend
from app.gui.icons import PNG_SIZES, application_icon
from app.gui.self_test.report import StepFailed
from app.model.kcv import key_check_value
from app.model.keys import KeyState
from app.resources_locator import located, read_text, resource

SECURITY_TEXT = "texts/security_and_durability.html"
#: A language code in a .qm file name: keyferry_zh_CN.qm, zh_CN.qm
_LANGUAGE = re.compile(r"([a-z]{2,3}(?:_[A-Z]{2})?)\.qm$")


def resources_place() -> str:
    place = located()
    return f"{place.kind}: {place.path}"


def security_text() -> str:
    text = read_text(SECURITY_TEXT)
    if "durability" not in text.lower():
        raise StepFailed(f"{resource(SECURITY_TEXT)} does not read as the security text")
    return f"{SECURITY_TEXT}, {len(text)} characters"


def icon() -> str:
    """The window icon has every PNG size, and the SVG renders (Qt's svg plugins are
    there, as a frozen bundle must ship them)."""
    window_icon = application_icon()
    sizes = {size.width() for size in window_icon.availableSizes()}
    missing = sorted(set(PNG_SIZES) - sizes)
    if window_icon.isNull() or missing:
        raise StepFailed(f"the application icon lacks the PNG sizes {missing}")
    svg = QIcon(str(resource("icons/keyferry.svg"))).pixmap(300, 300)
    if svg.isNull() or svg.width() != 300:
        raise StepFailed(
            "icons/keyferry.svg does not render: Qt's svg icon engine or image "
            "format plugin is missing"
        )
    return f"SVG renders at 300 px; PNG {min(PNG_SIZES)}-{max(PNG_SIZES)} px"


def translations(folder: Path | None = None) -> str:
    """Every .ts source (in ``folder``, by default the resources' translations) has its
    compiled .qm; every .qm loads, and Qt's own translation of its standard buttons is
    there for each language."""
    folder = folder or resource("translations")
    sources = {path.stem for path in folder.glob("*.ts")}
    compiled = sorted(folder.glob("*.qm"))
    uncompiled = sorted(sources - {path.stem for path in compiled})
    if uncompiled:
        raise StepFailed(
            f"{folder} has no .qm for {', '.join(uncompiled)}: compile them "
            "with python packaging/build_translations.py"
        )
    languages = [_load_translation(path) for path in compiled]
    if not languages:
        return f"{folder}: no compiled languages (English is built in)"
    return f"{folder}: {', '.join(languages)}"


def _load_translation(path: Path) -> str:
    translator = QTranslator()
    if not translator.load(str(path)) or translator.isEmpty():
        raise StepFailed(f"{path} does not load as a Qt translation")
    found = _LANGUAGE.search(path.name)
    language = found.group(1) if found else path.stem
    if found and not language.startswith("en"):
        _require_qt_translation(language)
    return language


def _require_qt_translation(language: str) -> None:
    """Qt's own strings (Next, Cancel, the file dialogs) in ``language``: its qtbase file,
    or one of the same base language (zh for zh_CN)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    base = language.split("_")[0]
    candidates = [
        folder / f"qtbase_{language}.qm",
        *sorted(folder.glob(f"qtbase_{base}_*.qm")),
        folder / f"qtbase_{base}.qm",
    ]
    if not any(QTranslator().load(str(path)) for path in candidates if path.exists()):
        raise StepFailed(f"Qt's own translation qtbase_{language}.qm is missing from {folder}")


def keyring_backends() -> str:
    """keyring finds its backends through entry points (a frozen build must ship their
    metadata). Which of them could hold a master key here is said, not required: the
    self-test itself keeps its master key in a file."""
    names = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    if not names:
        raise StepFailed(
            "keyring finds no backends (their entry points are missing): the "
            "system keyring could not hold the master key"
        )
    return f"found {', '.join(names)}; usable here: {_usable_keyrings()}"


def _usable_keyrings() -> str:
    from keyring.backend import get_all_keyring

    usable = sorted(
        type(backend).__module__.rsplit(".", 1)[-1]
        for backend in get_all_keyring()
        if type(backend).__module__.split(".")[-1] not in ("chainer", "fail", "null")
    )
    return ", ".join(usable) or "none (Keyferry would ask for --master-key-file)"


def key_enabled(backend: KmsBackend, key_id: str, plaintext_file: Path) -> str:
    """The key is Enabled, with no material expiry, and its KCV is the wrapped material's."""
    key = backend.describe_key(key_id=key_id)
    expected = key_check_value(plaintext_file.read_bytes())
    if key.state is not KeyState.ENABLED:
        raise StepFailed(f"the key is {key.state.name}, not ENABLED")
    if key.kcv != expected:
        raise StepFailed(f"the key's KCV is {key.kcv}, the material's is {expected}")
    return f"{key.alias} is Enabled, KCV {key.kcv}"


def encrypt_decrypt(backend: KmsBackend, key_id: str) -> str:
    message = b"Keyferry self-test: the imported key works like any other"
    cipher_text = backend.encrypt_data(key_id=key_id, plain_text=message)
    decrypted = backend.decrypt_data(cipher_text=cipher_text)
    if decrypted.plaintext != message or decrypted.key_id != key_id:
        raise StepFailed("decrypting the ciphertext did not give the message back")
    return f"{len(message)} bytes encrypted ({len(cipher_text)} Base64 characters) and back"
