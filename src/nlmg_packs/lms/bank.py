"""Question banks: the pack's test items (and its essay assignments) as plain, format-neutral
questions that the QTI, Moodle XML and GIFT writers serialise.

Texts keep the pack's inline syntax (`*italic*`); each writer turns it into its own markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlmg_packs.compose.versions import blank_out, left_text, right_text
from nlmg_packs.lms.labels import WHOLE_NOVEL
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model_assessment import Assignment, Item

KINDS = ("multiple-choice", "multiple-response", "true-false", "matching", "fill-in",
         "short-answer", "essay")


@dataclass(frozen=True)
class Choice:
    """An option of a multiple-choice question, with why it is right or wrong."""

    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class BankItem:
    """One question as every bank format carries it."""

    id: str
    kind: str
    """One of `KINDS`; a multiple-choice item with several right options is "multiple-response"."""
    stem: str
    points: int
    choices: tuple[Choice, ...] = ()
    """Multiple choice/response: options in authored order."""
    truth: bool | None = None
    """True/false: the right answer."""
    answers: tuple[str, ...] = ()
    """Fill-in: the accepted words."""
    pairs: tuple[tuple[str, str], ...] = ()
    """Matching: (left, right) in authored order."""
    feedback: str = ""
    """General feedback shown after answering: a correction, or nothing."""
    grader_info: str = ""
    """For markers only (a model answer, a rubric), never shown to students."""
    category: str = ""
    """The reading unit's title ("Whole novel" for items of the whole book)."""
    tags: tuple[str, ...] = ()
    """Unit, themes and Bloom level, as `unit:…`, `theme:…`, `bloom:…`."""


def bank_item(pack: Pack, item: Item) -> BankItem:
    """The pack's objective item `item` as a bank question."""
    common = dict(id=item.id, points=item.points, category=_unit(pack, item.part),
                  tags=_tags(pack, item.part, item.themes, item.level))
    if item.type == "multiple-choice":
        choices = tuple(Choice(o.text, o.correct, o.rationale or "") for o in item.options)
        kind = "multiple-response" if sum(c.correct for c in choices) > 1 else "multiple-choice"
        return BankItem(kind=kind, stem=item.question or "", choices=choices, **common)
    if item.type == "true-false":
        return BankItem(kind="true-false", stem=item.statement or "", truth=item.answer is True,
                        feedback=item.correction or "", **common)
    if item.type == "matching":
        pairs = tuple((left_text(pack, p), right_text(pack, p)) for p in item.pairs)
        return BankItem(kind="matching", stem=item.question or "", pairs=pairs, **common)
    if item.type == "fill-in":
        quote = pack.quote_by_id[item.quote or ""]
        speaker = pack.characters[quote.speaker].name
        stem = (f"\u201c{blank_out(quote.text, item.blank or '')}\u201d ({speaker}, "
                f"Chapter {quote.chapter})")
        return BankItem(kind="fill-in", stem=stem, answers=(item.blank or "",), **common)
    return BankItem(kind="short-answer", stem=item.question or "",
                    grader_info=str(item.answer or ""), **common)


def essay_item(pack: Pack, task: Assignment) -> BankItem:
    """An essay or project assignment as an essay question; its rubric is the grader's."""
    rubric = pack.rubric_by_id[task.rubric]
    total = rubric.total or sum(max(lv.points for lv in rubric.levels) for _ in rubric.criteria)
    lines = [f"{rubric.title} ({total} points)"]
    for criterion in rubric.criteria:
        levels = "; ".join(f"{lv.name} ({lv.points}): {text}"
                           for lv, text in zip(rubric.levels, criterion.descriptors, strict=False))
        lines.append(f"{criterion.name}: {levels}")
    stem = task.prompt + (f" ({task.length})" if task.length else "")
    return BankItem(id=task.id, kind="essay", stem=stem, points=total,
                    grader_info="\n".join(lines), category=_unit(pack, task.part),
                    tags=_tags(pack, task.part, task.themes, task.level))


def bank_of_test(pack: Pack, test_id: str) -> list[BankItem]:
    """The items of one test, in its authored order."""
    return [bank_item(pack, pack.item_by_id[i]) for i in pack.test_by_id[test_id].items]


def unit_bank(pack: Pack, part: str | None) -> list[BankItem]:
    """Every item and assignment of one reading unit (None: those of the whole novel)."""
    items = [bank_item(pack, i) for i in pack.items if i.part == part]
    return items + [essay_item(pack, t) for t in pack.assignments if t.part == part]


def _unit(pack: Pack, part: str | None) -> str:
    return pack.parts[part].title if part else WHOLE_NOVEL


def _tags(pack: Pack, part: str | None, themes: list[str], level: str) -> tuple[str, ...]:
    unit = _unit(pack, part)
    return (f"unit:{unit}", *(f"theme:{pack.themes[t].name}" for t in themes), f"bloom:{level}")
