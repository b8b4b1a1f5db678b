"""Render documents to bytes, in this process or in a pool of worker processes."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlmg_packs.document import Document
    from nlmg_packs.render.options import RenderOptions

_PAGE = re.compile(rb"/Type /Page[^s]")

Rendered = tuple[bytes, int | None]
Done = Callable[[Any, Rendered], None]


def render_document(doc: Document, fmt: str, options: RenderOptions) -> Rendered:
    """The file's bytes, and its page count where the format has one."""
    if fmt == "pdf":
        from nlmg_packs.render.pdf import render_pdf

        data = render_pdf(doc, options)
        return data, len(_PAGE.findall(data))
    from nlmg_packs.render.docx import render_docx

    return render_docx(doc, options), None


class Renderer:
    """Takes documents as they are planned and renders them, serially or in worker processes.

    With several workers, rendering starts at the first `submit`s, so workers draw the first
    pack while this process still reads and checks the next ones; `drain` then hands every
    result to `done` as it arrives. Serially, everything is rendered in `drain`, in order.
    Leaving the `with` block early (an error, Ctrl-C) cancels what has not started.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._queue: list[tuple[Hashable, tuple[Document, str, RenderOptions]]] = []
        self._pool: Any = None
        self._futures: dict[Any, Hashable] = {}
        self._order: dict[Any, int] = {}

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is None:
            return
        if exc is not None:
            # Stop at once: workers only hold renders in memory, so nothing is lost. (There is
            # no public API for this; without it, exit waits for every running render.)
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                process.terminate()
        self._pool.shutdown(wait=exc is None, cancel_futures=True)

    def submit(self, key: Hashable, doc: Document, fmt: str, options: RenderOptions) -> None:
        self._queue.append((key, (doc, fmt, options)))
        # A pool only pays off with two files or more; one file renders faster in place.
        if self.workers > 1 and (self._pool is not None or len(self._queue) > 1):
            self._start()

    def drain(self, done: Done) -> None:
        """Wait for every submitted document; `done(key, result)` as each one finishes."""
        if self._pool is None:
            for key, args in self._queue:
                done(key, render_document(*args))
            self._queue.clear()
            return
        from concurrent.futures import FIRST_COMPLETED, wait

        pending = set(self._futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: self._order[f]):
                done(self._futures[future], future.result())

    def _start(self) -> None:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(),
                                             initializer=_ignore_interrupts)
        for key, args in self._queue:
            future = self._pool.submit(render_document, *args)
            self._futures[future] = key
            self._order[future] = len(self._order)
        self._queue.clear()


def _context():  # type: ignore[no-untyped-def]
    import multiprocessing
    import sys

    # fork starts a worker in milliseconds with this process's modules already imported
    # (pydantic, the document model); elsewhere (macOS, Windows) only spawn is safe.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _ignore_interrupts() -> None:
    import signal

    # Ctrl-C is the parent's to handle; workers stop when it shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
