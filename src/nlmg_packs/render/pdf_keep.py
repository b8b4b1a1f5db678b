"""Page-break decisions: what stays together, and when a block may split instead of jumping."""

from __future__ import annotations

from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak, NullActionFlowable
from reportlab.platypus.flowables import UseUpSpace, _ContainerSpace, _listWrapOn

from nlmg_packs.render.pdf_flowables import RuledLines
from nlmg_packs.render.units import INTRO_CHARS

WASTE = 0.25
"""Moving a block to the next page may leave at most this share of the page blank..."""
SPLIT_TALLER = 0.3
"""...unless the block is shorter than this share of a page: short blocks always move whole.
(Measured over the bundled pack's PDFs in every preset: with a third and a half, a large-print
page in four was printed over less than 70% of its height.)"""
LEAD_LINES = 2
"""A question split from part of its answer space keeps at least this many lines with it."""
LEAD_ROWS = 2
"""A table split from its heading keeps at least this many rows with its header (or rows as
tall as three lines of text)."""




class Keep(_ContainerSpace, Flowable):
    """`head` flowables kept with the start of `body`; the body moves whole or splits.

    The block moves to the next page when it does not fit, unless that would leave more than
    `WASTE` of the page blank and the body is tall (over `split_taller` of a page; 0 lets a
    data table split at any height); then it splits where it is, keeping the head with at
    least the body's first rows or lines. Answer space (`RuledLines`) shrinks to the page
    rather than move, down to its `minimum`. A head-only Keep moves whole. Either way the
    pieces go back on the story one by one, so each may still split if it must.

    When the block moves and the page above it ends in answer space (`after`, then `lift`
    points of spacing), that answer's ruling runs on to the foot of the page: the room is
    given to writing rather than left blank.
    """

    def __init__(self, head: list[Flowable], body: Flowable | None = None,
                 split_taller: float = SPLIT_TALLER, min_lead: float = 40) -> None:
        self.head, self.body = list(head), body
        self.split_taller, self.min_lead = split_taller, min_lead
        self.after: RuledLines | None = None
        self.lift = 0.0

    @property
    def _content(self) -> list[Flowable]:  # read by _ContainerSpace for spacing
        return self.head + ([self.body] if self.body is not None else [])

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._W, self._H = _listWrapOn(self._content, aW, self.canv)
        # the head as the frame sets it: the space between its pieces and before the first
        self._head_h = (_listWrapOn(self.head, aW, self.canv)[1] + self.head[0].getSpaceBefore()
                        if self.head else 0)
        self._wrap_info = aW, aH
        return self._W, 0xFFFFFF  # always asked to split, where the decision is made

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrap_info", None) != (aW, aH):
            self.wrap(aW, aH)
        here = [NullActionFlowable(), *self._content]
        frame = getattr(self, "_frame", None)
        if frame is None or frame._atTop:
            return here
        if self.after is not None:
            aH -= super().getSpaceBefore()  # see getSpaceBefore
            if aH <= 0:
                return [*self._run_on(frame), FrameBreak(), *self._content]
        if aH >= self._H:
            return here
        page = frame._height
        if self._head_h > page:
            # The head (headings, a key, a quotation...) is taller than a page: set its first
            # piece here and decide again for the rest, so the last heading still stays with
            # what follows it.
            cut = max([i for i, f in enumerate(self.head) if i and _is_heading(f)], default=1)
            front, rest = self.head[:cut], self.head[cut:]
            first = Keep(front[:-1], front[-1]) if len(front) > 1 else front[0]
            return [NullActionFlowable(), first,
                    Keep(rest, self.body, self.split_taller, self.min_lead)]
        tall = self.body is not None and page * self.split_taller < self._H
        fits_nowhere = page < self._H
        wasteful = aH > page * WASTE
        if (fits_nowhere or (tall and wasteful)) and self._lead_fits(aW, aH):
            return here
        if self._shrinks(aW, aH):
            return here
        if wasteful and self.body is not None and self._head_parts(aH):
            # a key that ends the head may close this page; its grid starts the next
            return [NullActionFlowable(), *self.head, FrameBreak(), self.body]
        return [*self._run_on(frame), FrameBreak(), *self._content]

    def getSpaceBefore(self) -> float:
        """The space before the first piece; 0 after answer space, where `split` takes it
        off itself: a frame with less room left than that space would otherwise send the
        block on without asking it to split, and the answer could not run on."""
        return 0 if self.after is not None else super().getSpaceBefore()

    def _run_on(self, frame: Frame) -> list[Flowable]:
        """The answer space above, continued over all the room this block leaves in `frame`
        (the space the frame would set before it included)."""
        more = self.after.more(frame._y - frame._y1p, self.lift) if self.after else None
        return [more] if more is not None else []

    def _room(self, aH: float) -> float:
        """What `aH` points leave for the body under the head (2 pt for rounding)."""
        return aH - self._head_h - _gap(self.head, self.body) - 2

    def _shrinks(self, aW: float, aH: float) -> bool:
        """Whether the body is answer space that shrinks to fit under the head in `aH`
        points (`RuledLines.split` gives one smaller piece) rather than split."""
        room = self._room(aH)
        return (isinstance(self.body, RuledLines) and room > 0
                and len(self.body.splitOn(self.canv, aW, room)) == 1)

    def _head_parts(self, aH: float) -> bool:
        """Whether the head may stay here without the body: it ends with a key (a legend
        that may part from its grid) and fits in `aH` points."""
        return bool(self.head) and getattr(self.head[-1], "parts_from_next", False) \
            and self._head_h <= aH

    def _lead_fits(self, aW: float, aH: float) -> bool:
        """Whether the head and a decent first piece of the body fit in `aH`: whole rows of a
        table if they make one, else rows split inside (a boxed note's long paragraph)."""
        room = self._room(aH)
        if self.body is None or room <= 0:
            return False
        in_row = getattr(self.body, "splitInRow", 0)
        if in_row:  # the lead should hold whole rows; a row splits only when it must
            self.body.splitInRow = 0
            try:
                if self._decent(self.body.splitOn(self.canv, aW, room), aW, room):
                    return True
            finally:
                self.body.splitInRow = in_row
        return self._decent(self.body.splitOn(self.canv, aW, room), aW, room)

    def _decent(self, pieces: list[Flowable], aW: float, room: float) -> bool:
        if len(pieces) == 1 and isinstance(self.body, RuledLines):
            return pieces[0].count < self.body.count  # shrunk to the page
        if len(pieces) < 2:
            return False
        first = pieces[0]
        if isinstance(self.body, RuledLines):
            return first.count >= min(LEAD_LINES, self.body.count)
        if isinstance(self.body, Table) and self.body.repeatRows:
            # the header plus at least two body rows (one when the table is short), or one
            # row (or its first lines) as tall as `min_lead`, when rows are tall (large print)
            head_rows = self.body.repeatRows
            rows = len(first._cellvalues) - head_rows
            if rows >= max(1, min(LEAD_ROWS, len(self.body._cellvalues) - head_rows - 1)):
                return True
            lead = first.wrapOn(self.canv, aW, room)[1] - sum(first._rowHeights[:head_rows])
            return rows >= 1 and lead >= self.min_lead
        return first.wrapOn(self.canv, aW, room)[1] >= self.min_lead


