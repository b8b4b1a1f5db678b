"""Custom flowables: ruled answer space (optionally a form field), name lines, theme tags."""

from __future__ import annotations

import copy
import html
import itertools
import re
from contextlib import nullcontext

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from nlmg_packs import bidi
from nlmg_packs.render.pdf_fonts import UPRIGHT
from nlmg_packs.render.pdf_spans import actual_text, logical_text
from nlmg_packs.render.pdf_tagged_flowables import list_body
from nlmg_packs.render.pdf_tags import into, marked, rules_in_field, section

_TAG = re.compile(r"<[^>]*>")

FIELD_FONT = "Helvetica"
"""AcroForm fields may only use the standard-14 fonts."""
FIELD_MAXLEN = 100_000
RULE_WIDTH = 0.6
"""Ruled answer lines, in points."""


def text_field(canv, name: str, box: tuple[float, float], size: float, multiline: bool = True,
               tooltip: str = "") -> None:
    """A typeable, borderless field over the box (0, 0, width, height) of the current flowable,
    tagged as a Form element; `tooltip` (/TU) says what to write there."""
    width, height = box
    with marked(canv, "Form", content=False):
        canv.acroForm.textfield(
            name=name, tooltip=tooltip or name.replace("_", " "), x=0, y=0, width=width,
            height=height, relative=True, fieldFlags="multiline" if multiline else "",
            maxlen=FIELD_MAXLEN, borderWidth=0, fillColor=None, textColor=HexColor("#1A1A1A"),
            fontName=FIELD_FONT, fontSize=size)


_SPLITS = itertools.count()


class Para(Paragraph):
    """A Paragraph that does not break its lines again when asked to wrap at the width it is
    already wrapped at. Tables and kept-together groups measure their contents several times
    over (about two in three wraps repeated the one before); breaking lines was a fifth of
    the PDF time."""

    _wrapped: tuple | None = None
    tag: str | None = "P"
    """The structure type its text is tagged with (P, H1, Lbl, Link); None: the enclosing
    element's own content."""
    starts_section: bool = False
    """A part's heading: a new Sect of the document starts here."""
    tag_attrs: dict[str, str] = {}  # noqa: RUF012 (replaced, never changed in place)
    """More entries of its element (Alt, Lang; Contents: its links' description)."""
    tag_key: str | None = None
    """Shared by the pieces of a split paragraph: they continue one element."""
    list_item: str | None = None
    """The key of the question whose list item the paragraph is drawn in (a note that
    introduces it: `pdf_tagged_flowables.list_body`)."""
    _rtl: bool | None = None
    _continued = False
    """True for a piece of a split paragraph that the next piece continues."""
    _actual: dict[str, tuple[str, str]] = {}  # noqa: RUF012 (replaced, never changed in place)
    """While drawing: each reordered line's drawn text → its reading order."""
    """None: no right-to-left letters; else the paragraph's base direction is right to left."""

    def __init__(self, text: str | None, style, *args, **kwargs) -> None:
        if text and bidi.has_rtl(text):
            # Set upright (Hebrew and Arabic have no italics), Arabic joined, right-to-left
            # paragraphs aligned right; each line is put in drawing order in `breakLines`.
            self._rtl = bidi.is_rtl(html.unescape(_TAG.sub("", text)))
            text = bidi.shape(text.replace("<i>", "").replace("</i>", ""))
            style = style.clone(style.name + "_rtl",
                                fontName=UPRIGHT.get(style.fontName, style.fontName),
                                alignment=TA_RIGHT if self._rtl else style.alignment)
        super().__init__(text, style, *args, **kwargs)

    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        if self.starts_section:
            section(canv)
        with (list_body(canv, self.list_item) if self.list_item else nullcontext()), \
                marked(canv, self.tag, self.tag_key, **self.tag_attrs):
            super().drawOn(canv, x, y, _sW)

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        # a paragraph over a page break is still one paragraph (one structure element)
        key = (self.tag_key or f"para-{next(_SPLITS)}") if len(parts) > 1 else None
        for part in parts:
            if isinstance(part, Para):
                part._rtl, part.list_item = self._rtl, self.list_item
                part._continued = part is not parts[-1] or self._continued
                if key:
                    part.tag, part.tag_attrs, part.tag_key = self.tag, self.tag_attrs, key
        return parts

    def drawPara(self, debug=0):
        """Draw with each line in drawing order; the lines stay in logical order for splits."""
        if self._rtl is None:
            return super().drawPara(debug)
        logical = self.blPara
        self.blPara, self._actual = _visual_lines(logical, self._rtl)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara, self._actual = logical, {}

    def beginText(self, x, y):  # noqa: N802 (reportlab's name)
        """The text object; reordered lines carry their reading order as /ActualText."""
        tx = super().beginText(x, y)
        if self._actual:
            actual_text(tx, self._actual)
        else:
            # a piece of a paragraph split over pages ends its last line with a space too
            _space_at_line_ends(tx, len(getattr(self.blPara, "lines", ())) + self._continued)
        return tx

    def wrap(self, availWidth, availHeight):
        wrapped = self._wrapped
        # The lines are kept in `blPara`; `split` may delete them, which forces a new wrap.
        if wrapped is not None and wrapped[0] == availWidth and \
                wrapped[1] is getattr(self, "blPara", None):
            self.width, self.height = wrapped[2]
            return wrapped[2]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, getattr(self, "blPara", None), size)
        return size


