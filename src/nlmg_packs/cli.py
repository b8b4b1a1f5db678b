"""The command line: options in, build/validate/list out. Known errors exit 1 without a traceback.

Exit codes: 0 success, 1 invalid input or output problem, 2 usage error, 3 internal error.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from nlmg_packs import __version__

app = typer.Typer(
    name="nlmg-packs",
    help="Printable teaching packs for novels: PDF handouts and editable DOCX lesson plans "
    "from YAML.\n\nExit codes: 0 success, 1 invalid input or output problem, 2 usage error, "
    "3 internal error (a bug: rerun with --debug).\n\n"
    "Example: nlmg-packs build   (builds the bundled pack into output/)",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_debug = False


class Edition(StrEnum):
    student = "student"
    teacher = "teacher"
    all = "all"


class Format(StrEnum):
    native = "native"
    pdf = "pdf"
    docx = "docx"
    all = "all"


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


class Preset(StrEnum):
    standard = "standard"
    large_print = "large-print"
    dyslexia = "dyslexia"


class Kind(StrEnum):
    guide = "guide"
    worksheets = "worksheets"
    bank = "bank"
    map = "map"
    plans = "plans"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nlmg-packs {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    """Printable teaching packs for novels.

    Example: nlmg-packs build   (builds the bundled Never Let Me Go pack into output/)
    """
    global _debug
    _debug = debug


PackArg = Annotated[list[Path] | None, typer.Argument(
    help="Pack folders, or folders of packs. Default: the bundled pack.", show_default=False,
    metavar="PACK...")]


def _expand(paths: list[Path] | None) -> tuple[Path, ...]:
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


@app.command()
def build(
    packs: PackArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    course: Annotated[list[str] | None, typer.Option(
        "--course", help="Only this course's documents (and the common handouts). Repeatable.")
    ] = None,
    edition: Annotated[Edition, typer.Option(help="Which edition to build.")] = Edition.all,
    fmt: Annotated[Format, typer.Option(
        "--format", help="native: handouts as PDF, lesson plans as DOCX; pdf/docx: everything "
        "in that format; all: both.")] = Format.native,
    only: Annotated[list[Kind] | None, typer.Option(
        "--only", help="Only these kinds of document. Repeatable.")] = None,
    paper: Annotated[Paper | None, typer.Option(
        help="Paper size. Default: the pack's, else the template's.")] = None,
    preset: Annotated[Preset, typer.Option(help="Accessibility preset.")] = Preset.standard,
    fillable: Annotated[bool, typer.Option(
        "--fillable", help="Make PDF answer spaces into form fields students can type in.")
    ] = False,
    template: Annotated[Path | None, typer.Option(
        help="Template folder (branding, fonts, paper). Default: templates/default.")] = None,
    reference_doc: Annotated[Path | None, typer.Option(
        "--reference-doc", help="A .docx whose styles, margins, header and footer the DOCX "
        "files use.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Rebuild everything, overwriting files edited since the last build.")
    ] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop if a generated file was edited, instead of writing beside it.")
    ] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes. Default: the number of CPUs.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    json_out: Annotated[bool, typer.Option(
        "--json", help="Print a machine-readable report on standard output.")] = False,
    zip_out: Annotated[bool, typer.Option(
        "--zip", help="Also write one archive per course, <pack>/<course>.zip, with its "
        "documents, the handouts it uses and a README.txt index.")] = False,
    watch: Annotated[bool, typer.Option(
        "--watch", help="Keep running: rebuild each time a pack or template file is saved. "
        "Ctrl-C stops.")] = False,
) -> None:
    """Build PDF handouts and DOCX lesson plans.

    Output goes to OUT/<pack>/<course or common>/<edition>/<document>.<ext>. Re-runs rebuild
    only what changed.

    Exit codes: 0 built (or already up to date), 1 invalid input or output problem,
    2 usage error, 3 internal error.

    Example: nlmg-packs build packs/never-let-me-go --course bioethics --paper letter
    """
    from nlmg_packs.build.run import run_build
    from nlmg_packs.cli_report import Reporter

    request = _build_request(
        packs=packs, out=out, course=course, edition=edition.value, fmt=fmt.value,
        only=[k.value for k in only or ()], paper=paper.value if paper else None,
        preset=preset.value, fillable=fillable, template=template,
        reference_doc=reference_doc, force=force, strict=strict, jobs=jobs, zip_out=zip_out)
    if watch:
        from nlmg_packs.watch import watch_build

        watch_build(request, lambda: Reporter(quiet=quiet, json_out=json_out), typer.echo)
        return
    reporter = Reporter(quiet=quiet, json_out=json_out)
    try:
        with reporter:
            report = run_build(request, reporter)
    except KeyboardInterrupt:
        typer.echo("interrupted: the files written so far are whole and recorded; "
                   "build again to finish.", err=True)
        raise  # typer exits with 130
    reporter.finish(report)


def _build_request(packs: list[Path] | None, out: Path | str, course: list[str] | None,
                   edition: str, fmt: str, only: list[str], paper: str | None, preset: str,
                   fillable: bool, template: Path | str | None,
                   reference_doc: Path | str | None, force: bool, strict: bool,
                   jobs: int | None, zip_out: bool):  # type: ignore[no-untyped-def]
    """The build request for the `build` command's values (also used by the no-op path)."""
    import os

    from nlmg_packs.build.run import BuildRequest

    editions = {"student", "teacher"} if edition == "all" else {edition}
    return BuildRequest(
        packs=_expand([Path(p) for p in packs or ()]), out=Path(out),
        courses=frozenset(course or ()), editions=frozenset(editions), formats=fmt,
        kinds=frozenset(only), paper=paper, preset=preset, fillable=fillable,
        template=Path(template) if template is not None else None,
        reference_doc=Path(reference_doc) if reference_doc is not None else None,
        force=force, strict=strict, jobs=jobs or os.cpu_count() or 1, zip=zip_out)


