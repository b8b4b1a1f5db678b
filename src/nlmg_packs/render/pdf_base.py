"""What every PDF drawing method shares: the renderer's state and its small helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from reportlab.platypus import Flowable, Table, TableStyle

from nlmg_packs import document as d
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.render.pdf_flowables import Para, RuledLines
from nlmg_packs.render.pdf_keep import SPLIT_TALLER, Keep, group, lead_in
from nlmg_packs.render.pdf_marks import InlineMarks, Pill, Words
from nlmg_packs.render.pdf_page import PAPER
from nlmg_packs.render.pdf_styles import MUTED, Styles, markup
from nlmg_packs.render.pdf_table_tags import TableTags
from nlmg_packs.render.units import leads_to_question, list_item_of


class PdfDrawing:
    """Turns blocks into reportlab flowables through `DISPATCH` (block type → `draw_<block>`),
    which the concrete renderer fills from `document.BLOCK_TYPES`."""

    DISPATCH: ClassVar[dict[type, Callable[..., list[Flowable]]]] = {}

    def __init__(self, doc: d.Document, options: RenderOptions, styles: Styles, width: float,
                 pages: dict[str, int], height: float = 0) -> None:
        self.doc, self.options, self.styles, self.width = doc, options, styles, width
        self.height = height or PAPER[options.paper][1] * 0.75
        """The text area's height on a page, in points."""
        self.look = styles.look
        self.pages = pages
        self.fields: set[str] = set()
        self.keys = {id(b): f"h{i}" for i, b in enumerate(doc.blocks) if isinstance(b, d.Heading)}
        self._position = 0

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        blocks = self.doc.blocks
        for position, block in enumerate(blocks):
            self._position = position
            rendered = self.render(block)
            if leads_to_question(blocks, position):
                # a quotation, its citation, its question and the first answer lines: one unit
                rendered = lead_in(rendered)
            owner = list_item_of(blocks, position)
            if owner is not None and owner != position:
                _in_item(rendered, self.item_key(owner))
            flowables.extend(rendered)
        return group(flowables)

    @staticmethod
    def item_key(position: int) -> str:
        """The key of the list item of the question at `position` (its LBody's key)."""
        return f"q{position}"

    def question_key(self, block: d.Question) -> str:
        """`item_key` of `block`, drawn at its own position or with the options after it."""
        at = self._position
        return self.item_key(at if self.doc.blocks[at] is block else at - 1)

    def render(self, block: d.Block) -> list[Flowable]:
        handler = self.DISPATCH.get(type(block))
        if handler is None:
            raise TypeError(f"the PDF renderer cannot draw a {type(block).__name__} block")
        return handler(self, block)

    @contextmanager
    def narrower(self, by: float) -> Iterator[None]:
        self.width -= by
        try:
            yield
        finally:
            self.width += by

    def _text(self, text: str, style: Any) -> Para:
        return Para(markup(text, self.look.italics), style)

    def _style(self, commands: list) -> TableStyle:
        # Tables otherwise set Helvetica, which would then be listed (unembedded) in the file.
        font = ("FONT", (0, 0), (-1, -1), self.styles.fonts.regular, self.look.body_size)
        return TableStyle([font, *commands])

    def _keep(self, box: Flowable, head: list[Flowable] | None = None,
              split_taller: float = SPLIT_TALLER) -> list[Flowable]:
        """Keep a box whole unless it is tall, so short notes never straddle a page break."""
        lines = self.look.body_size * self.look.leading * 3
        return [Keep(head or [], box, split_taller=split_taller, min_lead=lines)]

    def _min_piece(self) -> int:
        """The least height, in points, of each piece of a boxed row split over a page
        break (reportlab's `splitInRow`): two lines of body text, so no piece is a lone line
        and none is an empty sliver (a 1 pt minimum let a frame's last point take an empty
        piece, page after page, without end)."""
        return int(self.look.body_size * self.look.leading * 2)

    def _field(self, base: str) -> str | None:
        """A form field name from `base` that no other field of the document has, nor the
        fields its answer space may grow at layout (`RuledLines.PIECES`): `base`, else
        `base_2`, `base_3`...; None when the document is not fillable."""
        if not self.options.fillable:
            return None
        name, n = base, 2
        while {name, *(name + s for s in RuledLines.PIECES)} & self.fields:
            name, n = f"{base}_{n}", n + 1
        self.fields.update({name, *(name + s for s in RuledLines.PIECES)})
        return name

    def _marks(self, themes: tuple[d.ThemeTag, ...], tail: str = "", names: bool = True,
               **space: float) -> InlineMarks:
        items: list[Pill | Words] = []
        for tag in themes:
            items.append(Pill(tag.letter, tag.colour))
            if names:
                items.append(Words(tag.name, MUTED))
        if tail:
            items.append(Words(tail, MUTED))
        return InlineMarks(items, self.styles.fonts.regular, self.styles.fonts.bold,
                           self.look.small_size, **space)



def _in_item(flowables: list[Flowable], key: str) -> None:
    """Draw `flowables` (a block's) in the body of the list item `key`: paragraphs and tagged
    tables; a question's own row (tagged LI) is its item already."""
    for flowable in flowables:
        if isinstance(flowable, Keep):
            _in_item([*flowable.head, *filter(None, [flowable.body])], key)
        elif isinstance(flowable, Para):
            flowable.list_item = key
        elif isinstance(flowable, Table):
            tags = getattr(flowable, "_renderCB", None)  # reportlab keeps it there
            if isinstance(tags, TableTags) and tags.role != "LI":
                tags.item = key
