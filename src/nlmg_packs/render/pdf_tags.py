"""Tagged PDF while drawing: marked content in the page streams, the logical structure recorded.

ISO 32000-1 §14.6–14.8 (marked content, logical structure, tagged PDF) and ISO 14289-1
(PDF/UA-1). reportlab has no structure API, so the renderer records it here as it draws:

- A `TaggingCanvas` keeps every page inside an `/Artifact` marked-content sequence by default,
  so rules, tints, bands and anything else drawn without a tag is an artifact (PDF/UA §7.1:
  content is either real and tagged, or an artifact; never neither, never one inside the other).
- `marked(canv, role)` suspends that artifact, opens `/role <</MCID n>> BDC`, and records the
  MCID in a new structure element (or the current one); annotations created meanwhile (links,
  form widgets) are recorded as object references of that element.
- `group(canv, role)` opens a grouping element (Sect, L, LI, Table, TR, TD...) around drawing.
- `artifact(canv, "Header")` marks running headers and footers as pagination artifacts.

`pdf_structure.write_structure` turns the record into StructTreeRoot, ParentTree, MarkInfo and
XMP as reportlab writes the file. Without a `TaggingCanvas` every helper does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from nlmg_packs.render import pdf_spans

HEADING_ROLES = ("H1", "H2", "H3", "H4", "H5", "H6")


@dataclass
class Mark:
    """A marked-content sequence: page (1-based) and its MCID on that page."""

    page: int
    mcid: int


@dataclass
class AnnotRef:
    """An annotation: page (1-based) and its index in the page's /Annots array."""

    page: int
    index: int


@dataclass
class Element:
    """A structure element (ISO 32000-1 §14.7.2) with its children in reading order."""

    role: str
    """A standard structure type (ISO 32000-1 Table 333–341): P, H1, Table, TD, Figure..."""
    kids: list[Element | Mark | AnnotRef] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    """Entries written into the element: Alt, ActualText, Lang, T, and Scope (an attribute)."""
    key: str | None = None
    """A name flowables use to add content to this element later (a question's LBody)."""


class Structure:
    """The logical structure recorded while a document is drawn, in reading order."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._stack: list[Element] = [self.root]
        self._keyed: dict[str, Element] = {}
        self._last_heading = 0
        self.next_mcid: dict[int, int] = {}
        """Page (1-based) → the next free MCID on it."""
        self.field_rules: dict[str, tuple[tuple[float, ...], str]] = {}
        """Field name → heights of the rules its appearance draws (points from its bottom
        edge) and their colour ("#RRGGBB")."""

    @property
    def current(self) -> Element:
        return self._stack[-1]

    def add(self, role: str, key: str | None = None, **attrs: str) -> Element:
        """A new element under the current one. Heading levels never skip (H1 then H3 → H2)."""
        if role in HEADING_ROLES:
            level = min(int(role[1]), self._last_heading + 1)
            self._last_heading = level
            role = f"H{level}"
        element = Element(role, attrs=dict(attrs), key=key)
        self.current.kids.append(element)
        if key:
            self._keyed[key] = element
        return element

    def push(self, element: Element) -> None:
        self._stack.append(element)

    def pop(self, element: Element) -> None:
        while len(self._stack) > 1:
            if self._stack.pop() is element:
                return

    def keyed(self, key: str) -> Element | None:
        """The element recorded under `key`, if any."""
        return self._keyed.get(key)

    def section(self) -> Element:
        """Close any open section and open a new one (Sect) right under the document."""
        del self._stack[1:]
        sect = self.add("Sect")
        self.push(sect)
        return sect

    def last_kid(self, role: str) -> Element | None:
        """The current element's last child, if it is an element with `role`."""
        kids = self.current.kids
        if kids and isinstance(kids[-1], Element) and kids[-1].role == role:
            return kids[-1]
        return None

    def mark(self, element: Element, page: int) -> int:
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        element.kids.append(Mark(page, mcid))
        return mcid