def _answer_noop(argv: list[str]) -> bool:
    """Answer a `build` with nothing to do without loading typer's option machinery."""
    from nlmg_packs.build.argv import parse_build

    values = parse_build(argv)
    if values is None:
        return False
    from nlmg_packs.build.run import report_if_current
    from nlmg_packs.cli_report import Reporter

    quiet, json_out = values.pop("quiet"), values.pop("json_out")
    try:
        report = report_if_current(_build_request(force=False, **values))  # type: ignore[arg-type]
    except Exception:  # anything odd: the full path reports it properly
        return False
    if report is None:
        return False
    Reporter(quiet=bool(quiet), json_out=bool(json_out)).finish(report)
    return True


@app.command()
def validate(
    packs: PackArg = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Also fail on quotations not confirmed by two public sources.")] = False,
) -> None:
    """Check packs and report every problem as file:line:col.

    Example: nlmg-packs validate packs/my-novel --strict
    """
    from nlmg_packs.errors import PackError
    from nlmg_packs.pack import load_pack
    from nlmg_packs.pack.loader import display_path
    from nlmg_packs.pack.strict import unverified_quotes
    from nlmg_packs.pack.usage import unused

    problems, warnings = [], []
    for folder in _expand(packs):
        try:
            pack = load_pack(folder)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        warnings.extend(unused(pack))
        unchecked = unverified_quotes(pack)
        if strict:
            problems.extend(unchecked)
        typer.echo(f"{display_path(folder)}: valid — {len(pack.prompts)} prompts, "
                   f"{len(pack.quotes)} quotes, {len(pack.worksheets)} worksheets, "
                   f"{len(pack.courses)} courses, "
                   f"{sum(len(c.lessons) for c in pack.courses)} lessons"
                   + (f"; {len(unchecked)} quotes not yet confirmed by two sources"
                      if unchecked else ""))
    if problems:
        raise PackError(problems)
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


@app.command("list")
def list_documents(packs: PackArg = None) -> None:
    """Show the documents a build would produce.

    Example: nlmg-packs list packs/never-let-me-go
    """
    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.pack import load_pack

    for folder in _expand(packs):
        pack = load_pack(folder)
        typer.echo(f"{pack.id}: {pack.book.title}, by {pack.book.author}")
        for spec in catalogue(pack):
            typer.echo(f"  {spec.kind:<11} {pack.id}/{spec.relpath(spec.native)}")


@app.command()
def schema() -> None:
    """Print a JSON Schema of the pack files, for editors with a YAML language server.

    Example: nlmg-packs schema > pack.schema.json
    """
    import json

    from nlmg_packs.pack.json_schema import pack_json_schema

    typer.echo(json.dumps(pack_json_schema(), indent=2))


@app.command()
def clean(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
) -> None:
    """Remove what the build made in the output folder, and nothing else.

    Example: nlmg-packs clean --out output
    """
    from nlmg_packs.build.clean import clean_output

    cleaned = clean_output(out)
    typer.echo(f"removed {cleaned.removed} file(s) from {out}")
    for relpath in cleaned.kept:
        typer.echo(f"kept {relpath}: edited since it was built", err=True)


def main() -> None:
    """Entry point: run the app, turning known errors into exit code 1."""
    from nlmg_packs.errors import NlmgError, PackError

    try:
        if _answer_noop(sys.argv[1:]):
            return
        app()  # standalone: usage errors print and exit 2 inside
    except NlmgError as exc:
        if _debug:
            raise
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        count = len(exc.problems)
        tail = "; nothing was written." if isinstance(exc, PackError) else "."
        typer.echo(f"{count} problem{'s' if count != 1 else ''} found{tail}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted; files written so far are complete and recorded.", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so briefly unless --debug
        if _debug:
            raise
        typer.echo(f"internal error: {type(exc).__name__}: {exc} — this is a bug in "
                   "nlmg-packs; run again with --debug for the details and report it.", err=True)
        sys.exit(3)


from nlmg_packs.cli_author import export_sheet, new  # noqa: E402  (commands for writing packs)

app.command()(new)
app.command("export-sheet")(export_sheet)
