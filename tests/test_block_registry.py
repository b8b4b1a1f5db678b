"""One registry of block types: every renderer draws every type of the `Block` union.

The types are read from the union itself (not from a list kept beside it), so a block type
added to the document model without a `draw_<block>` method in each renderer fails here.
"""

from __future__ import annotations

import importlib
from typing import get_args

import pytest

from nlmg_packs import document as d
from nlmg_packs.render.dispatch import method_name, missing_methods
from tests.sample_documents import every_block

RENDERERS = [("nlmg_packs.render.pdf", "PdfRenderer"), ("nlmg_packs.render.docx", "DocxRenderer"),
             ("nlmg_packs.render.html", "HtmlRenderer")]


def test_the_registry_is_the_block_union():
    assert set(d.BLOCK_TYPES) == set(get_args(d.Block))


@pytest.mark.parametrize(("module", "name"), RENDERERS)
def test_every_renderer_draws_every_block_type(module: str, name: str) -> None:
    renderer = getattr(importlib.import_module(module), name)
    missing = [method_name(kind) for kind in get_args(d.Block)
               if not callable(getattr(renderer, method_name(kind), None))]
    assert missing == []
    assert set(renderer.DISPATCH) == set(get_args(d.Block))


def test_a_renderer_without_a_method_is_named():
    class Partial:
        def draw_heading(self) -> None: ...

    missing = missing_methods(Partial)
    assert "draw_heading" not in missing and "draw_teacher_note" in missing
    assert len(missing) == len(get_args(d.Block)) - 1


def test_the_sample_document_holds_every_block_type():
    """So the renderer tests, which draw this document, exercise every drawing method."""
    def kinds(blocks):
        for block in blocks:
            yield type(block)
            if isinstance(block, d.TeacherNote):
                yield from kinds(block.blocks)

    assert set(kinds(every_block("teacher").blocks)) == set(get_args(d.Block))