def _space_at_line_ends(tx, lines: int) -> None:
    """Make `tx` (a reportlab text object showing a paragraph of `lines` lines) end each line
    but the last with a space.

    reportlab drops the space where it breaks a line, so text read from the content (a screen
    reader following the structure tree, `pdfinfo -struct-text`, copy and paste) ran the last
    word of one line into the first of the next ("as" + "typed" → "astyped"). The space is drawn
    after the line's last glyph, so nothing on the page moves. PDF/UA-1 §7.2 and ISO 32000-1
    §14.8.2.5: text must give its words back with the spaces between them.
    """
    show = tx._textOut
    ended = 0

    def text_out(text: str, t_star: int = 0) -> None:
        nonlocal ended
        if t_star:  # the last piece of a line
            ended += 1
            if ended < lines and not text[-1:].isspace():
                text += " "
        show(text, t_star)

    tx._textOut = text_out


def _visual_lines(para, rtl: bool) -> tuple[object, dict[str, tuple[str, str]]]:
    """A copy of a broken paragraph with each line in drawing order (UAX #9, per line), and
    each reordered line's drawn text (stripped) → the line in reading order as shaped, and
    with its letters unjoined (for its /ActualText)."""
    visual = copy.copy(para)
    visual.lines = []
    actual: dict[str, tuple[str, str]] = {}

    def reorder(logical: str) -> str:
        drawn = bidi.visual(logical, rtl)
        if drawn != logical:
            actual[drawn.strip()] = (logical.strip(), logical_text(logical.strip()))
        return drawn

    for line in para.lines:
        if para.kind == 0:
            extra, words = line
            visual.lines.append((extra, reorder(" ".join(words)).split(" ")))
            continue
        line = copy.copy(line)
        line.words = [copy.copy(frag) for frag in line.words]
        filled = [frag for frag in line.words if getattr(frag, "text", "").strip()]
        if len(filled) == 1:
            filled[0].text = reorder(filled[0].text)
        elif any(bidi.has_rtl(frag.text) for frag in filled):
            # The glyph check refuses inline formatting in right-to-left text first.
            raise ValueError("a right-to-left line mixes formatting; it cannot be reordered")
        visual.lines.append(line)
    return visual, actual


def drawn(text: str) -> str:
    """A single line of text in drawing order, Arabic joined (for canvas.drawString)."""
    if not bidi.has_rtl(text):
        return text
    return bidi.visual(bidi.shape(text), bidi.is_rtl(text))


class Gap(Spacer):
    """`height` points of space between blocks that never opens a page: set as space before
    a zero-height flowable, which a frame drops at its top (a plain Spacer pushed over a page
    break would start the next page that much lower than the others)."""

    def __init__(self, height: float) -> None:
        super().__init__(1, height)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, 0

    def getSpaceBefore(self) -> float:
        return self.height


