"""Saved connections to remote KMSs, and where their secret keys are kept.

A profile is a name, an endpoint, a project ID and an access key ID, saved in
``profiles.json`` under the user's config folder (0600, folder 0700). The secret key is never
in that file: it lives in the OS keyring, under the access key ID it belongs to, so two
profiles with one access key share one secret and deleting a profile leaves no secret behind
that another profile still needs.

The ``*_problem`` functions return a sentence for a field the user typed (or None), so the
connection dialog can show it under the field and the CLI can print it.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from app.model.errors import SetupError
from app.model.messages import Message

PROFILES_FILE = "profiles.json"
KEYRING_SERVICE = "keyferry"
_PROJECT = re.compile(r"[A-Za-z0-9_-]{1,64}")
_ACCESS_KEY = re.compile(r"[A-Za-z0-9._-]{1,128}")


def default_config_dir() -> Path:
    env = os.environ.get("KEYFERRY_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("keyferry", appauthor=False))


# ------------------------------------------------------------------------- the fields


def normalise_endpoint(text: str) -> str:
    """``host[:port]`` becomes ``https://host[:port]`` (as the SDK does); a trailing ``/``
    goes (from after the scheme, so a bare ``https://`` stays a URL without a host)."""
    text = text.strip()
    scheme, found, rest = text.partition("://")
    return f"{scheme}://{rest.rstrip('/')}" if found else f"https://{text.rstrip('/')}"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an endpoint's host name) is this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_problem(text: str, *, insecure_http: bool = False) -> Message | None:
    """What is wrong with an endpoint; plain http is refused except to this machine, unless
    ``insecure_http`` (the user asked for it by name)."""
    if not text.strip():
        return Message("endpoint.empty")
    parts = urlsplit(normalise_endpoint(text))
    if parts.scheme not in ("http", "https"):
        return Message("endpoint.scheme")
    if not parts.hostname:
        return Message("endpoint.no_host")
    if parts.username or parts.password:
        return Message("endpoint.credentials")
    if parts.path or parts.query or parts.fragment:
        return Message("endpoint.path")
    try:
        parts.port  # noqa: B018 (parsing the port is the check)
    except ValueError:
        return Message("endpoint.port")
    if parts.scheme == "http" and not insecure_http and not is_loopback(parts.hostname):
        return Message("endpoint.plain_http")
    return None


def project_problem(text: str) -> Message | None:
    if not _PROJECT.fullmatch(text.strip()):
        return Message("project.characters")
    return None


def access_key_problem(text: str) -> Message | None:
    if not _ACCESS_KEY.fullmatch(text.strip()):
        return Message("access_key.characters")
    return None


def proxy_problem(text: str) -> Message | None:
    """An HTTPS proxy, ``http://host:port``; a proxy's password never goes in a profile."""
    if not text.strip():
        return None
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Message("proxy.form")
    if parts.username or parts.password:
        return Message("proxy.password")
    try:
        parts.port  # noqa: B018 (parsing the port is the check)
    except ValueError:
        return Message("proxy.port")
    return None


def ca_file_problem(text: str) -> Message | None:
    """A CA bundle: a PEM file of the certificates to trust."""
    if not text.strip():
        return None
    path = Path(text.strip()).expanduser()
    try:
        head = path.read_bytes()[:65536]
    except OSError as error:
        return Message("ca_file.unreadable", path=path, reason=error.strerror or str(error))
    if b"-----BEGIN CERTIFICATE-----" not in head:
        return Message("ca_file.no_pem", path=path)
    return None


def name_problem(text: str) -> Message | None:
    name = text.strip()
    if not name or len(name) > 64 or any(ord(c) < 32 for c in name):
        return Message("profile.name")
    return None


# ---------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class Profile:
    """A saved connection. Nothing in it is secret. ``insecure_http``: the user allowed a
    plain ``http://`` endpoint on another machine (``--insecure-http``). ``ca_file``: a CA
    bundle to trust (empty: the system's); ``https_proxy``: a proxy for https (empty: none,
    or $HTTPS_PROXY)."""

    name: str
    endpoint: str
    project_id: str
    access_key_id: str
    insecure_http: bool = False
    ca_file: str = ""
    https_proxy: str = ""

    def problems(self) -> list[Message]:
        found = [
            name_problem(self.name),
            endpoint_problem(self.endpoint, insecure_http=self.insecure_http),
            project_problem(self.project_id),
            access_key_problem(self.access_key_id),
            ca_file_problem(self.ca_file),
            proxy_problem(self.https_proxy),
        ]
        return [p for p in found if p]


class ProfileStore:
    """``profiles.json``: ``{"version": 1, "profiles": {name: {endpoint, project_id,
    access_key_id}}}``, written whole and atomically."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_config_dir()
        self.path = self.directory / PROFILES_FILE

    def all(self) -> dict[str, Profile]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            raise SetupError("profile.file_unreadable", path=self.path, reason=str(error)) from None
        found: dict[str, Profile] = {}
        entries = data.get("profiles", {}) if isinstance(data, dict) else {}
        for name, entry in entries.items() if isinstance(entries, dict) else ():
            try:
                found[name] = Profile(
                    name=name,
                    endpoint=str(entry["endpoint"]),
                    project_id=str(entry["project_id"]),
                    access_key_id=str(entry["access_key_id"]),
                    insecure_http=entry.get("insecure_http") is True,
                    ca_file=str(entry.get("ca_file") or ""),
                    https_proxy=str(entry.get("https_proxy") or ""),
                )
            except (KeyError, TypeError):
                continue  # a hand-edited entry without its fields is skipped, not fatal
        return found

    def get(self, name: str) -> Profile:
        profiles = self.all()
        if name not in profiles:
            known = ", ".join(sorted(profiles)) or Message("profile.none_yet")
            raise SetupError("profile.unknown", name=name, known=known)
        return profiles[name]

    def save(self, profile: Profile) -> Profile:
        clean = checked(profile)
        profiles = self.all()
        profiles[clean.name] = clean
        self._write(profiles)
        return clean

    def delete(self, name: str) -> None:
        profiles = self.all()
        if profiles.pop(name, None) is not None:
            self._write(profiles)

    def _write(self, profiles: dict[str, Profile]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        entries = {}
        for name, p in sorted(profiles.items()):
            fields = asdict(p)
            del fields["name"]
            if not p.insecure_http:  # written only when allowed, so older files read the same
                del fields["insecure_http"]
            for optional in ("ca_file", "https_proxy"):  # written only when set, likewise
                if not fields[optional]:
                    del fields[optional]
            entries[name] = fields
        text = json.dumps({"version": 1, "profiles": entries}, indent=2, ensure_ascii=False)
        temporary = self.path.with_suffix(".tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            raise SetupError(
                "profile.file_not_written", path=self.path, reason=error.strerror
            ) from None


def checked(profile: Profile) -> Profile:
    """``profile`` tidied (names stripped, endpoint normalised), or a ``SetupError`` that
    says everything wrong with it."""
    problems = profile.problems()
    if problems:
        raise SetupError("settings.problems", problems=tuple(problems))
    return Profile(
        name=profile.name.strip(),
        endpoint=normalise_endpoint(profile.endpoint),
        project_id=profile.project_id.strip(),
        access_key_id=profile.access_key_id.strip(),
        insecure_http=profile.insecure_http,
        ca_file=profile.ca_file.strip(),
        https_proxy=profile.https_proxy.strip(),
    )


def save_profile(
    profile: Profile, secret: str | None, *, store: ProfileStore, secrets: RemoteSecrets
) -> Profile:
    """Save ``profile`` and its access key's ``secret`` (None: keep the keyring's) together,
    or neither: the keyring first (where a save fails most), then the file; if the file
    cannot be written, the keyring gets back what it held."""
    clean = checked(profile)
    if secret is None:
        return store.save(clean)
    previous = secrets.get(clean.access_key_id)
    secrets.set(clean.access_key_id, secret)
    try:
        return store.save(clean)
    except BaseException:
        if previous is None:
            secrets.delete(clean.access_key_id)
        else:
            secrets.set(clean.access_key_id, previous)
        raise


# ----------------------------------------------------------------------------- secrets


class RemoteSecrets:
    """Secret keys of remote access keys, in the OS keyring (one entry per access key)."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    @staticmethod
    def account(access_key_id: str) -> str:
        return f"remote:secret-key:{access_key_id}"

    def get(self, access_key_id: str) -> str | None:
        return _keyring("get_password", self.service, self.account(access_key_id))

    def set(self, access_key_id: str, secret_key: str) -> None:
        _keyring("set_password", self.service, self.account(access_key_id), secret_key)

    def delete(self, access_key_id: str) -> None:
        _keyring("delete_password", self.service, self.account(access_key_id))


def _keyring(name: str, *args: str) -> str | None:
    import keyring
    import keyring.errors

    try:
        result: str | None = getattr(keyring, name)(*args)
    except keyring.errors.PasswordDeleteError:
        return None  # there was nothing to delete
    except keyring.errors.NoKeyringError:
        raise SetupError("secret_key.no_keyring") from None
    except keyring.errors.KeyringLocked:
        raise SetupError("secret_key.keyring_locked") from None
    except keyring.errors.KeyringError as error:
        raise SetupError("secret_key.keyring_failed", kind=type(error).__name__) from None
    return result
