"""The `export-lms` command: Common Cartridges and question banks for learning platforms.

`build --format lms` under the options a course export speaks of: the cartridges and banks
are planned, rendered and written by the build (`lms/jobs.py`, `builder/run.py`), with the
same manifest, up-to-date check, atomic writes and kept edits as every other output, so
`export-lms` and `build --format lms` can share an output folder. Output:
`<out>/<pack>/lms/<course>.imscc` (students), `<course>-teacher.imscc` (teachers),
`<out>/<pack>/banks/<test-… or unit-…>.{moodle.xml,gift.txt,qti.zip}`.

`cli.py` registers the command on its app; everything heavy is imported inside functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class CcVersion(StrEnum):
    v1_1 = "1.1"
    v1_3 = "1.3"


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


class Preset(StrEnum):
    standard = "standard"
    large_print = "large-print"
    dyslexia = "dyslexia"


def export_lms(
    packs: Annotated[list[Path] | None, typer.Argument(
        help="Pack folders, or folders of packs. Default: the bundled pack.",
        show_default=False, metavar="PACK...")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    course: Annotated[list[str] | None, typer.Option(
        "--course", help="Only this course's cartridges. Repeatable.")] = None,
    cc_version: Annotated[CcVersion, typer.Option(
        "--cc-version", help="Common Cartridge version: 1.1 (Canvas, Moodle, Schoology, "
        "Brightspace) or 1.3.")] = CcVersion.v1_1,
    teacher: Annotated[bool, typer.Option(
        "--teacher/--no-teacher", help="Also write each course's teacher cartridge (lesson "
        "plans, teacher editions, answer keys).")] = True,
    paper: Annotated[Paper | None, typer.Option(help="Paper size of the printable files.")
                     ] = None,
    preset: Annotated[Preset, typer.Option(help="Accessibility preset.")] = Preset.standard,
    template: Annotated[Path | None, typer.Option(help="Template folder.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Export Common Cartridges (one per course) and question banks for learning platforms.

    Writes OUT/<pack>/lms/<course>.imscc for students, <course>-teacher.imscc for teachers,
    and OUT/<pack>/banks/ with each test and reading unit as Moodle XML, GIFT and a QTI zip.
    Re-runs rebuild only what changed. The same as `build --format lms` (with --edition
    student for --no-teacher).

    Example: nlmg-packs export-lms --course literature --cc-version 1.3
    """
    from nlmg_packs.cli_options import expand

    request = LmsRequest(packs=expand(packs), out=Path(out), courses=frozenset(course or ()),
                         cc_version=CcVersion(cc_version).value, teacher=teacher,
                         paper=Paper(paper).value if paper else None,
                         preset=Preset(preset).value, template=template)
    outcome = run_export(request)
    if not quiet:
        for relpath in outcome.written:
            typer.echo(f"built {relpath}")
        for relpath in outcome.kept:
            typer.echo(f"kept {relpath}: edited since it was written; the new one is beside it")
    kept = f", {len(outcome.kept)} kept" if outcome.kept else ""
    typer.echo(f"{len(outcome.written)} built, {len(outcome.current)} up to date{kept}")


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


def run_export(request: LmsRequest) -> Outcome:
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
