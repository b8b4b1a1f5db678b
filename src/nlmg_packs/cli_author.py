"""Commands for writing packs: `new` (a starter pack) and `export-sheet` (lists → workbook).

`cli.py` registers them on its app; everything heavy is imported inside the commands.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


def new(
    folder: Annotated[Path, typer.Argument(help="The new pack's folder; must not exist yet.",
                                           metavar="DIR")],
    title: Annotated[str, typer.Option("--title", help="The book's title.")],
    author: Annotated[str, typer.Option("--author", help="The book's author.")],
    language: Annotated[str, typer.Option(
        "--language", help="Language tag of the pack's text (BCP 47): en-GB, en-US, fr, "
        "de...")] = "en-GB",
    units: Annotated[str | None, typer.Option(
        "--units", help='The book\'s reading units: a number of chapters ("23"), or a comma '
        'list in book order of chapter runs ("1-20"), named runs ("Letter 1-4") and single '
        'units ("Prologue"), e.g. "Prologue,1-20,Epilogue". Default: 10 chapters.')] = None,
    paper: Annotated[Paper | None, typer.Option(
        "--paper", help="Handout paper. Default: from the language's region (en-US and en-CA "
        "print on Letter, others on A4).")] = None,
    from_spreadsheet: Annotated[bool, typer.Option(
        "--from-spreadsheet", help="Put the lists (prompts, quotations, worksheets, lessons; "
        "vocabulary, test items and rubrics as you add them) in a workbook (lists.xlsx) "
        "instead of YAML files.")] = False,
) -> None:
    """Write a starter pack that validates and builds as it stands.

    Every field has a comment; text starting REPLACE is a placeholder for yours. Nothing is
    overwritten: DIR must not exist yet (or be empty).

    Example: nlmg-packs new packs/my-novel --title "The Lantern Keeper" --author "A. N. Author"
    --units "Prologue,1-20,Epilogue"
    """
    from nlmg_packs.pack.loader import display_path
    from nlmg_packs.scaffold import StarterOptions, new_pack

    written = new_pack(folder, title, author, StarterOptions(
        language, units, paper.value if paper else None, from_spreadsheet))
    shown = display_path(folder)
    typer.echo(f"created {shown}: {', '.join(written)}")
    typer.echo(f"next: edit the files, then `nlmg-packs validate {shown}` and "
               f"`nlmg-packs build {shown} --watch`")


def export_sheet(
    pack: Annotated[Path, typer.Argument(help="The pack folder.", metavar="PACK")],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="The workbook to write. Default: <pack>.xlsx in the current "
        "folder.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the workbook if it "
                                        "exists.")] = False,
) -> None:
    """Write every list of the pack as an .xlsx workbook: prompts, quotations, worksheets,
    courses, vocabulary, test items and tests, rubrics and assignments.

    To move the pack to the spreadsheet, put the workbook in the pack folder and delete the
    YAML files it lists (all but pack.yaml and matter.yaml): it builds the same files.

    Example: nlmg-packs export-sheet packs/never-let-me-go --out lists.xlsx
    """
    from nlmg_packs.builder.atomic import write_atomic
    from nlmg_packs.errors import OutputError, Problem
    from nlmg_packs.pack import load_pack
    from nlmg_packs.pack.loader import display_path
    from nlmg_packs.pack.sheet_export import pack_lists, workbook_bytes

    loaded = load_pack(pack)
    target = out or Path(f"{loaded.id}.xlsx")
    if target.exists() and not force:
        raise OutputError([Problem(display_path(target), None, None, "the file already exists",
                                   "pass --force to overwrite it, or --out another name")])
    target.parent.mkdir(parents=True, exist_ok=True)
    lists = pack_lists(loaded)
    write_atomic(target.parent, target.name, workbook_bytes(lists, loaded.book.language))
    counts = ", ".join(f"{len(getattr(loaded, key))} {key}" for data in lists.values()
                       for key in data if getattr(loaded, key))
    typer.echo(f"wrote {display_path(target)}: {counts}")
    typer.echo(f"in place of {', '.join(lists)}")
