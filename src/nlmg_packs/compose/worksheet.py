"""A quote worksheet: name lines, activities with numbered questions, model answers for teachers."""

from __future__ import annotations

from dataclasses import dataclass, replace

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import (
    document,
    origin,
    provenance_note,
    quote_block,
    tags,
)
from nlmg_packs.compose.speakers import who_answer, who_question
from nlmg_packs.compose.units import edition_notes, where_cited
from nlmg_packs.pack import Pack
from nlmg_packs.pack.loader import KeyPath
from nlmg_packs.pack.model import Activity

DEFAULT_LINES = {"who-said-it": 2, "context": 4, "close-reading": 5, "theme-link": 4,
                 "written-response": 12}


class _Numbering:
    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


def compose_worksheet(pack: Pack, worksheet_id: str, edition: str) -> d.Document:
    """The worksheet `worksheet_id` in the student or teacher edition."""
    index = pack.position("worksheets", worksheet_id)
    sheet = pack.worksheets[index]
    focus = (pack.themes[sheet.theme].name if sheet.theme
             else pack.parts[sheet.part].title if sheet.part else "")
    blocks: list[d.Block] = []
    w = labels.words(pack)
    if edition == "student":
        blocks.append(d.NameLines(tuple(map(w, labels.NAME_LINES))))
    blocks.append(d.Heading(sheet.title, 1,
                            origin(pack, "worksheets.yaml", ("worksheets", index, "title"))))
    if focus:
        blocks.append(d.Paragraph(w("Focus: {focus}", focus=focus), "muted",
                                  origin(pack, "worksheets.yaml",
                                         ("worksheets", index, "theme" if sheet.theme
                                          else "part"))))
    if sheet.intro:
        blocks.append(d.Paragraph(sheet.intro, "lead",
                                  origin(pack, "worksheets.yaml", ("worksheets", index, "intro"))))
    if edition == "teacher":
        quoted = [q for activity in sheet.activities for q in activity.quotes]
        blocks += [d.Paragraph(note, "small", origin(pack, "pack.yaml", ("book", "editions")))
                   for note in edition_notes(pack, quoted)]
    numbers = _Numbering()
    for a_index, activity in enumerate(sheet.activities):
        path = ("worksheets", index, "activities", a_index)
        title = activity.title or w(labels.ACTIVITY_TITLES[activity.type])
        blocks.append(d.Heading(f"{a_index + 1}. {title}", 2,
                                origin(pack, "worksheets.yaml", (*path, "title"))))
        instructions = activity.instructions or w(labels.ACTIVITY_INSTRUCTIONS[activity.type])
        blocks.append(d.Paragraph(instructions, "body",
                                  origin(pack, "worksheets.yaml", (*path, "instructions"))))
        blocks += _activity_blocks(pack, activity, edition, numbers, path)
    return document(pack, sheet.title, w("Quote worksheet: {title}", title=sheet.title), blocks,
                    edition, ("worksheet", focus))


def _activity_blocks(pack: Pack, activity: Activity, edition: str, numbers: _Numbering,
                     path: tuple) -> list[d.Block]:
    lines = activity.lines if activity.lines is not None else DEFAULT_LINES[activity.type]
    if activity.type == "written-response":
        blocks: list[d.Block] = [d.Question(numbers.next(), activity.prompt or "", lines,
                                            origin=origin(pack, "worksheets.yaml",
                                                          (*path, "prompt")))]
        if edition == "teacher" and activity.model_answer:
            where = origin(pack, "worksheets.yaml", (*path, "model_answer"))
            blocks.append(d.TeacherNote(labels.words(pack)(labels.MODEL_ANSWER),
                                        (d.Paragraph(activity.model_answer, origin=where),)))
        return blocks
    blocks = []
    for quote_id in activity.quotes:
        at = ("quotes", pack.position("quotes", quote_id))
        asked = _QUOTE_ACTIVITIES[activity.type](pack, quote_id, at, edition)
        blocks += [asked.quote, *provenance_note(pack, quote_id, edition)]
        blocks += [d.Question(numbers.next(), text, lines, origin=where)
                   for text, where in asked.questions]
        if edition == "teacher":
            where = origin(pack, "quotes.yaml", asked.answer_at)
            blocks.append(d.TeacherNote(labels.words(pack)(labels.MODEL_ANSWER),
                                        (d.Paragraph(asked.answer, origin=where),)))
    return blocks


@dataclass(frozen=True)
class _Asked:
    """What one activity type does with one quotation."""

    quote: d.Quote
    questions: tuple[tuple[str, d.Origin | None], ...]
    answer: str
    """The model answer (teacher edition)."""
    answer_at: KeyPath
    """Where the answer's text comes from in quotes.yaml."""


def _who_said_it(pack: Pack, quote_id: str, at: KeyPath, edition: str) -> _Asked:
    quote, block = pack.quote_by_id[quote_id], quote_block(pack, quote_id, edition)
    answer = who_answer(pack, quote)
    return _Asked(replace(block, citation=where_cited(pack, quote), themes=()),
                  ((who_question(pack, quote), None),),
                  answer.rstrip(".") + f". {quote.context}", (*at, "context"))


def _context(pack: Pack, quote_id: str, at: KeyPath, edition: str) -> _Asked:
    return _Asked(quote_block(pack, quote_id, edition),
                  ((labels.words(pack)("What is happening at this point in the novel, and why "
                                       "does the line matter here?"), None),),
                  pack.quote_by_id[quote_id].context, (*at, "context"))


def _theme_link(pack: Pack, quote_id: str, at: KeyPath, edition: str) -> _Asked:
    quote, block = pack.quote_by_id[quote_id], quote_block(pack, quote_id, edition)
    w = labels.words(pack)
    answer = w("Themes: {names}.", names=", ".join(t.name for t in tags(pack, quote.themes)))
    return _Asked(replace(block, themes=()),
                  ((w("Which theme does this connect to? Explain the link."), None),),
                  f"{answer} {quote.model_answer}", (*at, "model_answer"))


def _close_reading(pack: Pack, quote_id: str, at: KeyPath, edition: str) -> _Asked:
    quote = pack.quote_by_id[quote_id]
    questions = tuple((q, origin(pack, "quotes.yaml", (*at, "questions", k)))
                      for k, q in enumerate(quote.questions))
    return _Asked(quote_block(pack, quote_id, edition), questions, quote.model_answer,
                  (*at, "model_answer"))


_QUOTE_ACTIVITIES = {"who-said-it": _who_said_it, "context": _context,
                     "theme-link": _theme_link, "close-reading": _close_reading}
"""Activity type → what it asks about each of its quotations."""
