"""`nlmg-packs new`: write a starter pack that validates and builds as it stands.

The starter files live in `starter/` beside this module: every field with a short comment, one
example of each kind of entry, placeholders written `REPLACE ...`. The pack is written into a
temporary folder beside DIR, loaded with `load_pack` (so a bad title or language tag is reported
like any pack error), and only then renamed to DIR in one step: DIR is never overwritten, and a
failure leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from string import Template

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.scaffold_units import StarterUnits, UnitsError, parse_units, starter_references

STARTER = Path(__file__).with_name("starter")
LIST_FILES = ("discussion.yaml", "quotes.yaml", "worksheets.yaml", "courses.yaml")
WORKBOOK = "lists.xlsx"
"""The workbook `--from-spreadsheet` writes in place of the four list files."""

IMPERIAL_REGIONS = {"US", "CA", "PH", "MX", "CL", "CO", "VE"}
"""Regions whose schools print on Letter paper; the paper when `--paper` is not given."""

DEFAULT_UNITS = StarterUnits(tuple(str(n) for n in range(1, 11)))
"""Without `--units`: ten chapters, marked as a placeholder."""


@dataclass(frozen=True)
class StarterOptions:
    """How `new` shapes the starter pack.

    `units` is the `--units` value (`scaffold_units` grammar; None: ten chapters), `paper`
    `a4` or `letter` (None: from the language's region), `spreadsheet` puts the lists in a
    workbook."""

    language: str = "en-GB"
    units: str | None = None
    paper: str | None = None
    spreadsheet: bool = False


def paper_for(language: str) -> str:
    """`letter` for a Letter-paper region such as en-US or en-CA, else `a4`."""
    region = language.rpartition("-")[2] if "-" in language else ""
    return "letter" if region in IMPERIAL_REGIONS else "a4"


def starter_files(title: str, author: str, language: str, paper: str,
                  units: StarterUnits = DEFAULT_UNITS, spreadsheet: bool = False
                  ) -> dict[str, str]:
    """The starter pack's YAML files by name, with the book's details and units filled in."""
    values = {"title": json.dumps(title, ensure_ascii=False),
              "author": json.dumps(author, ensure_ascii=False),
              "language": json.dumps(language), "paper": paper,
              **starter_references(units, placeholder=units is DEFAULT_UNITS,
                                   spreadsheet=spreadsheet)}
    return {name: Template((STARTER / name).read_text("utf-8")).substitute(values)
            for name in ("pack.yaml", *LIST_FILES)}


def new_pack(target: Path, title: str, author: str,
             options: StarterOptions = StarterOptions()) -> list[str]:
    """Write a starter pack to `target` (a folder that must not exist, or be empty).

    Returns the names of the files written. Raises PackError when `target` exists with files
    in it, when `--units` cannot be read, or when the title, author or language tag would
    make an invalid pack (nothing is written then).
    """
    from nlmg_packs.pack import load_pack
    from nlmg_packs.pack.loader import display_path

    shown = display_path(target)
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise PackError([Problem(shown, None, None, "this folder already exists and is not "
                                 "empty", "choose a new folder name; `new` never overwrites")])
    try:
        units = parse_units(options.units) if options.units is not None else DEFAULT_UNITS
        files = starter_files(title, author, options.language,
                              options.paper or paper_for(options.language), units,
                              options.spreadsheet)
    except UnitsError as exc:
        raise PackError([Problem(shown, None, None, f'--units has an invalid value '
                                 f'"{options.units}": {exc.args[0]}', exc.args[1])]) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".nlmg-new-", dir=target.parent))
    try:
        staged = scratch / target.name
        staged.mkdir()
        for name, text in files.items():
            (staged / name).write_text(text, "utf-8")
        if options.spreadsheet:
            _lists_to_workbook(staged, options.language)
        try:
            load_pack(staged)
        except PackError as exc:
            raise PackError([Problem(shown, None, None, p.message.replace(
                "`title`", "--title").replace("`author`", "--author")
                .replace("`language`", "--language"), p.hint) for p in exc.problems]) from None
        written = sorted(p.name for p in staged.iterdir())
        os.replace(staged, target)  # one step; refuses a folder that gained files meanwhile
    except OSError as exc:
        raise PackError([Problem(shown, None, None, f"cannot create the pack ({exc.strerror})",
                                 "check the folder name and that you may write there")]) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return written


def _lists_to_workbook(folder: Path, language: str) -> None:
    """Move the four list files into one workbook, headers in `language` where translated."""
    from nlmg_packs.pack.loader import load_yaml
    from nlmg_packs.pack.sheet_export import workbook_bytes

    data = {name: load_yaml(folder / name).data for name in LIST_FILES}
    (folder / WORKBOOK).write_bytes(workbook_bytes(data, language, template=True))
    for name in LIST_FILES:
        (folder / name).unlink()
