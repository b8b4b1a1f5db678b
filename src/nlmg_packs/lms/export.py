"""`nlmg-packs export-lms`: `build --format lms` under the options a course export speaks of.

The cartridges and banks are planned, rendered and written by the build (`lms/jobs.py`,
`builder/run.py`): the same manifest, up-to-date check, atomic writes and kept edits as every
other output, so `export-lms` and `build --format lms` can share an output folder. Output:
`<out>/<pack>/lms/<course>.imscc` (students), `<course>-teacher.imscc` (teachers),
`<out>/<pack>/banks/<test-… or unit-…>.{moodle.xml,gift.txt,qti.zip}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    epoch: int | None = None
    """Seconds since 1970 stamped into the zips; None: SOURCE_DATE_EPOCH, else 0."""


@dataclass
class Outcome:
    """Paths (relative to the output folder) by what the export did with them."""

    written: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Edited since the last export: the new file went beside them."""


def export_lms(request: LmsRequest) -> Outcome:
    """Write every cartridge and bank `request` asks for; raise PackError on bad input,
    UsageError for an unknown course, OutputError for edits in the way."""
    from nlmg_packs.builder.request import BuildRequest
    from nlmg_packs.builder.run import run_build

    editions = frozenset({"student", "teacher"} if request.teacher else {"student"})
    report = run_build(BuildRequest(
        packs=request.packs, out=request.out, courses=request.courses, editions=editions,
        formats="lms", paper=request.paper, preset=request.preset, template=request.template,
        cc_version=request.cc_version, epoch=request.epoch))
    outcome = Outcome()
    for result in report.files:
        if result.status == "built":
            outcome.written.append(result.path)
        elif result.status == "up to date":
            outcome.current.append(result.path)
        elif result.status == "kept":
            stem, ext = result.path.rsplit(".", 1)
            outcome.kept.append(f"{stem.removesuffix('.new')}.{ext}")
    return outcome
