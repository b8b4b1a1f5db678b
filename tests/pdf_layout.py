"""Page layout read back from a finished PDF (pypdf), not from the renderer's own records.

Each page becomes a list of `Item`s, top to bottom: text lines (with font and size) and ruled
answer lines, inside the text area between the running header's rule and the footer's rule.
Lines are classified by how they are set, as a reader sees them:

- heading: a whole line in the bold face, larger than the body text;
- question: a line that starts with a bold "N." at body size (and its continuation lines);
- quote: body-size text in the quotation's size (5% over the body), or the italic face;
- rule: a ruled answer line (the answer-line colour, at least 40 pt long).

Sizes are in points; y grows upwards, as in PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

ANSWER_RULE = (0.549, 0.588, 0.639)
"""The ruled answer lines' stroke colour (#8C96A3)."""
FOOTER_RULE = (0.722, 0.753, 0.8)
"""The footer's rule colour (#B8C0CC)."""
_NUMBER = re.compile(r"^\d+\.$")


@dataclass
class Item:
    kind: str
    """heading, question, quote, body, small or rule."""
    top: float
    bottom: float
    text: str = ""
    size: float = 0


@dataclass
class Page:
    number: int
    items: list[Item] = field(default_factory=list)
    area_top: float = 0
    """The text area's top and bottom (the header's and the footer's rules), in points."""
    area_bottom: float = 0
    has_header: bool = True
    landscape: bool = False
    """The page is wider than high (a wide rubric's page of its own)."""

    def content(self) -> list[Item]:
        return [i for i in self.items if i.kind != "small"]

    def printed_share(self) -> float:
        """How far down the text area the printing reaches, 0 to 1."""
        if not self.items:
            return 0.0
        lowest = min(i.bottom for i in self.items)
        return (self.area_top - lowest) / (self.area_top - self.area_bottom)


@dataclass
class _Fragment:
    x: float
    y: float
    size: float
    font: str
    text: str


def _mul(a: list[float], b: list[float]) -> list[float]:
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _close(colour: tuple[float, ...], target: tuple[float, ...]) -> bool:
    return len(colour) == 3 and all(abs(a - b) < 0.01 for a, b in zip(colour, target,
                                                                         strict=True))


def _read_page(page) -> tuple[list[_Fragment], list[tuple[tuple, float, float, float]]]:
    """Text fragments, and stroked straight lines as (colour, y, x0, x1)."""
    fragments: list[_Fragment] = []
    lines: list[tuple[tuple, float, float, float]] = []
    state: dict = {"stroke": (), "path": []}

    def on_text(text, cm, tm, font_dict, font_size):
        if not text.strip() or font_dict is None:
            return
        m = _mul(tm, cm)
        scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
        fragments.append(_Fragment(m[4], m[5], round(font_size * scale, 2),
                                   str(font_dict.get("/BaseFont", "")), text))

    def on_op(op, args, cm, tm):
        if op == b"RG":
            state["stroke"] = tuple(float(a) for a in args)
        elif op == b"m":
            state["path"] = [_point(args, cm)]
        elif op == b"l" and state["path"]:
            state["path"].append(_point(args, cm))
        elif op == b"S":
            points = state["path"]
            for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
                if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= 40:
                    lines.append((state["stroke"], y0, min(x0, x1), max(x0, x1)))
            state["path"] = []

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_op)
    return fragments, lines


def _point(args, cm) -> tuple[float, float]:
    x, y = float(args[0]), float(args[1])
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def _bold(font: str) -> bool:
    return "Bold" in font


def _italic(font: str) -> bool:
    return "Oblique" in font or "Italic" in font


def read_layout(path: Path) -> list[Page]:
    """Every page of the PDF at `path`, its items classified and ordered top to bottom."""
    reader = PdfReader(str(path))
    raw = [_read_page(p) for p in reader.pages]
    sizes = Counter()
    for fragments, _ in raw:
        for f in fragments:
            sizes[f.size] += len(f.text)
    body = _body_size(sizes)
    pages = []
    for number, (fragments, lines) in enumerate(raw, start=1):
        box = reader.pages[number - 1].mediabox
        page = _page(number, fragments, lines, body, float(box.height))
        page.landscape = float(box.width) > float(box.height)
        pages.append(page)
    return pages


def _body_size(sizes: Counter) -> float:
    """The body text's size: the most used one, unless that is the quotation size (5% over
    another size in use), as in a worksheet that is mostly quotations."""
    if not sizes:
        return 11
    common = sizes.most_common(1)[0][0]
    under = [s for s in sizes if abs(s * 1.05 - common) < 0.05]
    return under[0] if under else common


