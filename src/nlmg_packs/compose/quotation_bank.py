"""The quotation bank: every quotation with its context, who speaks, its questions and (for
teachers) its model answer, in book order, part by part."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import (
    cast_list,
    document,
    edition_note,
    origin,
    provenance_note,
    quote_block,
)
from nlmg_packs.compose.speakers import who_answer
from nlmg_packs.pack import Pack

ANSWER_LINES = 3
"""Ruled lines under each question in the student edition."""


def _in_order(pack: Pack) -> list[tuple[int, str | None]]:
    """(quote index, part id) for every quotation, in book order (then file order)."""
    def key(item: tuple[int, object]) -> tuple[int, int]:
        unit = pack.unit(pack.quotes[item[0]].where)
        return (unit.index if unit else len(pack.units), item[0])

    placed = []
    for index, _ in sorted(enumerate(pack.quotes), key=key):
        unit = pack.unit(pack.quotes[index].where)
        part = pack.part_of(unit) if unit else None
        placed.append((index, part.id if part else None))
    return placed


def compose_quotation_bank(pack: Pack, edition: str) -> d.Document:
    """Every quotation of `pack`, so that each one's questions and model answer print."""
    w = labels.words(pack)
    blocks: list[d.Block] = [d.Heading(w(labels.QUOTATION_BANK), 1)]
    if edition == "student":
        blocks.insert(0, d.NameLines(tuple(map(w, labels.NAME_LINES))))
    blocks += edition_note(pack, edition)
    blocks += cast_list(pack)
    current: object = ()
    number = 0
    for index, part_id in _in_order(pack):
        if part_id != current and pack.book.parts:
            current = part_id
            where = next((("book", "parts", i, "title") for i, p in enumerate(pack.book.parts)
                          if p.id == part_id), ("book", "title"))
            title = pack.parts[part_id].title if part_id else pack.book.title
            blocks.append(d.Heading(title, 2, origin(pack, "pack.yaml", where)))
        quote = pack.quotes[index]
        at = ("quotes", index)
        blocks += [quote_block(pack, quote.id, edition),
                   *provenance_note(pack, quote.id, edition),
                   d.Paragraph(w(labels.WHO, answer=who_answer(pack, quote) + "."), "small",
                               origin(pack, "quotes.yaml", (*at, "speaker"))),
                   d.Paragraph(w(labels.CONTEXT, context=quote.context), "small",
                               origin(pack, "quotes.yaml", (*at, "context")))]
        for k, question in enumerate(quote.questions):
            number += 1
            blocks.append(d.Question(number, question,
                                     ANSWER_LINES if edition == "student" else 0,
                                     origin=origin(pack, "quotes.yaml", (*at, "questions", k))))
        if edition == "teacher":
            where = origin(pack, "quotes.yaml", (*at, "model_answer"))
            blocks.append(d.TeacherNote(w(labels.MODEL_ANSWER),
                                        (d.Paragraph(quote.model_answer, origin=where),)))
    return document(pack, w(labels.QUOTATION_BANK),
                    w(labels.BANK_SUBJECT, book=pack.book.title), blocks, edition,
                    ("quotations", "close reading"))
