"""The floor: the same documents written by a minimal script straight on reportlab and python-docx.

    python benchmarks/floor.py extract CONTENT.json [PACK]   # text of every document (untimed)
    python benchmarks/floor.py write CONTENT.json OUTDIR      # the timed part

`extract` composes the pack with nlmg-packs and keeps only the text, block by block, so `write`
lays out the same words in the same number of documents, with page breaks and answer space
where the documents have them, but no template, theme, tables, contents or "Page X of Y": what
any tool must at least pay to put these pages on disk. `write` imports nothing from nlmg-packs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def extract(target: Path, pack_dir: Path | None) -> None:
    import dataclasses

    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.document import Origin
    from nlmg_packs.pack import load_pack
    from nlmg_packs.paths import default_pack

    def strings(node: object) -> list[str]:
        if isinstance(node, Origin):
            return []
        if isinstance(node, str):
            return [node] if node and not node.startswith("#") else []
        if dataclasses.is_dataclass(node):
            return [s for f in dataclasses.fields(node) for s in strings(getattr(node, f.name))]
        if isinstance(node, tuple | list):
            return [s for item in node for s in strings(item)]
        return []

    pack = load_pack(pack_dir or default_pack())
    documents = []
    for spec in catalogue(pack):
        doc = spec.compose("pdf")
        paragraphs = []
        for block in doc.blocks:
            kind = type(block).__name__
            if kind == "Table":
                paragraphs += [["row", " | ".join(strings(row))] for row in block.rows]
            elif kind in ("PageBreak", "Cover", "Contents"):
                paragraphs += [["para", " ".join(strings(block))], ["break", ""]]
            else:
                paragraphs.append(["heading" if kind == "Heading" else "para",
                                   " ".join(strings(block))])
                lines = getattr(block, "lines", 0) or getattr(block, "count", 0)
                if isinstance(lines, int) and lines:
                    paragraphs.append(["space", str(lines)])  # answer lines
        documents.append({"path": spec.relpath(spec.native), "title": doc.title,
                          "blocks": paragraphs})
    target.write_text(json.dumps(documents), "utf-8")


def write(content: Path, out: Path) -> None:
    import io
    from xml.sax.saxutils import escape

    import docx
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    rl_config.invariant = 1
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
    styles = getSampleStyleSheet()
    body, heading = styles["BodyText"], styles["Heading2"]
    body.fontName, heading.fontName = "Vera", "VeraBd"

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("Vera", 8)
        canvas.drawString(72, 30, f"Page {doc.page}")

    for document in json.loads(content.read_text("utf-8")):
        path = out / document["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        if path.suffix == ".pdf":
            story = [Paragraph(escape(document["title"]), styles["Title"])]
            for kind, text in document["blocks"]:
                if kind == "break":
                    story.append(PageBreak())
                elif kind == "space":
                    story.append(Spacer(1, 22 * int(text)))
                else:
                    story.append(Paragraph(escape(text),
                                           heading if kind == "heading" else body))
                    story.append(Spacer(1, 4))
            SimpleDocTemplate(buffer, pagesize=A4, title=document["title"]).build(
                story, onFirstPage=footer, onLaterPages=footer)
        else:
            word = docx.Document()
            word.add_heading(document["title"], 0)
            for kind, text in document["blocks"]:
                if kind == "heading":
                    word.add_heading(text, 2)
                elif kind == "break":
                    word.add_page_break()
                elif kind == "space":
                    for _ in range(int(text)):
                        word.add_paragraph("")
                else:
                    word.add_paragraph(text)
            word.save(buffer)
        path.write_bytes(buffer.getvalue())


if __name__ == "__main__":
    if sys.argv[1] == "extract":
        extract(Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
    else:
        write(Path(sys.argv[2]), Path(sys.argv[3]))