def _page(number: int, fragments: list[_Fragment], lines: list, body: float,
          height: float) -> Page:
    footer = [y for colour, y, _, _ in lines if _close(colour, FOOTER_RULE)]
    bottom = max(footer) if footer else 0
    full = [y for colour, y, x0, x1 in lines if y > height * 0.75 and x1 - x0 > 300
            and not _close(colour, ANSWER_RULE)]
    top = max(full) if full else height
    page = Page(number, area_top=top - 0.5, area_bottom=bottom + 0.5, has_header=bool(full))
    rows: dict[float, list[_Fragment]] = {}
    for f in fragments:
        if bottom + 1 < f.y < top - 1:
            rows.setdefault(round(f.y, 1), []).append(f)
    previous = ""
    for y in sorted(rows, reverse=True):
        row = sorted(rows[y], key=lambda f: f.x)
        kind = _kind(row, body, previous)
        size = max(f.size for f in row)
        text = "".join(f.text for f in row).strip()
        page.items.append(Item(kind, y + size * 0.8, y - size * 0.25, text, size))
        if kind != "small":
            previous = kind
    for colour, y, _, _ in lines:
        if _close(colour, ANSWER_RULE) and bottom < y < top:
            page.items.append(Item("rule", y, y))
    page.items.sort(key=lambda i: -i.top)
    return page


def _kind(row: list[_Fragment], body: float, previous: str) -> str:
    size = max(f.size for f in row)
    if size < body * 0.95:
        return "small"
    if all(_bold(f.font) for f in row) and size > body * 1.04:
        return "heading"
    first = row[0]
    if _bold(first.font) and _NUMBER.match(first.text.strip()) and len(row) > 1 \
            and abs(first.size - body) < 0.1:
        return "question"
    if any(_italic(f.font) for f in row) and all(abs(f.size - body * 1.05) < 0.2 for f in row):
        return "quote"
    if all(abs(f.size - body * 1.05) < 0.1 for f in row):
        return "quote"
    if previous == "question" and all(not _bold(f.font) for f in row) and \
            abs(size - body) < 0.1 and row[0].x > 0:
        return "question"
    return "body"


INTRO_LINES = 3
"""At most this many lines of text between a heading and the end of its page read as the
heading's introduction (an activity's instructions)..."""


def _intro_parted(page: Page, first: Item) -> bool:
    """...which must not end a page when the first quotation or question it introduces starts
    the next."""
    texts = [i for i in page.items if i.kind != "rule"]
    heads = [n for n, i in enumerate(texts) if i.kind == "heading"]
    if not heads or first.kind not in ("quote", "question"):
        return False
    tail = texts[heads[-1] + 1:]
    return 0 < len(tail) <= INTRO_LINES and all(i.kind in ("body", "small") for i in tail)


def broken_units(pages: list[Page]) -> list[str]:
    """Each page end that parts a unit: a heading, quotation or question at the foot of a page
    whose body, question or first answer line starts the next."""
    found = []
    for page, after in zip(pages, pages[1:], strict=False):
        content, following = page.content(), after.content()
        if not page.items or not content or not following:
            continue
        last, first = content[-1], following[0]
        where = f"page {page.number}: {last.kind} {last.text[:50]!r}"
        if page.items[-1].kind == "heading" or _intro_parted(page, first):
            found.append(f"{where} ends the page; {first.text[:40]!r} starts the next")
        elif last.kind == "quote" and first.kind == "question":
            found.append(f"{where} ends the page; its question starts the next")
        elif last.kind == "question" and after.items[0].kind == "rule":
            found.append(f"{where} ends the page; its answer lines start the next")
    return found


def _largest(pages: list[Page]) -> float:
    """The top-level heading size (a cover's title, on a page without running header, aside)."""
    return max((i.size for p in pages if p.has_header for i in p.items if i.kind == "heading"),
               default=0)


def page_fill(pages: list[Page]) -> list[tuple[int, float]]:
    """(page number, printed share) for each page that is not the last of the document or of
    a section (the next page opening with a top-level heading, or turned the other way: a
    wide rubric's landscape page starts and ends a section of its own)."""
    top_size = _largest(pages)
    out = []
    for page, after in zip(pages, pages[1:], strict=False):
        if page.landscape != after.landscape:
            continue
        following = after.content()
        if following and following[0].kind == "heading" and following[0].size >= top_size:
            continue
        out.append((page.number, page.printed_share()))
    return out
