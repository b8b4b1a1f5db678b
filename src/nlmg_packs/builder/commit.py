"""Write rendered files into place so that any interruption leaves outputs and manifest agreeing."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nlmg_packs.builder import outdir
from nlmg_packs.builder.atomic import write_atomic
from nlmg_packs.builder.manifest import MANIFEST_NAME, Manifest, sha256
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


def write_all(out: Path, manifest: Manifest, writes: Sequence[Write], force: bool) -> None:
    """Journal, write, then record every file; on failure keep what was written recorded.

    The last guard against losing an edit: a target on disk that this tool did not write is
    not replaced unless `force` (raises OutputError before anything is written).
    """
    for w in writes:
        if w.protected is not None and w.protected == sha256(w.data):
            w.target = w.relpath  # the "edited" file is exactly what we would write
    if not force:
        _refuse_edits(out, manifest, writes)
    for w in writes:
        manifest.begin(w.target, w.key, sha256(w.data), w.kind, w.pages)
    try:
        save(manifest, out)
    except OutputError:
        manifest.recover(out)  # nothing was replaced: forget the journal
        raise
    try:
        for w in writes:
            _write(out, w.target, w.data)
    except BaseException:
        manifest.recover(out)
        save(manifest, out)
        raise
    for w in writes:
        manifest.commit(w.target)


def _refuse_edits(out: Path, manifest: Manifest, writes: Sequence[Write]) -> None:
    problems = []
    for w in writes:
        on_disk = outdir.sha256(out, w.target)
        entry = manifest.files.get(w.target)
        ours = entry is not None and entry.ours(on_disk)
        if on_disk is not None and not ours and on_disk != sha256(w.data):
            problems.append(Problem(w.target, None, None,
                                    "this file was changed since the last build",
                                    "move your edited copy elsewhere, or use --force to "
                                    "overwrite it"))
    if problems:
        raise OutputError(problems)


def save(manifest: Manifest, out: Path) -> None:
    """Save the manifest; a failure reads like any other failed write."""
    try:
        manifest.save(out)
    except OSError as exc:
        raise _write_error(out / MANIFEST_NAME, exc) from None


def _write(out: Path, relpath: str, data: bytes) -> None:
    try:
        write_atomic(out, relpath, data)
    except OutputError:
        raise
    except OSError as exc:
        raise _write_error(out / relpath, exc) from None


def _write_error(path: Path, exc: OSError) -> OutputError:
    why = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror
    return OutputError([Problem(str(path), None, None, f"cannot write the file ({why})",
                                "free some space or fix permissions; files written by "
                                "earlier builds are intact")])
