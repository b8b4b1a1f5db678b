"""reportlab flowables that tag what they draw: lists (L/LI/Lbl/LBody) and figures (Figure)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.platypus import Image, ListFlowable
from reportlab.platypus.flowables import LIIndenter

from nlmg_packs.render.pdf_tags import group, marked


class TaggedList(ListFlowable):
    """A ListFlowable tagged as L, each item LI with its bullet or number as Lbl and its
    text as LBody (ISO 32000-1 §14.8.4.3.3)."""

    def _getContent(self):  # noqa: N802 (reportlab's name)
        content = super()._getContent()
        for item in content:
            if type(item) is LIIndenter:
                object.__setattr__(item, "__class__", _TaggedItem)  # LIIndenter delegates setattr
        return content

    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        with group(canv, "L"):
            super().drawOn(canv, x, y, _sW)


class _TaggedItem(LIIndenter):
    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        with group(canv, "LI"):
            if self._bullet:
                with marked(canv, "Lbl"):
                    self._bullet.drawOn(self, canv, x, y, 0)
            with group(canv, "LBody"):
                self._flowable.drawOn(canv, x + self._leftIndent, y,
                                      max(0, _sW - self._leftIndent - self._rightIndent))


class Figure(Image):
    """An image that means something (the school's logo), tagged Figure with its alt text."""

    def __init__(self, filename: str, width: float, height: float, alt: str) -> None:
        super().__init__(filename, width=width, height=height)
        self.alt = alt

    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        with marked(canv, "Figure", Alt=self.alt):
            super().drawOn(canv, x, y, _sW)


@contextmanager
def list_body(canv, key: str) -> Iterator[None]:
    """Draw inside the body (LBody) of list item `key` of the current list (L), opening the
    list and the item if need be: a quotation drawn before the question it introduces, or a
    note after it (ISO 32000-1 §14.8.4.3.3: LBody holds the item's content, block-level
    elements included). A new item gets its label (Lbl) first, empty until the question
    draws its number there, so the item reads number, quotation, question. The question's
    own row uses the same keys: `key + "/LI"`, `key + "/Lbl"` and `key` for the LBody."""
    with group(canv, "L", join=True), group(canv, "LI", key=f"{key}/LI") as item:
        if item is not None and not item.kids:
            with group(canv, "Lbl", key=f"{key}/Lbl"):
                pass
        with group(canv, "LBody", key=key):
            yield
