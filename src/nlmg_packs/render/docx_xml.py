"""Raw WordprocessingML that python-docx has no API for: fields, numbering, shading, borders."""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


def hex6(colour: str) -> str:
    """"#1f3a5f" → "1F3A5F", the form WordprocessingML wants."""
    return colour.lstrip("#").upper()


def element(tag: str, **attrs: str) -> OxmlElement:
    """A new `w:` element with `w:` attributes (`w_val="x"` → `w:val="x"`)."""
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(key.replace("_", ":", 1)), str(value))
    return node


def insert(parent, node, before: tuple[str, ...] = ()):
    """Put `node` into `parent` ahead of the first child named in `before` (schema order)."""
    for name in before:
        anchor = parent.find(qn(name))
        if anchor is not None:
            anchor.addprevious(node)
            return node
    parent.append(node)
    return node


def replace(parent, node, before: tuple[str, ...] = ()):
    """Insert `node`, removing any existing child of the same tag first."""
    old = parent.find(node.tag)
    if old is not None:
        parent.remove(old)
    return insert(parent, node, before)


# -- fields ---------------------------------------------------------------------------------

def simple_field(paragraph, instruction: str, placeholder: str = "1"):
    """Append a `w:fldSimple` (PAGE, NUMPAGES...) with a cached result to `paragraph`."""
    field = element("w:fldSimple", w_instr=f" {instruction} ")
    run = element("w:r")
    text = element("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    return field


def field_char(paragraph, kind: str) -> None:
    """Append a run holding `w:fldChar` of type begin / separate / end."""
    run = element("w:r")
    run.append(element("w:fldChar", w_fldCharType=kind))
    paragraph._p.append(run)


def field_instruction(paragraph, instruction: str) -> None:
    run = element("w:r")
    text = element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run.append(text)
    paragraph._p.append(run)


# -- paragraph and cell formatting -----------------------------------------------------------

_PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                     "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                     "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                     "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                     "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                     "w:pPrChange")


# python-docx places a new child element by searching for each element that may follow it,
# which makes building paragraphs and runs slow. These helpers write the same XML as its API
# (the comments name the call each stands for), putting elements where they always go.

def add_run(paragraph, text: str):
    """`paragraph.add_run(text)`: a run at the end, tabs and line breaks as their elements."""
    from docx.text.run import Run

    r = element("w:r")
    paragraph._p.append(r)
    for piece in _RUN_BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            r.append(element("w:tab"))
        elif piece in ("\r", "\n"):
            r.append(element("w:br"))
        else:
            t = element("w:t")
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_SPACE, "preserve")
            r.append(t)
    return Run(r, paragraph)


def format_new_run(run, style_id: str | None = None, bold: bool = False,
                   italic: bool | None = None) -> None:
    """For a run just added: `run.style = <the style with id style_id>` (when given), then
    `run.bold = True` and `run.italic = italic` (True, or False against an italic paragraph
    style; None leaves it to the style), in schema order."""
    rPr = element("w:rPr")
    run._r.insert(0, rPr)
    if style_id is not None:
        rPr.append(element("w:rStyle", w_val=style_id))
    if bold:
        rPr.append(element("w:b"))
    if italic:
        rPr.append(element("w:i"))
    elif italic is False:
        rPr.append(element("w:i", w_val="0"))


def _pPr(p):
    """`p.get_or_add_pPr()`: `w:pPr` is always a paragraph's first child."""
    pPr = p.find(_PPR)
    if pPr is None:
        pPr = element("w:pPr")
        p.insert(0, pPr)
    return pPr


def keep_with_next(p, keep: bool) -> None:
    """`paragraph.paragraph_format.keep_with_next = keep` (True or False)."""
    pPr = _pPr(p)
    node = pPr.find(_KEEP_NEXT)
    if node is None:
        node = element("w:keepNext")
        pPr.insert(1 if len(pPr) and pPr[0].tag == _PSTYLE else 0, node)
    if keep:
        node.attrib.pop(_VAL, None)
    else:
        node.set(_VAL, "0")


def paragraph_style(p, style_id: str | None) -> None:
    """`paragraph.style = <the style with id style_id>` (None: the default style, applied by
    writing no `w:pStyle`, though a `w:pPr` all the same)."""
    pPr = _pPr(p)
    pStyle = pPr.find(_PSTYLE)
    if style_id is None:
        if pStyle is not None:
            pPr.remove(pStyle)
        return
    if pStyle is None:
        pStyle = element("w:pStyle")
        pPr.insert(0, pStyle)
    pStyle.set(_VAL, style_id)


