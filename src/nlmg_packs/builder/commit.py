"""Write rendered files into place so that any interruption leaves outputs and manifest agreeing."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nlmg_packs.builder.atomic import write_atomic
from nlmg_packs.builder.manifest import Manifest, sha256
from nlmg_packs.errors import OutputError, Problem


@dataclass
class Write:
    """One file to put in place."""

    relpath: str
    """Where the file belongs."""
    target: str
    """Where it goes: relpath, or a '.new' name beside a user's edited copy."""
    protected: str | None
    """Hash of the edited copy at relpath, if any."""
    key: str
    kind: str
    data: bytes
    pages: int | None


def write_all(out: Path, manifest: Manifest, writes: Sequence[Write]) -> None:
    """Journal, write, then record every file; on failure keep what was written recorded."""
    for w in writes:
        if w.protected is not None and w.protected == sha256(w.data):
            w.target = w.relpath  # the "edited" file is exactly what we would write
        manifest.begin(w.target, w.key, sha256(w.data), w.kind, w.pages)
    try:
        save(manifest, out)
    except OutputError:
        manifest.recover(out)  # nothing was replaced: forget the journal
        raise
    try:
        for w in writes:
            _write(out / w.target, w.data)
    except BaseException:
        manifest.recover(out)
        save(manifest, out)
        raise
    for w in writes:
        manifest.commit(w.target)


def save(manifest: Manifest, out: Path) -> None:
    """Save the manifest; a failure reads like any other failed write."""
    from nlmg_packs.builder.manifest import MANIFEST_NAME

    try:
        manifest.save(out)
    except OSError as exc:
        raise _write_error(out / MANIFEST_NAME, exc) from None


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise _write_error(path, exc) from None


def _write_error(path: Path, exc: OSError) -> OutputError:
    why = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror
    return OutputError([Problem(str(path), None, None, f"cannot write the file ({why})",
                                "free some space or fix permissions; files written by "
                                "earlier builds are intact")])
