"""The styles a lesson plan uses: their names, how the reference document defines them, and
setters that leave a style clean (no theme fonts or theme colours overriding what we set)."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from nlmg_packs.render.docx_xml import hex6, paragraph_borders, paragraph_shading

GREY = "#5F6670"
RULE = "#B9C0C9"

PARAGRAPH_STYLES = (
    "Normal", "Title", "Subtitle", "Cover Detail", "Heading 1", "Heading 2", "Heading 3",
    "Lead", "Small", "Muted", "Quote", "Citation", "Question", "Question Meta", "Answer Line",
    "Answer Label", "Teacher Note Title", "Teacher Note", "Callout", "Warning", "List Bullet",
    "List Number", "Table Text", "Table Small", "Table Heading", "Legend", "Name Lines",
    "TOC Heading", "toc 1", "Header", "Footer",
)
CHARACTER_STYLES = ("Strong", "Theme Chip")
TABLE_STYLES = ("Pack Table",)
NEEDED = PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES
"""Every style the renderer asks the reference document for."""


@dataclass
class Spec:
    """How the reference document sets one paragraph style (None: leave as is)."""

    base: str | None = "Normal"
    font: str | None = None
    """"body" or "headings": the template's DOCX font of that role."""
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    colour: str | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None
    exact: bool = False
    """`line` is an exact height in points rather than a multiple."""
    left: float | None = None
    right: float | None = None
    hanging: float | None = None
    align: str | None = None
    keep_next: bool | None = None
    border: dict[str, int] = field(default_factory=dict)
    border_colour: str = RULE
    border_space: int = 1
    """Gap between text and border, in points."""
    shading: str | None = None
    tabs: tuple[tuple[float, str, str], ...] = ()
    """(position in pt, "left"/"right", leader "spaces"/"dots"/"line")."""
    contextual: bool | None = None
    """False: keep spacing between paragraphs of this style (so two lists stay apart)."""
    outline: bool = True
    """False: the style is not part of the document outline (TOC Heading)."""


