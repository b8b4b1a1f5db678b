"""Checks made before a build reads anything: the date it records and the output folder."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from nlmg_packs.errors import NlmgError, OutputError, PackError, Problem

DEFAULT_EPOCH = 1767225600
"""2026-01-01T00:00:00Z: the date files record when SOURCE_DATE_EPOCH is not set, so builds
of the same input are byte-identical whenever they run."""

MAX_EPOCH = 4354819198
"""2107-12-31T23:59:58Z, the last moment a zip entry (and so a DOCX) can record (APPNOTE.TXT
4.4.6: MS-DOS dates count years from 1980 in seven bits)."""


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC; reproducible-builds.org), or the default."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return DEFAULT_EPOCH
    if not value.isascii() or not value.isdigit():
        raise NlmgError([Problem("SOURCE_DATE_EPOCH", None, None,
                                 f"must be a whole number of seconds, not {value!r}",
                                 "set it to e.g. $(git log -1 --format=%ct)")])
    if int(value) > MAX_EPOCH:
        raise NlmgError([Problem("SOURCE_DATE_EPOCH", None, None,
                                 f"{value} is after the year 2107, which DOCX files cannot "
                                 "record", "set it to a date between 1970 and 2107, e.g. "
                                 "$(git log -1 --format=%ct)")])
    return int(value)


def check_reference_doc(path: Path | None) -> None:
    """Refuse a `--reference-doc` that is missing or not a .docx, before anything is read."""
    if path is None:
        return
    if not path.is_file():
        raise PackError([Problem(str(path), None, None, "reference document not found",
                                 "pass the path of a .docx file")])
    if path.suffix.lower() != ".docx":
        raise PackError([Problem(str(path), None, None, "a reference document must be a .docx",
                                 "save it from Word or LibreOffice as .docx (not .dotx or .doc)")])


def check_out(out: Path, packs: Sequence[Path]) -> None:
    """Refuse an output folder a build must never write into or clean: `/`, the home folder,
    a pack folder, a folder holding a pack, or a folder inside a pack."""
    from nlmg_packs.paths import display_path

    try:
        where = out.resolve()
        home = Path.home().resolve()
    except (OSError, RuntimeError):
        return  # a link loop: making the folder fails below with its own message
    why = None
    if where == Path(where.anchor):
        why = "is the root of the file system"
    elif where == home:
        why = "is your home folder"
    for pack in packs:
        try:
            folder = pack.resolve()
        except (OSError, RuntimeError):
            continue
        if where == folder or folder.is_relative_to(where):
            why = f"holds the pack {display_path(pack)}"
        elif where.is_relative_to(folder):
            why = f"is inside the pack {display_path(pack)}"
    if why is not None:
        raise OutputError([Problem(str(out), None, None,
                                   f"--out {why}: the build writes and removes files there",
                                   "choose a folder of its own, e.g. --out output")])


def prepare_out(out: Path, packs: Sequence[Path]) -> Path:
    """Check and make the output folder; raise OutputError when it cannot be used."""
    check_out(out, packs)
    if out.exists() and not out.is_dir():
        raise OutputError([Problem(str(out), None, None, "--out is a file, not a folder",
                                   "choose a folder for the output")])
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError([Problem(str(out), None, None,
                                   f"cannot create the output folder ({exc.strerror})",
                                   "choose a folder you may write to")]) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError([Problem(str(out), None, None, "the output folder is not writable",
                                   "choose a folder you may write to, or fix its permissions")])
    return out
