"""The quotation bank: every quotation with its context, who speaks, its questions and (for
teachers) its model answer, in book order, part by part.

Each quotation is asked its who-said-it question and its own questions; the student edition
leaves out what those questions ask for (`asked.ASKS`): the speaker in the citation, the
"Who:" line and the context. The teacher edition prints everything."""

from __future__ import annotations

from dataclasses import replace

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
from nlmg_packs.compose.asked import QuestionKind, withheld
from nlmg_packs.compose.speakers import who_answer, who_question
from nlmg_packs.compose.units import where_cited
from nlmg_packs.pack import Pack

ANSWER_LINES = 3
"""Ruled lines under each question in the student edition."""
WHO_FIELDS = frozenset({"speaker", "addressees", "frame"})
"""What the citation's speaker and the "Who:" line tell."""


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
        number = _quotation(pack, index, edition, blocks, number)
    return document(pack, w(labels.QUOTATION_BANK),
                    w(labels.BANK_SUBJECT, book=pack.book.title), blocks, edition,
                    ("quotations", "close reading"))


def _questions(pack: Pack, index: int) -> list[tuple[QuestionKind, str, d.Origin | None]]:
    """The questions the bank asks of quotation `index`: who said it, then its own."""
    quote, at = pack.quotes[index], ("quotes", index)
    return [("who-said-it", who_question(pack, quote), None),
            *(("close-reading", q, origin(pack, "quotes.yaml", (*at, "questions", k)))
              for k, q in enumerate(quote.questions))]


def _quotation(pack: Pack, index: int, edition: str, blocks: list[d.Block], number: int) -> int:
    """Append quotation `index` with its questions to `blocks`; the last question number."""
    w = labels.words(pack)
    quote, at = pack.quotes[index], ("quotes", index)
    asked = _questions(pack, index)
    hidden = withheld(kind for kind, _, _ in asked) if edition == "student" else frozenset()
    block = quote_block(pack, quote.id, edition)
    if hidden & WHO_FIELDS:
        block = replace(block, citation=where_cited(pack, quote))
    if "themes" in hidden:
        block = replace(block, themes=())
    blocks += [block, *provenance_note(pack, quote.id, edition)]
    if not hidden & WHO_FIELDS:
        blocks.append(d.Paragraph(w(labels.WHO, answer=who_answer(pack, quote).rstrip(".") + "."),
                                  "small", origin(pack, "quotes.yaml", (*at, "speaker"))))
    if "context" not in hidden:
        blocks.append(d.Paragraph(w(labels.CONTEXT, context=quote.context), "small",
                                  origin(pack, "quotes.yaml", (*at, "context"))))
    for _, question, where in asked:
        number += 1
        blocks.append(d.Question(number, question, ANSWER_LINES if edition == "student" else 0,
                                 origin=where))
    if edition == "teacher":
        where = origin(pack, "quotes.yaml", (*at, "model_answer"))
        blocks.append(d.TeacherNote(w(labels.MODEL_ANSWER),
                                    (d.Paragraph(quote.model_answer, origin=where),)))
    return number
