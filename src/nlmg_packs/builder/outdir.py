"""The output folder: every path in it is opened one folder at a time, never through a link.

Paths come from the plan (built from validated ids) and from the manifest, which a teacher may
have copied or synced from elsewhere: untrusted input. So a path is first checked by its form
(`parts_of`), then opened folder by folder with `O_NOFOLLOW`, so a symbolic link planted
anywhere on the way (a folder or the file itself) is refused instead of followed, and only
regular files are read, up to `MAX_OUTPUT_BYTES`. Nothing here reads, hashes or deletes
anything outside the output folder.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path, PureWindowsPath

from nlmg_packs.errors import OutputError, Problem

MAX_OUTPUT_BYTES = 256 * 1024 * 1024
"""The largest output file read back (256 MB; a pack's largest PDF is a few MB)."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_BY_FD = os.open in os.supports_dir_fd
_CHUNK = 1 << 20


class LinkInTheWay(OutputError):
    """A symbolic link (or a file where a folder should be) on the way to an output."""


def parts_of(relpath: object) -> tuple[str, ...] | None:
    """The names along a path recorded relative to the output folder (`pack/common/x.pdf` →
    three names), or None when its form could lead elsewhere: absolute, `..`, `.`, an empty
    name, a backslash, a drive, a control character."""
    if not isinstance(relpath, str) or not relpath or not relpath.isprintable():
        return None
    if "\\" in relpath or PureWindowsPath(relpath).drive:
        return None
    parts = tuple(relpath.split("/"))
    if any(part in ("", ".", "..") for part in parts):
        return None
    return parts


def _problem(out: Path, relpath: str, message: str, hint: str) -> list[Problem]:
    return [Problem(str(out / relpath), None, None, message, hint)]


def _link_error(out: Path, relpath: str) -> LinkInTheWay:
    return LinkInTheWay(_problem(out, relpath, "a symbolic link is in the way of an output "
                                 "file", "the build never follows links in the output folder: "
                                 "remove the link, or choose another --out"))


def _unreadable(out: Path, relpath: str, why: str) -> OutputError:
    return OutputError(_problem(out, relpath, f"cannot read an output file ({why}), so cannot "
                                "tell whether it was edited", "make it readable, or move it "
                                "out of the output folder"))


def _checked(out: Path, relpath: str) -> tuple[str, ...]:
    parts = parts_of(relpath)
    if parts is None:
        raise LinkInTheWay(_problem(out, str(relpath), "this path leaves the output folder",
                                    "the build only uses paths inside --out"))
    return parts


@contextmanager
def folder(out: Path, names: Sequence[str], create: bool = False) -> Iterator[int]:
    """A descriptor of the folder `out/names...`, reached without following a link; with
    `create`, missing folders are made. Raises FileNotFoundError, or LinkInTheWay."""
    fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        for name in names:
            if create:
                with suppress(FileExistsError):
                    os.mkdir(name, 0o755, dir_fd=fd)
            try:
                inner = os.open(name, _DIR, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise _link_error(out, "/".join(names)) from None
                raise
            os.close(fd)
            fd = inner
        yield fd
    finally:
        os.close(fd)


def _open(out: Path, relpath: str) -> int | None:
    """A descriptor of the regular file `out/relpath`, or None if there is none."""
    parts = _checked(out, relpath)
    try:
        if _BY_FD:
            with folder(out, parts[:-1]) as parent:
                fd = os.open(parts[-1], _FILE, dir_fd=parent)
        else:  # no dir_fd (Windows): the same checks by name
            path = out.joinpath(*parts)
            if any(out.joinpath(*parts[:n]).is_symlink() for n in range(1, len(parts) + 1)):
                raise _link_error(out, relpath)
            fd = os.open(path, _FILE)
    except FileNotFoundError:
        return None
    except LinkInTheWay:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _link_error(out, relpath) from None
        if exc.errno == errno.ENOTDIR:
            return None
        raise _unreadable(out, relpath, exc.strerror or str(exc)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(_problem(out, relpath, "a folder is where an output file goes",
                                       "move the folder out of the output folder"))
        raise OutputError(_problem(out, relpath, "not a regular file (a pipe, a device or a "
                                   "socket) where an output file goes",
                                   "remove it from the output folder"))
    if info.st_size > MAX_OUTPUT_BYTES:
        os.close(fd)
        raise OutputError(_problem(out, relpath, f"an output file is over "
                                   f"{MAX_OUTPUT_BYTES // 1_048_576} MB",
                                   "move it out of the output folder"))
    return fd


def read(out: Path, relpath: str) -> bytes | None:
    """The bytes of the output `relpath`, or None if it does not exist. Raises OutputError when
    it cannot be read (permissions, a link, not a regular file, too large)."""
    fd = _open(out, relpath)
    if fd is None:
        return None
    try:
        chunks = []
        size = 0
        while chunk := os.read(fd, _CHUNK):
            size += len(chunk)
            if size > MAX_OUTPUT_BYTES:
                raise _unreadable(out, relpath, "it grew past the size limit while read")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(out, relpath, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def sha256(out: Path, relpath: str) -> str | None:
    """The SHA-256 (hex) of the output `relpath`, or None if it does not exist; as `read`."""
    data = read(out, relpath)
    return None if data is None else hashlib.sha256(data).hexdigest()


def size(out: Path, relpath: str) -> int:
    """The size in bytes of the output `relpath` (0 if it is gone), never following a link."""
    fd = _open(out, relpath)
    if fd is None:
        return 0
    try:
        return os.fstat(fd).st_size
    finally:
        os.close(fd)


def remove(out: Path, relpath: str) -> None:
    """Delete the output `relpath` (a link itself, never its target) and the folders it leaves
    empty, up to the output folder."""
    parts = _checked(out, relpath)
    try:
        if not _BY_FD:
            out.joinpath(*parts).unlink(missing_ok=True)
            return
        with folder(out, parts[:-1]) as parent:
            os.unlink(parts[-1], dir_fd=parent)
    except FileNotFoundError:
        pass
    for depth in range(len(parts) - 1, 0, -1):
        try:
            with folder(out, parts[: depth - 1]) as parent:
                os.rmdir(parts[depth - 1], dir_fd=parent)
        except OSError:
            return  # not empty, or not ours to remove
