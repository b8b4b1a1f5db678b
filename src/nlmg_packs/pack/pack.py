"""The validated pack every later stage reads: the book, its themes and all they hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from nlmg_packs.pack import model as m
from nlmg_packs.pack import model_assessment as a
from nlmg_packs.pack.loader import LineMap
from nlmg_packs.pack.units import ReadingUnit, expand_units, resolve


@dataclass
class Pack:
    """A validated pack: the book, its themes and everything built from them."""

    id: str
    folder: Path
    meta: m.PackFile
    prompts: list[m.Prompt] = field(default_factory=list)
    quotes: list[m.Quote] = field(default_factory=list)
    worksheets: list[m.Worksheet] = field(default_factory=list)
    courses: list[m.Course] = field(default_factory=list)
    lines: dict[str, LineMap] = field(default_factory=dict)
    matter: a.MatterFile = field(default_factory=a.MatterFile)
    """Introduction, pre-reading and further reading (matter.yaml)."""
    words: list[a.Word] = field(default_factory=list)
    items: list[a.Item] = field(default_factory=list)
    tests: list[a.Test] = field(default_factory=list)
    rubrics: list[a.Rubric] = field(default_factory=list)
    assignments: list[a.Assignment] = field(default_factory=list)
    """Line maps by file name, so later stages can point at the source of a text."""
    labels: dict[str, str] = field(default_factory=dict)
    """The template's replacements for the tool's own words, by English message (set by the
    build from `template.yaml`'s `labels:`; empty when the pack is read on its own)."""

    @property
    def book(self) -> m.Book:
        return self.meta.book

    @cached_property
    def themes(self) -> dict[str, m.Theme]:
        return {t.id: t for t in self.meta.themes}

    @cached_property
    def characters(self) -> dict[str, m.Character]:
        return {c.id: c for c in self.meta.characters}

    @cached_property
    def parts(self) -> dict[str, m.Part]:
        return {p.id: p for p in self.book.parts}

    @cached_property
    def quote_by_id(self) -> dict[str, m.Quote]:
        return {q.id: q for q in self.quotes}

    @cached_property
    def prompt_by_id(self) -> dict[str, m.Prompt]:
        return {p.id: p for p in self.prompts}

    @cached_property
    def worksheet_by_id(self) -> dict[str, m.Worksheet]:
        return {w.id: w for w in self.worksheets}

    @cached_property
    def item_by_id(self) -> dict[str, a.Item]:
        return {i.id: i for i in self.items}

    @cached_property
    def test_by_id(self) -> dict[str, a.Test]:
        return {t.id: t for t in self.tests}

    @cached_property
    def rubric_by_id(self) -> dict[str, a.Rubric]:
        return {r.id: r for r in self.rubrics}

    @cached_property
    def assignment_by_id(self) -> dict[str, a.Assignment]:
        return {x.id: x for x in self.assignments}

    @cached_property
    def _positions(self) -> dict[str, dict[str, int]]:
        return {name: {item.id: i for i, item in enumerate(getattr(self, name))}
                for name in ("quotes", "prompts", "worksheets", "courses", "items", "tests",
                             "rubrics", "assignments")}

    def position(self, collection: str, item_id: str) -> int:
        """Where the item `item_id` stands in `collection` ("quotes", "prompts", "worksheets",
        "courses", "items", "tests", "rubrics" or "assignments"), for key paths into its file;
        KeyError for an unknown id."""
        return self._positions[collection][item_id]

    @property
    def citation(self) -> str:
        book = self.book
        return book.citation or f"{book.author}, {book.title} ({book.year})"

    def part_of_chapter(self, chapter: int) -> m.Part | None:
        unit = self.unit(chapter)
        return self.part_of(unit) if unit else None

    @cached_property
    def units(self) -> list[ReadingUnit]:
        """The book's reading units in order (`chapters: N` makes units "1" to "N")."""
        return expand_units(self.book)

    @cached_property
    def unit_by_id(self) -> dict[str, ReadingUnit]:
        return {u.id: u for u in self.units}

    @property
    def numbered_chapters(self) -> bool:
        """True for a plain book of chapters 1 to N (`book.chapters`, no `units`)."""
        return self.book.units is None

    def unit(self, ref: int | str | None) -> ReadingUnit | None:
        """The unit `ref` names (an id, or n for the unit "n"); None when there is none."""
        return None if ref is None else resolve(ref, self.unit_by_id)

    def span(self, refs: list[int | str] | None) -> tuple[ReadingUnit, ReadingUnit] | None:
        """First and last unit of a range such as `[3, 5]` or `[letter-1]`; None when empty
        or unresolved (references.py reports those)."""
        if not refs:
            return None
        first, last = self.unit(refs[0]), self.unit(refs[-1])
        return (first, last) if first and last else None

    @cached_property
    def _part_spans(self) -> list[tuple[m.Part, int, int]]:
        spans = []
        for part in self.book.parts:
            found = self.span(part.span)
            if found:
                spans.append((part, found[0].index, found[1].index))
        return spans

    def part_of(self, unit: ReadingUnit) -> m.Part | None:
        """The part holding `unit`, if any."""
        return next((part for part, first, last in self._part_spans
                     if first <= unit.index <= last), None)

    def part_span(self, part: m.Part) -> tuple[ReadingUnit, ReadingUnit] | None:
        return self.span(part.span)
