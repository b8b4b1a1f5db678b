"""Common Cartridges: valid against the IMS schemas, whole, separate for students and teachers,
byte-identical on re-runs and rebuilt only when what they hold changes."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from nlmg_packs.cli_lms import LmsRequest
from nlmg_packs.cli_lms import run_export as export_lms
from tests.conftest import FIXTURES, edit
from tests.lms_schemas import validate

VERSIONS = {"1.1": ("cc11", "dt11", "imsccv1p1"), "1.3": ("cc13", "dt13", "imsccv1p3")}


@pytest.fixture
def full(mini: Path) -> Path:
    """The mini pack with tests, rubrics and a lesson that uses a test and an essay."""
    for source in (FIXTURES / "apparatus").iterdir():
        shutil.copy(source, mini / source.name)
    edit(mini / "courses.yaml", "        prompts: [first-light]\n",
         "        prompts: [first-light]\n        assessments: [part-one, duty-essay]\n")
    return mini


def export(pack: Path, out: Path, **options) -> object:
    return export_lms(LmsRequest(packs=(pack,), out=out, epoch=1_700_000_000, **options))


def cartridge(out: Path, pack: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO((out / pack.name / "lms" / f"{name}.imscc").read_bytes()))


@pytest.mark.parametrize("version", ["1.1", "1.3"])
@pytest.mark.parametrize("name", ["literature", "literature-teacher"])
def test_every_manifest_topic_and_test_is_valid(full, tmp_path, version, name):
    export(full, tmp_path / "o", cc_version=version)
    package = cartridge(tmp_path / "o", full, name)
    manifest_schema, topic_schema, namespace = VERSIONS[version]
    manifest = package.read("imsmanifest.xml")
    assert namespace.encode() in manifest
    validate(manifest_schema, manifest)
    kinds = set()
    for member in package.namelist():
        if member.endswith("topic.xml"):
            validate(topic_schema, package.read(member))
            kinds.add("topic")
        elif member.endswith("assessment.xml"):
            validate("qti", package.read(member))
            kinds.add("qti")
    assert kinds == ({"topic", "qti"} if name == "literature" else set())


@pytest.mark.parametrize("name", ["literature", "literature-teacher"])
def test_every_file_exists_and_every_item_points_at_a_resource(full, tmp_path, name):
    export(full, tmp_path / "o")
    package = cartridge(tmp_path / "o", full, name)
    tree = etree.fromstring(package.read("imsmanifest.xml"))
    ns = {"cp": tree.nsmap[None]}
    members = set(package.namelist())
    resources = {r.get("identifier"): r for r in tree.iterfind(".//cp:resource", ns)}
    for resource in resources.values():
        files = [f.get("href") for f in resource.iterfind("cp:file", ns)]
        assert files and set(files) <= members
        assert resource.get("href") in (None, *files)
    refs = [i.get("identifierref") for i in tree.iterfind(".//cp:item[@identifierref]", ns)]
    assert refs and set(refs) == set(resources)
    assert members == {"imsmanifest.xml"} | {f.get("href") for f in
                                             tree.iterfind(".//cp:file", ns)}


def test_a_module_per_lesson_with_pages_files_topics_and_tests(full, tmp_path):
    export(full, tmp_path / "o")
    tree = etree.fromstring(cartridge(tmp_path / "o", full, "literature").read("imsmanifest.xml"))
    ns = {"cp": tree.nsmap[None]}
    modules = tree.xpath("//cp:item[@identifier='root']/cp:item", namespaces=ns)
    assert [m.findtext("cp:title", namespaces=ns) for m in modules] == ["The first light"]
    types = [r.get("type") for r in tree.iterfind(".//cp:resource", ns)]
    assert types.count("imsdt_xmlv1p1") == 1
    assert types.count("imsqti_xmlv1p2/imscc_xmlv1p1/assessment") == 1
    hrefs = [r.get("href") for r in tree.iterfind(".//cp:resource", ns) if r.get("href")]
    assert {h.rsplit(".", 1)[1] for h in hrefs} == {"html", "pdf"}


def test_students_get_no_teacher_material(full, tmp_path):
    export(full, tmp_path / "o")
    student = cartridge(tmp_path / "o", full, "literature")
    teacher = cartridge(tmp_path / "o", full, "literature-teacher")
    assert all("/student/" in n or n.startswith(("dt-", "qti-", "imsmanifest"))
               for n in student.namelist())
    text = b"".join(student.read(n) for n in student.namelist() if n.endswith(".html"))
    assert b'class="teacher-note"' not in text
    assert not any(n.endswith(".docx") or "lesson-" in n for n in student.namelist())
    qti = b"".join(student.read(n) for n in student.namelist() if n.endswith("assessment.xml"))
    assert b"duty to strangers she will never meet" not in qti  # the model answer
    assert any("lesson-lit-1" in n for n in teacher.namelist())
    assert b'class="teacher-note"' in b"".join(teacher.read(n) for n in teacher.namelist()
                                       if n.endswith(".html"))


def test_no_teacher_cartridge_when_asked(full, tmp_path):
    export(full, tmp_path / "o", teacher=False)
    assert not (tmp_path / "o" / full.name / "lms" / "literature-teacher.imscc").exists()


def test_the_same_inputs_give_the_same_bytes(full, tmp_path):
    export(full, tmp_path / "a")
    export(full, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*")
                   if p.name.endswith((".imscc", ".zip", ".xml", ".txt")))
    assert len(files) == 11
    for relpath in files:
        assert (tmp_path / "a" / relpath).read_bytes() == (tmp_path / "b" / relpath).read_bytes()
    stamps = {i.date_time for i in cartridge(tmp_path / "a", full, "literature").infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}


def test_a_changed_question_rebuilds_only_what_holds_it(full, tmp_path):
    first = export(full, tmp_path / "o")
    assert len(first.written) == 11 and not first.current
    assert export(full, tmp_path / "o").written == []
    edit(full / "tests.yaml", "question: Why does the lamp matter to Mara?",
         "question: Why does the lamp matter so much to Mara?")
    again = export(full, tmp_path / "o")
    # the student cartridge holds the question, the teacher's its answer key
    assert sorted(again.written) == sorted(
        f"{full.name}/{p}" for p in ["lms/literature.imscc", "lms/literature-teacher.imscc",
                                     "banks/test-part-one.moodle.xml",
                                     "banks/test-part-one.gift.txt",
                                     "banks/test-part-one.qti.zip",
                                     "banks/unit-whole-novel.moodle.xml",
                                     "banks/unit-whole-novel.gift.txt",
                                     "banks/unit-whole-novel.qti.zip"])


def test_an_edited_file_is_kept_and_the_new_one_goes_beside_it(full, tmp_path):
    export(full, tmp_path / "o")
    gift = tmp_path / "o" / full.name / "banks" / "unit-part-one.gift.txt"
    gift.write_text("my own questions", "utf-8")
    edit(full / "tests.yaml", "What does Mara keep burning?", "What does Mara keep alight?")
    outcome = export(full, tmp_path / "o")
    assert f"{full.name}/banks/unit-part-one.gift.txt" in outcome.kept
    assert gift.read_text("utf-8") == "my own questions"
    assert "keep alight" in gift.with_name("unit-part-one.gift.new.txt").read_text("utf-8")


def test_a_renamed_course_rebuilds_its_cartridges_only(full, tmp_path):
    export(full, tmp_path / "o")
    edit(full / "courses.yaml", "name: English Literature", "name: English Literature A")
    again = export(full, tmp_path / "o")
    assert sorted(again.written) == [f"{full.name}/lms/literature-teacher.imscc",
                                     f"{full.name}/lms/literature.imscc"]
    manifest = etree.fromstring(cartridge(tmp_path / "o", full, "literature")
                                .read("imsmanifest.xml"))
    assert "English Literature A" in manifest.xpath("string(//*[local-name()='string'])")


@pytest.mark.parametrize("name", ["literature", "literature-teacher"])
def test_no_page_links_or_loads_anything_outside_the_package(full, tmp_path, name):
    from lxml import html as lxml_html

    export(full, tmp_path / "o")
    package = cartridge(tmp_path / "o", full, name)
    pages = [n for n in package.namelist() if n.endswith(".html")]
    assert pages
    for page in pages:
        tree = lxml_html.document_fromstring(package.read(page))
        assert all(url.startswith("#") for url in tree.xpath("//@href | //@src")), page
        assert tree.xpath("//script | //link | //iframe") == []
