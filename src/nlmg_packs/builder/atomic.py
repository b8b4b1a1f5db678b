"""Atomic file writes: the data goes to a file without a name, then takes its place at once."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from nlmg_packs.builder import outdir

TEMP_PREFIX = ".nlmg-tmp-"


def write_atomic(out: Path, relpath: str, data: bytes) -> None:
    """Write `data` to `out/relpath` so readers see the old file or the new one, never a part.

    The folders on the way are made if missing and never followed through a link (raises
    `outdir.LinkInTheWay`); a link at `relpath` itself is replaced, not followed.
    """
    parts = outdir.parts_of(relpath)
    if parts is None:
        raise ValueError(f"not a path inside the output folder: {relpath!r}")
    if os.open not in os.supports_dir_fd:  # Windows: by name
        path = out.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_named(path.parent, None, path.name, data)
        return
    with outdir.folder(out, parts[:-1], create=True) as parent:
        if not _write_unnamed(parent, parts[-1], data):
            _write_named(None, parent, parts[-1], data)


def _write_unnamed(parent: int, name: str, data: bytes) -> bool:
    """Linux: write into an O_TMPFILE inode, so a build killed while writing leaves nothing
    behind; only the instant between giving it a temporary name and the rename remains."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        fd = os.open(".", flag | os.O_WRONLY | os.O_CLOEXEC, 0o644, dir_fd=parent)
    except OSError:
        return False  # a file system without O_TMPFILE support
    temp = f"{TEMP_PREFIX}{os.urandom(8).hex()}"
    try:
        _fill(fd, data)  # a full disk is a full disk: that error goes to the caller
        try:
            # With dst_dir_fd Python calls linkat(AT_SYMLINK_FOLLOW), which can link the
            # unnamed inode behind /proc/self/fd/N; plain link() fails with EXDEV.
            os.link(f"/proc/self/fd/{fd}", temp, dst_dir_fd=parent, follow_symlinks=True)
        except OSError:
            return False  # no /proc, say: fall back to a named temporary file
    finally:
        os.close(fd)
    try:
        os.replace(temp, name, src_dir_fd=parent, dst_dir_fd=parent)
    except BaseException:
        _unlink(parent, temp)
        raise
    return True


def _write_named(folder: Path | None, parent: int | None, name: str, data: bytes) -> None:
    """A named temporary file beside the target, renamed over it: in the folder open as
    `parent`, or (without dir_fd support) in `folder`."""
    temp = f"{TEMP_PREFIX}{os.urandom(8).hex()}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    if parent is None:
        assert folder is not None
        fd = os.open(folder / temp, flags, 0o644)
    else:
        fd = os.open(temp, flags, 0o644, dir_fd=parent)
    try:
        try:
            _fill(fd, data)
        finally:
            os.close(fd)
        if parent is None:
            assert folder is not None
            os.replace(folder / temp, folder / name)
        else:
            os.replace(temp, name, src_dir_fd=parent, dst_dir_fd=parent)
    except BaseException:
        if parent is None:
            assert folder is not None
            (folder / temp).unlink(missing_ok=True)
        else:
            _unlink(parent, temp)
        raise


def _unlink(parent: int, name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name, dir_fd=parent)


def _fill(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb", closefd=False) as handle:
        handle.write(data)
        handle.flush()
    if hasattr(os, "fchmod"):  # not on Windows
        os.fchmod(fd, 0o644)
    os.fsync(fd)


def remove_stale_temporaries(out: Path, folders: set[str]) -> None:
    """Delete temporary files an interrupted build left in the output folder itself and in
    `folders` (paths relative to it, where builds write); nowhere else, and through no link."""
    for relpath in sorted({"", *folders}):
        names = tuple(relpath.split("/")) if relpath else ()
        if relpath and outdir.parts_of(relpath) is None:
            continue
        try:
            with outdir.folder(out, names) as fd:
                for name in os.listdir(fd):
                    if name.startswith(TEMP_PREFIX):
                        _unlink(fd, name)
        except (OSError, outdir.LinkInTheWay):
            continue  # gone, a link, unreadable: nothing of ours to clean there
