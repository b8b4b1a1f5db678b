"""How reading units and page references print: "Letter 2", "Chapters 3–5", "p. 81 in …"."""

from __future__ import annotations

from collections.abc import Sequence

from nlmg_packs.compose import labels
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import PageRef, Quote
from nlmg_packs.pack.units import ReadingUnit


def unit_label(pack: Pack, unit: ReadingUnit) -> str:
    """The unit's own label ("Letter 2"), or "Chapter n" (in the pack's language) for a unit
    labelled by default."""
    if unit.label is not None:
        return unit.label
    return labels.words(pack)(labels.CHAPTER, number=unit.number)


def in_sentence(pack: Pack, unit: ReadingUnit) -> str:
    """The unit as it reads inside a sentence ("chapter 9", "Letter 4")."""
    if unit.label is not None:
        return unit.label
    return labels.words(pack)(labels.CHAPTER_IN_SENTENCE, number=unit.number)


def span_label(pack: Pack, refs: Sequence[int | str] | None) -> str:
    """A unit or range as documents print it: "Chapter 7", "Chapters 3–5", "Letter 1 – Letter 4";
    "" for none."""
    span = pack.span(list(refs or ()))
    if span is None:
        return ""
    first, last = span
    w = labels.words(pack)
    if first.index == last.index:
        return unit_label(pack, first)
    if first.run == last.run and first.number is not None:
        if first.range_label:
            return first.range_label.format(first=first.number, last=last.number)
        if first.label is None:
            return w(labels.CHAPTERS, first=first.number, last=last.number)
    return w(labels.UNIT_RANGE, first=unit_label(pack, first), last=unit_label(pack, last))


def span_in_column(pack: Pack, refs: Sequence[int | str] | None) -> str:
    """A range in a table column headed "Chapters" (plain books: "3–5") or "Reading"."""
    span = pack.span(list(refs or ()))
    if span is None:
        return ""
    if pack.numbered_chapters:
        first, last = span
        return str(first.number) if first == last else f"{first.number}–{last.number}"
    return span_label(pack, refs)


def _numbers(pack: Pack, value: int | str | list[int] | list[int | str], one: str,
             many: str) -> str:
    w = labels.words(pack)
    if isinstance(value, list):
        if len(value) == 1 or value[0] == value[-1]:
            value = value[0]
        else:
            return w(many, first=value[0], last=value[-1])
    return w(one, page=value) if one == labels.PAGE else w(one, line=value)


def page_reference(pack: Pack, ref: PageRef) -> str:
    """ "p. 81 in the Faber 2005 paperback", "ll. 12–14 in …"; "" when the book names no
    edition."""
    editions = {e.id: e.name for e in pack.book.editions}
    if not editions:
        return ""
    name = editions.get(ref.edition or pack.book.editions[0].id, "")
    where = ", ".join(x for x in (
        _numbers(pack, ref.page, labels.PAGE, labels.PAGES) if ref.page is not None else "",
        _numbers(pack, ref.line, labels.LINE, labels.LINES) if ref.line is not None else "")
        if x)
    return labels.words(pack)(labels.IN_EDITION, where=where, edition=name)


def cited_pages(pack: Pack, quote: Quote) -> str:
    """The page reference a handout prints: the one in the book's first edition, else the
    quotation's first; "" when it gives none."""
    if not quote.pages or not pack.book.editions:
        return ""
    first = pack.book.editions[0].id
    chosen = next((r for r in quote.pages if (r.edition or first) == first), quote.pages[0])
    return page_reference(pack, chosen)


def where_cited(pack: Pack, quote: Quote) -> str:
    """"Chapter 7" or "Chapter 7, p. 81 in the Faber 2005 paperback"."""
    return ", ".join(x for x in (span_label(pack, [quote.where] if quote.where else []),
                                 cited_pages(pack, quote)) if x)


def edition_notes(pack: Pack, quote_ids: Sequence[str] | None = None) -> list[str]:
    """The teacher edition's sentences on which edition page references follow, for the
    quotations `quote_ids` (all when None); none when they give no page."""
    quotes = pack.quotes if quote_ids is None else [pack.quote_by_id[q] for q in quote_ids]
    if not pack.book.editions or not any(q.pages for q in quotes):
        return []
    names = {e.id: e.name for e in pack.book.editions}
    first = pack.book.editions[0].id
    used = dict.fromkeys((r.edition or first) for q in quotes for r in q.pages)
    w = labels.words(pack)
    notes = [w(labels.PAGES_FOLLOW, edition=names[first])]
    others = [names[e] for e in used if e != first and e in names]
    if others:
        notes.append(w(labels.PAGES_ALSO, editions=join_names(pack, others)))
    return notes


def join_names(pack: Pack, names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C" (the last joint in the pack's language)."""
    if len(names) <= 1:
        return "".join(names)
    return labels.words(pack)(labels.AND, first=", ".join(names[:-1]), last=names[-1])