def lead_in(flowables: list[Flowable]) -> list[Flowable]:
    """`flowables` (one kept block, such as a quotation) set to stay with the start of what
    follows them, as a heading does; `group` then keeps them together."""
    flowables = [piece for f in flowables
                 for piece in ([*f.head, f.body] if isinstance(f, Keep) and f.body is not None
                               else [f])]
    for f in flowables:
        f.keepWithNext = 1
    return flowables


def _is_heading(flowable: Flowable) -> bool:
    """A heading paragraph (styles h1 to h3): where a run of kept-together pieces may part."""
    return isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2", "h3")


def _gap(head: list[Flowable], body: Flowable | None) -> float:
    if not head or body is None:
        return 0
    return max(head[-1].getSpaceAfter(), body.getSpaceBefore())


def group(flowables: list[Flowable], in_cell: bool = False) -> list[Flowable]:
    """Fold every keep-with-next flowable (headings, legends) into what follows it.

    Inside a table cell nothing can move to another page: Keeps are unpacked instead.
    """
    out: list[Flowable] = []
    pending: list[Flowable] = []
    heads: list[Flowable] = []
    for f in flowables:
        if in_cell and isinstance(f, Keep):
            out.extend(f._content)
            continue
        # one short introduction under a heading stays with what it introduces, too
        intro = (isinstance(f, Paragraph) and len(f.getPlainText()) <= INTRO_CHARS
                 and bool(pending) and pending[-1] in heads)
        if not in_cell and (f.getKeepWithNext() or intro or (pending and isinstance(f, Spacer))):
            if f.getKeepWithNext():
                if pending and _is_heading(f) and not _is_heading(pending[-1]):
                    # a new heading after an introduction or a key: the run so far is a block
                    # of its own (a quotation after an introduction is what it introduces,
                    # and joins the run)
                    out.append(Keep(pending[:-1], pending[-1]))
                    pending = []
                heads.append(f)
            f.keepWithNext = 0  # decided here, not by reportlab's KeepTogether
            pending.append(f)
            continue
        # a page break follows: nothing to keep with
        if pending and isinstance(f, (ActionFlowable, UseUpSpace)):
            out.append(Keep(pending))
            pending = []
        elif pending:
            if isinstance(f, Keep):
                f.head[:0] = pending
            else:
                f = Keep(pending, f)
            pending = []
        out.append(f)
    if pending:
        out.append(Keep(pending))
    if not in_cell:
        _link_answers(out)
        out = _no_space_before_breaks(out)
    return out


def _no_space_before_breaks(blocks: list[Flowable]) -> list[Flowable]:
    """`blocks` without the space that ends the story or comes right before a page break:
    reportlab would carry it over to a page of its own when the page above is full, and
    print that page blank."""
    out: list[Flowable] = []
    for f in reversed(blocks):
        if isinstance(f, Spacer) and (not out or isinstance(out[-1], (ActionFlowable,
                                                                          UseUpSpace))):
            continue
        out.append(f)
    return out[::-1]


def _answer_space(flowable: Flowable) -> RuledLines | None:
    if isinstance(flowable, Keep):
        flowable = flowable.body
    return flowable if isinstance(flowable, RuledLines) else None


def _link_answers(blocks: list[Flowable]) -> None:
    """Tell each Keep that comes right after answer space (spacing aside) which answer that
    is and how much spacing lies between, so it can run the answer on if it moves."""
    answer, lift = None, 0.0
    for f in blocks:
        if isinstance(f, Spacer):
            lift += f.height if answer is not None else 0
            continue
        if isinstance(f, Keep) and answer is not None:
            f.after, f.lift = answer, lift
        answer, lift = _answer_space(f), 0.0
