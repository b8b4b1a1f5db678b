"""Write the recorded logical structure into the PDF as reportlab writes it: the tagged-PDF and
PDF/UA-1 parts of the file.

ISO 32000-1 §14.7.2 (structure elements), §14.7.4 (marked-content references, object
references, the ParentTree), §14.8 (MarkInfo), §14.9.2 (/Lang); ISO 14289-1 §5 (the
`pdfuaid:part` XMP identification), §7.1 (DisplayDocTitle), §7.2 (Lang), §7.18.3 (/Tabs /S on
pages with annotations), §7.18.5 (link /Contents).

`TaggedCanvas.save` adds these objects to reportlab's own document (`canvas._doc`) once the last
page is shown, before reportlab numbers and writes its objects, so the file is written once and
never parsed again. The structure elements are many (hundreds a file) and all alike, so each is
an object whose bytes are made here in one go (`_Made`) rather than a `PDFDictionary` formatted
key by key; reportlab numbers, places and cross-references them as any other object.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    LinkAnnotation,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFObject,
    PDFPage,
    PDFStream,
    PDFString,
)

from nlmg_packs.render.pdf_tags import AnnotRef, Element, Mark, TaggingCanvas

_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
"""The entries reportlab writes into a page dictionary, and the two tagging adds."""


@dataclass(frozen=True)
class DocInfo:
    """What the catalog, the document information dictionary and the XMP say about the file."""

    title: str
    author: str
    """The school or teacher who made the handout; empty for none."""
    subject: str
    keywords: tuple[str, ...]
    language: str
    """A BCP 47 tag (en-GB)."""
    timestamp: int
    """Seconds since the epoch for CreateDate and ModifyDate."""


class TaggedCanvas(TaggingCanvas):
    """A tagging canvas that writes its structure into the file as it saves it, and whose form
    fields use the embedded `field_font` (`pdf_fields.FieldForm`)."""

    doc_info: DocInfo | None = None
    """Set before drawing; without it the file is saved untagged."""
    field_font: bytes | Path | None = None
    """A TrueType file for form fields (PDF/UA-1 §7.21.4.1), embedded whole."""

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        if self.doc_info is not None:
            write_structure(self, self.doc_info)
        super().save()

    @property
    def acroForm(self):  # noqa: N802 (reportlab's name)
        """The document's form, made (and put in the catalog) when the first field is drawn."""
        form = self.__dict__.get("AcroForm")
        if form is None:
            from nlmg_packs.render.pdf_fields import FieldForm

            form = self.AcroForm = FieldForm(self, self.field_font)
            self._doc.Catalog.AcroForm = form
        return form


def write_structure(canv: TaggingCanvas, info: DocInfo) -> None:
    """Add `canv.structure` as the StructTreeRoot of `canv`'s document, with the ParentTree,
    MarkInfo, Lang, DisplayDocTitle, XMP metadata and document information PDF/UA-1 asks for.

    Call it after the last page is shown and before reportlab formats the document.
    """
    doc = canv._doc
    writer = _TreeWriter(doc)
    tree = _Made()
    tree_ref = writer.ref(tree)
    top = writer.element(canv.structure.root, tree_ref)
    parents = writer.parent_tree()
    tree.body = (b"<< /Type /StructTreeRoot /K [ %s ] /ParentTree %s /ParentTreeNextKey %d >>"
                 % (top, parents, writer.next_key))
    catalog = doc.Catalog
    catalog.StructTreeRoot = tree
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Lang = PDFString(info.language)
    canv.setViewerPreference("DisplayDocTitle", "true")
    # XMP stays uncompressed, so tools that do not parse PDF can still find it (ISO 32000-1
    # §14.3.2).
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        _xmp(info).encode("utf-8"))
    info_dict = _Info()
    info_dict.__dict__.update(doc.info.__dict__)
    info_dict.title, info_dict.author = info.title, info.author
    doc.info = info_dict


class _Made(PDFObject):
    """An indirect object whose bytes are made before reportlab formats the file."""

    def __init__(self, body: bytes = b"") -> None:
        self.body = body

    def format(self, document) -> bytes:  # noqa: ARG002 (reportlab's signature)
        return self.body


class _Info(PDFInfo):
    """reportlab's document information dictionary, without /Author when there is none (an
    empty author is no author: the novelist never is one)."""

    def format(self, document) -> bytes:
        entries = {"Title": PDFString(self.title), "Producer": PDFString(self.producer),
                   "Creator": PDFString(self.creator), "Subject": PDFString(self.subject),
                   "Keywords": PDFString(self.keywords), "Trapped": PDFName(self.trapped)}
        entries["ModDate"] = entries["CreationDate"] = PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter)
        if self.author:
            entries["Author"] = PDFString(self.author)
        return PDFDictionary(entries).format(document)


