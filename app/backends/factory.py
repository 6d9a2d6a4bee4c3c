"""Choosing the backend a command or window works on, from its ``BackendSettings`` (which the
command line's options fill):

- ``profile`` (``--profile NAME``): a saved connection (``profiles.py``);
- ``endpoint`` and ``project_id`` (``--endpoint URL --project-id ID``): a remote KMS, the
  access key ID from ``access_key_id`` (``--access-key-id``) or ``KEYFERRY_ACCESS_KEY``;
  plain ``http://`` only to this machine unless ``insecure_http`` (``--insecure-http``);
- neither: the local engine on ``data_dir`` (``--data-dir``).

The engine and the remote SDK are imported where they are opened, so the window's start
loads neither (tests/cli/test_start_path.py).

``ca_file`` and ``https_proxy`` (``--ca-file``, ``--https-proxy``) add to either (over a
profile's own); a profile is one project and one access key, so a ``project_id`` or
``access_key_id`` naming others beside ``profile`` is refused rather than ignored.

A remote secret key comes from ``KEYFERRY_SECRET_KEY`` when set, else from the keyring entry
of its access key ID; it is never a command-line argument (other users can read those).

Without a system keyring, a store's master key is kept in a file; ``proposed_master_key_file``
is where the window and the command line propose to keep it.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.backends.base import KmsBackend
from app.backends.profiles import (
    ProfileStore,
    RemoteSecrets,
    access_key_problem,
    ca_file_problem,
    default_config_dir,
    endpoint_problem,
    normalise_endpoint,
    project_problem,
    proxy_problem,
)
from app.model.errors import SetupError
from app.model.keys import DEFAULT_PROJECT
from app.model.messages import Message

ENV_ACCESS_KEY = "KEYFERRY_ACCESS_KEY"
ENV_SECRET_KEY = "KEYFERRY_SECRET_KEY"  # noqa: S105 (the variable's name, not a secret)


@dataclass(frozen=True)
class BackendSettings:
    """Which KMS to work on: a saved profile, a remote endpoint, or the local store. The
    option names of the command line are in the module's docstring."""

    data_dir: Path
    master_key_file: Path | None = None
    project_id: str | None = None  # None: the local store's default project
    endpoint: str | None = None
    access_key_id: str | None = None
    profile: str | None = None
    insecure_http: bool = False  # plain http:// to another machine, asked for by name
    ca_file: str | None = None
    https_proxy: str | None = None


@dataclass(frozen=True)
class RemoteSettings:
    """Where a remote KMS is and who we are to it. The secret is not part of it."""

    endpoint: str
    project_id: str
    access_key_id: str
    profile: str | None = field(default=None, compare=False)
    insecure_http: bool = False
    ca_file: str = ""
    https_proxy: str = ""


def default_data_dir() -> Path:
    """The local store's folder: ``$KEYFERRY_DATA_DIR``, else the user's data folder."""
    env = os.environ.get("KEYFERRY_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("keyferry", appauthor=False))


def proposed_master_key_file(data_dir: Path) -> Path:
    """Where to keep the master key of the store in ``data_dir`` when there is no keyring:
    ``~/.config/keyferry/master.key`` for the default store, a name of its own for another
    (so two stores are not proposed one file)."""
    folder = default_config_dir()
    if _absolute(data_dir) == _absolute(default_data_dir()):
        return folder / "master.key"
    name = re.sub(r"[^A-Za-z0-9._-]", "_", _absolute(data_dir).name)[:40] or "store"
    tag = hashlib.sha256(str(_absolute(data_dir)).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / f"master-{name}-{tag[:8]}.key"


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path.expanduser()))


def open_backend(
    settings: BackendSettings, *, background: bool = True, lazily: bool = False
) -> KmsBackend:
    """The backend the settings name: a profile, an endpoint, or the local engine.
    ``background``: the local engine's background work (see ``LocalKms.open``); ``lazily``:
    the local engine opens at the backend's first call (see local.py). Raises
    ``SetupError`` (settings that name no usable KMS, no keyring) or ``KmsError``."""
    remote = remote_settings(settings)
    if remote is not None:
        return open_remote(remote)
    from app.backends.local import open_local

    return open_local(
        settings.data_dir,
        master_key_file=settings.master_key_file,
        project_id=settings.project_id or DEFAULT_PROJECT,
        background=background,
        lazily=lazily,
    )


