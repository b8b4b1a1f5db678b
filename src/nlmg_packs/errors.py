"""User-facing errors: every one prints as `file:line:col: what is wrong — how to fix`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located in a file."""

    file: str
    line: int | None
    col: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class NlmgError(Exception):
    """Base of every error the user caused; the CLI prints it and exits 1."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class PackError(NlmgError):
    """The pack (or template) is invalid."""


class OutputError(NlmgError):
    """The output folder cannot be written safely."""


class UsageError(NlmgError):
    """A command-line option names something the packs do not have; the CLI exits 2, as for
    any bad option value."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean `x`?' hint, or a list of what is allowed."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    if not options:
        return "none are defined yet"
    shown = ", ".join(f"`{o}`" for o in options[:8])
    more = f" and {len(options) - 8} more" if len(options) > 8 else ""
    return f"use one of {shown}{more}"