class RuledLines(Flowable):
    """`count` ruled lines `gap` points apart, `indent` points in from the left; with a `field`
    name, one multi-line field over them all.

    Answer space is elastic, as glue is in TeX's page builder (The TeXbook, ch. 15): where the
    page has room for at least `minimum` lines (the pack's own count) but not all `count`
    (that count scaled to a wider ruling), the space shrinks to what fits rather than send
    a few lines on to the next page; `Keep` stretches it with `more` to the foot of a page
    whose next block moves on, unless it `grows` not (a test's, whose lines tell the marks).
    Split across pages, at least `MIN_PIECE` lines go on each page (no lone line, like a
    paragraph's widow and orphan control). `lift` (points) draws
    the lines that much higher than placed: a continuation set after the space that closed
    the answer keeps the ruling's pitch.
    """

    MIN_PIECE = 2
    PIECES = ("_cont", "_more")
    """Suffixes of the fields of a split answer's rest and of its run-on lines."""

    def __init__(self, count: int, gap: float, colour: str, field: str | None = None,
                 field_size: float = 11, indent: float = 0, minimum: int | None = None,
                 lift: float = 0, grows: bool = True) -> None:
        super().__init__()
        self.count, self.gap, self.colour = count, gap, colour
        self.field, self.field_size, self.indent = field, field_size, indent
        self.minimum = count if minimum is None else min(minimum, count)
        self.lift, self.grows = lift, grows
        self.tooltip = ""
        """What to write in the field ("Question 3: your answer")."""
        self.tag_key: str = ""
        """The structure element the field belongs in (a question's LBody), if not the current."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, max(self.count * self.gap - self.lift, 0)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = int((avail_height + self.lift) // self.gap)
        if self.minimum <= room < self.count:
            return [self._like(room, self.field, self.lift)]  # shrink to the page
        fits = min(room, self.count - self.MIN_PIECE)
        if fits < self.MIN_PIECE:
            return []
        rest = f"{self.field}{self.PIECES[0]}" if self.field else None
        return [self._like(fits, self.field, self.lift), self._like(self.count - fits, rest)]

    def more(self, room: float, lift: float) -> RuledLines | None:
        """Lines of the same answer, ruled at the same pitch, to fill `room` points below a
        gap of `lift` points after these lines (a separate field when fillable); None when
        not one line fits or the space must not grow (`grows`: a test's, which tells the
        marks)."""
        count = int((room + lift) // self.gap)
        if count < 1 or not self.grows:
            return None
        return self._like(count, f"{self.field}{self.PIECES[1]}" if self.field else None, lift)

    def _like(self, count: int, field: str | None, lift: float = 0) -> RuledLines:
        piece = RuledLines(count, self.gap, self.colour, field, self.field_size, self.indent,
                           lift=lift, grows=self.grows)
        piece.tooltip, piece.tag_key = self.tooltip, self.tag_key
        return piece

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate(self.indent, 0)
        width = self.width - self.indent
        full = self.count * self.gap
        rules = [full - (i + 1) * self.gap + 0.5 for i in range(self.count)]
        # A field's rules go in its own appearance, which a viewer replaces with what is
        # typed: typed lines never run through printed ones. Without tagging, on the page.
        if not (self.field and rules_in_field(canv, self.field, rules, self.colour)):
            canv.setStrokeColor(HexColor(self.colour))
            canv.setLineWidth(RULE_WIDTH)
            for y in rules:
                canv.line(0, y, width, y)
        if self.field:
            with into(canv, self.tag_key):
                text_field(canv, self.field, (width, full), self.field_size,
                           tooltip=self.tooltip)
        canv.restoreState()


class NameLines(Flowable):
    """Labels ("Name", "Date", "Class"), each followed by a ruled line (a field when fillable);
    the first line takes half the width, the others share the rest."""

    def __init__(self, labels: tuple[str, ...], font: str, size: float, colour: str, rule: str,
                 fields: dict[str, str | None] | None = None) -> None:
        super().__init__()
        self.font, self.size, self.colour, self.rule = font, size, colour, rule
        rest = 0.5 / max(len(labels) - 1, 1)
        self.shares = [(label, 0.5 if i == 0 else rest) for i, label in enumerate(labels)]
        if len(labels) == 1:
            self.shares = [(labels[0], 1.0)]
        self.fields = fields or {}

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.size * 2.2
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        gutter = self.size * 1.2
        x = 0.0
        usable = self.width - gutter * (len(self.shares) - 1)
        for label, share in self.shares:
            span = usable * share
            label_w = stringWidth(label, self.font, self.size) + self.size * 0.4
            canv.setFont(self.font, self.size)
            canv.setFillColor(HexColor(self.colour))
            with marked(canv, "P"):
                canv.drawString(x, self.size * 0.45, drawn(label))
            canv.setStrokeColor(HexColor(self.rule))
            canv.setLineWidth(0.6)
            canv.line(x + label_w, self.size * 0.3, x + span, self.size * 0.3)
            if self.fields.get(label):
                canv.saveState()
                canv.translate(x + label_w, self.size * 0.3)
                text_field(canv, self.fields[label], (span - label_w, self.size * 1.6),
                           min(self.size, 14), multiline=False, tooltip=f"Your {label.lower()}")
                canv.restoreState()
            x += span + gutter


def _has_text(cells: object) -> bool:
    """Whether table cell values (strings, flowables, lists of them) print anything."""
    if isinstance(cells, (list, tuple)):
        return any(_has_text(c) for c in cells)
    if isinstance(cells, str):
        return bool(cells.strip())
    if isinstance(cells, Paragraph):  # a piece of a split paragraph keeps only its lines
        lines = getattr(getattr(cells, "blPara", None), "lines", None)
        return bool(lines) or bool(cells.getPlainText().strip())
    return cells is not None  # a drawing (a theme's swatch)


class Boxed(Table):
    """A table that draws a box (a quotation, a question's row, a note): split over a page
    break only into pieces at least `splitInRow` points high. reportlab checks that minimum
    against the split point, not against what the piece holds, so asked to split into a
    frame's last point or two it may give an empty first piece, and the rest comes back
    with the same question on the next attempt, without end. And it refuses a split that
    would leave less than the minimum for the next page even when a split higher up would
    do: that one is taken instead."""

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        least = self.splitInRow
        if availHeight < least:
            return []
        pieces = super().split(availWidth, availHeight)
        most = getattr(self, "_height", 0) - least
        if not pieces and least and least <= most < availHeight:
            # refused because too little would be left for the next page: split higher up
            pieces = super().split(availWidth, most)
        if pieces and pieces[0].wrap(availWidth, availHeight)[1] < least:
            return []
        if len(pieces) == 2 and self.splitByRow and least and self._between_rows(pieces):
            return self._fill_after_rows(pieces, availWidth, availHeight)
        return pieces

    def _fill_after_rows(self, pieces: list[Table], width: float, height: float) -> list:
        """`pieces`, split between rows, when the next row does not fit in what is left.
        reportlab would set the rest under the first piece and split that row there, under
        a second copy of the header. Split inside the row at once instead; or, when that
        leaves the next page only an empty sliver of the row, start the rest on the next
        page."""
        least = self.splitInRow
        if height - pieces[0].wrap(width, height)[1] < least:
            return pieces  # the rest cannot split here: it moves on as it is
        inside = self._splitRows(height, doInRowSplit=1)
        if (len(inside) == 2 and inside[0].wrap(width, height)[1] >= least
                and _has_text(inside[1]._cellvalues[self.repeatRows or 0])):
            return inside
        from reportlab.platypus.doctemplate import FrameBreak

        return [pieces[0], FrameBreak(), pieces[1]]

    def _between_rows(self, pieces: list[Table]) -> bool:
        """Whether `pieces` split this table between rows (no row in both pieces)."""
        rows = sum(len(p._cellvalues) for p in pieces) - (self.repeatRows or 0)
        return rows == len(self._cellvalues)
