"""Checks that need the whole pack: ids exist and are unique, chapters fit, minutes add up."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nlmg_packs.errors import Problem, did_you_mean
from nlmg_packs.pack.loader import KeyPath, LineMap
from nlmg_packs.pack.pack import Pack

COMMON = "common"
"""The output folder of documents every course shares (compose.naming.COMMON): no course id."""

# Which file defines each kind of id: a reference into a file that failed to load is not checked.
_DEFINED_IN = {"quote": "quotes.yaml", "prompt": "discussion.yaml",
               "worksheet": "worksheets.yaml"}


class _Checker:
    def __init__(self, pack: Pack, broken: set[str]) -> None:
        self.pack = pack
        self.broken = broken
        self.problems: list[Problem] = []

    def at(self, file: str, path: KeyPath, message: str, hint: str = "") -> None:
        lines = self.pack.lines.get(file) or LineMap(file)
        self.problems.append(lines.problem(path, message, hint))

    def unique(self, file: str, top: KeyPath, items: Iterable[Any], what: str,
               seen: dict[str, str] | None = None) -> None:
        seen = {} if seen is None else seen
        for index, item in enumerate(items):
            if item.id in seen:
                self.at(file, (*top, index, "id"), f"duplicate {what} id `{item.id}`",
                        f"ids must be unique; {seen[item.id]} already uses it")
            else:
                seen[item.id] = f"{file} {'.'.join(map(str, top))}[{index}]"

    def ref(self, file: str, path: KeyPath, value: str | None, known: Iterable[str],
            what: str) -> None:
        if value is None or _DEFINED_IN.get(what) in self.broken:
            return
        known = list(known)
        if value not in known:
            self.at(file, path, f"unknown {what} `{value}`", did_you_mean(value, known))

    def refs(self, file: str, path: KeyPath, values: Iterable[str], known: Iterable[str],
             what: str) -> None:
        known = list(known)
        for index, value in enumerate(values):
            self.ref(file, (*path, index), value, known, what)

    def chapters(self, file: str, path: KeyPath, chapters: list[int] | None,
                 part_id: str | None = None) -> None:
        if not chapters:
            return
        last = self.pack.book.chapters
        for index, chapter in enumerate(chapters):
            if chapter > last:
                self.at(file, (*path, index), f"chapter {chapter} is past the end of the book",
                        f"the book has {last} chapters (book.chapters in pack.yaml)")
        if len(chapters) == 2 and chapters[0] > chapters[1]:
            self.at(file, path, f"chapter range {chapters} runs backwards",
                    f"write it as [{chapters[1]}, {chapters[0]}]")
        part = self.pack.parts.get(part_id) if part_id else None
        if part is not None:
            first, end = part.chapters[0], part.chapters[-1]
            outside = [c for c in chapters if not first <= c <= end]
            if outside:
                self.at(file, path, f"chapter {outside[0]} is not in {part.title} "
                        f"(chapters {first}–{end})",
                        "correct the chapter, or the part this belongs to")


def check_references(pack: Pack, broken: set[str] | None = None) -> list[Problem]:
    """Every cross-reference problem in the pack, in file order; `broken` files are skipped."""
    c = _Checker(pack, broken or set())
    _check_book(c)
    _check_prompts(c)
    _check_quotes(c)
    _check_worksheets(c)
    _check_courses(c)
    return c.problems


def _check_book(c: _Checker) -> None:
    pack, f = c.pack, "pack.yaml"
    c.unique(f, ("book", "parts"), pack.book.parts, "part")
    c.unique(f, ("characters",), pack.meta.characters, "character")
    c.unique(f, ("themes",), pack.meta.themes, "theme")
    c.unique(f, ("symbols",), pack.meta.symbols, "symbol")
    previous_end = 0
    for i, part in enumerate(pack.book.parts):
        c.chapters(f, ("book", "parts", i, "chapters"), part.chapters)
        if part.chapters[0] <= previous_end:
            c.at(f, ("book", "parts", i, "chapters"), f"{part.title} overlaps the part before it",
                 f"start it after chapter {previous_end}")
        previous_end = part.chapters[-1]
    letters: dict[str, str] = {}
    for i, theme in enumerate(pack.meta.themes):
        letter = theme.letter or theme.name[0].upper()
        if letter in letters:
            c.at(f, ("themes", i, "letter" if theme.letter else "name"),
                 f"themes `{letters[letter]}` and `{theme.id}` share the tag letter {letter}",
                 "set a distinct `letter:` so greyscale prints tell them apart")
        letters[letter] = theme.id
    for i, ch in enumerate(pack.meta.characters):
        c.chapters(f, ("characters", i, "chapters"), ch.chapters[:1] + ch.chapters[-1:])
    for i, sym in enumerate(pack.meta.symbols):
        c.refs(f, ("symbols", i, "themes"), sym.themes, pack.themes, "theme")
        for j, chapter in enumerate(sym.chapters):
            c.chapters(f, ("symbols", i, "chapters", j), [chapter])


def _check_prompts(c: _Checker) -> None:
    pack, f = c.pack, "discussion.yaml"
    c.unique(f, ("prompts",), pack.prompts, "prompt")
    for i, p in enumerate(pack.prompts):
        c.ref(f, ("prompts", i, "part"), p.part, pack.parts, "part")
        c.refs(f, ("prompts", i, "themes"), p.themes, pack.themes, "theme")
        c.chapters(f, ("prompts", i, "chapters"), p.chapters, p.part)


def _check_quotes(c: _Checker) -> None:
    pack, f = c.pack, "quotes.yaml"
    c.unique(f, ("quotes",), pack.quotes, "quote")
    for i, q in enumerate(pack.quotes):
        c.ref(f, ("quotes", i, "speaker"), q.speaker, pack.characters, "character")
        c.ref(f, ("quotes", i, "addressee"), q.addressee, pack.characters, "character")
        c.refs(f, ("quotes", i, "themes"), q.themes, pack.themes, "theme")
        c.chapters(f, ("quotes", i, "chapter"), [q.chapter])
        if q.source.verified and not q.source.edition:
            c.at(f, ("quotes", i, "source", "verified"),
                 "a verified quote must say which edition it was checked against",
                 "add `edition:` under `source:`")
        _check_provenance(c, i)


def _check_provenance(c: _Checker, index: int) -> None:
    """The sources confirming a quotation are independent and agree on its chapter."""
    quote, f = c.pack.quotes[index], "quotes.yaml"
    seen: set[str] = set()
    for j, entry in enumerate(quote.source.provenance):
        path = ("quotes", index, "source", "provenance", j)
        page = entry.url.split("://", 1)[1].removeprefix("www.").rstrip("/").casefold()
        if entry.source.casefold() in seen or page in seen:
            c.at(f, (*path, "source"), f"`{entry.source}` is cited twice for quotation "
                 f"`{quote.id}`; its sources must be independent",
                 "replace one with a source from another publisher")
        seen |= {entry.source.casefold(), page}
        if entry.chapter is not None and entry.chapter != quote.chapter:
            c.at(f, (*path, "chapter"), f"source `{entry.source}` gives chapter {entry.chapter}, "
                 f"but quotation `{quote.id}` says chapter {quote.chapter}",
                 "check the chapter, then correct the quotation's `chapter:` or the source's")


def _check_worksheets(c: _Checker) -> None:
    pack, f = c.pack, "worksheets.yaml"
    c.unique(f, ("worksheets",), pack.worksheets, "worksheet")
    for i, ws in enumerate(pack.worksheets):
        c.ref(f, ("worksheets", i, "theme"), ws.theme, pack.themes, "theme")
        c.ref(f, ("worksheets", i, "part"), ws.part, pack.parts, "part")
        for j, act in enumerate(ws.activities):
            path = ("worksheets", i, "activities", j)
            c.refs(f, (*path, "quotes"), act.quotes, pack.quote_by_id, "quote")
            if act.type == "written-response" and not act.prompt:
                c.at(f, path, "a written-response activity needs a `prompt:`",
                     "add the task students write about")
            if act.type != "written-response" and not act.quotes:
                c.at(f, path, f"a {act.type} activity needs `quotes:`",
                     "list the ids of the quotes it works on")


def _check_courses(c: _Checker) -> None:
    pack, f = c.pack, "courses.yaml"
    c.unique(f, ("courses",), pack.courses, "course")
    lesson_ids: dict[str, str] = {}
    for i, course in enumerate(pack.courses):
        if course.id == COMMON:
            c.at(f, ("courses", i, "id"), f"the course id `{COMMON}` is reserved",
                 f"documents shared by every course go in `{COMMON}/`; choose another id")
        c.refs(f, ("courses", i, "themes"), course.themes, pack.themes, "theme")
        c.unique(f, ("courses", i, "lessons"), course.lessons, "lesson", lesson_ids)
        for j, lesson in enumerate(course.lessons):
            path = ("courses", i, "lessons", j)
            c.refs(f, (*path, "worksheets"), lesson.worksheets, pack.worksheet_by_id, "worksheet")
            c.refs(f, (*path, "prompts"), lesson.prompts, pack.prompt_by_id, "prompt")
            c.refs(f, (*path, "quotes"), lesson.quotes, pack.quote_by_id, "quote")
            c.chapters(f, (*path, "chapters"), lesson.chapters)
            total = sum(step.minutes for step in lesson.sequence)
            if total != lesson.minutes:
                diff = lesson.minutes - total
                fix = f"add {diff} minutes" if diff > 0 else f"remove {-diff} minutes"
                c.at(f, (*path, "sequence"), f"the sequence of lesson `{lesson.id}` adds up to "
                     f"{total} minutes, but the lesson is {lesson.minutes}",
                     f"{fix} in its steps, or change `minutes:`")
