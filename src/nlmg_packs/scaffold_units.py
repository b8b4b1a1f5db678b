"""`nlmg-packs new --units`: the book's reading units, read from one short option value.

The grammar (documented in docs/first-pack.md):

- a whole number N: chapters 1 to N, written `chapters: N`;
- otherwise a comma-separated list, in book order, of
  - `A-B` (or `A–B`): a numbered run of chapters A to B, printed "Chapter A"…;
  - `Words A-B`: a numbered run labelled "Words A"…, with ids `words-A`… ("Letter 1-4");
  - `Words` or `Words N`: one unit labelled as written ("Prologue", "Act 1").

A list becomes `book.units` in the pack format (`pack/units.py`): one entry per item.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

MAX_UNITS = 999
"""The most units the starter accepts (the pack format's `chapters` limit)."""

_ITEM = re.compile(r"^(?P<label>[^\d,{}]*?)\s*(?:(?P<first>\d+)\s*(?:[-–]\s*(?P<last>\d+))?)?$")


class UnitsError(ValueError):
    """`--units` cannot be read: `args` are (what is wrong, how to fix it)."""


@dataclass(frozen=True)
class StarterUnits:
    """The reading units a starter pack declares.

    `ids` are the units' ids in book order; `entries` the `book.units` entries (None for a
    plain book of chapters, written `chapters: len(ids)`)."""

    ids: tuple[str, ...]
    entries: tuple[dict[str, object], ...] | None = None


def _slug(words: str, position: int) -> str:
    """An id from a label: ASCII letters and digits joined by hyphens ("Épilogue" → epilogue)."""
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode().lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", plain))
    return slug[:40] or f"unit-{position}"


def _item(text: str, position: int) -> tuple[dict[str, object], list[str]]:
    match = _ITEM.match(text)
    if not text or not match:
        raise UnitsError(f'cannot read "{text}"' if text else "an item is empty",
                         'write items such as 12, 1-12, "Prologue" or "Letter 1-4", '
                         "separated by commas")
    label, first, last = match["label"].strip(), match["first"], match["last"]
    if last is None and first is not None and not label:
        raise UnitsError(f'"{text}" alone in a list is unclear',
                         f"write 1-{first} for chapters 1 to {first}, or Chapter {first} for "
                         "that chapter alone")
    if last is None:
        return {"id": _slug(text, position), "label": text}, [_slug(text, position)]
    low, high = int(first), int(last)
    if low > high:
        raise UnitsError(f'"{text}" runs backwards', "write " + " ".join(
            x for x in (label, f"{high}-{low}") if x))
    if high - low >= MAX_UNITS:
        raise UnitsError(f'"{text}" has over {MAX_UNITS} units', "check the numbers")
    if not label:
        return {"numbered": [low, high]}, [str(n) for n in range(low, high + 1)]
    slug = _slug(label, position)
    return ({"numbered": [low, high], "id": f"{slug}-{{n}}", "label": f"{label} {{n}}"},
            [f"{slug}-{n}" for n in range(low, high + 1)])


def parse_units(value: str) -> StarterUnits:
    """The units `value` describes. Raises UnitsError when it cannot be read, describes fewer
    than two units (the starter's two parts need one each), or names a unit twice."""
    value = value.strip()
    if value.isdigit():
        count = int(value)
        if not 2 <= count <= MAX_UNITS:
            raise UnitsError(f"{count} is not a number of chapters the starter can use",
                             f"give 2 to {MAX_UNITS} chapters, or list the units")
        return StarterUnits(tuple(str(n) for n in range(1, count + 1)))
    entries, ids = [], []
    for position, text in enumerate(value.split(","), start=1):
        entry, made = _item(text.strip(), position)
        entries.append(entry)
        for unit_id in made:
            if unit_id in ids:
                raise UnitsError(f'unit "{unit_id}" comes twice',
                                 "give each item its own name, e.g. \"Letter 1-4,1-24\"")
            ids.append(unit_id)
    if len(ids) < 2:
        raise UnitsError("the book needs at least 2 units", 'add more, e.g. "Prologue,1-12"')
    if len(ids) > MAX_UNITS:
        raise UnitsError(f"{len(ids)} units", f"give at most {MAX_UNITS}")
    return StarterUnits(tuple(ids), tuple(entries))


def _flow(entry: dict[str, object]) -> str:
    """One `book.units` entry as a YAML flow mapping."""
    return "{" + ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}"
                           for key, value in entry.items()) + "}"


def _units_block(units: StarterUnits, placeholder: bool) -> str:
    if units.entries is None:
        comment = "REPLACE: how many" if placeholder else "how many"
        return f"  chapters: {len(units.ids)}             # {comment} chapters the book has"
    lines = ["  # The reading units in order (from --units): one unit {id, label}, or a numbered",
             "  # run {numbered: [first, last], id, label}, whose id and label hold {n}:",
             "  units:"]
    lines += [f"    - {_flow(entry)}" for entry in units.entries]
    return "\n".join(lines)


def starter_references(units: StarterUnits, placeholder: bool = False,
                       spreadsheet: bool = False) -> dict[str, str]:
    """The starter files' `$name` placeholders: `units_block` (the book's chapters or units)
    and each example reference (`part_one`, `opening`...) as `key: value`, pointing at units
    that exist; the two parts split the units in halves.

    A workbook refers to chapters by number only: with `spreadsheet`, the list files' examples
    point at units whose id is a number. Raises UnitsError when there is none."""
    ids, n = units.ids, len(units.ids)
    half = (n + 1) // 2
    plain = units.entries is None or spreadsheet  # chapter numbers in the list files
    pool = [i for i in range(n) if ids[i].isdigit() or not spreadsheet]
    if not pool:
        raise UnitsError("a workbook refers to chapters by number, and these units have none",
                         'add numbered chapters, e.g. "Prologue,1-12", or leave out '
                         "--from-spreadsheet")
    early, late = [i for i in pool if i < half], [i for i in pool if i >= half]

    def ref(at: list[int], single: bool = False, numbers: bool = False) -> str:
        if not at:
            return "# (no unit of this part has a chapter number a workbook can hold)"
        shown = [ids[i] if ids[i].isdigit() else json.dumps(ids[i]) for i in at]
        key = "chapter" if numbers or units.entries is None else "unit"
        if single:
            return f"{key}: {shown[0]}"
        return f"{key}s: [{', '.join(dict.fromkeys(shown))}]"

    return {"units_block": _units_block(units, placeholder),
            "part_one": ref([0, half - 1]), "part_two": ref([half, n - 1]),
            "whole": ref([0, n - 1]), "symbol": ref([min(1, n - 1)]),
            "first_two": ref(early[:2], numbers=plain),
            "later": ref(late[:1] + late[-1:], numbers=plain),
            "opening": ref(pool[:1], single=True, numbers=plain),
            "closing": ref(pool[-2:-1] or pool[-1:], single=True, numbers=plain),
            "source_chapter": ref(pool[-2:-1] or pool[-1:], single=True, numbers=True)
            if ids[(pool[-2:-1] or pool[-1:])[0]].isdigit()
            else "# chapter: the chapter number the source gives, if any"}
