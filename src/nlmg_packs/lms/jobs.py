"""`build --format lms`: the files a pack gives learning platforms, described for the build.

Output, under `<out>/<pack>/`: `lms/<course>.imscc` (student cartridge), `lms/<course>-
teacher.imscc` (teacher cartridge), and `banks/<test-… or unit-…>.{moodle.xml,gift.txt,
qti.zip}`. Each job carries an `LmsWork`, a plain description of the file (composed documents
and bank items, no rendering yet) that the build hashes for the file's key and hands to a
render worker, so a changed question rebuilds only the files that hold it, and a re-run with
nothing changed writes nothing (the build's manifest and no-op check, as for PDF and DOCX).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nlmg_packs.compose.catalogue import DocSpec
from nlmg_packs.lms.bank import BankItem
from nlmg_packs.lms.course import Part
from nlmg_packs.pack import Pack

if TYPE_CHECKING:
    from nlmg_packs.render.options import RenderOptions

BANK_FORMATS = ("moodle.xml", "gift.txt", "qti.zip")
"""A bank's files, by extension (the part after the stem); a cartridge's is "imscc"."""


@dataclass(frozen=True)
class LmsWork:
    """What one LMS file is made from: picklable, hashed for the file's key."""

    fmt: str
    """"imscc" or one of `BANK_FORMATS`."""
    title: str
    ident: str = ""
    """A bank's file stem, the identifier of its standalone QTI assessment."""
    language: str = "en"
    cc_version: str = "1.1"
    parts: tuple[Part, ...] = ()
    """A cartridge's resources, in module order."""
    items: tuple[BankItem, ...] = ()
    """A bank's questions."""
    category: str = ""
    """The top question category of a bank (the book's title)."""

    @property
    def weight(self) -> int:
        """Roughly how long it takes to render, in blocks: cartridges draw every document."""
        return sum(len(p.doc.blocks) for p in self.parts if p.doc is not None) + len(self.items)


def lms_files(pack: Pack, courses: frozenset[str], editions: frozenset[str],
              kinds: frozenset[str], cc_version: str) -> list[tuple[DocSpec, LmsWork]]:
    """`pack`'s cartridges (per course in `courses`, all if empty, and edition in `editions`)
    and question banks (whatever the editions), as `kinds` selects ("cartridges", "banks";
    empty: both): each file's spec (`spec.relpath(work.fmt)` is its path under the pack's
    folder) and what it is made from."""
    return [(spec, work) for spec, work in _cartridges(pack, courses, editions, cc_version)
            + _banks(pack) if not kinds or spec.kind in kinds]


def lms_stems(pack: Pack) -> set[str]:
    """Every path (without its last extension) `--format lms` can make for `pack`, in any
    selection: the build keeps these when it removes files a pack no longer makes."""
    stems = {f"{pack.id}/lms/{c.id}{end}" for c in pack.courses for end in ("", "-teacher")}
    for spec, work in _banks(pack):
        stems.add(f"{pack.id}/{spec.relpath(work.fmt)}".rsplit(".", 1)[0])
    return stems


def _spec(kind: str, folder: str, name: str, course: str | None, edition: str) -> DocSpec:
    def nothing(_ext: str):  # type: ignore[no-untyped-def]
        raise AssertionError("an LMS file is not one document")

    return _LmsSpec(kind, name, course, edition, "", nothing, folder)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _LmsSpec(DocSpec):
    folder: str = ""

    def relpath(self, fmt: str) -> str:
        return f"{self.folder}/{self.name}.{fmt}"


def _cartridges(pack: Pack, courses: frozenset[str], editions: frozenset[str],
                cc_version: str) -> list[tuple[DocSpec, LmsWork]]:
    from nlmg_packs.lms import labels
    from nlmg_packs.lms.course import course_parts

    found = []
    for course in pack.courses:
        if courses and course.id not in courses or not course.lessons:
            continue
        for edition in ("student", "teacher"):
            if edition not in editions:
                continue
            name = course.id if edition == "student" else f"{course.id}-teacher"
            title = (course.name if edition == "student"
                     else labels.TEACHER_COPY.format(title=course.name))
            work = LmsWork("imscc", title, name, pack.book.language, cc_version,
                           tuple(course_parts(pack, course, edition)))
            found.append((_spec("cartridges", "lms", name, course.id, edition), work))
    return found


def _banks(pack: Pack) -> list[tuple[DocSpec, LmsWork]]:
    from nlmg_packs.lms.banks import banks

    found = []
    for bank in banks(pack):
        for fmt in BANK_FORMATS:
            work = LmsWork(fmt, bank.title, bank.name, pack.book.language,
                           items=bank.items, category=pack.book.title)
            found.append((_spec("banks", "banks", bank.name, None, "teacher"), work))
    return found


def render_lms(work: LmsWork, options: RenderOptions) -> bytes:
    """The bytes of the file `work` describes, zips stamped with `options.timestamp`
    (seconds since 1970)."""
    from nlmg_packs.lms.banks import bank_bytes
    from nlmg_packs.lms.course import assemble

    if work.fmt == "imscc":
        return assemble(list(work.parts), work.title, work.language, work.cc_version, options)
    return bank_bytes(work.fmt, work.ident, work.title, list(work.items), work.category,
                      options.timestamp)
