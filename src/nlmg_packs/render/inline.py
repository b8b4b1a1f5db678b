"""The inline syntax every renderer shares: `**bold**`, `*italic*` and language spans
`[Je ne sais quoi]{lang=fr}` (Pandoc's bracketed span with a `lang` attribute); everything
else literal, so `[x]` without `{lang=…}` prints as typed.

A span's text holds no brackets and may hold emphasis; emphasis may hold a span. The pack
model refuses a malformed span or a bad tag (`spans.faults`), so here a `{lang=` that
does not form a span is simply text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlmg_packs.spans import SPAN


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting and one language."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str | None = None
    """The BCP 47 tag of a span in another language; None: the surrounding text's."""


_TOKEN = re.compile(SPAN + r"|\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
                    r"|\*(?=\S)(?P<italic>.+?)(?<=\S)\*")


@lru_cache(maxsize=4096)
def parse_inline(text: str) -> tuple[Run, ...]:
    """Split `text` into runs; unmatched asterisks and brackets stay literal."""
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position:match.start()]))
        span, bold, italic = match.group("span", "bold", "italic")
        if span is not None:
            lang = match.group("lang")
            runs.extend(Run(r.text, r.bold, r.italic, r.lang or lang) for r in parse_inline(span))
        elif bold is not None:
            runs.extend(Run(r.text, True, r.italic, r.lang) for r in parse_inline(bold))
        else:
            runs.extend(Run(r.text, r.bold, True, r.lang) for r in parse_inline(italic))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs)


def plain_text(text: str) -> str:
    """The text as a reader sees it, without the inline markers."""
    return "".join(run.text for run in parse_inline(text))

