"""The PKCS#11 modules installed on this computer, found the way p11-kit registers them.

p11-kit's convention: a ``NAME.module`` file in ``/usr/share/p11-kit/modules`` (packages),
``/etc/pkcs11/modules`` (the administrator) or ``~/.config/pkcs11/modules`` (the user) names
a module with ``module: PATH``; a bare file name lives in p11-kit's module folder. Vendors
whose clients do not register (Luna, nShield, CloudHSM, ...) install at fixed paths, which
are looked at too. Only files that exist are listed; nothing is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Where p11-kit reads module registrations, in its order of precedence.
MODULE_CONFIG_DIRS = (
    Path("~/.config/pkcs11/modules"),
    Path("/etc/pkcs11/modules"),
    Path("/usr/share/p11-kit/modules"),
)
#: Where p11-kit looks for a module named without a folder.
MODULE_DIRS = (
    Path("/usr/lib/x86_64-linux-gnu/pkcs11"),
    Path("/usr/lib/aarch64-linux-gnu/pkcs11"),
    Path("/usr/lib64/pkcs11"),
    Path("/usr/lib/pkcs11"),
    Path("/usr/lib/x86_64-linux-gnu"),
    Path("/usr/lib64"),
    Path("/usr/lib"),
)
#: The vendors' usual install paths, for clients that do not register with p11-kit.
VENDOR_MODULES = (
    ("SoftHSM 2", "/usr/lib/softhsm/libsofthsm2.so"),
    ("SoftHSM 2", "/usr/local/lib/softhsm/libsofthsm2.so"),
    ("Thales Luna", "/usr/safenet/lunaclient/lib/libCryptoki2_64.so"),
    ("Entrust nShield", "/opt/nfast/toolkits/pkcs11/libcknfast.so"),
    ("Utimaco", "/opt/utimaco/lib/libcs_pkcs11_R3.so"),
    ("Utimaco", "/opt/utimaco/lib/libcs_pkcs11_R2.so"),
    ("YubiHSM 2", "/usr/lib/x86_64-linux-gnu/pkcs11/yubihsm_pkcs11.so"),
    ("YubiHSM 2", "/usr/local/lib/pkcs11/yubihsm_pkcs11.so"),
    ("SmartCard-HSM", "/usr/local/lib/libsc-hsm-pkcs11.so"),
    ("AWS CloudHSM", "/opt/cloudhsm/lib/libcloudhsm_pkcs11.so"),
    ("Securosys Primus", "/usr/local/primus/lib/libprimusP11.so"),
    ("Fortanix DSM", "/opt/fortanix/pkcs11/fortanix_pkcs11.so"),
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
)
_FIELD = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class ModuleInfo:
    """An installed PKCS#11 module: its name for people, its path, and who registered it."""

    name: str
    path: Path
    registered_by: Path | None = None  # the .module file, or None for a vendor path

    def describe(self) -> str:
        return f"{self.name} ({self.path})"


def find_modules(
    config_dirs: Iterable[Path] = MODULE_CONFIG_DIRS,
    module_dirs: Iterable[Path] = MODULE_DIRS,
    vendor_modules: Iterable[tuple[str, str]] = VENDOR_MODULES,
) -> list[ModuleInfo]:
    """Every module registered with p11-kit, then every vendor module at its usual path;
    each module once (by its real path), the first registration of a name winning."""
    found: list[ModuleInfo] = []
    seen_paths: set[Path] = set()
    seen_names: set[str] = set()
    module_dirs = tuple(module_dirs)
    for folder in config_dirs:
        folder = folder.expanduser()
        for config in sorted(folder.glob("*.module")) if folder.is_dir() else ():
            if config.stem in seen_names:
                continue  # the user's or administrator's registration overrides the package's
            seen_names.add(config.stem)
            info = _registered(config, module_dirs)
            if info is not None and _first(info.path, seen_paths):
                found.append(info)
    for name, where in vendor_modules:
        path = Path(where)
        if path.is_file() and _first(path, seen_paths):
            found.append(ModuleInfo(name, path))
    return found


def _registered(config: Path, module_dirs: tuple[Path, ...]) -> ModuleInfo | None:
    """The module a ``.module`` file names, if it is there and can hold keys."""
    try:
        text = config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields = {}
    for line in text.splitlines():
        match = _FIELD.match(line)
        if match and not line.lstrip().startswith("#"):
            fields[match.group(1).lower()] = match.group(2)
    # A trust-policy module (p11-kit-trust) holds CA certificates, never a key to wrap.
    if "module" not in fields or fields.get("trust-policy", "").lower() == "yes":
        return None
    path = _resolve(fields["module"], module_dirs)
    return None if path is None else ModuleInfo(config.stem, path, config)


def _resolve(module: str, module_dirs: tuple[Path, ...]) -> Path | None:
    path = Path(module).expanduser()
    if path.is_absolute():
        return path if path.is_file() else None
    for folder in module_dirs:
        if (folder / path).is_file():
            return folder / path
    return None


def _first(path: Path, seen: set[Path]) -> bool:
    real = path.resolve()
    if real in seen:
        return False
    seen.add(real)
    return True


def resolve_module(text: str) -> Path:
    """A module the user named: a path, or the name p11-kit registers it by (``softhsm2``).
    A name that is neither is returned as a path, for loading to say it does not exist."""
    path = Path(text).expanduser()
    if path.exists() or "/" in text:
        return path
    for module in find_modules():
        if module.name == text:
            return module.path
    return path
