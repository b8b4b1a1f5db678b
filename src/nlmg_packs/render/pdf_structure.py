"""Write a recorded logical structure into a finished PDF: the tagged-PDF and PDF/UA-1 parts.

ISO 32000-1 §14.7 (StructTreeRoot, ParentTree, OBJR), §14.8 (MarkInfo), ISO 14289-1 §5
(the `pdfuaid:part` XMP identification), §7.1 (DisplayDocTitle), §7.2 (Lang), §7.18.3 (/Tabs /S
on pages with annotations), §7.18.5 (link /Contents). Done with pikepdf after reportlab has
written the file, because reportlab's object model has no structure tree.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from nlmg_packs.render.pdf_tags import AnnotRef, Element, Mark, Structure


@dataclass(frozen=True)
class DocInfo:
    """What the catalog and XMP say about the file."""

    title: str
    author: str
    """The school or teacher who made the handout; empty for none."""
    subject: str
    keywords: tuple[str, ...]
    language: str
    """A BCP 47 tag (en-GB)."""
    timestamp: int
    """Seconds since the epoch for CreateDate and ModifyDate."""


def write_structure(data: bytes, structure: Structure, info: DocInfo,
                    field_font: bytes | None = None) -> bytes:
    """`data` (a PDF) with `structure` as its StructTreeRoot and the PDF/UA-1 catalog entries.

    `field_font` is a TrueType file embedded whole for form fields, so typed text uses an
    embedded font (PDF/UA §7.21.4.1). Raises pikepdf.PdfError if `data` is not a PDF.
    """
    import pikepdf

    pdf = pikepdf.open(BytesIO(data))
    writer = _TreeWriter(pdf)
    tree = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    tree.K = pikepdf.Array([writer.element(structure.root, tree)])
    tree.ParentTree = writer.parent_tree()
    tree.ParentTreeNextKey = writer.next_key
    pdf.Root.StructTreeRoot = tree
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(info.language)
    prefs = pdf.Root.get("/ViewerPreferences", pikepdf.Dictionary())
    prefs.DisplayDocTitle = True
    pdf.Root.ViewerPreferences = prefs
    pdf.Root.Metadata = pdf.make_stream(_xmp(info).encode("utf-8"),
                                        Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    _info_dict(pdf, info)
    if "/AcroForm" in pdf.Root:
        from nlmg_packs.render.pdf_fields import finish_fields
        finish_fields(pdf, field_font, structure.field_rules)
    out = BytesIO()
    # reportlab's streams are already compressed: pass them through rather than re-encode.
    # No object streams: they would make the file a third smaller, but the build counts pages
    # in the file's bytes (`build/render_job.py`), which needs page objects in the open.
    pdf.save(out, deterministic_id=True, compress_streams=True, fix_metadata_version=False,
             stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return out.getvalue()


class _TreeWriter:
    """Structure elements as PDF objects, and the ParentTree that maps content back to them."""

    def __init__(self, pdf) -> None:
        import pikepdf

        self.pikepdf, self.pdf = pikepdf, pdf
        self.pages = list(pdf.pages)
        self.by_page: dict[int, dict[int, object]] = {}
        self.annots: list[object] = []
        self.next_key = len(self.pages)
        self._names: dict[str, object] = {}

    def element(self, source: Element, parent) -> object:
        """`source` and its descendants as indirect StructElem dictionaries. Entries are
        gathered in Python and handed to pikepdf once per element: each call into it costs."""
        pk = self.pikepdf
        node = self.pdf.make_indirect(pk.Dictionary(Type=self._name("StructElem"),
                                                    S=self._name(source.role), P=parent))
        kids: list = []
        first_page = None
        for kid in source.kids:
            if isinstance(kid, Element):
                if _empty(kid) and kid.role not in ("TD", "TH"):  # cells keep the grid
                    continue
                kids.append(self.element(kid, node))
            elif isinstance(kid, Mark):
                if first_page is None:
                    first_page = kid.page
                    node.Pg = self.pages[kid.page - 1].obj
                if kid.page == first_page:
                    kids.append(kid.mcid)
                else:
                    kids.append(pk.Dictionary(Type=self._name("MCR"),
                                              Pg=self.pages[kid.page - 1].obj, MCID=kid.mcid))
                self.by_page.setdefault(kid.page - 1, {})[kid.mcid] = node
            else:
                kids.append(self._objr(kid, node, source.attrs.get("Contents", "")))
        # A single kid stands alone (some checkers read a lone MCID only that way).
        node.K = kids[0] if len(kids) == 1 else pk.Array(kids)
        for name, value in source.attrs.items():
            if name == "Contents":  # the description of the element's annotations
                continue
            if name == "Scope":
                node.A = pk.Dictionary(O=self._name("Table"), Scope=self._name(value))
            else:
                node[self._name(name)] = pk.String(value)
        return node

    def _name(self, name: str):
        """A PDF name, made once per writer."""
        made = self._names.get(name)
        if made is None:
            made = self._names[name] = self.pikepdf.Name("/" + name)
        return made

    def _objr(self, ref: AnnotRef, node, contents: str) -> object:
        pk = self.pikepdf
        page = self.pages[ref.page - 1]
        annot = page.obj.Annots[ref.index]
        if contents and annot.get("/Subtype") == "/Link":
            annot.Contents = pk.String(contents)
        annot.StructParent = self.next_key
        self.annots.append((self.next_key, node))
        self.next_key += 1
        page.obj.Tabs = pk.Name.S
        return pk.Dictionary(Type=pk.Name.OBJR, Obj=annot, Pg=page.obj)

    def parent_tree(self) -> object:
        pk = self.pikepdf
        nums = pk.Array()
        for index, page in enumerate(self.pages):
            marks = self.by_page.get(index)
            if not marks:
                continue
            page.obj.StructParents = index
            nums.append(index)
            nums.append(self.pdf.make_indirect(
                pk.Array([marks.get(m, None) for m in range(max(marks) + 1)])))
        for key, node in self.annots:
            nums.append(key)
            nums.append(node)
        return self.pdf.make_indirect(pk.Dictionary(Nums=nums))


def _empty(element: Element) -> bool:
    """An element with no content at all (a table row of blank cells) is left out; the answer
    is kept on the element, so a tree is walked once."""
    known = element.__dict__.get("_empty")
    if known is None:
        known = element.__dict__["_empty"] = all(isinstance(k, Element) and _empty(k)
                                                 for k in element.kids)
    return known


def _info_dict(pdf, info: DocInfo) -> None:
    import pikepdf

    docinfo = pdf.trailer.Info  # not pdf.docinfo, which would parse the XMP packet again
    docinfo.Title = pikepdf.String(info.title)
    if info.author:
        docinfo.Author = pikepdf.String(info.author)
    elif "/Author" in docinfo:
        del docinfo.Author


def _xmp(info: DocInfo) -> str:
    """The XMP packet: Dublin Core title, creator, description; PDF/UA-1 identification."""
    date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(info.timestamp))
    creator = (f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq>"
               "</dc:creator>" if info.author else "")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li>'
        f'</rdf:Alt></dc:title>{creator}'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}'
        '</rdf:li></rdf:Alt></dc:description>'
        f'<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag>'
        '</dc:language>'
        f'<pdf:Keywords>{escape(", ".join(info.keywords))}</pdf:Keywords>'
        '<pdf:Producer>nlmg-packs (ReportLab)</pdf:Producer>'
        f'<xmp:CreatorTool>nlmg-packs</xmp:CreatorTool><xmp:CreateDate>{date}</xmp:CreateDate>'
        f'<xmp:ModifyDate>{date}</xmp:ModifyDate>'
        '<pdfuaid:part>1</pdfuaid:part>'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
