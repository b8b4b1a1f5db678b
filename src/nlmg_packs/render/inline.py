"""The inline syntax both renderers share: `**bold**` and `*italic*`, everything else literal."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


_TOKEN = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)(.+?)(?<=\S)\*")


@lru_cache(maxsize=4096)
def parse_inline(text: str) -> tuple[Run, ...]:
    """Split `text` into runs; unmatched asterisks stay literal."""
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position:match.start()]))
        bold, italic = match.group(1), match.group(2)
        if bold is not None:
            runs.extend(Run(r.text, bold=True, italic=r.italic) for r in parse_inline(bold))
        else:
            runs.extend(Run(r.text, bold=r.bold, italic=True) for r in parse_inline(italic))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs)


def plain_text(text: str) -> str:
    """The text as a reader sees it, without the inline markers."""
    return "".join(run.text for run in parse_inline(text))
