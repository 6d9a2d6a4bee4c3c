"""Page 3, Download import items (console steps 9-10): the wrapping algorithm, a folder, and
Download, which fetches the wrapping key and import token and writes the three files.

Next needs a download made now or an earlier one for this key and algorithm, found in the
folder, that has not expired. For an import again this page is the first: it loads the key.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.backends.base import KmsBackend
from app.gui import formatting as fmt
from app.gui.messages import join_sentences
from app.gui.tasks import TaskRunner
from app.gui.widgets.collapsible import CollapsiblePanel
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.path_field import PathField, PathMode
from app.gui.wizard import work
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.items_view import ImportItemsView
from app.gui.wizard.pages.base import FlowPage
from app.material.import_items import format_time
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk

SETTINGS_FOLDER = "wizard/downloadFolder"


class DownloadPage(FlowPage):
    page_id = PageId.DOWNLOAD
    expands = True

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, backend, runner, parent)
        self._parameters: ImportParameters | None = None  # fetched in this session
        self.setTitle(self.tr("Download import items"))
        self.setSubTitle(
            self.tr(
                "Choose a wrapping algorithm your HSM supports, then download "
                "the wrapping key and the import token."
            )
        )
        self.algorithm = QComboBox(self.body)
        self.algorithm.setObjectName("algorithmCombo")
        self.algorithm.setAccessibleName(self.tr("Wrapping algorithm"))
        for algorithm in WrappingAlgorithm:
            self.algorithm.addItem(algorithm.value, algorithm)
        self.description = QLabel(self.body)
        self.description.setObjectName("algorithmDescription")
        self.description.setWordWrap(True)
        self.sha1_notice = Notice(self.body, object_name="sha1Notice")
        self.folder = PathField(
            PathMode.FOLDER,
            edit_name="downloadDirEdit",
            accessible_name=self.tr("Download folder"),
            dialog_title=self.tr("Folder for the import items"),
            parent=self.body,
        )
        self.download = QPushButton(self.tr("&Download"), self.body)
        self.download.setObjectName("downloadButton")
        self.download.setAccessibleName(self.tr("Download"))
        self.items_view = ImportItemsView(self.body)
        self.api = CollapsiblePanel(
            self.tr("The same as an A&PI call"), object_name="apiCall", parent=self.body
        )
        self.api.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._lay_out()
        self.algorithm.currentIndexChanged.connect(self._on_algorithm_currentIndexChanged)
        self.folder.pathChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._look_for_earlier)
        self.download.clicked.connect(self._on_download_clicked)

    def _lay_out(self) -> None:
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.label_for(self.tr("Wrapping &algorithm:"), self.algorithm), self.algorithm)
        form.addRow("", self.description)
        form.addRow("", self.sha1_notice)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.download)
        form.addRow(self.label_for(self.tr("Download folde&r:"), self.folder), row)
        form.addRow(self.items_view)
        form.addRow(self.api)

    def help_text(self) -> str:
        return self.tr(
            "<b>Download import items</b><p>The KMS hands out a wrapping key (an RSA public "
            "key) and an import token, both valid for 24 hours. Download writes three files "
            "into the folder: <i>wrappingKey_\u2026</i> encrypts your key material, "
            "<i>importToken_\u2026</i> proves that the import is for this key, and "
            "<i>README_\u2026</i> says what they are and when they expire.</p><p>Choose an "
            "algorithm your HSM supports. Next, you wrap your key material with this "
            "wrapping key.</p>"
        )

    def enter(self) -> None:
        self.algorithm.setCurrentIndex(list(WrappingAlgorithm).index(self.flow.algorithm))
        self._on_algorithm_currentIndexChanged()
        self.folder.setPath(
            self.flow.download_dir
            or QSettings().value(SETTINGS_FOLDER)
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        )
        if self.flow.key is None and self.flow.resume_key_id:
            key_id = self.flow.resume_key_id
            self.run_job(
                lambda: work.load_key(self.backend, key_id=key_id),
                doing=self.tr("Reading the key..."),
                on_success=self._on_key_loaded,
            )
        self._show_items()

    def shown(self) -> None:
        self._show_items()  # earlier files may have expired meanwhile

    def _on_key_loaded(self, key: Cmk) -> None:
        refusal = self.flow.key_loaded(key)
        self.name_key()  # its alias is known now
        if refusal is not None:
            self.show_failure(refusal)
        self._look_for_earlier()

    def _on_algorithm_currentIndexChanged(self, _index: int = 0) -> None:
        algorithm = WrappingAlgorithm(self.algorithm.currentData())  # Qt hands back a str
        self.flow.algorithm = algorithm
        self.description.setText(fmt.algorithm_description(algorithm))
        self.sha1_notice.show_text(
            self.tr(
                "NOTICE: The RSAES_OAEP_SHA_1 encryption algorithm is no longer secure. Exercise "
                "caution when performing this operation."
            )
            if algorithm.deprecated
            else "",
            Kind.WARNING,
        )
        self._show_items()

    def _look_for_earlier(self) -> None:
        """Earlier files for this key in the folder make a new download unnecessary."""
        folder, key, now = self.folder.path(), self.flow.key, self.flow.now()
        if folder is None or key is None or self.flow.download_ready() or self.busy:
            return
        self.run_job(
            lambda: work.find_earlier_download(folder, key_id=key.key_id, now=now),
            doing=self.tr("Looking for earlier downloads..."),
            on_success=lambda found: self._on_download_done(found, here=False),
        )

    def _on_download_clicked(self) -> None:
        folder, key, now = self.folder.path(), self.flow.key, self.flow.now()
        algorithm = self.flow.algorithm
        if folder is None or key is None:
            self.notice.show_text(self.tr("Choose a folder for the files."), Kind.ERROR)
            return
        self.run_job(
            lambda: work.download_items(
                self.backend, key=key, algorithm=algorithm, folder=folder, now=now
            ),
            doing=self.tr("Downloading the wrapping key and the import token..."),
            on_success=lambda download: self._on_download_done(download, here=True),
        )

    def _on_download_done(self, download: work.Download | None, *, here: bool) -> None:
        if download is not None:
            self.flow.items_received(
                download.items, modulus_bytes=download.modulus_bytes, here=here
            )
            self.algorithm.setCurrentIndex(list(WrappingAlgorithm).index(self.flow.algorithm))
            QSettings().setValue(SETTINGS_FOLDER, str(download.items.wrapping_key.parent))
            self._parameters = download.parameters or self._parameters
        self._show_items()

    def _show_items(self) -> None:
        self.download.setEnabled(self.flow.key is not None)
        self.items_view.show_items(self.flow.items, self._items_state())
        self._show_api_call()
        self.refresh()

    def _items_state(self) -> str:
        items, flow = self.flow.items, self.flow
        if items is None:
            return self.tr("Nothing downloaded yet.")
        if flow.download_ready():
            text = self.tr("These files expire on %1.")
        elif items.expired(flow.now()):
            text = self.tr("These files expired on %1: download again.")
        else:
            text = self.tr(
                "These files were made for %2: download again for the algorithm chosen now."
            )
        if not flow.items_downloaded_here:
            text = join_sentences(self.tr("Found an earlier download."), text)
        return text.replace("%1", format_time(items.expiration_time)).replace(
            "%2", items.wrapping_algorithm.value
        )

    def _show_api_call(self) -> None:
        key_id = self.flow.key.key_id if self.flow.key else self.flow.resume_key_id or ""
        params = self._parameters
        if params is not None and params.wrapping_algorithm is not self.flow.algorithm:
            params = None
        request, response = work.api_call(
            key_id, self.flow.algorithm, params, lambda n: fmt.fill(self.tr("%1 characters"), n)
        )
        self.api.setText(
            self.tr(
                "Request: POST /v1.0/{project_id}/kms/"
                "get-parameters-for-import\n%1\n\nResponse:\n%2"
            )
            .replace("%1", request)
            .replace("%2", response)
        )
