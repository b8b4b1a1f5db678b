"""Render documents to bytes, in this process or in a pool of worker processes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from nlmg_packs.document import Document

if TYPE_CHECKING:
    from nlmg_packs.lms.jobs import LmsWork
    from nlmg_packs.render.options import RenderOptions

_PAGE = re.compile(rb"/Type /Page[^s]")

Rendered = tuple[bytes, int | None]
Done = Callable[[Any, Rendered], None]


def render_document(doc: Document | LmsWork, fmt: str, options: RenderOptions) -> Rendered:
    """The file's bytes, and its page count where the format has one (PDF)."""
    if not isinstance(doc, Document):  # a cartridge or a question bank (`--format lms`)
        from nlmg_packs.lms.jobs import render_lms

        return render_lms(doc, options), None
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
        self._queue: list[tuple[Hashable, tuple[Document | LmsWork, str, RenderOptions]]] = []
        self._pool: Any = None
        self._futures: dict[Any, Hashable] = {}
        self._order: dict[Any, int] = {}

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is None:
            return
        if exc is None:
            self._pool.shutdown(wait=True)
            return
        # Stop at once: workers only hold renders in memory, so nothing is lost. (There is no
        # public API for this; without it, exit waits for every running render.) The workers
        # are killed and reaped, and the pool's manager thread joined, before this returns:
        # left running, it would race interpreter shutdown (a hang, or a traceback about a
        # bad file descriptor).
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        for process in processes:
            process.kill()
        for process in processes:
            process.join(timeout=5)
        # A worker killed while sending a result leaves half a message in the result pipe,
        # and the manager thread would wait for the rest for ever. With every worker gone,
        # closing this process's end of the pipe turns that wait into end-of-file, which
        # the manager thread takes as a broken pool, and ends.
        writer = getattr(getattr(self._pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, key: Hashable, doc: Document | LmsWork, fmt: str,
               options: RenderOptions) -> None:
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
        import signal

        # Workers are forked at the first submit. A Ctrl-C or SIGTERM arriving during a fork
        # would be raised inside the fork hooks and lost: hold them until the forks are done
        # (the workers unblock them once their own handlers are set).
        held = {signal.SIGINT, signal.SIGTERM}
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            if self._pool is None:
                from concurrent.futures import ProcessPoolExecutor

                self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                                 mp_context=_context(),
                                                 initializer=_worker_start,
                                                 initargs=(os.getpid(),))
            for key, args in self._queue:
                future = self._pool.submit(render_document, *args)
                self._futures[future] = key
                self._order[future] = len(self._order)
            self._queue.clear()
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def _context():  # type: ignore[no-untyped-def]
    import multiprocessing
    import sys

    # fork starts a worker in milliseconds with this process's modules already imported
    # (pydantic, the document model); elsewhere (macOS, Windows) only spawn is safe.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_start(parent: int) -> None:
    """Set a worker up: it dies with the build that started it, and leaves signals to it."""
    import signal

    # Ctrl-C is the parent's to handle; workers stop when it shuts the pool down. SIGTERM
    # (from the pool, or inherited as the parent's "stop like Ctrl-C" handler) ends a worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it forked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGKILL to this process when its parent dies, however the
    parent dies (prctl PR_SET_PDEATHSIG, man 2 prctl). Elsewhere nothing is done."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import ctypes.util
    import signal

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


_PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""
