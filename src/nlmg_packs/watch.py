"""`nlmg-packs build --watch`: build, then rebuild each time a pack or template file is saved.

Files are watched with watchfiles (inotify on Linux, FSEvents on macOS, polling elsewhere;
imported here only). Each rebuild is the ordinary incremental build, so only the documents a
change touches are rendered, and each file is written atomically: a viewer that reloads on
change never sees half a file. A mistake prints its located errors and the watch goes on;
Ctrl-C stops it cleanly (exit 0), between builds or in the middle of one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlmg_packs.builder.run import BuildRequest

_IGNORED_PREFIXES = (".nlmg-tmp-", "~$", ".~lock.", ".#")
"""Temporary and lock files of this tool, Excel, LibreOffice and Emacs: saving them is not a
change to the pack."""


def watched_paths(request: BuildRequest) -> list[Path]:
    """The pack folders, the template folder and the reference document of `request`."""
    from nlmg_packs.paths import default_template

    paths = [*request.packs, request.template or default_template()]
    if request.reference_doc is not None:
        paths.append(request.reference_doc)
    return [p for p in paths if p.exists()]


def is_relevant(path: Path, out: Path) -> bool:
    """False for editor and lock files, and for anything inside the output folder."""
    if path.name.startswith(_IGNORED_PREFIXES) or path.name.endswith(("~", ".swp", ".tmp")):
        return False
    return not path.resolve().is_relative_to(out.resolve())


def build_once(request: BuildRequest, reporter: Any, echo: Callable[..., None]) -> bool:
    """One incremental build; problems are printed, not raised. True when it succeeded."""
    from nlmg_packs.builder.run import run_build
    from nlmg_packs.errors import NlmgError

    try:
        with reporter:
            report = run_build(request, reporter)
        reporter.finish(report)
    except NlmgError as exc:
        for problem in exc.problems:
            echo(f"error: {problem}", err=True)
        count = len(exc.problems)
        echo(f"{count} problem{'s' if count != 1 else ''} found; the files already built are "
             "unchanged. Still watching: fix it and save again.", err=True)
        return False
    return True


def watch_build(request: BuildRequest, make_reporter: Callable[[], Any],
                echo: Callable[..., None], stop: threading.Event | None = None) -> None:
    """Build `request`, then rebuild after every saved change until Ctrl-C (or `stop`)."""
    from watchfiles import DefaultFilter, watch

    from nlmg_packs.pack.loader import display_path

    default = DefaultFilter()
    paths = watched_paths(request)

    def relevant(change: Any, name: str) -> bool:
        return default(change, name) and is_relevant(Path(name), request.out)

    try:
        build_once(request, make_reporter(), echo)
        ready = False
        # yield_on_timeout: an empty set every half second, the first one once the watcher
        # is in place, so "watching" is only printed when a save will be seen
        for changes in watch(*paths, watch_filter=relevant, stop_event=stop,
                             raise_interrupt=True, yield_on_timeout=True, rust_timeout=500):
            if not ready:
                ready = True
                shown = ", ".join(display_path(p) for p in paths)
                echo(f"watching {shown} for changes; press Ctrl-C to stop", err=True)
            if not changes:
                continue
            names = sorted({display_path(Path(name)) for _, name in changes})
            echo(f"changed: {', '.join(names)}", err=True)
            build_once(request, make_reporter(), echo)
    except KeyboardInterrupt:
        echo("stopped watching; every file written is complete.", err=True)
