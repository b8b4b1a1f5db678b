"""One build at a time per output folder.

The lock is a POSIX record lock (`fcntl.lockf`) on `.nlmg-packs.lock`. Unlike `flock`, such a
lock belongs to the process, not to the open file: worker processes forked from the build do
not hold it, and the kernel releases it the moment its owner dies, however it dies (SIGKILL
included), so a lock whose owner is gone is simply taken. The owner's process id is written
in the file, so the message can name it. The descriptor is opened without following a link
and is not inherited by programs the build starts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nlmg_packs.errors import OutputError, Problem

LOCK_NAME = ".nlmg-packs.lock"

_HELD: set[str] = set()
"""Output folders this process holds: a record lock does not exclude its own process."""


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on `out` or fail at once with a clear message (OutputError)."""
    key = os.path.realpath(out)
    if key in _HELD:
        raise _busy(out, os.getpid())
    fd = _open(out)
    try:
        if not _try_lock(fd):
            raise _busy(out, _owner(fd))
        _HELD.add(key)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            pass  # the pid is only for the message
        try:
            yield
        finally:
            _HELD.discard(key)
    finally:
        os.close(fd)


def _open(out: Path) -> int:
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NONBLOCK", 0))
    try:
        fd = os.open(out / LOCK_NAME, flags, 0o644)
    except OSError as exc:
        raise OutputError([Problem(str(out / LOCK_NAME), None, None,
                                   f"cannot open the lock file ({exc.strerror})",
                                   "remove whatever has its name (a folder, a link), or fix "
                                   "the permissions of the output folder")]) from None
    import stat

    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OutputError([Problem(str(out / LOCK_NAME), None, None,
                                   "the lock file is not a regular file",
                                   "remove it; the build makes it again")])
    return fd


def _busy(out: Path, pid: int | None) -> OutputError:
    who = f" (it is process {pid})" if pid else ""
    return OutputError([Problem(str(out), None, None,
                                "another build is writing to this output folder",
                                f"wait for it to finish, or use a different --out{who}")])


def _owner(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
