"""Load a pack folder into one validated `Pack`, or fail with every problem found."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from nlmg_packs.errors import PackError, Problem, did_you_mean
from nlmg_packs.pack import model as m
from nlmg_packs.pack.loader import LineMap, display_path, load_yaml
from nlmg_packs.pack.pack import Pack
from nlmg_packs.pack.references import check_references
from nlmg_packs.pack.schema_errors import problems_from
from nlmg_packs.pack.sheets import is_sheet_source, read_sheets

IGNORED_NAMES = {"README.md", "LICENSE", "assets", ".DS_Store"}


def load_pack(folder: Path) -> Pack:
    """Read and validate every file of the pack in `folder`."""
    folder = Path(folder)
    problems = _check_folder(folder)
    parsed: dict[str, m.Strict] = {}
    lines: dict[str, LineMap] = {}
    inside = folder.resolve()
    sheets = read_sheets(folder)  # lists kept in spreadsheets, read as their YAML would be
    problems.extend(sheets.problems)
    for name, schema in m.FILES.items():
        path = folder / name
        if path.is_dir():
            problems.append(Problem(display_path(path), None, None, "this is a folder, not a file",
                                    f"{name} must be a YAML file"))
            continue
        if not os.path.lexists(path) and name not in sheets.files:
            continue  # a pipe, a device or a dangling link is not skipped: the loader names it
        if not path.resolve().is_relative_to(inside):
            problems.append(Problem(display_path(path), None, None,
                                    "this file is a link to outside the pack folder",
                                    "copy the file into the pack folder instead of linking it"))
            continue
        try:
            loaded = sheets.files.get(name) or load_yaml(path)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        lines[name] = loaded.lines
        if not isinstance(loaded.data, dict):
            problems.append(loaded.lines.problem((), "expected a mapping of keys at the top",
                                                 f"start the file with `{_top_key(schema)}:`"))
            continue
        try:
            parsed[name] = schema.model_validate(loaded.data)
        except ValidationError as exc:
            problems.extend(problems_from(exc, schema, loaded.lines))
    if "pack.yaml" not in parsed:
        raise PackError(problems)
    pack = Pack(
        id=_pack_id(folder),
        folder=folder,
        meta=parsed["pack.yaml"],  # type: ignore[arg-type]
        prompts=list(getattr(parsed.get("discussion.yaml"), "prompts", [])),
        quotes=list(getattr(parsed.get("quotes.yaml"), "quotes", [])),
        worksheets=list(getattr(parsed.get("worksheets.yaml"), "worksheets", [])),
        courses=list(getattr(parsed.get("courses.yaml"), "courses", [])),
        lines=lines,
        **_apparatus(parsed),
    )
    broken = {name for name in m.FILES
              if ((folder / name).exists() or name in sheets.names) and name not in parsed}
    problems.extend(check_references(pack, broken))
    if problems:
        raise PackError(problems)
    return pack


def _apparatus(parsed: dict[str, m.Strict]) -> dict[str, object]:
    """The Pack fields read from the apparatus files (matter, vocabulary, tests, rubrics)."""
    from nlmg_packs.pack.model_assessment import MatterFile

    fields: dict[str, object] = {"matter": parsed.get("matter.yaml") or MatterFile()}
    for file, names in (("vocabulary.yaml", ("words",)), ("tests.yaml", ("items", "tests")),
                        ("rubrics.yaml", ("rubrics", "assignments"))):
        for name in names:
            fields[name] = list(getattr(parsed.get(file), name, []))
    return fields


def _top_key(schema: type[m.Strict]) -> str:
    return next(iter(schema.model_fields))


def _pack_id(folder: Path) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-")
    return slug or "pack"


def _check_folder(folder: Path) -> list[Problem]:
    """Raise when `folder` is no pack folder; the problems of unknown files in it."""
    shown = display_path(folder)
    if not folder.exists():
        raise PackError([Problem(shown, None, None, "no such pack folder",
                                 "check the path, or run `nlmg-packs list` to see bundled packs")])
    if not folder.is_dir():
        raise PackError([Problem(shown, None, None, "this is a file, not a pack folder",
                                 "pass the folder that holds pack.yaml")])
    if not (folder / "pack.yaml").is_file():
        raise PackError([Problem(shown, None, None, "no pack.yaml in this folder",
                                 "a pack folder needs a pack.yaml; see docs/pack-format.md")])
    problems: list[Problem] = []
    for entry in sorted(folder.iterdir()):
        if entry.name in m.FILES or entry.name in IGNORED_NAMES or entry.name.startswith(".") \
                or is_sheet_source(entry.name):
            continue
        problems.append(Problem(display_path(entry), None, None, "unknown file in the pack",
                                f"a pack holds {', '.join(m.FILES)} (and assets/); "
                                + did_you_mean(entry.name, m.FILES)))
    return problems
