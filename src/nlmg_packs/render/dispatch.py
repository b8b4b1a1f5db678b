"""Renderers' dispatch tables, built from the document model's one registry of block types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nlmg_packs.document import BLOCK_TYPES, block_name

PREFIX = "draw_"
"""A renderer draws block type `TeacherNote` with its method `draw_teacher_note`."""


def method_name(kind: type) -> str:
    """The name of the method that draws blocks of type `kind`."""
    return PREFIX + block_name(kind)


def missing_methods(renderer: type) -> list[str]:
    """The drawing methods `renderer` lacks, one per block type of `document.BLOCK_TYPES`."""
    return [method_name(kind) for kind in BLOCK_TYPES if not hasattr(renderer, method_name(kind))]


def dispatch_table(renderer: type, fmt: str) -> dict[type, Callable[..., Any]]:
    """Block type → `renderer`'s drawing method, for every type of `document.BLOCK_TYPES`.

    Raises TypeError naming every missing method, so a renderer that cannot draw a block type
    fails when it is imported rather than on the first document that uses it.
    """
    missing = missing_methods(renderer)
    if missing:
        raise TypeError(f"the {fmt} renderer {renderer.__name__} lacks {', '.join(missing)}")
    return {kind: getattr(renderer, method_name(kind)) for kind in BLOCK_TYPES}
