"""A book's reading units in order: declared one by one, as numbered runs, or as `chapters: N`.

Every reference to a place in the book (a quotation's unit, a prompt's or lesson's range, a
part's span) resolves to these units; order, ranges and parts are decided by a unit's index.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlmg_packs.pack import model as m


@dataclass(frozen=True)
class ReadingUnit:
    """One unit of the book, in book order.

    `label` is the pack's own label, or None for a unit of a run labelled by default (the
    composers print those as "Chapter n" in the pack's language)."""

    id: str
    index: int
    """Position in the book, from 0."""
    label: str | None = None
    number: int | None = None
    """Its number within a numbered run; None for a unit declared alone."""
    run: int | None = None
    """Which entry of `book.units` made it (for ranges inside one run, and messages)."""
    range_label: str | None = None
    """The run's pattern for a range, with `{first}` and `{last}`; None for the default."""


def _run(entry: m.Unit, run: int, start: int) -> list[ReadingUnit]:
    first, last = entry.numbered[0], entry.numbered[-1]  # type: ignore[index]
    id_pattern = entry.id or "{n}"
    return [ReadingUnit(id_pattern.replace("{n}", str(n)), start + k,
                        entry.label.replace("{n}", str(n)) if entry.label else None,
                        n, run, entry.range_label)
            for k, n in enumerate(range(first, last + 1))]


def expand_units(book: m.Book) -> list[ReadingUnit]:
    """The book's units in order; entries that cannot make a unit (no id) are skipped here and
    reported by `unit_problems`."""
    if book.units is None:
        return [ReadingUnit(str(n), n - 1, None, n, 0) for n in range(1, (book.chapters or 0) + 1)]
    units: list[ReadingUnit] = []
    for run, entry in enumerate(book.units):
        if entry.numbered:
            if entry.numbered[0] <= entry.numbered[-1]:
                units += _run(entry, run, len(units))
        elif entry.id:
            units.append(ReadingUnit(entry.id, len(units), entry.label, run=run))
    return units


def unit_problems(book: m.Book) -> list[tuple[tuple[str | int, ...], str, str]]:
    """What is wrong with `book.units`, as (key path, message, hint)."""
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    if book.units is None:
        if book.chapters is None:
            found.append((("book",), "the book needs `chapters:` or `units:`",
                          "write `chapters: 23` for chapters 1 to 23, or list its `units:`"))
        return found
    if book.chapters is not None:
        found.append((("book", "chapters"), "`chapters` and `units` are both given",
                      "keep `units:` and delete `chapters:`"))
    for i, entry in enumerate(book.units):
        at: tuple[str | int, ...] = ("book", "units", i)
        if entry.numbered and entry.numbered[0] > entry.numbered[-1]:
            found.append(((*at, "numbered"), f"numbered run {entry.numbered} runs backwards",
                          f"write it as [{entry.numbered[-1]}, {entry.numbered[0]}]"))
        elif entry.numbered:
            if "{n}" not in (entry.id or "{n}") or "{n}" not in (entry.label or "{n}"):
                found.append(((*at, "id" if entry.id and "{n}" not in entry.id else "label"),
                              "a numbered run needs `{n}` in its `id` and `label`",
                              'write e.g. `id: "v1-ch{n}"`, `label: "Chapter {n}"`'))
        elif not entry.id or not entry.label or "{" in entry.id:
            found.append((at, "a unit needs an `id` and a `label`, or `numbered:` for a run",
                          'write e.g. `{id: letter-1, label: "Letter 1"}`'))
        elif entry.range_label:
            found.append(((*at, "range_label"), "`range_label` is only for a numbered run",
                          "delete it, or add `numbered: [first, last]`"))
    return found + _duplicates(expand_units(book))


def _duplicates(units: list[ReadingUnit]) -> list[tuple[tuple[str | int, ...], str, str]]:
    first: dict[str, ReadingUnit] = {}
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    for unit in units:
        if unit.id not in first:
            first[unit.id] = unit
        elif unit.run is not None:
            found.append((("book", "units", unit.run), f"duplicate unit id `{unit.id}`",
                          f"book.units[{first[unit.id].run}] already makes it; give each "
                          "run its own `id` pattern, e.g. \"v2-ch{n}\""))
    return found


def resolve(ref: int | str, by_id: dict[str, ReadingUnit]) -> ReadingUnit | None:
    """The unit a reference names: an id, or a whole number n for the unit `"n"`."""
    return by_id.get(str(ref))
