"""What a build is asked for and what it tells: the request, per-file results and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from nlmg_packs.errors import Problem


@dataclass(frozen=True)
class BuildRequest:
    """What to build and how; the CLI fills it from its options."""

    packs: tuple[Path, ...]
    out: Path
    courses: frozenset[str] = frozenset()
    editions: frozenset[str] = frozenset({"student", "teacher"})
    formats: str = "native"
    kinds: frozenset[str] = frozenset()
    """Empty: every kind."""
    paper: str | None = None
    preset: str = "standard"
    fillable: bool = False
    template: Path | None = None
    reference_doc: Path | None = None
    force: bool = False
    strict: bool = False
    """Stop, instead of writing beside it, when an output was edited since the last build."""
    jobs: int = 1
    zip: bool = False
    """Also write `<pack>/<course>.zip` for each course."""
    versions: int = 1
    """Versions of each test (A, B, …), 1 to 26."""
    cc_version: str = "1.1"
    """Common Cartridge version of `--format lms`: "1.1" or "1.3"."""
    epoch: int | None = None
    """The date stamped into the files, seconds since 1970; None: SOURCE_DATE_EPOCH, else 0."""


@dataclass
class FileResult:
    """One output file and what the build did with it."""

    path: str
    """Relative to the output folder."""
    kind: str
    format: str
    status: str
    """"built", "up to date", "kept" (edited by a user; the new file went beside it), or
    "removed" (made by an earlier build, no longer by the pack)."""
    bytes: int
    pages: int | None = None
    note: str = ""


@dataclass
class BuildReport:
    """Every file a build made, kept or removed, and the warnings it gave."""

    out: Path
    files: list[FileResult] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many files have `status`."""
        return sum(1 for f in self.files if f.status == status)


class Observer(Protocol):
    """Told what happens, for progress output."""

    def planned(self, to_render: int) -> None: ...
    def rendered(self, relpath: str) -> None: ...
    def file(self, result: FileResult) -> None: ...
    def warning(self, problem: Problem) -> None: ...


class Silent:
    """An observer that ignores everything."""

    def planned(self, to_render: int) -> None: ...
    def rendered(self, relpath: str) -> None: ...
    def file(self, result: FileResult) -> None: ...
    def warning(self, problem: Problem) -> None: ...
