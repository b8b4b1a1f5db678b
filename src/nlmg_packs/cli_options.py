"""The command-line options of `build` and `list`, declared once.

Two parsers read this table: typer (through `typer_signature`, which turns it into the
annotated parameters typer expects) and the small no-op parser in `builder/argv.py`, which
answers a re-run with nothing to do before typer's option machinery loads (about 0.2 s).
Both give the same plain values: strings, lists of strings, whole numbers, True/False.
Only the standard library is imported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Opt:
    """One option: its names on the command line and what it accepts."""

    dest: str
    """The parameter's name, and the key of its value."""
    names: tuple[str, ...]
    help: str
    default: object = None
    choices: tuple[str, ...] = ()
    flag: bool = False
    """Takes no value: present means True."""
    repeated: bool = False
    """May be given several times; the value is a list."""
    number: bool = False
    """A whole number, 1 or more."""
    maximum: int | None = None
    """The largest whole number accepted, when `number` has one."""
    path: bool = False


SELECTION = (
    Opt("course", ("--course",), "Only this course's documents (and the common handouts). "
        "Repeatable.", repeated=True),
    Opt("edition", ("--edition",), "Which edition to build.", "all",
        ("student", "teacher", "all")),
    Opt("fmt", ("--format",), "native: handouts as PDF, lesson plans as DOCX; pdf/docx: "
        "everything in that format; all: both; lms: Common Cartridges (lms/<course>.imscc, "
        "-teacher.imscc) and question banks (banks/: Moodle XML, GIFT, QTI zip).", "native",
        ("native", "pdf", "docx", "all", "lms")),
    Opt("only", ("--only",), "Only these kinds of document (cartridges, banks: with "
        "--format lms). Repeatable.",
        choices=("guide", "worksheets", "bank", "map", "plans", "introduction", "vocabulary",
                 "tests", "rubrics", "cartridges", "banks"), repeated=True),
    Opt("versions", ("--versions",), "Versions A, B, … of each test, in shuffled orders, each "
        "with its own answer key (1 to 26).", 1, number=True, maximum=26),
    Opt("zip_out", ("--zip",), "Also write one archive per course, <pack>/<course>.zip, with "
        "its documents, the handouts it uses and a README.txt index.", False, flag=True),
    Opt("cc_version", ("--cc-version",), "Common Cartridge version of --format lms: 1.1 "
        "(Canvas, Moodle, Schoology, Brightspace) or 1.3.", "1.1", ("1.1", "1.3")),
)
"""What a build makes: `build` and `list` take the same selection."""

BUILD = (
    Opt("out", ("--out", "-o"), "Output folder.", "output", path=True),
    *SELECTION,
    Opt("paper", ("--paper",), "Paper size. Default: the pack's, else the template's.",
        choices=("a4", "letter")),
    Opt("preset", ("--preset",), "Accessibility preset.", "standard",
        ("standard", "large-print", "dyslexia")),
    Opt("fillable", ("--fillable",), "Make PDF answer spaces into form fields students can "
        "type in.", False, flag=True),
    Opt("template", ("--template",), "Template folder (branding, fonts, paper). Default: "
        "templates/default.", path=True),
    Opt("reference_doc", ("--reference-doc",), "A .docx whose styles, margins, header and "
        "footer the DOCX files use.", path=True),
    Opt("force", ("--force",), "Rebuild everything, overwriting files edited since the last "
        "build.", False, flag=True),
    Opt("strict", ("--strict",), "Stop if a generated file was edited, instead of writing "
        "beside it.", False, flag=True),
    Opt("jobs", ("--jobs", "-j"), "Worker processes. Default: the number of CPUs.",
        number=True),
    Opt("quiet", ("--quiet", "-q"), "Print only errors.", False, flag=True),
    Opt("json_out", ("--json",), "Print a machine-readable report on standard output.", False,
        flag=True),
    Opt("watch", ("--watch",), "Keep running: rebuild each time a pack or template file is "
        "saved. Ctrl-C stops.", False, flag=True),
)


