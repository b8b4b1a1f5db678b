"""Pack text (with its inline syntax) as an HTML fragment, for formats that carry HTML."""

from __future__ import annotations

from nlmg_packs.render.html_base import runs


def html_text(text: str) -> str:
    """`text` as escaped HTML with `<strong>`/`<em>`, paragraphs at blank lines."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) <= 1:
        return runs(text).replace("\n", "<br>")
    return "".join(f"<p>{runs(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
