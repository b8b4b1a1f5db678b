"""Render documents to bytes, in this process or in a pool of worker processes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlmg_packs.document import Document
    from nlmg_packs.render.options import RenderOptions

_PAGE = re.compile(rb"/Type /Page[^s]")

Rendered = tuple[bytes, int | None]
Task = tuple["Document", str, int]
"""A document, the format to render it in, and the index of its options."""


def render_document(doc: Document, fmt: str, options: RenderOptions) -> Rendered:
    """The file's bytes, and its page count where the format has one."""
    if fmt == "pdf":
        from nlmg_packs.render.pdf import render_pdf

        data = render_pdf(doc, options)
        return data, len(_PAGE.findall(data))
    from nlmg_packs.render.docx import render_docx

    return render_docx(doc, options), None


def render_all(tasks: Sequence[Task], options: Sequence[RenderOptions], workers: int,
               done: Callable[[int, Rendered], None]) -> None:
    """Render every task; `done(i, result)` is called as each one finishes.

    Tasks are started in the order given, so a caller can put the longest first (no long
    render left to start last while the other workers sit idle) and group them by pack.
    """
    if workers <= 1 or len(tasks) <= 1:
        for i, (doc, fmt, opt) in enumerate(tasks):
            done(i, render_document(doc, fmt, options[opt]))
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # The options (with the template) go to each worker once, not with every task.
    pool = ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=_context(),
                               initializer=_init_worker, initargs=(tuple(options),))
    try:
        futures = {pool.submit(_render_in_worker, *task): i for i, task in enumerate(tasks)}
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=futures.__getitem__):
                done(futures[future], future.result())
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _context():  # type: ignore[no-untyped-def]
    import multiprocessing
    import sys

    # fork starts a worker in milliseconds with this process's modules already imported;
    # elsewhere (macOS, Windows) only spawn is safe.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_worker_options: tuple[RenderOptions, ...] = ()


def _init_worker(options: tuple[RenderOptions, ...]) -> None:
    import signal

    global _worker_options
    _worker_options = options
    # Ctrl-C is the parent's to handle; workers just stop when it shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_in_worker(doc: Document, fmt: str, opt: int) -> Rendered:
    return render_document(doc, fmt, _worker_options[opt])
