"""One zip per course: its documents, the common handouts it uses, and a README.txt index.

A bundle is planned like any other output: its key hashes the README and, for each member,
the key it is built from (or, for a member a user edited, the edited file's hash), so a
bundle is stale exactly when one of its members changed, and no member is read to find out.
"""

from __future__ import annotations

import hashlib
import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from nlmg_packs import __version__
from nlmg_packs.builder.plan import Job
from nlmg_packs.pack import Pack

_EDITIONS = {"student": "student edition", "teacher": "teacher edition"}
_FORMATS = {"pdf": "PDF", "docx": "DOCX, editable"}
_MIN_ZIP_TIME = 315532800
"""1980-01-01, the earliest time a zip entry can record."""


@dataclass
class Bundle:
    """A course's archive: where it goes, its members and the hash it is built from."""

    relpath: str
    """`<pack>/<course>.zip`."""
    course: str
    members: list[Job]
    readme: str
    key: str = ""


def bundles(pack: Pack, jobs: list[Job], epoch: int) -> list[Bundle]:
    """A bundle for each course that has files in this build; `jobs` must be sorted out
    (their `target` and `protected` set) so edited members are known."""
    found: list[Bundle] = []
    for course in pack.courses:
        worksheets = {w for lesson in course.lessons for w in lesson.worksheets}
        prompts = any(lesson.prompts for lesson in course.lessons)
        members = sorted((j for j in jobs if _uses(j, course.id, worksheets, prompts)),
                         key=lambda j: j.relpath)
        if not any(j.spec.course == course.id for j in members):
            continue
        readme = _readme(pack, course.name, members)
        digest = hashlib.sha256(f"{__version__}\n{epoch}\n{readme}".encode())
        for job in members:
            digest.update(f"\n{job.relpath}\n{job.protected or job.key}".encode())
        found.append(Bundle(f"{pack.id}/{course.id}.zip", course.id, members, readme,
                            digest.hexdigest()))
    return found


def _uses(job: Job, course: str, worksheets: set[str], prompts: bool) -> bool:
    spec = job.spec
    if job.fmt not in ("pdf", "docx"):  # cartridges and banks are archives themselves
        return False
    if spec.course is not None:
        return spec.course == course
    if spec.kind == "worksheets":
        return any(spec.name == f"worksheet-{w}" for w in worksheets)
    if spec.name == "discussion-guide":
        return prompts
    return spec.kind == "map"


def _readme(pack: Pack, course_name: str, members: list[Job]) -> str:
    lines = [f"{pack.book.title}, by {pack.book.author}: {course_name}", "",
             f"Made with nlmg-packs {__version__}. Print the PDF handouts; open the DOCX "
             "lesson plans in Word, LibreOffice or Google Docs to adapt them.", "", "Files:", ""]
    for job in members:
        name = job.relpath.split("/", 1)[1]
        label = f"Worksheet: {job.doc.title}" if job.spec.kind == "worksheets" else job.doc.title
        lines.append(f"{name}\n    {label} ({_EDITIONS.get(job.spec.edition, '')}, "
                     f"{_FORMATS.get(job.fmt, job.fmt)})")
    return "\n".join(lines) + "\n"


def zip_bytes(pack_id: str, bundle: Bundle, content: Callable[[Job], bytes | None],
              epoch: int) -> bytes:
    """The archive, byte-identical for the same files and epoch; `content(job)` gives a
    member's bytes (None: left out)."""
    top = f"{pack_id}-{bundle.course}"
    stamp = time.gmtime(max(epoch, _MIN_ZIP_TIME))[:6]
    entries: list[tuple[str, bytes]] = [(f"{top}/README.txt", bundle.readme.encode("utf-8"))]
    for job in bundle.members:
        data = content(job)
        if data is not None:
            entries.append((f"{top}/{job.relpath.split('/', 1)[1]}", data))
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
