"""One build at a time per output folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nlmg_packs.errors import OutputError, Problem

LOCK_NAME = ".nlmg-packs.lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on `out` or fail at once with a clear message."""
    path = out / LOCK_NAME
    handle = open(path, "a+b")  # noqa: SIM115 - held for the duration of the build
    try:
        if not _try_lock(handle):
            raise OutputError([Problem(str(out), None, None,
                                       "another build is writing to this output folder",
                                       "wait for it to finish, or use a different --out")])
        yield
    finally:
        handle.close()


def _try_lock(handle) -> bool:  # type: ignore[no-untyped-def]
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False

