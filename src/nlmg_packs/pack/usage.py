"""Quotations, prompts and worksheets nothing uses: warnings from `validate`, not errors.

A quotation no worksheet or lesson uses prints only in the quotation bank; a class prompt no lesson
uses only in the discussion guide; a worksheet no lesson hands out is never taught. A pack
without worksheets or courses is not warned about the pieces they would use.
"""

from __future__ import annotations

from nlmg_packs.errors import Problem
from nlmg_packs.pack.loader import LineMap
from nlmg_packs.pack.pack import Pack


def unused(pack: Pack) -> list[Problem]:
    """One warning per quotation, prompt and worksheet that no worksheet or lesson uses."""
    lessons = [lesson for course in pack.courses for lesson in course.lessons]
    quoted = {q for sheet in pack.worksheets for a in sheet.activities for q in a.quotes}
    quoted |= {q for lesson in lessons for q in lesson.quotes}
    found: list[Problem] = []

    def warn(file: str, collection: str, item_id: str, message: str, hint: str) -> None:
        lines = pack.lines.get(file) or LineMap(file)
        at = (collection, pack.position(collection, item_id), "id")
        found.append(lines.problem(at, message, hint))

    if pack.worksheets or lessons:
        for quote in pack.quotes:
            if quote.id not in quoted:
                warn("quotes.yaml", "quotes", quote.id,
                     f"quotation `{quote.id}` is in no worksheet or lesson",
                     "it prints only in the quotation bank; add it to a worksheet's or a "
                     "lesson's `quotes:`")
    if lessons:
        discussed = {p for lesson in lessons for p in lesson.prompts}
        handed_out = {w for lesson in lessons for w in lesson.worksheets}
        for prompt in pack.prompts:
            if prompt.audience == "class" and prompt.id not in discussed:
                warn("discussion.yaml", "prompts", prompt.id,
                     f"prompt `{prompt.id}` is in no lesson",
                     "it prints only in the discussion guide; add it to a lesson's `prompts:`")
        for sheet in pack.worksheets:
            if sheet.id not in handed_out:
                warn("worksheets.yaml", "worksheets", sheet.id,
                     f"worksheet `{sheet.id}` is in no lesson",
                     "add it to a lesson's `worksheets:`, or delete it")
    return found
