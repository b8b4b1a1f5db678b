"""One zip per course: its documents, the common handouts it uses, and a README.txt index."""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from nlmg_packs import __version__
from nlmg_packs.builder.plan import Job
from nlmg_packs.pack import Pack

_EDITIONS = {"student": "student edition", "teacher": "teacher edition"}
_FORMATS = {"pdf": "PDF", "docx": "DOCX, editable"}
_MIN_ZIP_TIME = 315532800
"""1980-01-01, the earliest time a zip entry can record."""


@dataclass
class Bundle:
    relpath: str
    """`<pack>/<course>.zip`."""
    course: str
    members: list[Job]


def bundles(pack: Pack, jobs: list[Job]) -> list[Bundle]:
    """A bundle for each course that has files in this build."""
    found: list[Bundle] = []
    for course in pack.courses:
        worksheets = {w for lesson in course.lessons for w in lesson.worksheets}
        prompts = any(lesson.prompts for lesson in course.lessons)
        members = [j for j in jobs if _uses(j, course.id, worksheets, prompts)]
        if any(j.spec.course == course.id for j in members):
            found.append(Bundle(f"{pack.id}/{course.id}.zip", course.id, members))
    return found


def _uses(job: Job, course: str, worksheets: set[str], prompts: bool) -> bool:
    spec = job.spec
    if spec.course is not None:
        return spec.course == course
    if spec.kind == "worksheets":
        return any(spec.name == f"worksheet-{w}" for w in worksheets)
    if spec.name == "discussion-guide":
        return prompts
    return spec.kind == "map"


def zip_bytes(pack: Pack, bundle: Bundle, out: Path, epoch: int) -> bytes:
    """The archive, byte-identical for the same files and epoch."""
    course = next(c for c in pack.courses if c.id == bundle.course)
    top = f"{pack.id}-{course.id}"
    stamp = time.gmtime(max(epoch, _MIN_ZIP_TIME))[:6]
    members = sorted(bundle.members, key=lambda j: j.relpath)
    lines = [f"{pack.book.title}, by {pack.book.author}: {course.name}", "",
             f"Made with nlmg-packs {__version__}. Print the PDF handouts; open the DOCX "
             "lesson plans in Word, LibreOffice or Google Docs to adapt them.", "", "Files:", ""]
    entries: list[tuple[str, bytes]] = []
    for job in members:
        path = out / job.relpath
        if not path.is_file():
            continue
        name = job.relpath.split("/", 1)[1]
        label = f"Worksheet: {job.doc.title}" if job.spec.kind == "worksheets" else job.doc.title
        lines.append(f"{name}\n    {label} ({_EDITIONS.get(job.spec.edition, '')}, "
                     f"{_FORMATS.get(job.fmt, job.fmt)})")
        entries.append((f"{top}/{name}", path.read_bytes()))
    entries.insert(0, (f"{top}/README.txt", ("\n".join(lines) + "\n").encode("utf-8")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            # PDF and DOCX are compressed already: storing them is as small and much faster.
            info.compress_type = (zipfile.ZIP_DEFLATED if name.endswith(".txt")
                                  else zipfile.ZIP_STORED)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return buffer.getvalue()
