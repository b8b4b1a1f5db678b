"""Atomic file writes: the data goes to a file without a name, then takes its place at once."""

from __future__ import annotations

import os
from pathlib import Path

TEMP_PREFIX = ".nlmg-tmp-"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not _write_unnamed(path, data):
        _write_named(path, data)


def _write_unnamed(path: Path, data: bytes) -> bool:
    """Linux: write into an O_TMPFILE inode, so a build killed while writing leaves nothing
    behind; only the instant between giving it a temporary name and the rename remains."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, 0o644)
    except OSError:
        return False  # a file system without O_TMPFILE support
    temp = path.parent / f"{TEMP_PREFIX}{os.urandom(8).hex()}"
    try:
        _fill(fd, data)  # a full disk is a full disk: that error goes to the caller
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            # With dst_dir_fd Python calls linkat(AT_SYMLINK_FOLLOW), which can link the
            # unnamed inode behind /proc/self/fd/N; plain link() fails with EXDEV.
            os.link(f"/proc/self/fd/{fd}", temp.name, dst_dir_fd=folder, follow_symlinks=True)
        except OSError:
            return False  # no /proc, say: fall back to a named temporary file
        finally:
            os.close(folder)
    finally:
        os.close(fd)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return True


def _write_named(path: Path, data: bytes) -> None:
    import tempfile

    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        try:
            _fill(fd, data)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _fill(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb", closefd=False) as handle:
        handle.write(data)
        handle.flush()
    if hasattr(os, "fchmod"):  # not on Windows
        os.fchmod(fd, 0o644)
    os.fsync(fd)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files an interrupted build left behind."""
    if folder.is_dir():
        for temp in folder.rglob(TEMP_PREFIX + "*"):
            temp.unlink(missing_ok=True)
