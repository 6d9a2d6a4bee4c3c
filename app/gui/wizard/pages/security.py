"""Page 2, Security and durability (console steps 7-8): the text to read, the box to tick,
and Next, which creates the key with empty material (origin external, Pending import).

Next runs the creation in the background and moves on when it is done. A key is created
once: after Back, Next applies the user's edits to that key instead (alias, description,
tags, through the backend). A refusal about the key's own data (a taken alias) is shown on
the Key page, beside its field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.backends.base import KmsBackend
from app.gui.language import localized
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind
from app.gui.wizard import work
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import PageId, error_page
from app.gui.wizard.pages.base import FlowPage, failure_text
from app.model.errors import KmsError
from app.model.keys import Cmk
from app.resources_locator import read_text


class SecurityPage(FlowPage):
    page_id = PageId.SECURITY
    expands = True
    #: The alias of the key being created, until the KMS has answered.
    creating: str | None = None

    def __init__(
        self,
        flow: ImportFlow,
        backend: KmsBackend,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, backend, runner, parent)
        self.setTitle(self.tr("Security and durability"))
        self.setSubTitle(
            self.tr(
                "Read how an imported key differs from one whose material "
                "the KMS makes, then confirm."
            )
        )
        self.text_view = QTextBrowser(self.body)
        self.text_view.setObjectName("securityText")
        self.text_view.setAccessibleName(self.tr("Security and durability of an imported key"))
        self.text_view.setOpenExternalLinks(True)
        self.text_view.setHtml(read_text(localized("texts/security_and_durability.html")))
        self.acknowledge = QCheckBox(
            self.tr("&I understand the security and durability of using an imported key"), self.body
        )
        self.acknowledge.setObjectName("acknowledgeCheck")
        self.acknowledge.setAccessibleName(
            self.tr("I understand the security and durability of using an imported key")
        )
        self.acknowledge.toggled.connect(self._on_acknowledge_toggled)
        self.next_note = QLabel(self.body, objectName="nextCreatesKeyLabel", wordWrap=True)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.acknowledge)
        layout.addWidget(self.next_note)

    def help_text(self) -> str:
        return self.tr(
            "<b>Security and durability</b><p>With imported material you keep the only "
            "copy that can restore the key: the KMS never gives the material back, and a key "
            "accepts only the same material again.</p><p>When you tick the box and click "
            "Next, the key is created with empty material and waits, Pending import, for the "
            "next steps.</p>"
        )

    def enter(self) -> None:
        self.acknowledge.setChecked(self.flow.acknowledged)
        self.next_note.setText(
            self.tr(
                "Next creates the key %1 now, with empty key material: it waits, Pending "
                "import, until the material is imported. Cancelling later asks whether to keep "
                "it or schedule its deletion."
            ).replace("%1", self.flow.alias)
            if self.flow.key is None
            else self.tr("The key %1 exists, with empty key material.").replace(
                "%1", self.flow.key.alias
            )
        )

    def _on_acknowledge_toggled(self, checked: bool) -> None:
        self.flow.acknowledged = checked
        self.refresh()

    def commit(self) -> bool:
        """Create the key (or update it) first; the wizard moves on when that is done."""
        flow = self.flow
        if flow.key is None:
            alias, description, tags = flow.alias, flow.description, flow.tags
            spec, usage = flow.key_spec, flow.key_usage
            self.creating = alias
            self.run_job(
                lambda: work.create_key(
                    self.backend,
                    alias=alias,
                    description=description,
                    tags=tags,
                    key_spec=spec,
                    key_usage=usage,
                ),
                doing=self.tr("Creating the key with empty key material..."),
                on_success=self._on_key_created,
                on_failure=self._on_refused,
            )
            return False
        changes = flow.key_changes()
        if changes:
            key_id = flow.key.key_id
            self.run_job(
                lambda: work.update_key(self.backend, key_id=key_id, changes=changes),
                doing=self.tr("Updating the key..."),
                on_success=self._on_key_updated,
                on_failure=self._on_refused,
            )
            return False
        return True

    def _on_key_created(self, created: work.Created) -> None:
        self.creating = None
        self.flow.key_created(created.key)
        if created.warning is None:
            self._go_on()
            return
        # The key exists: the wizard keeps it (Next updates it) and says what is missing.
        self.notice.show_text(
            self.tr("%1 Next goes on with this key and sets what is missing.").replace(
                "%1", failure_text(created.warning)
            ),
            Kind.WARNING,
        )

    def _on_key_updated(self, result: tuple[Cmk, KmsError | None]) -> None:
        key, refusal = result
        self.flow.key_created(key)
        if refusal is not None:
            self._on_refused(refusal)
        else:
            self._go_on()

    def _go_on(self) -> None:
        if self.is_current() and not self.flow.cancelled:
            self.wizard().next()

    def _on_refused(self, error: BaseException) -> None:
        self.creating = None
        wizard = self.wizard()
        if (
            isinstance(error, KmsError)
            and error_page(error) is PageId.KEY
            and wizard is not None
            and self.is_current()
        ):
            wizard.back()
            key_page = wizard.page(PageId.KEY)
            assert isinstance(key_page, FlowPage)
            key_page.show_failure(error)
        else:
            self.show_failure(error)
