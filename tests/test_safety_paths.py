"""Nothing leaves the pack, text is never markup, and a failed build never loses earlier work."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from nlmg_packs.errors import NlmgError, OutputError, PackError
from nlmg_packs.pack import load_pack
from nlmg_packs.template import load_template
from tests.conftest import ROOT, edit

DEFAULT_TEMPLATE = ROOT / "templates" / "default"
def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()
"""A real, tiny PNG: a logo must decode, not only start like one."""


def run_build(pack: Path, out: Path, **options: object):
    from nlmg_packs.builder.run import BuildRequest
    from nlmg_packs.builder.run import run_build as build

    options.setdefault("template", DEFAULT_TEMPLATE)
    return build(BuildRequest(packs=(pack,), out=out, jobs=1, **options))  # type: ignore[arg-type]


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            *args: str) -> tuple[int, str]:
    from nlmg_packs.cli import main

    monkeypatch.setattr("sys.argv", ["nlmg-packs", *args])
    with pytest.raises(SystemExit) as caught:
        main()
    return caught.value.code, capsys.readouterr().err


LOCK = ".nlmg-packs.lock"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file the build left in `folder`, except its (empty) lock file."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != LOCK}


# ---- paths stay inside their folder ------------------------------------------------------

def template_folder(tmp_path: Path, key: str, value: str) -> Path:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    lines = {"logo": f"logo: {value!r}\n", "reference_doc": f"reference_doc: {value!r}\n",
             "font": f"fonts: {{regular: {value!r}}}\n"}
    (folder / "template.yaml").write_text(lines[key], "utf-8")
    return folder


def secret(tmp_path: Path, key: str) -> Path:
    """A real file of the right kind outside the template folder."""
    import reportlab

    sources = {"logo": None, "font": Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
               "reference_doc": DEFAULT_TEMPLATE / "reference.docx"}
    path = tmp_path / {"logo": "secret.png", "font": "secret.ttf",
                       "reference_doc": "secret.docx"}[key]
    source = sources[key]
    path.write_bytes(PNG if source is None else source.read_bytes())
    return path


KEYS = ["logo", "font", "reference_doc"]


@pytest.mark.parametrize("key", KEYS)
def test_dot_dot_is_refused(key: str, tmp_path: Path) -> None:
    target = secret(tmp_path, key)
    folder = template_folder(tmp_path, key, f"../{target.name}")
    with pytest.raises(PackError) as caught:
        load_template(folder)
    assert f"path `../{target.name}` leaves the folder" in str(caught.value)


@pytest.mark.parametrize("key", KEYS)
def test_absolute_path_is_refused(key: str, tmp_path: Path) -> None:
    target = secret(tmp_path, key)
    folder = template_folder(tmp_path, key, str(target))
    with pytest.raises(PackError) as caught:
        load_template(folder)
    assert f"path `{target}` leaves the folder" in str(caught.value)


@pytest.mark.parametrize("key", KEYS)
def test_symlink_leading_outside_is_refused(key: str, tmp_path: Path) -> None:
    target = secret(tmp_path, key)
    folder = template_folder(tmp_path, key, "inside" + target.suffix)
    (folder / ("inside" + target.suffix)).symlink_to(target)
    with pytest.raises(PackError) as caught:
        load_template(folder)
    assert f"path `inside{target.suffix}` is a link to outside the folder" in str(caught.value)


@pytest.mark.parametrize("key", KEYS)
def test_a_real_file_inside_is_accepted(key: str, tmp_path: Path) -> None:
    target = secret(tmp_path, key)
    folder = template_folder(tmp_path, key, "assets/" + target.name)
    (folder / "assets").mkdir()
    (folder / "assets" / target.name).write_bytes(target.read_bytes())
    template = load_template(folder)
    found = {"logo": template.logo, "reference_doc": template.reference_doc,
             "font": template.font_files.get("regular")}[key]
    assert found == (folder / "assets" / target.name).resolve()


def test_symlink_in_a_subfolder_leading_up_and_out_is_refused(tmp_path: Path) -> None:
    folder = template_folder(tmp_path, "logo", "assets/logo.png")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "logo.png").write_bytes(PNG)
    (folder / "assets").symlink_to(tmp_path / "outside")
    with pytest.raises(PackError, match="is a link to outside the folder"):
        load_template(folder)


def test_pack_file_linking_outside_is_not_read(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("password: hunter2\n")
    (mini / "quotes.yaml").unlink()
    (mini / "quotes.yaml").symlink_to(outside)
    with pytest.raises(PackError) as caught:
        load_pack(mini)
    assert "this file is a link to outside the pack folder" in str(caught.value)
    assert "hunter2" not in str(caught.value) and "password" not in str(caught.value)


def test_pack_file_linking_inside_the_pack_is_read(mini: Path) -> None:
    (mini / "assets").mkdir()
    (mini / "quotes.yaml").rename(mini / "assets" / "quotes.yaml")
    (mini / "quotes.yaml").symlink_to(mini / "assets" / "quotes.yaml")
    assert len(load_pack(mini).quotes) == 2


@pytest.mark.parametrize("file, old, kind", [
    ("worksheets.yaml", "id: light-and-duty", "worksheet"),
    ("courses.yaml", "id: lit-1", "lesson"),
    ("courses.yaml", "id: literature", "course"),
])
def test_an_id_cannot_name_a_path(file: str, old: str, kind: str, mini: Path,
                                  tmp_path: Path) -> None:
    edit(mini / file, old, 'id: "../evil"')
    out = tmp_path / "out"
    with pytest.raises(PackError) as caught:
        run_build(mini, out)
    assert '`id` has an invalid value "../evil"' in str(caught.value)
    assert not (tmp_path / "evil").exists() and not list(tmp_path.rglob("*evil*"))
    assert not out.exists() or snapshot(out) == {}


# ---- text is never markup ----------------------------------------------------------------

HOSTILE = {
    "img": '<img src="/etc/passwd"/> picture',
    "font": '<font color="red" size="40">big</font>',
    "link": '<a href="https://example.invalid/x">click</a>',
    "amp": "AT&T &amp; Tom & Ruth <b>bold?</b>",
    "field": "{ PAGE } and { INCLUDETEXT \"/etc/passwd\" }",
    "xml": "<w:fldSimple w:instr=\"PAGE\"/> ]]> <!-- c -->",
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def hostile(mini: Path) -> Path:
    """The mini pack with markup in texts that reach both a PDF handout and a DOCX plan."""
    edit(mini / "discussion.yaml",
         "text: What does Mara remember about the *first* night she lit the lamp?",
         "text: " + _quoted(HOSTILE["img"] + " " + HOSTILE["font"]))
    edit(mini / "discussion.yaml", "teacher_notes: Look for the detail of the **cold** glass.",
         "teacher_notes: " + _quoted(HOSTILE["link"] + " " + HOSTILE["field"]))
    edit(mini / "quotes.yaml", "text: The lamp does not ask who is out there.",
         "text: " + _quoted(HOSTILE["amp"]))
    edit(mini / "courses.yaml", "assessment: Exit ticket on the opening.",
         "assessment: " + _quoted(HOSTILE["xml"]))
    return mini


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_markup_prints_literally_in_pdf_and_docx(hostile: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from docx import Document
    from pypdf import PdfReader

    opened: list[str] = []
    real_open = open

    def watch(file, *args, **kwargs):  # the renderer must not open files named in the text
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watch)
    out = tmp_path / "out"
    run_build(hostile, out)
    monkeypatch.undo()
    assert not any("passwd" in name for name in opened)

    teacher_guide = out / "mini" / "common" / "teacher" / "discussion-guide.pdf"
    pdf_text = squash("".join(page.extract_text() for page in PdfReader(teacher_guide).pages))
    for key in ("img", "font", "link", "field"):
        assert squash(HOSTILE[key]) in pdf_text, key
    sheet = out / "mini" / "common" / "student" / "worksheet-light-and-duty.pdf"
    sheet_text = squash("".join(page.extract_text() for page in PdfReader(sheet).pages))
    assert squash(HOSTILE["amp"]) in sheet_text

    plan = Document(str(out / "mini" / "literature" / "teacher" / "lesson-lit-1.docx"))
    docx_text = squash("\n".join(p.text for p in plan.paragraphs)
                       + "\n".join(c.text for t in plan.tables for r in t.rows for c in r.cells))
    for key in ("img", "font", "amp", "xml", "link", "field"):
        assert squash(HOSTILE[key]) in docx_text, key
    xml = plan.element.xml
    assert "w:fldSimple w:instr=\"PAGE\"/> ]]>" not in xml  # escaped, not spliced in
    assert xml.count("<w:fldSimple") == 0 or "INCLUDETEXT" not in xml.split("<w:fldSimple")[1]


# ---- characters the font lacks -----------------------------------------------------------

def test_curly_quotes_and_dashes_render_with_the_default_font(mini: Path,
                                                              tmp_path: Path) -> None:
    from pypdf import PdfReader

    text = "“Curly” ‘quotes’ — dashes… and café"
    edit(mini / "discussion.yaml",
         "text: Which moment of the book stayed with you longest?", f"text: {text}")
    out = tmp_path / "out"
    run_build(mini, out)
    guide = out / "mini" / "common" / "student" / "book-club-guide.pdf"
    assert text in "".join(page.extract_text() for page in PdfReader(guide).pages)


@pytest.mark.parametrize("file, old, new, where", [
    ("discussion.yaml", "text: Which moment of the book stayed with you longest?",
     "text: Which moment stayed with you? 📚", "discussion.yaml:18:5"),
    ("quotes.yaml", "      - How does Tobias react?", "      - How does Tobias react? 📚",
     "quotes.yaml:11:9"),
    ("worksheets.yaml", "intro: Read the quotations", "intro: 📚 Read the quotations",
     "worksheets.yaml:5:5"),
])
def test_emoji_error_names_the_yaml_line(file: str, old: str, new: str, where: str,
                                         mini: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    edit(mini / file, old, new)
    out = tmp_path / "out"
    with pytest.raises(PackError) as caught:
        run_build(mini, out, formats="pdf")
    messages = [str(p) for p in caught.value.problems]
    assert any(m.endswith(f"{where}: character '📚' (U+1F4DA) is not in font DejaVu Sans — "
                          "use a template font that has it (set `fonts:` in template.yaml)")
               or f"{where}: character '📚'" in m for m in messages), messages
    assert not out.exists() or not [p for p in out.rglob("*.pdf")]


def test_pack_glyph_check_locates_text_in_lists_and_tables(mini: Path) -> None:
    """Objectives and sequence steps print in lists and tables, which carry no origin."""
    import reportlab
    from reportlab.pdfbase.ttfonts import TTFont

    from nlmg_packs.fonts import Coverage
    from nlmg_packs.pack.glyphs import uncovered_characters

    edit(mini / "courses.yaml", "objectives: [identify how the opening sets up memory]",
         "objectives: [identify how the opening sets up memory 🚀]")
    edit(mini / "courses.yaml", "activity: Starter,", "activity: Starter ✨,")
    font = TTFont("VeraCheck", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"))
    coverage = Coverage("Vera", (frozenset(font.face.charToGlyph),))
    found = [str(p) for p in uncovered_characters(load_pack(mini), coverage)]
    assert [f.split("mini/", 1)[1] for f in found] == [
        "courses.yaml:10:22: character '🚀' (U+1F680) is not in font Vera — use a template font "
        "that has it (set `fonts:` in template.yaml)",
        "courses.yaml:17:27: character '✨' (U+2728) is not in font Vera — use a template font "
        "that has it (set `fonts:` in template.yaml)"]


# ---- the output folder -------------------------------------------------------------------

def test_out_is_a_file_exit_1_file_intact(mini: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("precious")
    code, err = run_cli(monkeypatch, capsys, "build", str(mini), "--out", str(target),
                        "--template", str(DEFAULT_TEMPLATE))
    assert code == 1 and "--out is a file, not a folder" in err and "Traceback" not in err
    assert target.read_text() == "precious"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions; "
                    "test_out_not_writable_simulated covers the message")
def test_out_not_writable_for_real(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        code, err = run_cli(monkeypatch, capsys, "build", str(mini), "--out", str(out))
    finally:
        out.chmod(0o700)
    assert code == 1 and "the output folder is not writable" in err


def test_out_not_writable_simulated(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode & os.W_OK
                        else real_access(path, mode, **kw))
    code, err = run_cli(monkeypatch, capsys, "build", str(mini), "--out", str(out),
                        "--template", str(DEFAULT_TEMPLATE))
    assert code == 1 and "the output folder is not writable" in err, (code, err)
    assert "Traceback" not in err and snapshot(out) == {}


def test_disk_full_keeps_earlier_outputs_intact(mini: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    run_build(mini, out)
    before = snapshot(out)
    assert any(name.endswith(".pdf") for name in before)
    edit(mini / "pack.yaml", "title: The Lantern Keeper", "title: The Lamp Keeper")

    from nlmg_packs.builder import atomic

    real_fdopen = os.fdopen

    def full_disk(fd: int, mode: str = "r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        if "w" in mode:
            def write(data: bytes) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

            handle.write = write  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(atomic.os, "fdopen", full_disk)
    code, err = run_cli(monkeypatch, capsys, "build", str(mini), "--out", str(out),
                        "--template", str(DEFAULT_TEMPLATE), "-j", "1")
    monkeypatch.undo()
    assert code == 1, (code, err)
    assert "cannot write the file (the disk is full)" in err and "Traceback" not in err
    after = snapshot(out)
    assert after == before
    assert not [p for p in out.rglob(".nlmg-tmp-*")]


def test_edited_output_is_kept_under_strict(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_build(mini, out)
    plan = out / "mini" / "literature" / "teacher" / "lesson-lit-1.docx"
    plan.write_bytes(b"my edits")
    edit(mini / "pack.yaml", "title: The Lantern Keeper", "title: The Lamp Keeper")
    with pytest.raises(OutputError) as caught:
        run_build(mini, out, strict=True)
    assert "this file was changed since the last build" in str(caught.value)
    assert plan.read_bytes() == b"my edits"


def test_invalid_pack_writes_nothing(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_build(mini, out)
    before = snapshot(out)
    edit(mini / "quotes.yaml", "chapter: 5", "chapter: five")
    with pytest.raises(NlmgError):
        run_build(mini, out)
    assert snapshot(out) == before


def test_bom_and_windows_line_endings_build(mini: Path, tmp_path: Path) -> None:
    for path in mini.glob("*.yaml"):
        text = path.read_text("utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    report = run_build(mini, tmp_path / "out")
    assert report.count("built") > 5


def test_every_block_with_pack_text_knows_its_line() -> None:
    """Headings, paragraphs, questions and quotes that print pack text carry an Origin."""
    from nlmg_packs import document as d
    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.pack.glyphs import pack_texts

    pack = load_pack(ROOT / "tests" / "fixtures" / "mini")
    texts = {text for _, _, text in pack_texts(pack) if len(text) > 12}

    def blocks(items):
        for block in items:
            yield block
            if isinstance(block, d.TeacherNote):
                yield from blocks(block.blocks)

    missing = []
    for spec in catalogue(pack):
        for block in blocks(spec.compose("pdf").blocks):
            if not hasattr(block, "origin"):
                continue
            if block.origin is None and any(t in block.text for t in texts):
                missing.append((spec.name, type(block).__name__, block.text[:40]))
            if block.origin is not None:
                assert block.origin.line is not None, (spec.name, block)
    assert not missing
