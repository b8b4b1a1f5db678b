"""What the build prints: a progress bar on a terminal, plain lines otherwise, or JSON."""

from __future__ import annotations

import json
import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from nlmg_packs.builder.request import BuildReport, FileResult
    from nlmg_packs.errors import Problem


class Reporter:
    """Progress while building, a summary at the end."""

    def __init__(self, quiet: bool, json_out: bool) -> None:
        self.quiet = quiet
        self.json_out = json_out
        self.interactive = sys.stderr.isatty() and not quiet and not json_out
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def planned(self, to_render: int) -> None:
        if not self.interactive or to_render < 2:
            return
        # rich only when a person is watching: it costs ~0.1 s to import.
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bar = Progress(TextColumn("rendering"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), TextColumn("{task.description}"),
                             console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("", total=to_render)
        self._bar.start()

    def rendered(self, relpath: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=relpath)

    def file(self, result: FileResult) -> None:
        if self.quiet or self.json_out or result.status == "up to date":
            return
        line = f"{result.status:>10}  {result.path}"
        if result.note:
            line += f"\n            {result.note}"
        if self._bar is not None:  # above the bar, which stays at the bottom
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(line, err=True)

    def warning(self, problem: Problem) -> None:
        """A warning goes to standard error at once (also with --quiet and --json)."""
        line = f"warning: {problem}"
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(line, err=True)

    def finish(self, report: BuildReport) -> None:
        if self.json_out:
            typer.echo(json.dumps({
                "out": str(report.out),
                "built": report.count("built"),
                "up_to_date": report.count("up to date"),
                "kept": report.count("kept"),
                "removed": report.count("removed"),
                "warnings": [str(w) for w in report.warnings],
                "files": [{"path": str(report.out / f.path), "kind": f.kind, "format": f.format,
                           "pages": f.pages, "bytes": f.bytes, "status": f.status}
                          for f in report.files],
            }, indent=2))
            return
        kept, removed = report.count("kept"), report.count("removed")
        if not self.quiet or kept:
            summary = (f"{report.count('built')} built, {report.count('up to date')} up to "
                       f"date" + (f", {kept} kept (edited; new version written beside)"
                                  if kept else "")
                       + (f", {removed} removed" if removed else "") + f" in {report.out}")
            typer.echo(summary, err=self.quiet)
