"""The `export-lms` command: Common Cartridges and question banks for learning platforms.

`cli.py` registers it on its app; everything heavy is imported inside the command.
"""

from __future__ import annotations

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
    from nlmg_packs.lms.export import LmsRequest
    from nlmg_packs.lms.export import export_lms as run_export

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
