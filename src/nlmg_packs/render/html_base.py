"""State and helpers of the HTML renderer: escaping, inline runs, heading levels, question lists."""

from __future__ import annotations

from html import escape
from itertools import groupby
from operator import attrgetter
from typing import Any, ClassVar

from nlmg_packs import document as d
from nlmg_packs.render.html_style import ink_on
from nlmg_packs.render.inline import parse_inline
from nlmg_packs.render.look import look_for
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.spans import is_rtl_language


def text(value: str) -> str:
    """`value` escaped for element content and attribute values."""
    return escape(value, quote=True)


def runs(value: str) -> str:
    """Inline syntax → `<strong>`/`<em>`, a language span → `<span lang>` (with `dir="rtl"`
    for a right-to-left language; HTML Living Standard §3.2.6.2, §3.2.6.4); everything else
    escaped (never passed through)."""
    parts = []
    for lang, group in groupby(parse_inline(value), key=attrgetter("lang")):
        chunks = []
        for run in group:
            chunk = text(run.text)
            if run.italic:
                chunk = f"<em>{chunk}</em>"
            if run.bold:
                chunk = f"<strong>{chunk}</strong>"
            chunks.append(chunk)
        if lang:
            parts.append(f'<span{language(lang)}>{"".join(chunks)}</span>')
        else:
            parts.extend(chunks)
    return "".join(parts)


def language(tag: str) -> str:
    """The `lang` (and `dir`) attributes of an element in the language `tag`; "" for none."""
    if not tag:
        return ""
    return f' lang="{text(tag)}"' + (' dir="rtl"' if is_rtl_language(tag) else "")


def chip(tag: d.ThemeTag, named: bool = True) -> str:
    """A theme mark: its letter on its colour, in black or white for contrast; the theme's name
    follows for screen readers (visually hidden) unless the context names it already."""
    name = f'<span class="visually-hidden"> ({text(tag.name)})</span>' if named else ""
    return (f'<span class="chip" style="background-color:{tag.colour};color:{ink_on(tag.colour)}"'
            f'>{text(tag.letter)}</span>{name}')


class HtmlDrawing:
    """Holds the document, the output parts and the open question list while drawing."""

    DISPATCH: ClassVar[dict[type, Any]] = {}

    def __init__(self, doc: d.Document, options: RenderOptions) -> None:
        self.doc = doc
        self.options = options
        self.look = look_for(options)
        self.out: list[str] = []
        self.index = 0
        self.in_questions = False
        """A `<ol class="questions">` and its last `<li>` are open."""
        self.last_level = 1
        """The last heading level written (h1 is the document title)."""
        self.section_ids = {i: f"section-{i}" for i, b in enumerate(doc.blocks)
                            if isinstance(b, d.Heading) and b.level == 1}
        covered = any(isinstance(b, d.Cover) for b in doc.blocks)
        self.title_at = None if covered else next(iter(self.section_ids), None)
        """Without a cover, the first level-1 heading is the page's h1 (its title)."""

    def block(self, block: d.Block) -> None:
        """Draw one block through the dispatch table; unknown types raise TypeError."""
        draw = self.DISPATCH.get(type(block))
        if draw is None:
            raise TypeError(f"the HTML renderer cannot draw {type(block).__name__}")
        if self.in_questions and not isinstance(block, d.Question | d.TeacherNote
                                                | d.AnswerLines | d.Choices):
            self.close_questions()
        draw(self, block)

    def close_questions(self) -> None:
        if self.in_questions:
            self.out.append("</li></ol>\n")
            self.in_questions = False

    def heading(self, level: int, content: str, ident: str = "") -> None:
        """An `<hN>` no deeper than one below the last, so headings never skip a level."""
        level = max(2, min(level, self.last_level + 1, 6))
        self.last_level = level
        anchor = f' id="{ident}"' if ident else ""
        self.out.append(f"<h{level}{anchor}>{content}</h{level}>\n")
