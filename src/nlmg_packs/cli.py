"""The command line: options in, build/validate/list out. Known errors exit 1 without a traceback.

Exit codes: 0 success, 1 invalid input or output problem, 2 usage error, 3 internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from nlmg_packs import __version__
from nlmg_packs.cli_options import build_request, expand

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


def build(packs: PackArg = None, **options: object) -> None:
    """Build PDF handouts and DOCX lesson plans.

    Output goes to OUT/<pack>/<course or common>/<edition>/<document>.<ext>. Re-runs rebuild
    only what changed.

    Exit codes: 0 built (or already up to date), 1 invalid input or output problem,
    2 usage error, 3 internal error.

    Example: nlmg-packs build packs/never-let-me-go --course bioethics --paper letter
    """
    from nlmg_packs.builder.run import run_build
    from nlmg_packs.cli_options import plain
    from nlmg_packs.cli_report import Reporter

    values = plain({"packs": packs, **options})
    reporter = Reporter(quiet=bool(values.pop("quiet")), json_out=bool(values.pop("json_out")))
    watch = bool(values.pop("watch"))
    request = build_request(values)
    if watch:
        from nlmg_packs.watch import watch_build

        watch_build(request, lambda: Reporter(quiet=reporter.quiet, json_out=reporter.json_out),
                    typer.echo)
        return
    with reporter:  # an interrupt: main() says so and exits 130 (Ctrl-C) or 143 (SIGTERM)
        report = run_build(request, reporter)
    reporter.finish(report)


def _answer_noop(argv: list[str]) -> bool:
    """Answer a `build` with nothing to do without loading typer's option machinery."""
    from nlmg_packs.builder.argv import parse_build

    values = parse_build(argv)
    if values is None:
        return False
    from nlmg_packs.builder.run import report_if_current
    from nlmg_packs.cli_report import Reporter

    reporter = Reporter(quiet=bool(values.pop("quiet")), json_out=bool(values.pop("json_out")))
    # errors here are the same the full path would give: they are reported, not retried
    report = report_if_current(build_request(values), reporter)
    if report is None:
        return False
    reporter.finish(report)
    return True


def _declare(command, options) -> None:  # type: ignore[no-untyped-def]
    """Give `command` the typer parameters declared in `options` (after `packs`)."""
    import inspect

    from nlmg_packs.cli_options import typer_signature

    packs = inspect.Parameter("packs", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None,
                              annotation=PackArg)
    params = [packs, *typer_signature(options)]
    command.__signature__ = inspect.Signature(params)
    command.__annotations__ = {p.name: p.annotation for p in params}


def _register() -> None:
    from nlmg_packs.cli_options import BUILD, SELECTION

    _declare(build, BUILD)
    _declare(list_documents, SELECTION)
    app.command("build")(build)
    app.command("list")(list_documents)


@app.command()
def validate(
    packs: PackArg = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Also fail on quotations not confirmed by two public sources, on "
        "text a ` #` comment cut short, on ids that repeat their file's word "
        "(test-part-one-test.pdf), and on placeholders (REPLACE) left from `new`.")] = False,
) -> None:
    """Check packs and report every problem as file:line:col.

    Example: nlmg-packs validate packs/my-novel --strict
    """
    from nlmg_packs.compose.naming import repeated_words
    from nlmg_packs.errors import PackError
    from nlmg_packs.pack import load_pack
    from nlmg_packs.pack.loader import display_path
    from nlmg_packs.pack.placeholders import placeholders
    from nlmg_packs.pack.strict import unverified_quotes
    from nlmg_packs.pack.usage import unused

    problems, warnings = [], []
    for folder in expand(packs):
        try:
            pack = load_pack(folder)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        warnings.extend(unused(pack))
        unchecked = unverified_quotes(pack)
        cut = [w for lines in pack.lines.values() for w in lines.warnings]
        left = placeholders(pack)
        cut += repeated_words(pack)
        if strict:
            problems.extend(unchecked + cut + left)
        else:
            warnings.extend(cut + left)
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


