"""Render one document to bytes; runs in the main process or a worker."""

from __future__ import annotations

import re

from nlmg_packs.document import Document
from nlmg_packs.render.options import RenderOptions

_PAGE = re.compile(rb"/Type /Page[^s]")


def render_document(doc: Document, fmt: str, options: RenderOptions) -> tuple[bytes, int | None]:
    """The file's bytes, and its page count where the format has one."""
    if fmt == "pdf":
        from nlmg_packs.render.pdf import render_pdf

        data = render_pdf(doc, options)
        return data, len(_PAGE.findall(data))
    from nlmg_packs.render.docx import render_docx

    return render_docx(doc, options), None
