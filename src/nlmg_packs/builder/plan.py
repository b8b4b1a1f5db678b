"""The plan: which documents a request makes, the hash each is built from, and which are stale."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nlmg_packs.builder import outdir
from nlmg_packs.builder.manifest import Manifest
from nlmg_packs.compose.catalogue import DocSpec, catalogue
from nlmg_packs.document import Document, Origin
from nlmg_packs.errors import OutputError, Problem
from nlmg_packs.pack import Pack

if TYPE_CHECKING:
    from nlmg_packs.builder.request import BuildRequest
    from nlmg_packs.lms.jobs import LmsWork

FORMATS = {"native": None, "pdf": ("pdf",), "docx": ("docx",), "all": ("pdf", "docx"),
           "lms": ()}
"""`--format` values: the formats each makes (None: each document's own; lms: see
`lms/jobs.py`)."""


@dataclass
class Job:
    """One file to make."""

    relpath: str
    """Relative to the output folder: `<pack>/<course or common>/<edition>/<name>.<ext>`
    (`<pack>/lms/…` and `<pack>/banks/…` for `--format lms`)."""
    spec: DocSpec
    fmt: str
    key: str
    """Hash of everything the file is built from."""
    doc: Document | LmsWork
    """What the renderer draws: a document, or (`--format lms`) a cartridge or bank."""
    target: str = ""
    """Where to write: relpath, or a '.new' name beside an edited file."""
    protected: str | None = None
    """Hash of an edited file at relpath that must not be overwritten."""


def plan(pack: Pack, settings: str, request: BuildRequest) -> list[Job]:
    """Every file the request selects from `pack` (its courses, editions, formats, kinds, and
    tests in `request.versions` versions), in catalogue order."""
    courses, editions, kinds = request.courses, request.editions, request.kinds
    formats, versions = request.formats, request.versions
    if formats == "lms":
        return _lms_plan(pack, settings, request)
    chosen = FORMATS[formats]
    handout_ext = "docx" if formats == "docx" else "pdf"
    jobs: list[Job] = []
    for spec in catalogue(pack, versions):
        if kinds and spec.kind not in kinds:
            continue
        if courses and spec.course is not None and spec.course not in courses:
            continue
        if spec.edition not in editions:
            continue
        doc = spec.compose(handout_ext)
        text = fingerprint(doc)
        for fmt in chosen or (spec.native,):
            key = hashlib.sha256(f"{settings}\n{fmt}\n{text}".encode()).hexdigest()
            jobs.append(Job(f"{pack.id}/{spec.relpath(fmt)}", spec, fmt, key, doc))
    return jobs


def _lms_plan(pack: Pack, settings: str, request: BuildRequest) -> list[Job]:
    """The cartridges and question banks `request` selects (`--format lms`, `lms/jobs.py`)."""
    from nlmg_packs.lms.jobs import lms_files

    jobs = []
    for spec, work in lms_files(pack, request.courses, request.editions, request.kinds,
                                request.cc_version):
        key = hashlib.sha256(f"{settings}\n{work.fmt}\n{fingerprint(work)}".encode())
        jobs.append(Job(f"{pack.id}/{spec.relpath(work.fmt)}", spec, work.fmt,
                        key.hexdigest(), work))
    return jobs


def fingerprint(value: object) -> str:
    """A canonical text of a document without its source locations, which do not show in
    the output: moving a quotation down a line must not rebuild every file that cites it."""
    parts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, Origin):
            return
        if dataclasses.is_dataclass(node):
            parts.append(type(node).__name__ + "(")
            for f in dataclasses.fields(node):
                walk(getattr(node, f.name))
                parts.append(",")
            parts.append(")")
        elif isinstance(node, tuple | list):
            parts.append("[")
            for item in node:
                walk(item)
                parts.append(",")
            parts.append("]")
        else:
            parts.append(repr(node))

    walk(value)
    return "".join(parts)


@dataclass
class Staleness:
    """The outcome of comparing a plan with the manifest and the files on disk."""

    stale: list[Job]
    current: list[Job]
    kept: list[Job]
    """Edited by a user; an up-to-date new version is already beside them."""
    conflicts: list[Problem]


def sort_out(jobs: list[Job], out: Path, manifest: Manifest, force: bool,
             strict: bool) -> Staleness:
    """Decide, by content hash, which jobs must be rendered.

    A file on disk that is not a version this tool wrote (its hash is not in the manifest) is
    an edit: without `force` it is never overwritten; the new version goes beside it as
    `name.new.ext`, unless that file too was edited, or `strict` is set (then a conflict).
    A file that cannot be read cannot be proved ours: a conflict too.
    """
    result = Staleness([], [], [], [])
    for job in jobs:
        try:
            _sort_one(job, out, manifest, (force, strict), result)
        except OutputError as exc:
            result.conflicts.extend(exc.problems)
    return result


def _sort_one(job: Job, out: Path, manifest: Manifest, flags: tuple[bool, bool],
              result: Staleness) -> None:
    force, strict = flags
    entry = manifest.files.get(job.relpath)
    current = outdir.sha256(out, job.relpath)
    job.target = job.relpath
    if force or not _edited(current, manifest, job.relpath):
        fresh = entry is not None and entry.key == job.key and current is not None
        (result.current if fresh and not force else result.stale).append(job)
        return
    if strict:
        result.conflicts.append(_edited_problem(job.relpath))
        return
    job.target = beside(job.relpath)
    job.protected = current
    new = manifest.files.get(job.target)
    beside_now = outdir.sha256(out, job.target)
    if _edited(beside_now, manifest, job.target):
        result.conflicts.append(_edited_problem(job.target))
    elif new is not None and new.key == job.key and beside_now is not None:
        result.kept.append(job)
    else:
        result.stale.append(job)


def _edited(on_disk: str | None, manifest: Manifest, relpath: str) -> bool:
    """Whether a file is there that this tool did not write (or someone changed since)."""
    entry = manifest.files.get(relpath)
    return on_disk is not None and not (entry is not None and entry.ours(on_disk))


def _edited_problem(relpath: str) -> Problem:
    return Problem(relpath, None, None, "this file was changed since the last build",
                   "move your edited copy elsewhere, or use --force to overwrite it")


def beside(relpath: str) -> str:
    """Where the new version of an edited file goes: `name.new.ext`."""
    stem, ext = relpath.rsplit(".", 1)
    return f"{stem}.new.{ext}"
