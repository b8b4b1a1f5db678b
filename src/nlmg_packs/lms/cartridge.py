"""IMS Common Cartridge packages: files, resources, a module per lesson, the manifest, the zip.

Follows the CC 1.1 and 1.3 profiles of IMS Content Packaging 1.2 (`imsmanifest.xml` at the
root; one rooted-hierarchy organization whose items point at resources; resource types
`webcontent`, `imsdt_xmlv1p*`, `imsqti_xmlv1p2/imscc_xmlv1p*/assessment`). Nothing links out
of the package. The zip is byte-identical for the same content and epoch: entries in a fixed
order (the manifest first, then by path), one timestamp, fixed permissions.
"""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from nlmg_packs.lms.html_text import html_text

XSI = "http://www.w3.org/2001/XMLSchema-instance"
MIN_ZIP_TIME = 315532800
"""1980-01-01, the earliest time a zip entry can record."""


@dataclass(frozen=True)
class Profile:
    """What differs between Common Cartridge versions."""

    version: str
    cp: str
    lom: str
    lomr: str
    discussion: str
    discussion_ns: str
    assessment: str
    schemas: str


PROFILES = {
    "1.1": Profile("1.1.0", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
                   "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest",
                   "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource", "imsdt_xmlv1p1",
                   "http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1",
                   "imsqti_xmlv1p2/imscc_xmlv1p1/assessment",
                   "http://www.imsglobal.org/profile/cc/ccv1p1/"),
    "1.3": Profile("1.3.0", "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1",
                   "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest",
                   "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource", "imsdt_xmlv1p3",
                   "http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3",
                   "imsqti_xmlv1p2/imscc_xmlv1p3/assessment",
                   "http://www.imsglobal.org/profile/cc/ccv1p3/"),
}
"""Common Cartridge versions by the `--cc-version` value."""


@dataclass
class Resource:
    """A manifest `<resource>`: its files (paths inside the package) and, for a page, `href`."""

    ident: str
    type: str
    files: list[str]
    href: str | None = None
    intended_use: str | None = None


@dataclass
class Module:
    """A lesson's folder in the organization, listing its resources in order."""

    title: str
    entries: list[tuple[str, str]] = field(default_factory=list)
    """(title, resource identifier) in order."""


class Cartridge:
    """A cartridge being assembled; `package` gives its bytes."""

    def __init__(self, title: str, language: str, version: str = "1.1") -> None:
        self.title = title
        self.language = language
        self.profile = PROFILES[version]
        self.files: dict[str, bytes] = {}
        self.resources: list[Resource] = []
        self.modules: list[Module] = []

    def module(self, title: str) -> Module:
        """A new module, after the others."""
        self.modules.append(Module(title))
        return self.modules[-1]

    def _add(self, module: Module, title: str, resource: Resource,
             files: dict[str, bytes]) -> None:
        resource.ident = f"r{len(self.resources) + 1}-{resource.ident}"
        self.files.update(files)
        self.resources.append(resource)
        module.entries.append((title, resource.ident))

    def page(self, module: Module, title: str, path: str, data: bytes,
             intended_use: str | None = None) -> None:
        """A web page (or any file students open) at `path` inside the package."""
        self._add(module, title, Resource(_slug(path), "webcontent", [path], path, intended_use),
                  {path: data})

    def topic(self, module: Module, title: str, ident: str, text: str) -> None:
        """A discussion topic (imsdt) titled `title`, opening with `text` (inline syntax)."""
        ET.register_namespace("", self.profile.discussion_ns)
        ns = self.profile.discussion_ns
        root = ET.Element(f"{{{ns}}}topic")
        ET.SubElement(root, f"{{{ns}}}title").text = title
        ET.SubElement(root, f"{{{ns}}}text", {"texttype": "text/html"}).text = \
            f"<p>{html_text(text)}</p>"
        path = f"{ident}/topic.xml"
        self._add(module, title, Resource(ident, self.profile.discussion, [path]),
                  {path: _xml(root)})

    def assessment(self, module: Module, title: str, ident: str, qti: bytes) -> None:
        """A QTI 1.2 (CC profile) assessment file."""
        path = f"{ident}/assessment.xml"
        self._add(module, title, Resource(ident, self.profile.assessment, [path]), {path: qti})

    def manifest(self) -> bytes:
        """`imsmanifest.xml`."""
        p = self.profile
        for prefix, ns in (("", p.cp), ("lomimscc", p.lom), ("xsi", XSI)):
            ET.register_namespace(prefix, ns)
        root = ET.Element(f"{{{p.cp}}}manifest", {
            "identifier": f"m-{_slug(self.title)}",
            f"{{{XSI}}}schemaLocation": _locations(p)})
        meta = ET.SubElement(root, f"{{{p.cp}}}metadata")
        ET.SubElement(meta, f"{{{p.cp}}}schema").text = "IMS Common Cartridge"
        ET.SubElement(meta, f"{{{p.cp}}}schemaversion").text = p.version
        general = ET.SubElement(ET.SubElement(meta, f"{{{p.lom}}}lom"), f"{{{p.lom}}}general")
        title = ET.SubElement(general, f"{{{p.lom}}}title")
        ET.SubElement(title, f"{{{p.lom}}}string", {"language": self.language}).text = self.title
        organization = ET.SubElement(ET.SubElement(root, f"{{{p.cp}}}organizations"),
                                     f"{{{p.cp}}}organization",
                                     {"identifier": "org", "structure": "rooted-hierarchy"})
        top = ET.SubElement(organization, f"{{{p.cp}}}item", {"identifier": "root"})
        for m, module in enumerate(self.modules, 1):
            folder = ET.SubElement(top, f"{{{p.cp}}}item", {"identifier": f"m{m}"})
            ET.SubElement(folder, f"{{{p.cp}}}title").text = module.title
            for e, (name, ref) in enumerate(module.entries, 1):
                item = ET.SubElement(folder, f"{{{p.cp}}}item",
                                     {"identifier": f"m{m}-i{e}", "identifierref": ref})
                ET.SubElement(item, f"{{{p.cp}}}title").text = name
        resources = ET.SubElement(root, f"{{{p.cp}}}resources")
        for r in self.resources:
            attrib = {"identifier": r.ident, "type": r.type}
            if r.href:
                attrib["href"] = r.href
            if r.intended_use:
                attrib["intendeduse"] = r.intended_use
            element = ET.SubElement(resources, f"{{{p.cp}}}resource", attrib)
            for path in r.files:
                ET.SubElement(element, f"{{{p.cp}}}file", {"href": path})
        return _xml(root)

    def package(self, epoch: int) -> bytes:
        """The `.imscc` zip, identical for identical content and `epoch`."""
        return zip_entries([("imsmanifest.xml", self.manifest()), *sorted(self.files.items())],
                           epoch)


def zip_entries(entries: list[tuple[str, bytes]], epoch: int) -> bytes:
    """A zip of `entries` in the order given, each stamped `epoch` (not before 1980)."""
    stamp = time.gmtime(max(epoch, MIN_ZIP_TIME))[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = (zipfile.ZIP_STORED if name.endswith((".pdf", ".docx"))
                                  else zipfile.ZIP_DEFLATED)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return buffer.getvalue()


def _locations(p: Profile) -> str:
    short = "ccv1p1" if p.version.startswith("1.1") else "ccv1p3"
    return (f"{p.cp} {p.schemas}{short}_imscp_v1p2_v1p0.xsd "
            f"{p.lom} {p.schemas}LOM/{short}_lommanifest_v1p0.xsd")


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in text.lower()).strip("-")[:60]


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")