def list_documents(packs: PackArg = None, **options: object) -> None:
    """Show the files a build with the same options would write, one per line.

    Example: nlmg-packs list packs/never-let-me-go --format all --zip
    """
    from nlmg_packs.builder.listing import listing
    from nlmg_packs.cli_options import plain

    request = build_request(plain({"packs": packs, **options}))
    for pack_id, title, files in listing(request):
        typer.echo(f"{pack_id}: {title}")
        for kind, relpath in files:
            typer.echo(f"  {kind:<12} {relpath}")


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
    from nlmg_packs.builder.clean import clean_output

    cleaned = clean_output(out)
    for problem in cleaned.warnings:
        typer.echo(f"warning: {problem}", err=True)
    typer.echo(f"removed {cleaned.removed} file(s) from {out}")
    for relpath in cleaned.kept:
        typer.echo(f"kept {relpath}: edited since it was built", err=True)


def _run_app() -> None:
    """Run typer; a usage error prints as click prints it, without the validation library's
    "Value error, " prefix, and exits 2."""
    from typer import Abort
    from typer._click.exceptions import ClickException

    try:
        code = app(standalone_mode=False)
    except ClickException as exc:
        exc.message = exc.message.replace("Value error, ", "")
        exc.show()
        sys.exit(exc.exit_code)
    except Abort:
        _if_interrupted()  # click's own answer to an interrupt
        typer.echo("Aborted!", err=True)
        sys.exit(1)
    if code == 130:  # typer's answer to an interrupted command, whichever signal stopped it
        _interrupted()
    if isinstance(code, int) and code:
        sys.exit(code)


_stopped_by: int | None = None  # the signal that stopped the run, once one has


def _stop_like_ctrl_c(signum: int, frame: object) -> None:
    """Stop as Ctrl-C does, remembering the signal for the exit status (128 + its number)."""
    global _stopped_by
    _stopped_by = signum
    raise KeyboardInterrupt


def _if_interrupted() -> None:
    """After an error: if a signal stopped the run, the error is its echo (code that wrapped the
    interrupt in its own error, as a loader or a library may), so report the interrupt."""
    if _stopped_by is not None:
        _interrupted()


def _interrupted() -> NoReturn:
    """Say the run was stopped and exit with the shell's status for the signal: 130 for Ctrl-C
    (SIGINT), 143 for SIGTERM."""
    import os
    import signal

    typer.echo("interrupted: the files written so far are whole and recorded; run the command "
               "again to finish.", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # By here every file is closed and the workers are gone (they also die with this process).
    # os._exit, not sys.exit: CPython makes a process die by SIGINT at exit whenever an interrupt
    # once passed through an eval() (as it can inside a library), whatever status is asked for.
    os._exit(128 + (_stopped_by or signal.SIGINT))


_register()
_build_request = build_request  # the name the no-op parser's tests use


def main() -> None:
    """Entry point: run the app, turning known errors into exit code 1."""
    import signal

    from nlmg_packs.errors import NlmgError, PackError, UsageError

    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)  # `kill` stops a build as Ctrl-C does
    signal.signal(signal.SIGINT, _stop_like_ctrl_c)
    try:
        if _answer_noop(sys.argv[1:]):
            return
        _run_app()
    except UsageError as exc:  # a bad option value found only once the packs are read
        _if_interrupted()
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        sys.exit(2)
    except NlmgError as exc:
        _if_interrupted()
        if _debug:
            raise
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        count = len(exc.problems)
        tail = "; nothing was written." if isinstance(exc, PackError) else "."
        typer.echo(f"{count} problem{'s' if count != 1 else ''} found{tail}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # a bug, not bad input: say so briefly unless --debug
        _if_interrupted()
        if _debug:
            raise
        typer.echo(f"internal error: {type(exc).__name__}: {exc} — this is a bug in "
                   "nlmg-packs; run again with --debug for the details and report it.", err=True)
        sys.exit(3)
    finally:
        # the work is over: a late SIGTERM ends the process plainly, with no traceback
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)


from nlmg_packs.cli_author import export_sheet, new  # noqa: E402  (commands for writing packs)

app.command()(new)
app.command("export-sheet")(export_sheet)

from nlmg_packs.cli_lms import export_lms  # noqa: E402  (learning-platform exports)

app.command("export-lms")(export_lms)
