"""Inside a paragraph's text object: Span elements in another language, and the logical order of
right-to-left lines.

- **Language** (ISO 32000-1 §14.9.2): a span of the inline syntax (`[mots]{lang=fr}`) becomes
  a structure element `Span` with `/Lang`, a child of the paragraph's element. The paragraph
  markup carries zero-width `<onDraw>` markers at the span's ends (`span_markup`); reportlab
  calls `on_marker` as it sets the line, which notes the place in the text object, and
  `split_text` (called by `TaggingCanvas.drawText`) turns the notes into marked content:
  the element's own sequence is closed before `BT` (or, when nothing was drawn in it yet,
  begun inside it instead) and reopened inside it, so every
  `BDC`…`EMC` pair nests properly within `BT`…`ET` (§14.6) and no sequence with an MCID holds
  another.
- **Logical order** (ISO 32000-1 §14.9.4): a right-to-left line is drawn in visual order, so
  `actual_text` makes each such line a `Span` element whose `/ActualText` is the line as it is
  read, for assistive technology. (On the marked content itself, poppler's text extraction
  would take the replacement for drawn text and reorder it once more.)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nlmg_packs.render.pdf_reading_order import show_in_reading_order

if TYPE_CHECKING:
    from nlmg_packs.render.pdf_tags import Element

MARKER = "nlmg_span"
"""The name of the `<onDraw>` callback the markers call."""
_SENTINEL = "\x00span"
"""A text-object code item standing for a span's start or end until `split_text` replaces it."""


@dataclass
class OpenContent:
    """The marked-content sequence `marked` holds open: its element, MCID, and where in the
    page's code its `BDC` stands (with what precedes the `BDC` in that item)."""

    element: Element
    mcid: int
    index: int
    prefix: str


def span_markup(lang: str, inner: str) -> str:
    """`inner` (paragraph markup) between the markers of a span in the language `lang`."""
    return (f'<onDraw name="{MARKER}" label="start {lang}"/>{inner}'
            f'<onDraw name="{MARKER}" label="end {lang}"/>')


def on_marker(canv: Any, kind: str, label: str) -> None:
    """reportlab's `<onDraw>` callback: note a span's start or end in the text object being
    set, if the text is real content (in an artifact there is nothing to mark)."""
    if getattr(canv, "open_content", None) is None:
        return
    tx = canv._curr_tx_info["tx"]
    tx._code.append(f"{_SENTINEL} {label}")
    tx._spans = True


def split_text(canv: Any, tx: Any) -> None:
    """Replace the span notes in `tx` by marked content, and record a `Span` for each (with
    /Lang, or /ActualText). The enclosing element's sequence is closed before the text object
    (or taken back, when nothing was drawn in it yet) and continued inside it; a stretch that
    shows no text gets no sequence, so no MCID is empty."""
    open_content: OpenContent = canv.open_content
    element, structure = open_content.element, canv.structure
    page = canv.getPageNumber()
    if _painted_since(canv._code, open_content.index):
        canv._code.append("EMC")
    else:  # what came between is page artifact; its MCID is given out again below
        canv._code[open_content.index] = _STAY_ARTIFACT[open_content.prefix]
        canv._code.append("EMC")
        _unmark(structure, element, page, open_content.mcid)
    code = [tx._code[0]]
    for key, items in _segments(tx._code[1:]):
        if not any(_SHOWS.search(item) for item in items):
            code.extend(items)
            continue
        opening = (_span(structure, element, key, page) if key else
                   f"/{element.role} <</MCID {structure.mark(element, page)}>> BDC")
        code += [opening, *items, "EMC"]
    tx._code = code
    tx._spans = False


def _segments(code: list[str]) -> list[tuple[str | None, list[str]]]:
    """`code` cut at the span notes: (the span's key, or None for the enclosing element's own
    text; its code items). Code that begins with a span's end is the rest of that span."""
    notes = [item.split() for item in code if item.startswith(_SENTINEL)]
    first = notes[0][2] if notes and notes[0][1] == "end" else None
    segments: list[tuple[str | None, list[str]]] = [(first, [])]
    for item in code:
        if item.startswith(_SENTINEL):
            _, edge, key = item.split()
            segments.append((key if edge == "start" else None, []))
        else:
            segments[-1][1].append(item)
    return segments