class TaggingCanvas(Canvas):
    """A canvas whose pages are artifacts except where `marked` says otherwise."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.structure = Structure()
        self.marking = False
        """True inside a marked-content sequence opened by `marked` or `artifact`."""
        self.open_content: pdf_spans.OpenContent | None = None
        """The real content `marked` holds open, where a language span may begin."""
        self.setNamedCB(pdf_spans.MARKER, pdf_spans.on_marker)

    def drawText(self, aTextObject) -> None:  # noqa: N802, N803 (reportlab's names)
        if not getattr(aTextObject, "_spans", False):
            super().drawText(aTextObject)
            return
        pdf_spans.split_text(self, aTextObject)
        super().drawText(aTextObject)
        pdf_spans.reopen(self)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._code[0:0] = ["/Artifact BMC"]
        self._code.append("EMC")
        super().showPage()


def _structure(canv: Canvas | None) -> Structure | None:
    return getattr(canv, "structure", None) if canv is not None else None


@contextmanager
def marked(canv: Canvas, role: str | None = None, key: str | None = None,
           content: bool = True, **attrs: str) -> Iterator[Element | None]:
    """Draw real content: a marked-content sequence tagged `role` (a new element under the
    current one, or the one recorded under `key`: the rest of a paragraph split over a page
    break), or, without a role, content of the current element itself. Nested calls
    add to the outer sequence. Annotations drawn meanwhile (links, form widgets) become the
    element's object references; with `content=False` the element holds only those (Form)."""
    structure = _structure(canv)
    if structure is None or canv.marking:
        yield None
        return
    element = (structure.keyed(key) if key else None) or (
        structure.add(role, key, **attrs) if role else structure.current)
    page = canv.getPageNumber()
    before = len(canv._annotationrefs)
    if content:
        mcid = structure.mark(element, page)
        canv._code.append(f"EMC /{element.role} <</MCID {mcid}>> BDC")
        canv.open_content = pdf_spans.OpenContent(element, mcid, len(canv._code) - 1, "EMC")
    canv.marking = True
    try:
        yield element
    finally:
        canv.marking = False
        if content:
            canv._code.append(pdf_spans.closing(canv))
        for index in range(before, len(canv._annotationrefs)):
            element.kids.append(AnnotRef(page, index))


@contextmanager
def hidden(canv: Canvas) -> Iterator[None]:
    """Draw what is already in the structure once more (a table header repeated on a new
    page): it stays an artifact, whatever tags the flowables inside ask for."""
    if _structure(canv) is None or canv.marking:
        yield
        return
    canv.marking = True
    try:
        yield
    finally:
        canv.marking = False


@contextmanager
def artifact(canv: Canvas, subtype: str = "Header") -> Iterator[None]:
    """Draw a running header or footer: a pagination artifact (ISO 32000-1 §14.8.2.2)."""
    if _structure(canv) is None or canv.marking:
        yield
        return
    canv._code.append(f"EMC /Artifact <</Type /Pagination /Subtype /{subtype}>> BDC")
    canv.marking = True
    try:
        yield
    finally:
        canv.marking = False
        canv._code.append("EMC /Artifact BMC")


@contextmanager
def group(canv: Canvas, role: str, key: str | None = None, join: bool = False,
          **attrs: str) -> Iterator[Element | None]:
    """A grouping element around what is drawn inside (Table, TR, L, LI, BlockQuote...).
    An element already recorded under `key` is continued (a table split over pages stays one
    table); with `join`, so is an element of the same role that is the current element's last
    child (consecutive questions form one list)."""
    structure = _structure(canv)
    if structure is None or canv.marking:
        yield None
        return
    element = ((structure.keyed(key) if key else None)
               or (structure.last_kid(role) if join else None)
               or structure.add(role, key, **attrs))
    structure.push(element)
    try:
        yield element
    finally:
        structure.pop(element)


@contextmanager
def into(canv: Canvas, key: str) -> Iterator[Element | None]:
    """Continue the element recorded under `key` (a question's answer space joins its LBody)."""
    structure = _structure(canv)
    element = structure.keyed(key) if structure is not None and not canv.marking else None
    if element is None:
        yield None
        return
    structure.push(element)
    try:
        yield element
    finally:
        structure.pop(element)


def rules_in_field(canv: Canvas, field: str, heights: list[float], colour: str) -> bool:
    """Ask for ruled lines at `heights` (points above the field's bottom edge) inside the
    appearance of `field`; False when nothing will draw them (an untagged canvas)."""
    structure = _structure(canv)
    if structure is None:
        return False
    structure.field_rules[field] = (tuple(heights), colour)
    return True


def section(canv: Canvas) -> None:
    """Start a new section (Sect) of the document: called before a top-level H1."""
    structure = _structure(canv)
    if structure is not None and not canv.marking:
        structure.section()
