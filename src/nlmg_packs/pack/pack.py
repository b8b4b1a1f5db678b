"""The validated pack every later stage reads: the book, its themes and all they hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from nlmg_packs.pack import model as m
from nlmg_packs.pack.loader import LineMap


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
    def _positions(self) -> dict[str, dict[str, int]]:
        return {name: {item.id: i for i, item in enumerate(getattr(self, name))}
                for name in ("quotes", "prompts", "worksheets", "courses")}

    def position(self, collection: str, item_id: str) -> int:
        """Where the item `item_id` stands in `collection` ("quotes", "prompts", "worksheets"
        or "courses"), for key paths into its file; KeyError for an unknown id."""
        return self._positions[collection][item_id]

    @property
    def citation(self) -> str:
        book = self.book
        return book.citation or f"{book.author}, {book.title} ({book.year})"

    def part_of_chapter(self, chapter: int) -> m.Part | None:
        for part in self.book.parts:
            first, last = part.chapters[0], part.chapters[-1]
            if first <= chapter <= last:
                return part
        return None