_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_KEEP_NEXT, _SPACE = qn("w:keepNext"), qn("xml:space")
_RUN_BREAKS = re.compile("([\t\r\n])")


def paragraph_borders(pPr, colour: str, sides: dict[str, int], space: int = 4) -> None:
    """Give a paragraph (or paragraph style) `w:pBdr` borders: side → width in eighths of a pt."""
    borders = replace(pPr, element("w:pBdr"), before=_PPR_AFTER_BORDER)
    for side in ("top", "left", "bottom", "right", "between"):
        if side in sides:
            borders.append(element(f"w:{side}", w_val="single", w_sz=str(sides[side]),
                                   w_space=str(space), w_color=hex6(colour)))


def paragraph_shading(pPr, fill: str) -> None:
    replace(pPr, element("w:shd", w_val="clear", w_color="auto", w_fill=hex6(fill)),
            before=_PPR_AFTER_BORDER[1:])


def run_shading(run, fill: str) -> None:
    """Shade one run (a theme chip)."""
    rPr = run._r.get_or_add_rPr()
    rPr.append(element("w:shd", w_val="clear", w_color="auto", w_fill=hex6(fill)))


def cell_shading(cell, fill: str) -> None:
    replace(cell._tc.get_or_add_tcPr(),
            element("w:shd", w_val="clear", w_color="auto", w_fill=hex6(fill)),
            before=("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                    "w:hideMark"))


def cell_borders(cell, colour: str, sides: dict[str, int]) -> None:
    """Cell borders: side → width in eighths of a point (0 for none)."""
    borders = replace(cell._tc.get_or_add_tcPr(), element("w:tcBorders"),
                      before=("w:shd", "w:noWrap", "w:tcMar", "w:vAlign"))
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            width = sides[side]
            borders.append(element(f"w:{side}", w_val="single" if width else "nil",
                                   w_sz=str(width), w_space="0", w_color=hex6(colour)))


def cell_margins(tag: str, top: int, left: int, bottom: int, right: int):
    """A `w:tblCellMar` / `w:tcMar` element, in twentieths of a point."""
    margins = element(tag)
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        margins.append(element(f"w:{side}", w_w=str(value), w_type="dxa"))
    return margins


def repeat_header(row) -> None:
    """Mark a table row as a header repeated on every page, and keep it whole."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(element("w:cantSplit"))
    trPr.append(element("w:tblHeader"))


def cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(element("w:cantSplit"))


# -- numbering ------------------------------------------------------------------------------

def add_abstract_num(numbering, kind: str, style_id: str, indent: int = 360) -> int:
    """Add a one-level bullet or decimal list definition, linked to `style_id`; its id."""
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    new_id = max(ids, default=-1) + 1
    abstract = element("w:abstractNum", w_abstractNumId=str(new_id))
    abstract.append(element("w:multiLevelType", w_val="singleLevel"))
    level = element("w:lvl", w_ilvl="0")
    level.append(element("w:start", w_val="1"))
    level.append(element("w:numFmt", w_val="bullet" if kind == "bullet" else "decimal"))
    level.append(element("w:pStyle", w_val=style_id))
    level.append(element("w:lvlText", w_val="•" if kind == "bullet" else "%1."))
    level.append(element("w:lvlJc", w_val="left"))
    pPr = element("w:pPr")
    tabs = element("w:tabs")
    tabs.append(element("w:tab", w_val="num", w_pos=str(indent)))
    pPr.append(tabs)
    pPr.append(element("w:ind", w_left=str(indent), w_hanging=str(indent)))
    level.append(pPr)
    abstract.append(level)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return new_id


def style_num_id(style) -> int | None:
    """The numId a paragraph style (or the style it is based on) numbers with."""
    while style is not None:
        pPr = style.element.pPr
        numPr = pPr.find(qn("w:numPr")) if pPr is not None else None
        if numPr is not None and numPr.find(qn("w:numId")) is not None:
            return int(numPr.find(qn("w:numId")).get(qn("w:val")))
        style = style.base_style
    return None


def restarted_num(numbering, num_id: int) -> int:
    """A new `w:num` sharing `num_id`'s definition but starting again at 1; its id."""
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def set_num(paragraph, num_id: int) -> None:
    pPr = paragraph._p.get_or_add_pPr()
    pPr.get_or_add_numPr().get_or_add_ilvl().val = 0
    pPr.get_or_add_numPr().get_or_add_numId().val = num_id
