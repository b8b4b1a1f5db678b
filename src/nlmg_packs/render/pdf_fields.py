"""Form fields that meet PDF/UA-1: an embedded font for typing and for their appearances.

reportlab's AcroForm API only knows the 14 standard fonts, which are not embedded; PDF/UA-1
§7.21.4.1 wants every font used for rendering embedded, and a viewer needs the whole font
(not a subset) in the form's /DR to show what a student types. So `FieldForm` gives every field
the body font's TrueType file, embedded whole, as a simple WinAnsi font (ISO 32000-1 §9.6.3,
§12.7.3.3), and draws the answer rules the structure asks for (`pdf_tags.rules_in_field`) into
the field's normal appearance (§12.5.5), all while reportlab makes the field.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream

FIRST_CHAR, LAST_CHAR = 32, 255
FONT_RESOURCE = "FieldFont"
"""The name fields' /DA and the form's /DR give the embedded font."""


class FieldForm(AcroForm):
    """reportlab's AcroForm with every text field set in one embedded TrueType font and ruled.

    `font_file` is a TrueType file (bytes or path); without one, fields keep reportlab's
    standard fonts. Rules come from the canvas's structure: field name → heights in points
    above the field's bottom edge, and their colour ("#RRGGBB").
    """

    def __init__(self, canv, font_file: bytes | Path | None) -> None:
        super().__init__(canv)
        self.font_file = font_file
        self._font: tuple[str, str] | None = None
        self._rules: tuple[tuple[float, ...], str] | None = None

    def makeFont(self, fontName):  # noqa: N802, N803 (reportlab's names)
        """The embedded font's reference and resource name, whatever font is asked for."""
        if self.font_file is None:
            return super().makeFont(fontName)
        if self._font is None:
            font = _truetype(self.canv._doc, self.font_file)
            self._font = self.getRefStr(font), FONT_RESOURCE
            self.fonts[FONT_RESOURCE] = self._font[0]
        return self._font

    def _textfield(self, **kwargs):
        structure = getattr(self.canv, "structure", None)
        self._rules = structure.field_rules.get(kwargs.get("name")) if structure else None
        try:
            return super()._textfield(**kwargs)
        finally:
            self._rules = None

    def txAP(self, *args, **kwargs):  # noqa: N802 (reportlab's name)
        """The field's appearance stream, with its answer rules after what reportlab draws:
        blank, the field prints them; once something is typed, the viewer's new appearance
        shows the text instead, so typing never runs through a rule."""
        stream = super().txAP(*args, **kwargs)
        if self._rules:
            extra = _rules(stream.dictionary["BBox"].sequence[2], *self._rules)
            stream.content += extra
            stream._af_refstr += extra  # identical appearances are shared: rules tell apart
        return stream


def _rules(width: float, heights: tuple[float, ...], colour: str) -> str:
    """Content operators stroking a rule across `width` points at each of `heights`."""
    from nlmg_packs.render.pdf_flowables import RULE_WIDTH

    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lines = "".join(f"0 {y:.2f} m {width:.2f} {y:.2f} l " for y in heights)
    return f"\nq {RULE_WIDTH} w {red:.4f} {green:.4f} {blue:.4f} RG {lines}S Q\n"


def _truetype(doc, font_file: bytes | Path) -> PDFDictionary:
    """A simple TrueType font dictionary embedding `font_file` whole, WinAnsi-encoded; its
    descriptor and font program are indirect objects of `doc` (ISO 32000-1 §9.8.1)."""
    # a file is read and parsed once a process (fillable PDFs all embed the same font)
    packed, widths, cached = (_font_file(str(font_file)) if isinstance(font_file, Path)
                              else _font_program(font_file))
    metrics = dict(cached)
    name = PDFName(metrics.pop("name"))
    program = PDFStream(PDFDictionary({"Length1": metrics.pop("length"),
                                       "Filter": PDFName("FlateDecode")}), packed)
    descriptor = PDFDictionary({"Type": PDFName("FontDescriptor"), "FontName": name, "Flags": 32,
                                "FontFile2": program, **metrics,
                                "FontBBox": PDFArray(metrics["FontBBox"])})
    return PDFDictionary({
        "Type": PDFName("Font"), "Subtype": PDFName("TrueType"), "BaseFont": name,
        "FirstChar": FIRST_CHAR, "LastChar": LAST_CHAR, "Widths": PDFArray(widths),
        "Encoding": PDFName("WinAnsiEncoding"), "FontDescriptor": doc.Reference(descriptor)})


@lru_cache(maxsize=8)
def _font_file(path: str) -> tuple[bytes, list[int], dict]:
    """`_font_program` of the TrueType file at `path`."""
    return _font_program(Path(path).read_bytes())


@lru_cache(maxsize=8)
def _font_program(data: bytes) -> tuple[bytes, list[int], dict]:
    """The font file compressed, its WinAnsi widths and descriptor metrics (with the file's
    length in bytes), parsed once."""
    import zlib
    from io import BytesIO

    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(BytesIO(data), validate=0)
    widths = []
    for code in range(FIRST_CHAR, LAST_CHAR + 1):
        try:
            char = ord(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:
            char = None
        widths.append(round(face.charWidths.get(char, face.defaultWidth)) if char else 0)
    metrics = dict(name=face.name.decode("latin-1"), FontBBox=[round(v) for v in face.bbox],
                   ItalicAngle=face.italicAngle, Ascent=round(face.ascent),
                   Descent=round(face.descent), CapHeight=round(face.capHeight),
                   StemV=face.stemV, length=len(data))
    return zlib.compress(data, 6), widths, metrics
