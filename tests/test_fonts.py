"""The bundled DejaVu families and a template's own fonts, including a face of a collection."""

from __future__ import annotations

import shutil
import struct
import subprocess
import unicodedata
from pathlib import Path

import pytest

from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.errors import PackError
from nlmg_packs.template import load_template
from tests.conftest import ROOT
from tests.tools import require_tool

FONTS = ROOT / "src" / "nlmg_packs" / "font_files"


def collection(*fonts: Path) -> bytes:
    """A TrueType collection (.ttc, OpenType spec 'Font Collections') holding `fonts`."""
    header = 12 + 4 * len(fonts)
    blobs, offsets, at = [], [], header
    for font in fonts:
        data = bytearray(font.read_bytes())
        tables = struct.unpack(">H", data[4:6])[0]
        for i in range(tables):  # table offsets are from the start of the collection
            entry = 12 + 16 * i + 8
            offset = struct.unpack(">I", data[entry:entry + 4])[0]
            data[entry:entry + 4] = struct.pack(">I", offset + at)
        offsets.append(at)
        blobs.append(bytes(data))
        at += len(data) + (-len(data) % 4)
        blobs[-1] += b"\0" * (-len(data) % 4)
    head = b"ttcf" + struct.pack(">HHI", 1, 0, len(fonts))
    return head + b"".join(struct.pack(">I", o) for o in offsets) + b"".join(blobs)


def fonts_of(pdf: Path) -> str:
    return subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout


def template(tmp_path: Path, fonts: str, files: dict[str, bytes] | None = None) -> Path:
    folder = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates" / "default", folder)
    text = (folder / "template.yaml").read_text("utf-8")
    (folder / "template.yaml").write_text(text.replace("fonts:\n", f"fonts:\n{fonts}"), "utf-8")
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    return folder


def build(mini: Path, tmp_path: Path, folder: Path | None) -> Path:
    out = tmp_path / "out"
    run_build(BuildRequest(packs=(mini,), out=out, formats="pdf", kinds=frozenset({"guide"}),
                           template=folder))
    return out / "mini" / "common" / "student" / "book-club-guide.pdf"


def test_default_is_dejavu_sans_embedded_as_subsets(mini: Path, tmp_path: Path) -> None:
    listed = fonts_of(build(mini, tmp_path, None))
    assert "+DejaVuSans " in listed and "+DejaVuSans-Bold " in listed
    assert "Vera" not in listed and "Helvetica" not in listed
    assert all(" yes yes yes " in line for line in listed.splitlines()[2:])


def test_builtin_serif_family(mini: Path, tmp_path: Path) -> None:
    listed = fonts_of(build(mini, tmp_path, template(tmp_path, "  builtin: serif\n")))
    assert "+DejaVuSerif " in listed and "+DejaVuSerif-Bold " in listed
    assert "DejaVuSans" not in listed


def test_a_face_of_a_collection_is_used(mini: Path, tmp_path: Path) -> None:
    ttc = collection(FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSerif-Bold.ttf")
    folder = template(tmp_path, "  regular: {file: Pair.ttc, index: 1}\n", {"Pair.ttc": ttc})
    assert load_template(folder).font_indexes == {"regular": 1}
    listed = fonts_of(build(mini, tmp_path, folder))
    assert "+DejaVuSerif-Bold " in listed and "DejaVuSans" not in listed  # the second face


@pytest.mark.parametrize("index, message", [
    (2, "`Pair.ttc` has 2 faces, so no face 2 — use an index from 0 to 1"),
])
def test_a_face_past_the_end_is_refused(index: int, message: str, tmp_path: Path) -> None:
    ttc = collection(FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSerif-Bold.ttf")
    folder = template(tmp_path, f"  regular: {{file: Pair.ttc, index: {index}}}\n",
                      {"Pair.ttc": ttc})
    with pytest.raises(PackError) as caught:
        load_template(folder)
    assert str(caught.value.problems[0]).endswith(message)


COVERED = {
    "Polish": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "Czech": "ěščřžýáíéůúťďňĚŠČŘŽŮ", "Welsh": "ŵŷẁẃẅỳŴŶ",
    "Romanian": "ășțâîĂȘȚ", "Hungarian": "őűŐŰ", "Latvian and Lithuanian": "āēīūķļņģėįųĀĒĪŪ",
    "Turkish": "ğışİĞŞ", "Icelandic": "ðþæÐÞÆ", "Maltese": "ċġħżĊĠĦ",
    "Vietnamese": "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ",
    "Greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΩἀἁὰᾶῆῶ",
    "Cyrillic": "абвгдежзийклмнопрстуфхцчшщъыьэюяёєіїґђјљњћџ",
    "Armenian": "աբգդեզէըթ", "Georgian": "აბგდევზთი", "Hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "Arabic and Persian": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "پچژگکی",
}
NOT_COVERED = {"Chinese": "中", "Japanese kana": "あ", "Korean": "한", "Devanagari": "न",
               "Thai": "ก", "Ethiopic": "አ", "Urdu's yeh barree and heh goal": "ےہ"}


@pytest.fixture(scope="module")
def sans():
    from nlmg_packs.render.options import FontFiles
    from nlmg_packs.render.pdf_fonts import register_family

    return register_family(FontFiles()).coverage


@pytest.mark.parametrize("script", sorted(COVERED))
def test_the_default_draws_what_the_readme_says(script: str, sans) -> None:
    text = unicodedata.normalize("NFC", COVERED[script])
    assert list(sans.faults(text)) == [], script


@pytest.mark.parametrize("script", sorted(NOT_COVERED))
def test_the_default_refuses_what_the_readme_says_it_lacks(script: str, sans) -> None:
    assert list(sans.faults(NOT_COVERED[script])), script