def remote_settings(settings: BackendSettings) -> RemoteSettings | None:
    """The remote KMS the settings name, or None for the local engine. Raises
    ``SetupError`` saying what is missing or wrong."""
    endpoint = settings.endpoint
    if settings.profile:
        if endpoint:
            raise SetupError("settings.profile_or_endpoint")
        p = ProfileStore().get(settings.profile)
        _refuse_a_mix(p.name, "--project-id", settings.project_id, p.project_id)
        _refuse_a_mix(p.name, "--access-key-id", settings.access_key_id, p.access_key_id)
        problem = endpoint_problem(p.endpoint, insecure_http=p.insecure_http)
        if problem:  # a profile saved before the rule, or edited by hand
            raise SetupError("profile.endpoint_problem", name=p.name, problem=_with_flag(problem))
        found = [x for x in _network_problems(settings) if x]
        if found:
            raise SetupError("settings.problems", problems=tuple(found))
        return RemoteSettings(
            p.endpoint,
            p.project_id,
            p.access_key_id,
            profile=p.name,
            insecure_http=p.insecure_http,
            ca_file=(settings.ca_file or "").strip() or p.ca_file,
            https_proxy=(settings.https_proxy or "").strip() or p.https_proxy,
        )
    if not endpoint:
        return None
    project_id = settings.project_id or ""
    access_key_id = settings.access_key_id or os.environ.get(ENV_ACCESS_KEY, "")
    insecure_http = settings.insecure_http
    problem = endpoint_problem(endpoint, insecure_http=insecure_http)
    problems = [
        _with_flag(problem) if problem else None,
        project_problem(project_id) if project_id else Message("settings.no_project"),
        access_key_problem(access_key_id)
        if access_key_id
        else Message("settings.no_access_key", env=ENV_ACCESS_KEY),
    ]
    problems += _network_problems(settings)
    found = [p for p in problems if p]
    if found:
        raise SetupError("settings.problems", problems=tuple(found))
    return RemoteSettings(
        normalise_endpoint(endpoint),
        project_id.strip(),
        access_key_id.strip(),
        insecure_http=insecure_http,
        ca_file=(settings.ca_file or "").strip(),
        https_proxy=(settings.https_proxy or "").strip(),
    )


def _with_flag(problem: Message) -> Message:
    """An endpoint problem, with the command line's way past plain http's refusal."""
    if problem.id != "endpoint.plain_http":
        return problem
    return Message("endpoint.plain_http_flag", problem=problem)


def _network_problems(settings: BackendSettings) -> list[Message | None]:
    return [ca_file_problem(settings.ca_file or ""), proxy_problem(settings.https_proxy or "")]


def _refuse_a_mix(profile: str, flag: str, given: str | None, saved: str) -> None:
    """A profile is one KMS, project and access key: a flag naming another is refused,
    not silently ignored."""
    given = (given or "").strip()
    if given and given != saved:
        raise SetupError(
            "settings.profile_mix", profile=profile, flag=flag, saved=saved, given=given
        )


def secret_key_for(access_key_id: str) -> str:
    """The secret key of ``access_key_id``: the environment's (unless the environment names
    another access key), else the keyring's."""
    env_access = os.environ.get(ENV_ACCESS_KEY, "")
    secret = os.environ.get(ENV_SECRET_KEY) if env_access in ("", access_key_id) else None
    secret = secret or RemoteSecrets().get(access_key_id)
    if not secret:
        raise SetupError("settings.no_secret_key", access_key_id=access_key_id, env=ENV_SECRET_KEY)
    return secret


def open_remote(settings: RemoteSettings, *, secret_key: str | None = None) -> KmsBackend:
    from app.backends.huawei import HuaweiBackend

    return HuaweiBackend(
        endpoint=settings.endpoint,
        project_id=settings.project_id,
        access_key_id=settings.access_key_id,
        secret_key=secret_key or secret_key_for(settings.access_key_id),
        ca_file=settings.ca_file or None,
        https_proxy=settings.https_proxy or None,
        profile=settings.profile,
    )
