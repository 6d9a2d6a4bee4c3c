"""The connection dialog: which remote KMS to work on (endpoint, project ID, access key ID,
secret key), tested and saved as a profile.

"Test connection" and "Connect" run through the task runner (a list-keys call over the
network, the keyring), so the window never freezes on a dead endpoint; the answer, or the
KMS's or the network's error with its code, shows in the dialog, and nothing the user typed
is lost. The secret key is read from its field only when it is used, stored only in the OS
keyring (never in the profile, a Qt model or a log), and the field is cleared when the dialog
closes. An empty secret field means "the one already in the keyring for this access key".
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import KmsBackend
from app.backends.factory import RemoteSettings, open_remote
from app.backends.profiles import (
    Profile,
    ProfileStore,
    RemoteSecrets,
    access_key_problem,
    ca_file_problem,
    endpoint_problem,
    name_problem,
    normalise_endpoint,
    project_problem,
    proxy_problem,
    save_profile,
)
from app.gui.geometry import chars, fit_dialog
from app.gui.messages import error_text, message_text
from app.gui.tasks import TaskRunner
from app.model.errors import KmsError, SetupError
from app.model.messages import Message

OpenRemote = Callable[..., KmsBackend]


class ConnectionDialog(QDialog):
    """Choose, test and save a remote KMS connection. After ``accept()``, ``settings()``
    names it (the secret is in the keyring) and ``connected`` has been emitted."""

    #: A RemoteSettings, when the user connected.
    connected = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        profiles: ProfileStore | None = None,
        secrets: RemoteSecrets | None = None,
        open_backend: OpenRemote = open_remote,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Connect to a KMS"))
        self._runner = runner
        self._profiles = profiles or ProfileStore()
        self._secrets = secrets or RemoteSecrets()
        self._open = open_backend
        self._busy = False
        self._result: RemoteSettings | None = None
        self._saved: dict[str, Profile] = {}
        self._build()
        self._load_profiles()
        self._update_state()

    # ------------------------------------------------------------------------ building

    def _edit(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._update_state)
        return edit

    def _build(self) -> None:
        self.profileCombo = QComboBox(self)
        self.profileCombo.setObjectName("profileCombo")
        self.profileCombo.setAccessibleName(self.tr("Saved connection"))
        self.profileCombo.activated.connect(self._on_profileCombo_activated)
        self.nameEdit = self._edit(
            "profileNameEdit", self.tr("Profile name"), self.tr("Optional: a name to find it again")
        )
        self.endpointEdit = self._edit(
            "endpointEdit",
            self.tr("Endpoint"),
            self.tr("https://kms.<region>.myhuaweicloud.com, or http://127.0.0.1:8080"),
        )
        self.projectEdit = self._edit(
            "projectIdEdit", self.tr("Project ID"), self.tr("The project of your keys on that KMS")
        )
        self.accessKeyEdit = self._edit("accessKeyIdEdit", self.tr("Access key ID"), "")
        self.secretEdit = self._edit(
            "secretKeyEdit",
            self.tr("Secret key"),
            self.tr("Kept in the system keyring; leave empty to use the one kept there"),
        )
        self.secretEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.caFileEdit = self._edit(
            "caFileEdit",
            self.tr("CA bundle"),
            self.tr("Optional: a PEM file of the certificates to trust (a corporate CA)"),
        )
        self.proxyEdit = self._edit(
            "httpsProxyEdit",
            self.tr("HTTPS proxy"),
            self.tr("Optional: http://proxy.example.com:3128"),
        )
        form = QFormLayout()
        form.addRow(self.tr("&Saved:"), self.profileCombo)
        form.addRow(self.tr("&Name:"), self.nameEdit)
        form.addRow(self.tr("&Endpoint:"), self.endpointEdit)
        form.addRow(self.tr("&Project ID:"), self.projectEdit)
        form.addRow(self.tr("&Access key ID:"), self.accessKeyEdit)
        form.addRow(self.tr("Se&cret key:"), self.secretEdit)
        form.addRow(self.tr("CA &bundle:"), self.caFileEdit)
        form.addRow(self.tr("HTTPS pro&xy:"), self.proxyEdit)

        self.problemLabel = self._label("problemLabel", self.tr("Problem"))
        self.statusLabel = self._label("statusLabel", self.tr("Connection status"))
        buttons = QDialogButtonBox(self)
        self.testButton = QPushButton(self.tr("&Test connection"), self)
        self.testButton.setObjectName("testButton")
        self.connectButton = QPushButton(self.tr("C&onnect"), self)
        self.connectButton.setObjectName("connectButton")
        self.connectButton.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        buttons.addButton(self.testButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.connectButton, QDialogButtonBox.ButtonRole.AcceptRole)
        self.testButton.clicked.connect(self._on_testButton_clicked)
        self.connectButton.clicked.connect(self._on_connectButton_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problemLabel)
        layout.addWidget(self.statusLabel)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        # Wide enough for the fields' hints in this language and font.
        super().showEvent(event)
        hints = [edit.placeholderText() for edit in self.findChildren(QLineEdit)]
        widest = max((self.fontMetrics().horizontalAdvance(hint) for hint in hints), default=0)
        fit_dialog(self, widest + chars(self, 24))

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        return label

    # ---------------------------------------------------------------------- profiles

    def _load_profiles(self) -> None:
        self.profileCombo.clear()
        self.profileCombo.addItem(self.tr("New connection"), None)
        try:
            self._saved = self._profiles.all()
        except SetupError as error:
            self._saved = {}
            self.statusLabel.setText(error_text(error))
        for name in sorted(self._saved):
            self.profileCombo.addItem(name, name)

    def _on_profileCombo_activated(self, index: int) -> None:
        profile = self._saved.get(self.profileCombo.itemData(index) or "")
        if profile is None:
            return
        self.nameEdit.setText(profile.name)
        self.endpointEdit.setText(profile.endpoint)
        self.projectEdit.setText(profile.project_id)
        self.accessKeyEdit.setText(profile.access_key_id)
        self.caFileEdit.setText(profile.ca_file)
        self.proxyEdit.setText(profile.https_proxy)
        self.secretEdit.clear()  # the saved one is in the keyring
        self.statusLabel.clear()

    # --------------------------------------------------------------------- the fields

    def _problem(self) -> Message | None:
        """The first thing wrong with what is typed. (The sentences come from the profile
        rules, shared with the command line.)"""
        checks = [
            (self.endpointEdit, endpoint_problem),
            (self.projectEdit, project_problem),
            (self.accessKeyEdit, access_key_problem),
            (self.caFileEdit, ca_file_problem),
            (self.proxyEdit, proxy_problem),
        ]
        if self.nameEdit.text().strip():
            checks.append((self.nameEdit, name_problem))
        for edit, check in checks:
            problem = check(edit.text())
            if problem:
                return problem
        return None

    def _typed(self) -> bool:
        return all(
            e.text().strip() for e in (self.endpointEdit, self.projectEdit, self.accessKeyEdit)
        )

    def _update_state(self) -> None:
        problem = self._problem() if self._typed() else None
        self.problemLabel.setText(message_text(problem) if problem else "")
        ready = self._typed() and problem is None and not self._busy
        self.testButton.setEnabled(ready)
        self.connectButton.setEnabled(ready)

    def _settings(self) -> RemoteSettings:
        endpoint = normalise_endpoint(self.endpointEdit.text())
        project = self.projectEdit.text().strip()
        name = self.nameEdit.text().strip() or f"{urlsplit(endpoint).netloc} ({project})"
        return RemoteSettings(
            endpoint,
            project,
            self.accessKeyEdit.text().strip(),
            profile=name,
            ca_file=self.caFileEdit.text().strip(),
            https_proxy=self.proxyEdit.text().strip(),
        )

    def settings(self) -> RemoteSettings | None:
        """The connection the user chose, once accepted."""
        return self._result

    # --------------------------------------------------------------------- the work

    def _on_testButton_clicked(self) -> None:
        self._start(save=False)

    def _on_connectButton_clicked(self) -> None:
        self._start(save=True)

    def _start(self, *, save: bool) -> None:
        settings = self._settings()
        typed_secret = self.secretEdit.text()
        self._busy = True
        self._update_state()
        self.statusLabel.setText(self.tr("Connecting to %s…") % settings.endpoint)
        self._runner.run(
            lambda: self._check(settings, typed_secret, save),
            context=self,
            on_success=lambda total: self._on_checked(settings, total, save),
            on_failure=self._on_failed,
        )

    def _check(self, settings: RemoteSettings, typed_secret: str, save: bool) -> int:
        """On the worker (so no widget is touched here): reach the KMS with one cheap call;
        save when asked. Returns how many keys the project holds."""
        secret = typed_secret or self._secrets.get(settings.access_key_id)
        if not secret:
            raise SetupError("secret_key.none_typed")
        backend = self._open(settings, secret_key=secret)
        try:
            total = backend.list_keys(limit=1).total
        finally:
            backend.close()
        if save:  # the profile and a typed secret together, or neither
            save_profile(
                Profile(
                    settings.profile or "",
                    settings.endpoint,
                    settings.project_id,
                    settings.access_key_id,
                    ca_file=settings.ca_file,
                    https_proxy=settings.https_proxy,
                ),
                typed_secret or None,
                store=self._profiles,
                secrets=self._secrets,
            )
        return total

    def _on_checked(self, settings: RemoteSettings, total: int, save: bool) -> None:
        self._busy = False
        self.statusLabel.setText(
            self.tr("Connected: project %s holds %n key(s).", "", total) % settings.project_id
        )
        self._update_state()
        if save:
            self._result = settings
            self.secretEdit.clear()
            self.connected.emit(settings)
            self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, KmsError | SetupError):
            text = error_text(error)
        else:
            text = self.tr("The connection failed unexpectedly (%s).") % type(error).__name__
        self.statusLabel.setText(text)
        self._update_state()

    def done(self, result: int) -> None:
        # Whatever ends the dialog, the typed secret does not stay in a widget.
        self.secretEdit.clear()
        super().done(result)
