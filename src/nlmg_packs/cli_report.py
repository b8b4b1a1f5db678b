"""What the build prints: a progress bar on a terminal, plain lines otherwise, or JSON."""

from __future__ import annotations

import json
import sys
from types import TracebackType
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from nlmg_packs.build.run import BuildReport, FileResult


class Reporter:
    """Progress while building, a summary at the end."""

    def __init__(self, quiet: bool, json_out: bool) -> None:
        self.quiet = quiet
        self.json_out = json_out
        self.interactive = sys.stderr.isatty() and not quiet and not json_out

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None

    def progress(self, result: FileResult) -> None:
        if self.quiet or self.json_out:
            return
        if result.status == "up to date":
            return
        line = f"{result.status:>10}  {result.path}"
        if result.note:
            line += f"\n            {result.note}"
        typer.echo(line, err=True)

    def finish(self, report: BuildReport) -> None:
        if self.json_out:
            typer.echo(json.dumps({
                "out": str(report.out),
                "built": report.count("built"),
                "up_to_date": report.count("up to date"),
                "kept": report.count("kept"),
                "files": [{"path": str(report.out / f.path), "kind": f.kind, "format": f.format,
                           "pages": f.pages, "bytes": f.bytes, "status": f.status}
                          for f in report.files],
            }, indent=2))
            return
        kept = report.count("kept")
        if not self.quiet or kept:
            summary = (f"{report.count('built')} built, {report.count('up to date')} up to "
                       f"date" + (f", {kept} kept (edited; new version written beside)"
                                  if kept else "") + f" in {report.out}")
            typer.echo(summary, err=self.quiet)
