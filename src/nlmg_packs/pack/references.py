"""Checks that need the whole pack: ids exist and are unique, chapters fit, minutes add up."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nlmg_packs.errors import Problem, did_you_mean
from nlmg_packs.pack.loader import KeyPath, LineMap
from nlmg_packs.pack.pack import Pack
from nlmg_packs.pack.units import unit_problems

COMMON = "common"
"""The output folder of documents every course shares (compose.naming.COMMON): no course id."""

# Which file defines each kind of id: a reference into a file that failed to load is not checked.
_DEFINED_IN = {"quote": "quotes.yaml", "prompt": "discussion.yaml",
               "worksheet": "worksheets.yaml", "item": "tests.yaml", "rubric": "rubrics.yaml"}


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

    def units(self, file: str, path: KeyPath, refs: list[int | str] | None,
              part_id: str | None = None, word: str = "chapter") -> None:
        """Check a unit or a range of units (`word` names it in messages: chapter or unit)."""
        if not refs:
            return
        pack = self.pack
        found = [self.unit_ref(file, (*path, i), ref, word) for i, ref in enumerate(refs)]
        if None in found:
            return
        if len(refs) == 2 and found[0].index > found[1].index:  # type: ignore[union-attr]
            shown = ", ".join(map(str, refs))
            self.at(file, path, f"{word} range [{shown}] runs backwards",
                    f"write it as [{', '.join(map(str, reversed(refs)))}]")
        part = pack.parts.get(part_id) if part_id else None
        span = pack.part_span(part) if part else None
        if part is not None and span is not None:
            outside = [ref for ref, unit in zip(refs, found, strict=True)
                       if not span[0].index <= unit.index <= span[1].index]  # type: ignore
            if outside:
                inside = (f"chapters {span[0].id}–{span[1].id}" if pack.numbered_chapters
                          else f"units {span[0].id} to {span[1].id}")
                self.at(file, path, f"{word} {outside[0]} is not in {part.title} ({inside})",
                        "correct the " + word + ", or the part this belongs to")

    def unit_ref(self, file: str, path: KeyPath, ref: int | str, word: str) -> object:
        unit = self.pack.unit(ref)
        if unit is not None:
            return unit
        if self.pack.numbered_chapters and isinstance(ref, int):
            last = self.pack.book.chapters or 0
            self.at(file, path, f"{word} {ref} is past the end of the book",
                    f"the book has {last} chapters (book.chapters in pack.yaml)")
        else:
            self.at(file, path, f"unknown unit `{ref}`",
                    did_you_mean(str(ref), list(self.pack.unit_by_id))
                    or "units are declared under book.units in pack.yaml")
        return None

    def either(self, file: str, path: KeyPath, item: Any, keys: tuple[str, str],
               needed: str = "") -> None:
        """`item` may give `keys[0]` (the old key) or `keys[1]`, not both; one if `needed`."""
        old, new = (getattr(item, k) for k in keys)
        if old and new:
            self.at(file, (*path, keys[0]), f"`{keys[0]}` and `{keys[1]}` are both given",
                    f"keep `{keys[1]}:` and delete `{keys[0]}:`")
        elif needed and not old and not new:
            self.at(file, path, f"{needed} needs `{keys[1]}:` or `{keys[0]}:`",
                    f"add `{keys[1]}:` with the id of its reading unit")


def check_references(pack: Pack, broken: set[str] | None = None) -> list[Problem]:
    """Every cross-reference problem in the pack, in file order; `broken` files are skipped."""
    c = _Checker(pack, broken or set())
    _check_book(c)
    _check_prompts(c)
    _check_quotes(c)
    _check_worksheets(c)
    _check_courses(c)
    from nlmg_packs.pack.references_assessment import check_apparatus

    check_apparatus(c)
    return c.problems


def _check_book(c: _Checker) -> None:
    pack, f = c.pack, "pack.yaml"
    c.unique(f, ("book", "parts"), pack.book.parts, "part")
    c.unique(f, ("characters",), pack.meta.characters, "character")
    c.unique(f, ("themes",), pack.meta.themes, "theme")
    c.unique(f, ("symbols",), pack.meta.symbols, "symbol")
    for at, message, hint in unit_problems(pack.book):
        c.at(f, at, message, hint)
    c.unique(f, ("book", "editions"), pack.book.editions, "edition")
    c.unique(f, ("groups",), pack.meta.groups, "group", _ids(pack.meta.characters, "characters"))
    _check_parts(c)
    letters: dict[str, str] = {}
    for i, theme in enumerate(pack.meta.themes):
        letter = theme.letter or theme.name[0].upper()
        if letter in letters:
            c.at(f, ("themes", i, "letter" if theme.letter else "name"),
                 f"themes `{letters[letter]}` and `{theme.id}` share the tag letter {letter}",
                 "set a distinct `letter:` so greyscale prints tell them apart")
        letters[letter] = theme.id
    for key, items in (("characters", pack.meta.characters), ("symbols", pack.meta.symbols)):
        for i, item in enumerate(items):
            c.either(f, (key, i), item, ("chapters", "units"))
            for name in ("chapters", "units"):
                for j, ref in enumerate(getattr(item, name)):
                    c.units(f, (key, i, name, j), [ref], word=name[:-1])
    for i, sym in enumerate(pack.meta.symbols):
        c.refs(f, ("symbols", i, "themes"), sym.themes, pack.themes, "theme")


def _ids(items: Iterable[Any], file_key: str) -> dict[str, str]:
    return {item.id: f"pack.yaml {file_key}[{i}]" for i, item in enumerate(items)}


def _check_parts(c: _Checker) -> None:
    pack, f = c.pack, "pack.yaml"
    previous_end = None
    for i, part in enumerate(pack.book.parts):
        key = "units" if part.units else "chapters"
        c.either(f, ("book", "parts", i), part, ("chapters", "units"), "a part")
        c.units(f, ("book", "parts", i, key), part.span, word=key[:-1])
        span = pack.part_span(part)
        if span is None:
            continue
        if previous_end is not None and span[0].index <= previous_end.index:
            after = (f"chapter {previous_end.id}" if pack.numbered_chapters
                     else f"unit `{previous_end.id}`")
            c.at(f, ("book", "parts", i, key), f"{part.title} overlaps the part before it",
                 f"start it after {after}")
        previous_end = span[1]


def _check_prompts(c: _Checker) -> None:
    pack, f = c.pack, "discussion.yaml"
    c.unique(f, ("prompts",), pack.prompts, "prompt")
    for i, p in enumerate(pack.prompts):
        c.ref(f, ("prompts", i, "part"), p.part, pack.parts, "part")
        c.refs(f, ("prompts", i, "themes"), p.themes, pack.themes, "theme")
        c.either(f, ("prompts", i), p, ("chapters", "units"))
        c.units(f, ("prompts", i, "units" if p.units else "chapters"), p.span, p.part,
                "unit" if p.units else "chapter")


def _check_quotes(c: _Checker) -> None:
    pack, f = c.pack, "quotes.yaml"
    c.unique(f, ("quotes",), pack.quotes, "quote")
    for i, q in enumerate(pack.quotes):
        c.ref(f, ("quotes", i, "addressee"), q.addressee, pack.characters, "character")
        _check_telling(c, ("quotes", i), q)
        c.either(f, ("quotes", i), q, ("addressee", "addressees"))
        c.either(f, ("quotes", i), q, ("chapter", "unit"), "a quotation")
        for j, telling in enumerate(q.frame):
            _check_telling(c, ("quotes", i, "frame", j), telling)
        c.refs(f, ("quotes", i, "themes"), q.themes, pack.themes, "theme")
        key = "unit" if q.unit is not None else "chapter"
        if q.where is not None:
            c.units(f, ("quotes", i, key), [q.where], word=key)
        for j, ref in enumerate(q.pages):
            _check_page_ref(c, ("quotes", i, "pages", j), ref)
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
        if entry.chapter is not None and str(entry.chapter) != str(quote.where):
            key = "chapter" if quote.unit is None else "unit"
            c.at(f, (*path, "chapter"), f"source `{entry.source}` gives chapter {entry.chapter}, "
                 f"but quotation `{quote.id}` says {key} {quote.where}",
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
            c.either(f, path, lesson, ("chapters", "units"))
            c.units(f, (*path, "units" if lesson.units else "chapters"), lesson.span,
                    word="unit" if lesson.units else "chapter")
            total = sum(step.minutes for step in lesson.sequence)
            if total != lesson.minutes:
                diff = lesson.minutes - total
                fix = f"add {diff} minutes" if diff > 0 else f"remove {-diff} minutes"
                c.at(f, (*path, "sequence"), f"the sequence of lesson `{lesson.id}` adds up to "
                     f"{total} minutes, but the lesson is {lesson.minutes}",
                     f"{fix} in its steps, or change `minutes:`")


def _check_telling(c: _Checker, path: KeyPath, telling: Any) -> None:
    """The speaker and addressees of a quotation or of one layer of its frame."""
    pack, f = c.pack, "quotes.yaml"
    people = [*pack.characters, *(g.id for g in pack.meta.groups)]
    c.ref(f, (*path, "speaker"), telling.speaker, pack.characters, "character")
    c.refs(f, (*path, "addressees"), telling.addressees, people, "character or group")


def _check_page_ref(c: _Checker, path: KeyPath, ref: Any) -> None:
    editions = [e.id for e in c.pack.book.editions]
    if not editions:
        c.at("quotes.yaml", path, "a page reference needs an edition to follow",
             "list the edition under `editions:` in pack.yaml's `book:`")
    elif ref.edition is not None:
        c.ref("quotes.yaml", (*path, "edition"), ref.edition, editions, "edition")
    if ref.page is None and ref.line is None:
        c.at("quotes.yaml", path, "a page reference needs a `page:` or a `line:`",
             "add the page number, e.g. `page: 81`")
