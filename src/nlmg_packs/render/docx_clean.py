"""Take from a reference document only what makes the look, and nothing that could act.

A reference .docx is someone else's file: it may carry macros, an attached template on a
network share, images linked from `file:///etc/passwd`, embedded objects, or be a zip that
inflates to gigabytes or holds malformed XML. Copied as it is, all of that would travel into
every lesson plan. `clean_reference` rebuilds the package from the parts that make the look
(ECMA-376 Part 1, §11.3: styles, numbering, theme, font table, headers and footers with their
images, settings) and the document's last section properties, drops every other part and every
external relationship, and says what it dropped.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from nlmg_packs.errors import PackError, Problem

MAX_PARTS = 500
"""A package with more parts than this is refused (a real reference document has ~15)."""
MAX_PART_BYTES = 32 * 1024 * 1024
"""Largest part, once inflated (32 MB)."""
MAX_TOTAL_BYTES = 96 * 1024 * 1024
"""All parts together, once inflated (96 MB)."""

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MS = "http://schemas.microsoft.com/office/2007/relationships/"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships/"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

_FROM_PACKAGE = {_R + "officeDocument", _PKG + "metadata/core-properties",
                 _R + "extended-properties"}
_FROM_DOCUMENT = {_R + "styles", _MS + "stylesWithEffects", _R + "numbering", _R + "theme",
                  _R + "fontTable", _R + "settings", _R + "header", _R + "footer"}
_FROM_HEADER = {_R + "image"}
_SETTINGS_DROPPED = ("attachedTemplate", "mailMerge", "docVars", "saveThroughXslt",
                     "alwaysMergeEmptyNamespace", "documentProtection", "writeProtection",
                     "linkStyles")
"""Settings that point elsewhere, run something or lock the file: never taken."""


def clean_reference(path: Path | bytes, shown: str) -> tuple[bytes, list[str]]:
    """The reference document at `path` (or these bytes) reduced to the parts that make the
    look, as .docx bytes, and what was dropped (one phrase each, e.g. "macros
    (word/vbaProject.bin)").

    Raises PackError naming `shown` when it is not a zip, holds too many parts or inflates
    past the limits above, or holds malformed XML or a DTD in a part it would keep.
    """
    package = _Package(path, shown)
    dropped: list[str] = []
    keep: dict[str, bytes] = {}
    package_rels = package.relationships("", _FROM_PACKAGE, dropped)
    main = next((t for t, kind in package_rels.values() if kind == _R + "officeDocument"), None)
    if main is None:
        raise package.refuse("has no main document part", "save it again from Word or "
                             "LibreOffice as Word Document (.docx)")
    keep["_rels/.rels"] = package.rels_xml(package_rels)
    parts = {t for t, _ in package_rels.values()}
    doc_rels = package.relationships(main, _FROM_DOCUMENT, dropped)
    keep[_rels_name(main)] = package.rels_xml(doc_rels)
    for target, kind in list(doc_rels.values()):
        parts.add(target)
        wanted = _FROM_HEADER if kind in (_R + "header", _R + "footer") else set()
        inner = package.relationships(target, wanted, dropped)
        if inner:
            keep[_rels_name(target)] = package.rels_xml(inner)
            parts.update(t for t, _ in inner.values())
    for name in sorted(parts):
        keep[name] = package.cleaned(name, main)
    for name in package.names:
        if name not in keep and name != "[Content_Types].xml" and not name.endswith(
                (".rels", "/")):
            dropped.append(_describe(name))
    keep["[Content_Types].xml"] = package.content_types(set(keep), main)
    return _zip(keep), sorted(set(dropped))


def _describe(name: str) -> str:
    lower = name.lower()
    if "vbaproject" in lower or lower.endswith(".bin"):
        return f"macros or binary data ({name})"
    if "activex" in lower or "embeddings" in lower:
        return f"an embedded object ({name})"
    return f"the part {name}"


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


class _Package:
    """A zip read with limits: every part inflated at most once, never past the caps."""

    def __init__(self, path: Path | bytes, shown: str) -> None:
        self.shown = shown
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise self.refuse(f"cannot be read as a .docx ({exc})", "save it from Word or "
                              "LibreOffice as Word Document (.docx)") from None
        if len(infos) > MAX_PARTS:
            raise self.refuse(f"holds over {MAX_PARTS} parts", "save it again from Word or "
                              "LibreOffice, or use templates/default/reference.docx")
        self.names = [i.filename for i in infos]
        self._cache: dict[str, bytes] = {}
        self._total = 0
        self.kept_ids: dict[str, set[str]] = {}
        """By part: the ids of its relationships that are kept."""

    def refuse(self, message: str, hint: str) -> PackError:
        return PackError([Problem(self.shown, None, None, f"reference document {message}",
                                  hint)])

    def read(self, name: str) -> bytes | None:
        if name in self._cache:
            return self._cache[name]
        if name not in self.names:
            return None
        data = bytearray()
        try:
            with self.zip.open(name) as part:
                while chunk := part.read(1 << 20):
                    data += chunk
                    if len(data) > MAX_PART_BYTES or self._total + len(data) > MAX_TOTAL_BYTES:
                        raise self.refuse(
                            f"inflates past {MAX_TOTAL_BYTES // 1_048_576} MB (part {name})",
                            "a reference document is a few hundred KB: save it again, or use "
                            "templates/default/reference.docx")
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise self.refuse(f"has a damaged part {name} ({exc})", "save it again from "
                              "Word or LibreOffice") from None
        self._total += len(data)
        self._cache[name] = bytes(data)
        return self._cache[name]

    def xml(self, name: str) -> Any:
        from lxml import etree

        data = self.read(name)
        if data is None:
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False, remove_comments=True, remove_pis=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            why = getattr(exc, "msg", "") or str(exc)
            raise self.refuse(f"has malformed XML in {name} ({why})", "save it again from "
                              "Word or LibreOffice") from None
        if root.getroottree().docinfo.doctype:
            raise self.refuse(f"has a DTD in {name}", "a Word document never has one: save "
                              "it again from Word or LibreOffice")
        return root

    def relationships(self, part: str, wanted: set[str],
                      dropped: list[str]) -> dict[str, tuple[str, str]]:
        """The relationships of `part` ("" for the package) that are kept: id → (target part,
        type). Every other one is named in `dropped`."""
        root = self.xml(_rels_name(part) if part else "_rels/.rels")
        kept: dict[str, tuple[str, str]] = {}
        for rel in [] if root is None else root:
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                dropped.append(f"an external link to {target} ({kind.rsplit('/', 1)[-1]})")
                continue
            name = posixpath.normpath(posixpath.join(posixpath.dirname(part), target)
                                      ).lstrip("/")
            if kind in wanted and name in self.names and not name.startswith(".."):
                kept[rel.get("Id", "")] = (name, kind)
            # an internal link to a part not kept: the part itself is named as dropped
        self.kept_ids[part] = set(kept)
        return kept

    def rels_xml(self, rels: dict[str, tuple[str, str]]) -> bytes:
        from lxml import etree

        root = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
        for rid, (name, kind) in sorted(rels.items()):
            etree.SubElement(root, f"{{{_REL_NS}}}Relationship", Id=rid, Type=kind,
                             Target="/" + name)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def cleaned(self, name: str, main: str) -> bytes:
        """A kept part: XML checked and stripped of what points at dropped relationships;
        the main document reduced to its last section properties; images as they are."""
        from lxml import etree

        if not name.endswith(".xml"):
            return self.read(name) or b""
        root = self.xml(name)
        live = self.kept_ids.get(name, set())
        for element in list(root.iter()):
            refs = [v for k, v in element.attrib.items() if k.startswith(f"{{{_R[:-1]}}}")]
            if any(ref not in live for ref in refs):
                _remove(_enclosing_object(element))
        if name == main:
            _body_to_section(root)
        if root.tag == f"{{{_W}}}settings":
            for local in _SETTINGS_DROPPED:
                for element in root.findall(f"{{{_W}}}{local}"):
                    root.remove(element)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def content_types(self, parts: set[str], main: str) -> bytes:
        from lxml import etree

        source = self.xml("[Content_Types].xml")
        root = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
        for entry in [] if source is None else source:
            local = etree.QName(entry).localname
            if local == "Default":
                root.append(entry)
            elif local == "Override" and entry.get("PartName", "").lstrip("/") in parts:
                if entry.get("PartName", "").lstrip("/") == main:
                    entry.set("ContentType", _MAIN)  # never macro-enabled, never a template
                root.append(entry)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _enclosing_object(element: Any) -> Any:
    """The picture, embedded object or drawing an element belongs to, else the element."""
    objects = {f"{{{_W}}}{local}" for local in ("drawing", "pict", "object")}
    for ancestor in element.iterancestors():
        if ancestor.tag in objects:
            return ancestor
    return element


def _remove(element: Any) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _body_to_section(root: Any) -> None:
    body = root.find(f"{{{_W}}}body")
    if body is None:
        return
    for child in list(body):
        if child.tag != f"{{{_W}}}sectPr":
            body.remove(child)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        first = ["[Content_Types].xml", "_rels/.rels"]
        for name in first + sorted(n for n in parts if n not in first):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, parts[name])
    return buffer.getvalue()
