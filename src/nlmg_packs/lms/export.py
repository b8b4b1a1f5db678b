"""`nlmg-packs export-lms`: a pack's Common Cartridges and question banks, written atomically
and incrementally.

Output: `<out>/<pack>/lms/<course>.imscc` (students), `<course>-teacher.imscc` (teachers),
`<out>/<pack>/banks/<test-… or unit-…>.{moodle.xml,gift.txt,qti.zip}`. Each file's key is a
hash of what it is made from (the composed documents or the items, the render settings, the
cartridge version, the tool's version), recorded in `<out>/.nlmg-lms-manifest.json`; a file
whose key has not changed is not rebuilt, so a changed question rebuilds only the files that
hold it. A file edited since it was written is kept and the new one goes beside it
(`name.new.ext`), as in `build`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nlmg_packs import __version__

MANIFEST = ".nlmg-lms-manifest.json"


@dataclass(frozen=True)
class LmsRequest:
    """What to export and how; the CLI fills it from its options."""

    packs: tuple[Path, ...]
    out: Path
    courses: frozenset[str] = frozenset()
    cc_version: str = "1.1"
    teacher: bool = True
    """Also write each course's teacher cartridge."""
    paper: str | None = None
    preset: str = "standard"
    template: Path | None = None
    epoch: int = 0


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Edited since the last export: the new file went beside them."""


def digest(value: object) -> str:
    """A hash of a composed value, without source locations (which do not show)."""
    from nlmg_packs.document import Origin

    def walk(node: object) -> object:
        if isinstance(node, Origin):
            return None
        if hasattr(node, "__dataclass_fields__"):
            return (type(node).__name__,
                    tuple(walk(getattr(node, f)) for f in node.__dataclass_fields__))
        if isinstance(node, tuple | list):
            return tuple(walk(n) for n in node)
        return node

    return hashlib.sha256(repr(walk(value)).encode()).hexdigest()


def export_lms(request: LmsRequest) -> Outcome:
    """Write every cartridge and bank `request` asks for; raise PackError on bad input."""
    from nlmg_packs.builder.lock import build_lock
    from nlmg_packs.errors import PackError, Problem, did_you_mean
    from nlmg_packs.pack import load_pack

    packs = [load_pack(folder) for folder in request.packs]
    known = {c.id for pack in packs for c in pack.courses}
    unknown = sorted(request.courses - known)
    if unknown:
        raise PackError([Problem("--course", None, None, f"no course `{c}` in these packs",
                                 did_you_mean(c, known)) for c in unknown])
    request.out.mkdir(parents=True, exist_ok=True)
    outcome = Outcome()
    with build_lock(request.out):
        recorded = _load(request.out)
        for pack in packs:
            for relpath, key, make in _jobs(pack, request):
                _write(request.out, relpath, key, make, recorded, outcome)
                _save(request.out, recorded)
    return outcome


def _jobs(pack, request: LmsRequest) -> list[tuple[str, str, Callable[[], bytes]]]:  # type: ignore[no-untyped-def]
    """(path, key, maker) of every file of one pack."""
    from nlmg_packs.builder.inputs import template_digest
    from nlmg_packs.lms import labels
    from nlmg_packs.lms.banks import bank_files, banks
    from nlmg_packs.lms.course import assemble, course_parts
    from nlmg_packs.paths import default_template
    from nlmg_packs.template import load_template

    folder = request.template or default_template()
    template = load_template(folder)
    options = template.render_options(request.paper or pack.meta.paper or None, request.preset,
                                      False, request.epoch, None)
    settings = f"{__version__}\n{template_digest(folder, None)}\n{options!r}\n" \
        f"{request.cc_version}"
    jobs = []
    for course in pack.courses:
        if request.courses and course.id not in request.courses or not course.lessons:
            continue
        editions = ("student", "teacher") if request.teacher else ("student",)
        for edition in editions:
            parts = course_parts(pack, course, edition)
            name = course.id if edition == "student" else f"{course.id}-teacher"
            title = (course.name if edition == "student"
                     else labels.TEACHER_COPY.format(title=course.name))

            def make(parts=parts, title=title) -> bytes:  # type: ignore[no-untyped-def]
                return assemble(parts, title, pack.book.language, request.cc_version, options)

            key = _key(settings, title, pack.book.language, digest(parts))
            jobs.append((f"{pack.id}/lms/{name}.imscc", key, make))
    for bank in banks(pack):
        content = digest(bank)
        for filename, maker in bank_files(pack, bank).items():
            jobs.append((f"{pack.id}/banks/{filename}", _key(settings, content, filename),
                         lambda maker=maker: maker(request.epoch)))
    return jobs


def _key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _write(out: Path, relpath: str, key: str, make: Callable[[], bytes],
           recorded: dict[str, dict[str, str]], outcome: Outcome) -> None:
    from nlmg_packs.builder.atomic import write_atomic
    from nlmg_packs.builder.manifest import sha256
    from nlmg_packs.builder.outdir import sha256 as file_sha256
    from nlmg_packs.builder.plan import beside

    entry = recorded.get(relpath)
    on_disk = file_sha256(out, relpath)
    if entry is not None and entry["key"] == key and on_disk == entry["sha256"]:
        outcome.current.append(relpath)
        return
    data = make()
    edited = on_disk is not None and (entry is None or on_disk != entry["sha256"])
    target = beside(relpath) if edited else relpath
    write_atomic(out, target, data)
    if edited:
        outcome.kept.append(relpath)
    else:
        recorded[relpath] = {"key": key, "sha256": sha256(data)}
        outcome.written.append(relpath)


def _load(out: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(out: Path, recorded: dict[str, dict[str, str]]) -> None:
    from nlmg_packs.builder.atomic import write_atomic

    write_atomic(out, MANIFEST, json.dumps(recorded, indent=1, sort_keys=True).encode())