def mix(colour: str, amount: float) -> str:
    """`colour` blended towards white: 0 keeps it, 1 gives white."""
    r, g, b = (int(hex6(colour)[i:i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in (r, g, b))


def paragraph_specs(colours, sizes, text_width: float) -> dict[str, Spec]:
    """The paragraph styles of the default reference document, in points."""
    body, (h1, h2, h3), small = sizes
    primary, accent, teacher, text = colours
    return {
        "Normal": Spec(base=None, font="body", size=body, colour=text, before=0, after=6,
                       line=1.15, align="left"),
        "Title": Spec(font="headings", size=30, bold=True, colour=primary, before=96, after=8,
                      line=1.0, border={"bottom": 12}, border_colour=primary),
        "Subtitle": Spec(font="headings", size=16, colour=accent, before=6, after=24,
                         italic=False),
        "Cover Detail": Spec(size=body + 1, colour=GREY, after=2),
        "Heading 1": Spec(font="headings", size=h1, bold=True, colour=primary, before=20, after=8,
                          line=1.0, keep_next=True, border={"bottom": 6},
                          border_colour=mix(primary, 0.55)),
        "Heading 2": Spec(font="headings", size=h2, bold=True, colour=primary, before=14,
                          after=4, line=1.0, keep_next=True),
        "Heading 3": Spec(font="headings", size=h3, bold=True, colour=text, before=10, after=3,
                          line=1.0, keep_next=True),
        "Lead": Spec(size=body + 1.5, colour=text, after=10),
        "Small": Spec(size=small, after=4),
        "Muted": Spec(size=body - 1, colour=GREY, after=6),
        "Quote": Spec(italic=True, left=18, right=18, before=8, after=2, keep_next=True,
                      border={"left": 18}, border_colour=accent, border_space=10),
        "Citation": Spec(size=small + 0.5, colour=GREY, left=18, right=18, after=10,
                         align="right"),
        "Question": Spec(left=20, hanging=20, before=10, after=4, keep_next=True,
                         tabs=((20, "left", "spaces"),)),
        "Question Meta": Spec(size=small, colour=GREY, left=20, after=4, keep_next=True),
        "Answer Line": Spec(size=body, line=22, exact=True, before=0, after=0, left=20,
                            border={"bottom": 4, "between": 4}, keep_next=True),
        "Answer Label": Spec(font="headings", size=small + 0.5, bold=True, colour=primary,
                             left=20, before=10, after=0, keep_next=True),
        "Teacher Note Title": Spec(font="headings", size=small + 0.5, bold=True, colour=primary,
                                   before=0, after=4, keep_next=True),
        "Teacher Note": Spec(size=body - 0.5, after=4),
        "Callout": Spec(left=8, right=0, before=8, after=10, border={"left": 24},
                        border_colour=primary, border_space=6, shading=mix(primary, 0.9)),
        "Warning": Spec(left=8, right=0, before=8, after=10, border={"left": 24},
                        border_colour=accent, border_space=6, shading=mix(accent, 0.9)),
        "List Bullet": Spec(after=3, contextual=False),
        "List Number": Spec(after=3, contextual=False),
        "Table Text": Spec(size=body - 1, before=0, after=0, line=1.05),
        "Table Small": Spec(size=small, before=0, after=0, line=1.0),
        "Table Heading": Spec(font="headings", size=body - 1, bold=True, colour="#FFFFFF",
                              before=0, after=0, line=1.0),
        "Legend": Spec(size=small + 0.5, colour=text, before=2, after=8),
        "Name Lines": Spec(before=0, after=14, line=1.0, tabs=(
            (text_width * 0.55, "left", "line"), (text_width * 0.8, "left", "line"),
            (text_width, "right", "line"))),
        "TOC Heading": Spec(base="Heading 1", outline=False, before=28),
        "toc 1": Spec(after=4, tabs=((text_width, "right", "dots"),)),
        "Header": Spec(size=small, colour=GREY, after=0, border={"bottom": 4}, border_space=4,
                       tabs=((text_width, "right", "spaces"),)),
        "Footer": Spec(size=small, colour=GREY, after=0, tabs=((text_width, "right", "spaces"),)),
    }


_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "center": WD_ALIGN_PARAGRAPH.CENTER}
_TAB = {"left": WD_TAB_ALIGNMENT.LEFT, "right": WD_TAB_ALIGNMENT.RIGHT}
_LEADER = {"spaces": WD_TAB_LEADER.SPACES, "dots": WD_TAB_LEADER.DOTS,
           "line": WD_TAB_LEADER.LINES}


def set_font(style, name: str) -> None:
    """Ask for font `name` in every script slot, dropping theme-font references."""
    rFonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    rFonts.attrib.clear()
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        rFonts.set(qn(f"w:{slot}"), name)


def set_size(style, size: float) -> None:
    style.font.size = Pt(size)
    rPr = style.element.get_or_add_rPr()
    szCs = rPr.find(qn("w:szCs"))
    if szCs is not None:
        szCs.set(qn("w:val"), str(round(size * 2)))


def set_line(style, line: float, exact: bool = False) -> None:
    fmt = style.paragraph_format
    if exact:
        from docx.enum.text import WD_LINE_SPACING
        fmt.line_spacing = Pt(line)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    else:
        fmt.line_spacing = line


def apply_spec(style, spec: Spec, fonts: dict[str, str]) -> None:
    """Set `style` as `spec` says."""
    fmt = style.paragraph_format
    if spec.font:
        set_font(style, fonts[spec.font])
    if spec.size is not None:
        set_size(style, spec.size)
    if spec.bold is not None:
        style.font.bold = spec.bold
    if spec.italic is not None:
        style.font.italic = spec.italic
    if spec.colour:
        style.font.color.rgb = RGBColor.from_string(hex6(spec.colour))
    for attr, value in (("space_before", spec.before), ("space_after", spec.after),
                        ("left_indent", spec.left), ("right_indent", spec.right)):
        if value is not None:
            setattr(fmt, attr, Pt(value))
    if spec.hanging is not None:
        fmt.first_line_indent = Pt(-spec.hanging)
    if spec.line is not None:
        set_line(style, spec.line, spec.exact)
    if spec.align:
        fmt.alignment = _ALIGN[spec.align]
    if spec.keep_next is not None:
        fmt.keep_with_next = spec.keep_next
    pPr = style.element.get_or_add_pPr()
    if spec.border:
        paragraph_borders(pPr, spec.border_colour, spec.border, space=spec.border_space)
    else:
        old = pPr.find(qn("w:pBdr"))
        if old is not None:
            pPr.remove(old)
    if spec.shading:
        paragraph_shading(pPr, spec.shading)
    if spec.tabs:
        fmt.tab_stops.clear_all()
        for position, kind, leader in spec.tabs:
            fmt.tab_stops.add_tab_stop(Twips(round(position * 20)), _TAB[kind], _LEADER[leader])
    if spec.contextual is False:
        contextual = pPr.find(qn("w:contextualSpacing"))
        if contextual is not None:
            pPr.remove(contextual)
    if not spec.outline:
        outline = pPr.find(qn("w:outlineLvl"))
        if outline is not None:
            pPr.remove(outline)


class StyleMap(dict):
    """Styles by lower-case name. It holds the `w:style` elements and makes a python-docx style
    object only for a style asked for: making one for each of the hundreds of styles in a
    reference document, for every document rendered, took longer than the rest of the lookup."""

    def __getitem__(self, name: str):
        from docx.styles.style import StyleFactory

        return StyleFactory(super().__getitem__(name))


def style_map(document) -> StyleMap:
    """Styles by lower-case name: Word saves "heading 1" and "toc 1", LibreOffice "Heading 1"
    and "TOC 1", and python-docx's own lookup finds only the first spelling."""
    found = StyleMap()
    # Read straight from the XML: python-docx's `style.name` costs a hundred times as much.
    # (Its name aliases differ from the XML only in case.)
    for element in document.styles.element.iterchildren(_STYLE):
        name = element.find(_NAME)
        value = None if name is None else name.get(_VAL)
        if value is not None:
            found.setdefault(value.lower(), element)
    return found


def style_ids(document, named: StyleMap) -> dict[str, str | None]:
    """The id to write for each style of `named`: None for the default style of its type (the
    one applied by writing no style at all), as python-docx itself does."""
    defaults = {}
    for element in document.styles.element.iterchildren(_STYLE):
        if element.get(_DEFAULT) in ("1", "true", "on"):
            defaults[element.get(_TYPE)] = element  # the last one wins, as in Word
    return {name: None if defaults.get(element.get(_TYPE)) is element
            else element.get(_STYLE_ID) for name, element in dict.items(named)}


_STYLE, _NAME, _VAL = qn("w:style"), qn("w:name"), qn("w:val")
_TYPE, _DEFAULT, _STYLE_ID = qn("w:type"), qn("w:default"), qn("w:styleId")

_BUILTIN_IDS = {"toc 1": "TOC1"}
"""Word finds its built-in styles by these ids; the TOC field fills "toc 1" paragraphs."""


def ensure_paragraph_style(styles, name: str, base: str | None):
    """The paragraph style `name`, added (based on `base`) when the document lacks it."""
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.styleId = _BUILTIN_IDS.get(name, name.replace(" ", ""))
        if base:
            style.base_style = styles[base]
        style.quick_style = True
        return style