class _TreeWriter:
    """Structure elements as PDF objects, and the ParentTree that maps content back to them."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.numbers = doc.idToObjectNumberAndVersion
        self.pages: list[PDFPage] = doc.Pages.pages
        self.page_refs = [self.ref(page) for page in self.pages]
        self.by_page: dict[int, dict[int, bytes]] = {}
        self.annots: list[tuple[int, bytes]] = []
        self.next_key = len(self.pages)

    def ref(self, obj: PDFObject) -> bytes:
        """`obj` made an indirect object of the document (if it is not one yet): "n 0 R"."""
        return b"%d %d R" % self.numbers[self.doc.Reference(obj).name]

    def element(self, source: Element, parent: bytes) -> bytes:
        """`source` and its descendants as StructElem objects; the reference to `source`'s."""
        node = _Made()
        ref = self.ref(node)
        kids: list[bytes] = []
        page_entry = b""
        first_page = None
        for kid in source.kids:
            if isinstance(kid, Element):
                if _empty(kid) and kid.role not in ("TD", "TH"):  # cells keep the grid
                    continue
                kids.append(self.element(kid, ref))
            elif isinstance(kid, Mark):
                page = self.page_refs[kid.page - 1]
                if first_page is None:
                    first_page, page_entry = kid.page, b" /Pg " + page
                if kid.page == first_page:
                    kids.append(b"%d" % kid.mcid)
                else:
                    kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (page, kid.mcid))
                self.by_page.setdefault(kid.page - 1, {})[kid.mcid] = ref
            else:
                kids.append(self._objr(kid, ref, source.attrs.get("Contents", "")))
        # A single kid stands alone (some checkers read a lone MCID only that way).
        k = kids[0] if len(kids) == 1 else b"[ " + b" ".join(kids) + b" ]"
        parts = [b"<< /Type /StructElem /S ", _name(source.role), b" /P ", parent, page_entry,
                 b" /K ", k]
        for name, value in source.attrs.items():
            if name == "Contents":  # the description of the element's annotations
                continue
            if name == "Scope":
                parts.append(b"\n/A << /O /Table /Scope %s >>" % _name(value))
            else:
                parts.append(b"\n%s %s" % (_name(name), PDFString(value).format(self.doc)))
        parts.append(b" >>")
        node.body = b"".join(parts)
        return ref

    def _objr(self, ref: AnnotRef, node: bytes, contents: str) -> bytes:
        page = self.pages[ref.page - 1]
        annot_ref = page.Annots[ref.index]
        _annotate(self.doc.idToObject[annot_ref.name], self.next_key, contents)
        self.annots.append((self.next_key, node))
        self.next_key += 1
        page.__NoDefault__ = _PAGE_KEYS
        page.Tabs = PDFName("S")
        return b"<< /Type /OBJR /Obj %d %d R /Pg %s >>" % (
            *self.numbers[annot_ref.name], self.page_refs[ref.page - 1])

    def parent_tree(self) -> bytes:
        """The ParentTree (a number tree, ISO 32000-1 §7.9.7): each page's StructParents key
        to an array of the elements its MCIDs belong to; each annotation's StructParent key
        to its element."""
        nums: list[bytes] = []
        for index, page in enumerate(self.pages):
            marks = self.by_page.get(index)
            if not marks:
                continue
            page.__NoDefault__ = _PAGE_KEYS
            page.StructParents = index
            owners = b"\n".join(marks.get(m, b"null") for m in range(max(marks) + 1))
            nums.append(b"%d %s" % (index, self.ref(_Made(b"[ " + owners + b" ]"))))
        nums.extend(b"%d %s" % pair for pair in self.annots)
        return self.ref(_Made(b"<< /Nums [ " + b"\n".join(nums) + b" ] >>"))


def _annotate(annot: PDFObject, key: int, contents: str) -> None:
    """Give an annotation its StructParent key and, for a link, its description."""
    if isinstance(annot, LinkAnnotation):  # an internal link (`Canvas.linkRect`)
        annot.permitted = (*LinkAnnotation.permitted, "StructParent")
        annot.otherkw["StructParent"] = key
        if contents:
            annot.Contents = contents
    elif isinstance(annot, PDFDictionary):  # a form widget, or a link to a URI
        annot["StructParent"] = key
        if contents and annot.dict.get("Subtype") == PDFName("Link"):
            annot["Contents"] = PDFString(contents)


@lru_cache(maxsize=256)
def _name(name: str) -> bytes:
    return PDFName(name).encode("ascii")


def _empty(element: Element) -> bool:
    """An element with no content at all (a table row of blank cells) is left out; the answer
    is kept on the element, so a tree is walked once."""
    known = element.__dict__.get("_empty")
    if known is None:
        known = element.__dict__["_empty"] = all(isinstance(k, Element) and _empty(k)
                                                 for k in element.kids)
    return known


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
