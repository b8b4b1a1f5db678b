"""Form fields that meet PDF/UA-1: an embedded font for typing and for their appearances.

reportlab's AcroForm API only knows the 14 standard fonts, which are not embedded; PDF/UA-1
§7.21.4.1 wants every font used for rendering embedded, and a viewer needs the whole font
(not a subset) in the form's /DR to show what a student types. So the finished file's field
font is replaced by the body font's TrueType file, embedded whole, as a simple WinAnsi font
(ISO 32000-1 §9.6.3, §12.7.3.3).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FIRST_CHAR, LAST_CHAR = 32, 255


def finish_fields(pdf, font_file: bytes | Path | None,
                  rules: dict[str, tuple[tuple[float, ...], str]] | None = None) -> None:
    """Point every field's /DA font, appearance streams and the form's /DR at one embedded font,
    and draw `rules` (field name → rule heights in points above its bottom edge, colour) into
    those fields' normal appearance.

    `pdf` is an open pikepdf.Pdf with an /AcroForm; `font_file` a TrueType file (bytes or path).
    Without a font the fields are left as they are.
    """
    if font_file is None:
        return
    import pikepdf

    data = Path(font_file).read_bytes() if isinstance(font_file, Path) else font_file
    font = _truetype(pdf, data)
    acro = pdf.Root.AcroForm
    resources = acro.get("/DR") or pikepdf.Dictionary()
    fonts = resources.get("/Font") or pikepdf.Dictionary()
    names = list(fonts.keys()) or ["/Helv"]
    for name in names:
        fonts[name] = font
    resources.Font = fonts
    acro.DR = resources
    if "/NeedAppearances" in acro:
        del acro.NeedAppearances
    ruled_streams: set[tuple[int, int]] = set()
    for field in acro.get("/Fields", []):
        appearance = field.get("/AP")
        if appearance is None:
            continue
        normal = appearance.N
        ruled = (rules or {}).get(str(field.get("/T", "")))
        if ruled:
            if normal.objgen in ruled_streams:  # reportlab shares identical appearances
                normal = appearance.N = pdf.make_indirect(pdf.make_stream(
                    normal.read_bytes(), **{k[1:]: v for k, v in normal.stream_dict.items()
                                            if k not in ("/Length", "/Filter", "/DecodeParms")}))
            ruled_streams.add(normal.objgen)
            _draw_rules(normal, *ruled)
        res = normal.get("/Resources")
        if res is not None and "/Font" in res:
            for name in list(res.Font.keys()):
                res.Font[name] = font


def _draw_rules(stream, heights: tuple[float, ...], colour: str) -> None:
    """Append ruled lines across the appearance stream's box: blank, the field prints them;
    once something is typed, the viewer's new appearance shows the text instead."""
    from nlmg_packs.render.pdf_flowables import RULE_WIDTH

    width = float(stream.BBox[2]) - float(stream.BBox[0])
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lines = "".join(f"0 {y:.2f} m {width:.2f} {y:.2f} l " for y in heights)
    stream.write(stream.read_bytes() + (
        f"\nq {RULE_WIDTH} w {red:.4f} {green:.4f} {blue:.4f} RG {lines}S Q\n").encode())


def _truetype(pdf, data: bytes):
    """A simple TrueType font dictionary embedding `data` whole, WinAnsi-encoded."""
    import pikepdf

    packed, widths, cached = _font_program(data)
    metrics = dict(cached)
    name = pikepdf.Name("/" + metrics.pop("name"))
    stream = pdf.make_stream(packed, Length1=len(data), Filter=pikepdf.Name.FlateDecode)
    descriptor = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=name, Flags=32,
                                    FontFile2=stream, **metrics)
    descriptor.FontBBox = pikepdf.Array(descriptor.FontBBox)
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=name,
        FirstChar=FIRST_CHAR, LastChar=LAST_CHAR, Widths=pikepdf.Array(widths),
        Encoding=pikepdf.Name.WinAnsiEncoding, FontDescriptor=pdf.make_indirect(descriptor)))


@lru_cache(maxsize=8)
def _font_program(data: bytes) -> tuple[bytes, list[int], dict]:
    """The font file compressed, its WinAnsi widths and descriptor metrics, parsed once."""
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
                   StemV=face.stemV)
    return zlib.compress(data, 6), widths, metrics
