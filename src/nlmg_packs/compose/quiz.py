"""A test (or quiz) in one version: the student copy, with a name block and a score box, and the
teacher's copy, with the answer and rationales under each question and the version's key.

Nothing of the key reaches the student edition: answers, corrections and rationales are only
put into `TeacherNote` blocks and the key table, which are composed for the teacher only.
"""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import document, origin, tags
from nlmg_packs.compose.units import span_label
from nlmg_packs.compose.versions import Asked, blank_out, left_text, sections, version_letter
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model_assessment import Item

DEFAULT_LINES = {"true-false": 1, "fill-in": 1, "short-answer": 5, "multiple-choice": 0,
                 "matching": 0}


def points_label(pack: Pack, points: int) -> str:
    """"1 point", "3 points", in the pack's language."""
    return labels.words(pack).plural(labels.POINT, labels.POINTS, points)


def total_points(pack: Pack, test_id: str) -> int:
    """The test's total points: the sum of its items' points (computed, never typed)."""
    return sum(pack.item_by_id[i].points for i in pack.test_by_id[test_id].items)


def compose_test(pack: Pack, test_id: str, edition: str, version: int = 0,
                 versions: int = 1) -> d.Document:
    """Version `version` (0 = A) of the test `test_id`; `versions` > 1 names the version."""
    t_index = pack.position("tests", test_id)
    test, w = pack.tests[t_index], labels.words(pack)
    title = test.title
    if versions > 1:
        title += f" ({w(labels.VERSION, letter=version_letter(version))})"
    total = total_points(pack, test_id)
    blocks: list[d.Block] = []
    if edition == "student":
        blocks += [d.NameLines(tuple(w(x) for x in labels.NAME_LINES))]
    blocks.append(d.Heading(title, 1, origin(pack, "tests.yaml", ("tests", t_index, "title"))))
    facts = [pack.parts[test.part].title if test.part else "",
             w(labels.MINUTES, n=test.minutes) if test.minutes else "", points_label(pack, total)]
    blocks.append(d.Paragraph(" · ".join(f for f in facts if f), "muted"))
    if edition == "student":
        blocks.append(d.ScoreBox(w(labels.SCORE), w(labels.OUT_OF, total=total)))
    if test.instructions:
        blocks.append(d.Paragraph(test.instructions, "lead",
                                  origin(pack, "tests.yaml", ("tests", t_index, "instructions"))))
    laid_out = sections(pack, test, version)
    for kind, asked in laid_out:
        blocks += [d.Heading(w(labels.SECTIONS[kind]), 2),
                   d.Paragraph(w(labels.HOW_TO_ANSWER[kind]), "muted")]
        for question in asked:
            blocks += _question_blocks(pack, question, edition)
    if edition == "teacher":
        blocks += [d.Heading(w(labels.ANSWER_KEY), 1), _key_table(pack, laid_out, total)]
    return document(pack, title, w("Test: {title}", title=title), blocks, edition,
                    ("test", "assessment"))


def _question_blocks(pack: Pack, asked: Asked, edition: str) -> list[d.Block]:
    item, w = asked.item, labels.words(pack)
    at = ("items", pack.position("items", item.id))
    where = origin(pack, "tests.yaml", (*at, _text_field(item)))
    lines = item.lines if item.lines is not None else DEFAULT_LINES[item.type]
    blocks: list[d.Block] = [d.Question(asked.number, _stem(pack, item), lines,
                                        tags(pack, item.themes) if edition == "teacher" else (),
                                        _meta(pack, item, edition), where, marked=True)]
    if item.type == "multiple-choice":
        correct = sum(o.correct for o in item.options)
        blocks.append(d.Choices(tuple(item.options[o].text for o in asked.options),
                                tuple(version_letter(k) for k in range(len(asked.options))),
                                w(labels.TICK_SEVERAL, n=correct) if correct > 1 else ""))
    if item.type == "matching":
        blocks.append(_matching_table(pack, asked))
    if edition == "teacher":
        blocks.append(d.TeacherNote(w(labels.KEY), _answer_blocks(asked)))
    return blocks


def _text_field(item: Item) -> str:
    return {"true-false": "statement", "fill-in": "blank"}.get(item.type, "question")


def _stem(pack: Pack, item: Item) -> str:
    if item.type == "true-false":
        return item.statement or ""
    if item.type == "fill-in":
        quote = pack.quote_by_id[item.quote or ""]
        speaker = pack.characters[quote.speaker].name
        return (f"\u201c{blank_out(quote.text, item.blank or '')}\u201d "
                f"({', '.join(x for x in (speaker, span_label(pack, _at(quote))) if x)})")
    return item.question or labels.words(pack)(labels.SECTIONS[item.type])


def _at(quote) -> list[int | str]:  # type: ignore[no-untyped-def]
    """The quotation's reading unit as a span ([] when it gives none)."""
    return [quote.where] if quote.where is not None else []


def _meta(pack: Pack, item: Item, edition: str) -> str:
    parts = [points_label(pack, item.points)]
    if edition == "teacher":
        parts += [pack.parts[item.part].title if item.part else "",
                  span_label(pack, item.span),
                  labels.words(pack)(item.level.capitalize()),
                  "; ".join(f"{s.framework} {s.code}" for s in item.standards)]
    return " · ".join(p for p in parts if p)


def _matching_table(pack: Pack, asked: Asked) -> d.Table:
    pairs = asked.item.pairs
    rows = []
    for k in range(max(len(asked.lefts), len(asked.rights))):
        left = (f"{k + 1}.", left_text(pack, pairs[asked.lefts[k]]), "____") \
            if k < len(asked.lefts) else ("", "", "")
        right = (f"{version_letter(k)}. {asked.rights[k]}",) if k < len(asked.rights) else ("",)
        rows.append(tuple(d.Cell(text, bold=(c == 0)) for c, text in enumerate((*left, *right))))
    header = tuple(labels.words(pack)(h) for h in labels.MATCH_HEADER)
    return d.Table(header, tuple(rows), widths=(0.6, 6.0, 1.1, 3.0))


def _answer_blocks(asked: Asked) -> tuple[d.Block, ...]:
    item = asked.item
    blocks: list[d.Block] = [d.Paragraph(f"**{asked.answer}**")]
    if item.type == "multiple-choice":
        notes = [f"{version_letter(k)}. {item.options[o].rationale}"
                 for k, o in enumerate(asked.options) if item.options[o].rationale]
        if notes:
            blocks.append(d.BulletList(tuple(notes)))
    return tuple(blocks)


def _key_table(pack: Pack, laid_out: list[tuple[str, list[Asked]]], total: int) -> d.Table:
    w = labels.words(pack)
    rows = [(d.Cell(str(a.number)), d.Cell(a.answer), d.Cell(str(a.item.points)))
            for _, asked in laid_out for a in asked]
    rows.append((d.Cell(""), d.Cell(w(labels.TOTAL), bold=True), d.Cell(str(total), bold=True)))
    return d.Table(tuple(w(h) for h in labels.KEY_HEADER), tuple(rows), widths=(0.7, 8.0, 1.0))
