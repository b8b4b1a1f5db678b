"""What stays together on a page, decided on the document's blocks for both renderers."""

from __future__ import annotations

from nlmg_packs import document as d


def leads_to_question(blocks: tuple[d.Block, ...], position: int) -> bool:
    """Whether `blocks[position]` is a quotation, or a note set under one (its sources), that
    its question follows: a quotation, its citation, its question and the question's first
    answer lines are one unit, never parted by a page break."""
    start = position
    while start >= 0 and _annotation(blocks[start]):
        start -= 1
    if start < 0 or not isinstance(blocks[start], d.Quote):
        return False
    end = position + 1
    while end < len(blocks) and _annotation(blocks[end]):
        end += 1
    return end < len(blocks) and isinstance(blocks[end], d.Question)


INTRO_CHARS = 300
"""A paragraph this short right after a heading is its introduction."""


def introduces(blocks: tuple[d.Block, ...], position: int) -> bool:
    """Whether `blocks[position]` is a heading's short introduction (an activity's
    instructions) with something after it: it stays on the page of what it introduces."""
    block = blocks[position]
    return (isinstance(block, d.Paragraph) and len(block.text) <= INTRO_CHARS
            and 0 < position < len(blocks) - 1 and isinstance(blocks[position - 1], d.Heading))


def _annotation(block: d.Block) -> bool:
    """A small note that belongs to the block before it (a quotation's sources)."""
    return isinstance(block, d.Paragraph) and block.style in ("small", "muted")


def list_item_of(blocks: tuple[d.Block, ...], position: int) -> int | None:
    """The position of the numbered question whose list item `blocks[position]` belongs to,
    or None: consecutive questions are one list, and what belongs to a question sits in its
    item rather than between items. That is what introduces it (a quotation and the notes
    under it, or a note standing in for a quotation, as `leads_to_question`) and what follows
    it before the next item (its options, the grid it asks to fill in, a teacher's note or
    model answer)."""
    block = blocks[position]
    if isinstance(block, d.Question):
        return position
    if leads_to_question(blocks, position) or (_annotation(block)
                                               and _after_item(blocks, position)):
        end = position + 1
        while end < len(blocks) and _annotation(blocks[end]):
            end += 1
        return end if end < len(blocks) and isinstance(blocks[end], d.Question) else None
    if not _follow_up(blocks, position):
        return None
    start = position - 1
    while start >= 0 and _follow_up(blocks, start):
        start -= 1
    return start if start >= 0 and isinstance(blocks[start], d.Question) else None


def _follow_up(blocks: tuple[d.Block, ...], position: int) -> bool:
    """A block that belongs to the question before it: options, a teacher's note, or a grid
    right after a question with no answer lines (the grid is its answer space)."""
    block = blocks[position]
    if isinstance(block, d.Table):
        before = blocks[position - 1] if position else None
        return isinstance(before, d.Question) and not before.lines
    return isinstance(block, (d.TeacherNote, d.Choices))


def _after_item(blocks: tuple[d.Block, ...], position: int) -> bool:
    """Whether the notes ending at `position` come right after a question's item (so a note
    before the next question introduces it, not the section)."""
    before = position - 1
    while before >= 0 and _annotation(blocks[before]):
        before -= 1
    return before >= 0 and (isinstance(blocks[before], d.Question)
                            or _follow_up(blocks, before))
