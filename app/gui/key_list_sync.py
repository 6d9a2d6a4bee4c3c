"""Keeping the list in step with the backend and with time, off the UI thread.

Every change to what the table shows goes through the task runner as a ``KeyBook`` job that
returns a ``KeyView``; the UI thread only hands the view to the model. The jobs are:

- opening: a first page of keys (shown at once), then every key;
- a query (search, state filter, sort): the latest wins, one in flight at a time, so fast
  typing never queues a backlog;
- change notices from the backend (from any thread, any client of the store): the changed
  keys are described again and applied, or every key reloaded when many changed;
- an action's result: the returned snapshot is applied as is;
- tags: a remote KMS lists keys without their tags; they are fetched after each reload,
  a batch per job, and shown as they come;
- time: a tick notices that material has expired or a deletion date has passed (the model's
  own rule, ``Cmk.at``), so rows change while the window is open, without a restart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.backends.base import KmsBackend, with_tags
from app.gui.cmk_query import KeyBook, KeyQuery, KeyView
from app.gui.cmk_table_model import CmkFilterProxy, CmkTableModel
from app.gui.tasks import TaskRunner
from app.model.errors import KmsError
from app.model.keys import Cmk

#: Keys shown before the whole list has loaded.
FIRST_PAGE = 100
#: Above this many changed keys, reloading every key is cheaper than describing each.
DESCRIBE_AT_MOST = 50
#: Keys whose tags one background job fetches (a remote listing carries none).
TAG_BATCH = 50
#: Change notices arriving within this window are handled together.
COALESCE_MS = 50


class KeyListSync(QObject):
    """Feeds ``model`` from ``backend``; see the module docstring."""

    #: A new view is about to go into the model (selection changes until ``viewShown`` are
    #: the model's doing, not the user's).
    viewAboutToBeShown = Signal()
    #: A new view is in the model.
    viewShown = Signal()
    #: Loading or refreshing failed (the exception; a ``KmsError`` carries its code).
    failed = Signal(object)
    _backendChanged = Signal(object)

    def __init__(
        self,
        backend: KmsBackend,
        runner: TaskRunner,
        model: CmkTableModel,
        proxy: CmkFilterProxy,
        *,
        now_ms: Callable[[], int],
        tick_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend, self._runner, self._model = backend, runner, model
        self._now_ms = now_ms
        self._book = KeyBook(now_ms)
        self._pending: set[str] = set()
        self._pending_all = False
        self._querying = False
        self._settling = False
        self._reloading = self._reload_again = False
        self._tagging = False
        self._coalesce = _timer(self, COALESCE_MS, self._refresh_pending, single=True)
        self._tick = _timer(self, tick_ms, self._on_tick)
        self._due = _timer(self, 0, self._on_tick, single=True)
        self._backendChanged.connect(self._on_backendChanged)
        proxy.queryChanged.connect(self._on_proxy_queryChanged)
        self._unsubscribe: Callable[[], None] | None = backend.subscribe(self._relay)

    @property
    def complete(self) -> bool:
        """Whether every key has loaded (searches cover the whole store)."""
        return self._book.complete

    @property
    def idle(self) -> bool:
        """No notice waiting to be handled, no query or settling in flight (the runner may
        still hold jobs: see ``TaskRunner.busy``)."""
        return not (
            self._coalesce.isActive()
            or self._pending
            or self._pending_all
            or self._querying
            or self._settling
            or self._reloading
            or self._tagging
        )

    def start(self) -> None:
        self._tick.start()
        self._run(
            lambda: self._book.load(
                lambda: self._backend.list_keys(limit=FIRST_PAGE).keys, complete=False
            )
        )
        self.reload()

    def reload(self) -> None:
        """Load every key again; while a reload is queued or running, another request only
        marks it to run once more afterwards (100,000 keys take seconds to list)."""
        if self._reloading:
            self._reload_again = True
            return
        self._reloading = True
        self._run(lambda: self._book.load(self._backend.all_keys), self._on_reloaded)

    def _on_reloaded(self, view: KeyView) -> None:
        self._reloading = False
        self._show(view)
        if self._reload_again:
            self._reload_again = False
            self.reload()
        else:
            self._load_tags()

    def _load_tags(self) -> None:
        """Tags a remote listing left out, fetched a batch at a time once the list shows
        (search by tag finds a key as soon as its batch is in)."""
        if self._backend.is_local or self._tagging:  # the local engine lists tags
            return
        self._tagging = True
        self._runner.run(
            self._fetch_tags, context=self, on_success=self._on_tagged, on_failure=self._on_failure
        )

    def _fetch_tags(self) -> KeyView | None:
        """On the worker: the next batch of keys without tags, with them; None when none."""
        missing = [k for k in self._book.keys.keys if not k.tags_known][:TAG_BATCH]
        return self._book.change(with_tags(self._backend, missing)) if missing else None

    def _on_tagged(self, view: KeyView | None) -> None:
        self._tagging = False
        if view is not None:
            self._show(view)
            self._load_tags()

    def apply(self, changed: Iterable[Cmk] = (), removed: Iterable[str] = ()) -> None:
        """Show an action's result (fresher than a notice's describe, which is dropped)."""
        changed, removed = tuple(changed), tuple(removed)
        self._pending.difference_update(k.key_id for k in changed)
        self._run(lambda: self._book.change(changed, removed))

    def refresh(self, key_ids: Iterable[str]) -> None:
        """Describe these keys again (after a refusal that may mean they changed)."""
        self._on_backendChanged(frozenset(key_ids))

    def shutdown(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for timer in (self._coalesce, self._tick, self._due):
            timer.stop()

    # ----------------------------------------------------------------- running

    def _run(
        self, work: Callable[[], KeyView], done: Callable[[KeyView], None] | None = None
    ) -> None:
        self._runner.run(
            work, context=self, on_success=done or self._show, on_failure=self._on_failure
        )

    def _show(self, view: KeyView) -> None:
        self.viewAboutToBeShown.emit()
        self._model.setView(view)
        due = view.keys.next_due_ms
        if due is not None:
            wait = due - self._now_ms()
            if wait < self._tick.interval():
                self._due.start(max(wait, 0) + 50)
        self.viewShown.emit()

    def _on_failure(self, error: BaseException) -> None:
        self._querying = self._settling = self._reloading = self._reload_again = False
        self._tagging = False
        self.failed.emit(error)

    # ----------------------------------------------------------------- queries

    def _on_proxy_queryChanged(self, query: KeyQuery) -> None:
        self._book.ask(query)
        if not self._querying:
            self._ask()

    def _ask(self) -> None:
        self._querying = True
        self._run(self._book.view, self._on_answer)

    def _on_answer(self, view: KeyView) -> None:
        self._querying = False
        self._show(view)
        if view.query != self._book.query:
            self._ask()

    # ------------------------------------------------------------ change notices

    def _relay(self, key_ids: frozenset[str]) -> None:
        """The backend's listener; called on whatever thread made the change."""
        if shiboken6.isValid(self):
            self._backendChanged.emit(key_ids)

    def _on_backendChanged(self, key_ids: frozenset[str]) -> None:
        if key_ids:
            self._pending.update(key_ids)
        else:
            self._pending_all = True
        self._coalesce.start()

    def _refresh_pending(self) -> None:
        ids, everything = frozenset(self._pending), self._pending_all
        self._pending, self._pending_all = set(), False
        if everything or len(ids) > DESCRIBE_AT_MOST:
            self.reload()
        elif ids:
            self._run(lambda: self._describe(ids))

    def _describe(self, key_ids: frozenset[str]) -> KeyView:
        """On the worker: the keys as the backend has them now; gone ones are removed."""
        changed, removed = [], []
        for key_id in key_ids:
            try:
                changed.append(self._backend.describe_key(key_id=key_id))
            except KmsError as error:
                if error.code != "KMS.0207":
                    raise
                removed.append(key_id)
        return self._book.change(changed, removed)

    # -------------------------------------------------------------------- time

    def _on_tick(self) -> None:
        self._model.refreshTimes()
        due = self._book.keys.next_due_ms
        if due is not None and due <= self._now_ms() and not self._settling:
            self._settling = True
            self._run(self._book.change, self._on_settled)

    def _on_settled(self, view: KeyView) -> None:
        self._settling = False
        self._show(view)


def _timer(
    parent: QObject, interval_ms: int, slot: Callable[[], None], *, single: bool = False
) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.setSingleShot(single)
    timer.timeout.connect(slot)
    return timer
