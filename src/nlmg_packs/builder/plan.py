"""The plan: which documents a request makes, the hash each is built from, and which are stale."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from nlmg_packs.builder.manifest import Manifest, file_sha256
from nlmg_packs.compose.catalogue import DocSpec, catalogue
from nlmg_packs.document import Document, Origin
from nlmg_packs.errors import Problem
from nlmg_packs.pack import Pack

FORMATS = {"native": None, "pdf": ("pdf",), "docx": ("docx",), "all": ("pdf", "docx")}


@dataclass
class Job:
    """One file to make."""

    relpath: str
    """Relative to the output folder: `<pack>/<course or common>/<edition>/<name>.<ext>`."""
    spec: DocSpec
    fmt: str
    key: str
    """Hash of everything the file is built from."""
    doc: Document
    target: str = ""
    """Where to write: relpath, or a '.new' name beside an edited file."""
    protected: str | None = None
    """Hash of an edited file at relpath that must not be overwritten."""


def plan(pack: Pack, settings: str, courses: frozenset[str],
         editions: frozenset[str], formats: str, kinds: frozenset[str]) -> list[Job]:
    """Every file the selection asks for from `pack`, in catalogue order."""
    chosen = FORMATS[formats]
    handout_ext = "docx" if formats == "docx" else "pdf"
    jobs: list[Job] = []
    for spec in catalogue(pack):
        if kinds and spec.kind not in kinds:
            continue
        if courses and spec.course is not None and spec.course not in courses:
            continue
        if spec.edition not in editions:
            continue
        doc = spec.compose(handout_ext)
        fingerprint = _fingerprint(doc)
        for fmt in chosen or (spec.native,):
            key = hashlib.sha256(f"{settings}\n{fmt}\n{fingerprint}".encode()).hexdigest()
            jobs.append(Job(f"{pack.id}/{spec.relpath(fmt)}", spec, fmt, key, doc))
    return jobs


def _fingerprint(value: object) -> str:
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
    """Decide, by content hash, which jobs must be rendered."""
    result = Staleness([], [], [], [])
    for job in jobs:
        entry = manifest.files.get(job.relpath)
        current = file_sha256(out / job.relpath)
        edited = current is not None and not (entry is not None and entry.ours(current))
        if edited and not force:
            if strict:
                result.conflicts.append(Problem(
                    job.relpath, None, None, "this file was changed since the last build",
                    "move your edited copy elsewhere, or use --force to overwrite it"))
                continue
            job.target = beside(job.relpath)
            job.protected = current
            new = manifest.files.get(job.target)
            if new is not None and new.key == job.key and new.ours(file_sha256(out / job.target)):
                result.kept.append(job)
            else:
                result.stale.append(job)
        elif not force and entry is not None and entry.key == job.key and current is not None:
            job.target = job.relpath
            result.current.append(job)
        else:
            job.target = job.relpath
            result.stale.append(job)
    return result


def beside(relpath: str) -> str:
    stem, ext = relpath.rsplit(".", 1)
    return f"{stem}.new.{ext}"