def reopen(canv: Any) -> None:
    """After `split_text`'s text object: the enclosing element's content goes on."""
    open_content: OpenContent = canv.open_content
    mcid = canv.structure.mark(open_content.element, canv.getPageNumber())
    canv._code.append(f"/{open_content.element.role} <</MCID {mcid}>> BDC")
    canv.open_content = OpenContent(open_content.element, mcid, len(canv._code) - 1, "")


def closing(canv: Any) -> str:
    """The code that ends the sequence `marked` held open and returns to the page's artifact;
    a sequence `reopen` began with nothing drawn in it is taken back instead."""
    open_content: OpenContent | None = canv.open_content
    canv.open_content = None
    if (open_content and not open_content.prefix
            and not _painted_since(canv._code, open_content.index)):
        canv._code[open_content.index] = _STAY_ARTIFACT[""]
        _unmark(canv.structure, open_content.element, canv.getPageNumber(), open_content.mcid)
    return "EMC /Artifact BMC"


_PAINTS = re.compile(r"\b(?:BT|Do)\b")
_SHOWS = re.compile(r"\bT[jJ]\b|[\'\"]\s*$")
_STAY_ARTIFACT = {"EMC": "", "": "/Artifact BMC"}
"""What replaces a BDC that is taken back, by what preceded it in its code item: the page's
artifact goes on (`marked`'s opening closed it), or a new one begins (after a text object)."""


def _painted_since(code: list[str], index: int) -> bool:
    """Whether text or an image was drawn after `code[index]` (state changes and rules are
    not content a structure element needs)."""
    return any(_PAINTS.search(item) for item in code[index + 1:])


def _unmark(structure: Any, element: Element, page: int, mcid: int) -> None:
    """Take back the last MCID given out on `page`, which `element` holds and nothing uses."""
    element.kids.pop()
    if structure.next_mcid.get(page) == mcid + 1:
        structure.next_mcid[page] = mcid


def _span(structure: Any, parent: Element, key: str, page: int) -> str:
    """A new Span under `parent` and the BDC that opens its content: `key` is a language tag,
    or `=` and the hex of its UTF-8 /ActualText."""
    if key.startswith("="):
        name, value = "ActualText", bytes.fromhex(key[1:]).decode("utf-8")
    else:
        name, value = "Lang", key
    span = type(parent)("Span", attrs={name: value})
    parent.kids.append(span)
    mcid = structure.mark(span, page)
    if name == "ActualText":  # on the element only: see the module's note
        return f"/Span <</MCID {mcid}>> BDC"
    return f"/Span <</Lang {_pdf_string(value)} /MCID {mcid}>> BDC"


def actual_text(tx: Any, lines: dict[str, tuple[str, str]]) -> None:
    """Make `tx` (a reportlab text object) tag each line it shows whose drawn text is a key of
    `lines` as a `Span` whose `/ActualText` is the value's second item (the line in reading
    order, letters unjoined), and show its glyphs in the order of the first (the shaped line in
    reading order, `pdf_reading_order`)."""
    show = tx._textOut
    if getattr(tx._canvas, "open_content", None) is None:
        return

    def text_out(text: str, t_star: int = 0) -> None:
        line = lines.get(text.strip()) if text.strip() else None
        if line is None:
            show(text, t_star)
            return
        key = "=" + line[1].encode("utf-8").hex()
        tx._code.append(f"{_SENTINEL} start {key}")
        if not show_in_reading_order(tx, text, line[0], t_star):
            show(text, t_star)
        tx._code.append(f"{_SENTINEL} end {key}")
        tx._spans = True

    tx._textOut = text_out


def logical_text(shaped: str) -> str:
    """A shaped line back in plain letters: Arabic presentation forms (U+FB50–U+FDFF,
    U+FE70–U+FEFF) decomposed to the letters they join (NFKC, on those characters only)."""
    return "".join(unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufdff"
                   or "\ufe70" <= c <= "\ufefe" else c for c in shaped)


def _pdf_string(text: str) -> str:
    """`text` as a PDF text string: UTF-16BE with its byte order mark, in hex (§7.9.2.2)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"