def defaults(options: tuple[Opt, ...]) -> dict[str, object]:
    """Every option's value when it is not given."""
    return {o.dest: [] if o.repeated else o.default for o in options}


def typer_signature(options: tuple[Opt, ...]):  # type: ignore[no-untyped-def]
    """`inspect.Parameter`s, annotated for typer, for `options` (keyword-only, in order)."""
    import enum
    import inspect
    from pathlib import Path
    from typing import Annotated

    import typer

    params = []
    for o in options:
        default: object = o.default
        if o.flag:
            kind: object = bool
        elif o.choices:
            kind = enum.Enum(o.dest.title().replace("_", ""), [(c, c) for c in o.choices],
                             type=str)
            default = None if o.default is None else kind(o.default)  # type: ignore[operator]
        elif o.number:
            kind = int
        elif o.path:
            kind = Path
            default = None if o.default is None else Path(str(o.default))
        else:
            kind = str
        if o.repeated:
            kind, default = list[kind] | None, None  # type: ignore[valid-type]
        elif default is None and not o.flag:
            kind = kind | None  # type: ignore[operator]
        extra = {"min": 1, "max": o.maximum} if o.number else {}
        info = typer.Option(*o.names, help=o.help, **extra)  # type: ignore[arg-type]
        params.append(inspect.Parameter(o.dest, inspect.Parameter.KEYWORD_ONLY,
                                        default=default, annotation=Annotated[kind, info]))
    return params


def plain(values: dict[str, object]) -> dict[str, object]:
    """Typer's values as the fast parser gives them: enums as strings, lists never None."""
    import enum
    from pathlib import Path

    def one(value: object) -> object:
        if isinstance(value, enum.Enum):
            return value.value
        return str(value) if isinstance(value, Path) else value

    result: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, list):
            result[key] = [one(v) for v in value]
        else:
            result[key] = one(value)
    return result


def expand(paths: list[Path] | None) -> tuple[Path, ...]:
    """The pack folders `paths` name: a folder without pack.yaml stands for the packs in it;
    none at all, for the bundled pack."""
    from nlmg_packs.paths import default_pack

    if not paths:
        return (default_pack(),)
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not (path / "pack.yaml").exists():
            children = sorted(p for p in path.iterdir() if (p / "pack.yaml").is_file())
            found.extend(children or [path])
        else:
            found.append(path)
    return tuple(found)


def build_request(values: dict[str, object]):  # type: ignore[no-untyped-def]
    """The build request for the plain values of `build` (or `list`) options, as
    `cli_options.plain` and the fast parser `builder.argv` give them."""
    import os

    from nlmg_packs.builder.request import BuildRequest

    v = {**defaults(BUILD), **{k: x for k, x in values.items() if x is not None}}
    edition = str(v["edition"])
    optional = {k: Path(str(v[k])) if v[k] is not None else None
                for k in ("template", "reference_doc")}
    return BuildRequest(
        packs=expand([Path(str(p)) for p in v.get("packs") or ()]), out=Path(str(v["out"])),
        courses=frozenset(v["course"] or ()),  # type: ignore[call-overload]
        editions=frozenset({"student", "teacher"} if edition == "all" else {edition}),
        formats=str(v["fmt"]), kinds=frozenset(v["only"] or ()),  # type: ignore[call-overload]
        paper=v["paper"], preset=str(v["preset"]),  # type: ignore[arg-type]
        fillable=bool(v["fillable"]), force=bool(v["force"]), strict=bool(v["strict"]),
        jobs=int(v["jobs"] or os.cpu_count() or 1),  # type: ignore[call-overload]
        zip=bool(v["zip_out"]), versions=int(v["versions"]),  # type: ignore[call-overload]
        cc_version=str(v["cc_version"]),
        **optional)
