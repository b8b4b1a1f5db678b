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
