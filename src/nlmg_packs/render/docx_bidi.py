"""Right-to-left paragraphs and runs in DOCX (ECMA-376 Part 1, 17.3.1.6 `bidi` and 17.3.2.30
`rtl`). Word lays such text out itself; it needs to be told the direction."""

from __future__ import annotations

from docx.oxml.ns import qn

from nlmg_packs.bidi import has_rtl, is_rtl
from nlmg_packs.render.docx_xml import element, insert

_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_P, _R, _T, _PPR, _RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:pPr"), qn("w:rPr")


def mark_right_to_left(root) -> None:
    """Give every paragraph under `root` (an lxml element) whose text runs right to left
    `w:bidi`, and every run whose text runs right to left `w:rtl` (a run that starts with
    a left-to-right word stays left to right: Word's own bidirectional layout places the
    right-to-left words inside it)."""
    for p in root.iter(_P):
        text = "".join(t.text or "" for t in p.iter(_T))
        if not has_rtl(text):
            continue
        if is_rtl(text):
            pPr = p.find(_PPR)
            if pPr is None:
                pPr = element("w:pPr")
                p.insert(0, pPr)
            if pPr.find(qn("w:bidi")) is None:
                insert(pPr, element("w:bidi"), before=_AFTER_BIDI)
        for r in p.iter(_R):
            if not is_rtl("".join(t.text or "" for t in r.iter(_T))):
                continue
            rPr = r.find(_RPR)
            if rPr is None:
                rPr = element("w:rPr")
                r.insert(0, rPr)
            if rPr.find(qn("w:rtl")) is None:
                insert(rPr, element("w:rtl"), before=_AFTER_RTL)
