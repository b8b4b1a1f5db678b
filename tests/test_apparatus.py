"""The teaching apparatus read back from the files: tests and their keys in every version,
no answer in any student edition, vocabulary, assignments with rubrics, the introduction."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.compose.versions import sections
from nlmg_packs.pack import Pack, load_pack
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests.conftest import FIXTURES

TEMPLATE = load_template(Path("templates/default"))
APPARATUS = ("introduction", "vocabulary", "tests", "rubrics")


@pytest.fixture
def full(mini: Path) -> Path:
    """The mini pack with an introduction, vocabulary, a test and two assignments."""
    for source in (FIXTURES / "apparatus").iterdir():
        shutil.copy(source, mini / source.name)
    return mini


def options(paper: str = "a4", preset: str = "standard"):
    return TEMPLATE.render_options(paper, preset)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    texts = [p.text for p in word.paragraphs]
    texts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def documents(pack: Pack, versions: int = 1, kinds: tuple[str, ...] = APPARATUS):
    return [(spec, spec.compose("pdf")) for spec in catalogue(pack, versions)
            if spec.kind in kinds]


def test_the_catalogue_lists_every_new_kind(full: Path) -> None:
    names = {(s.kind, s.name, s.edition) for s in catalogue(load_pack(full), 2)}
    assert ("introduction", "introduction", "teacher") in names
    assert ("vocabulary", "vocabulary-part-one", "student") in names
    assert ("vocabulary", "vocabulary-activities-part-two", "teacher") in names
    assert {("tests", f"test-part-one-{v}", e) for v in "ab"
            for e in ("student", "teacher")} <= names
    assert ("rubrics", "assignment-duty-essay", "student") in names


def _answers(pack: Pack) -> list[str]:
    """Every text that only a teacher may see: rationales, corrections, model answers,
    fill-in blanks and the note to the teacher."""
    secret = [o.rationale for i in pack.items for o in i.options if o.rationale]
    secret += [i.correction for i in pack.items if i.correction]
    secret += [i.model_answer for i in pack.items if i.model_answer]
    secret += [pack.matter.note_to_teacher or "", "Answer key"]
    return [s for s in secret if s]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("versions", [1, 3])
def test_no_answer_reaches_a_student_edition(full: Path, versions: int) -> None:
    pack = load_pack(full)
    secrets = [_squash(s) for s in _answers(pack)]
    student = [(s, doc) for s, doc in documents(pack, versions) if s.edition == "student"]
    assert len(student) >= 6
    for spec, doc in student:
        for text in (pdf_text(render_pdf(doc, options())), docx_text(render_docx(doc,
                                                                                  options()))):
            shown = _squash(text)
            leaked = [s for s in secrets if s in shown]
            assert not leaked, (spec.name, leaked)
    teacher = {s.name: doc for s, doc in documents(pack, versions, ("tests",))
               if s.edition == "teacher"}
    shown = _squash(pdf_text(render_pdf(next(iter(teacher.values())), options())))
    assert "She says so in Chapter 2." in shown  # the check can see a rationale where it is


def _printed_options(text: str) -> dict[str, str]:
    """Letter → option text, from the student DOCX's "☐ A  text" paragraphs (in order)."""
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"\u2610 ([A-Z])\u2002(.+)",
                                                                text)}


@pytest.mark.parametrize("version", range(4))
def test_each_versions_key_marks_the_option_that_is_correct(full: Path, version: int) -> None:
    """Read the student DOCX (the printed options) and the teacher DOCX (the key table) of a
    version; each key letter must print the option the pack marks correct."""
    from nlmg_packs.compose.quiz import compose_test

    pack = load_pack(full)
    student = docx.Document(io.BytesIO(render_docx(
        compose_test(pack, "part-one", "student", version, 4), options())))
    teacher = docx.Document(io.BytesIO(render_docx(
        compose_test(pack, "part-one", "teacher", version, 4), options())))
    key = {row.cells[0].text: row.cells[1].text for row in teacher.tables[-1].rows[1:]}
    # Split the student paragraphs into questions by their numbers.
    current, printed = None, {}
    for paragraph in student.paragraphs:
        number = re.match(r"(\d+)\.\t(.*)", paragraph.text)
        if number:
            current = (number.group(1), number.group(2))
            printed[current] = {}
        elif current and paragraph.text.startswith("\u2610"):
            printed[current].update(_printed_options(paragraph.text))
    checked = 0
    for (number, stem), options_shown in printed.items():
        if not options_shown:
            continue
        item = next(i for i in pack.items if i.question == stem)
        right = {o.text for o in item.options if o.correct}
        letters = key[number].split(", ")
        assert {options_shown[letter] for letter in letters} == right, (number, key[number])
        checked += 1
    assert checked == 2


def test_matching_keys_pair_each_quotation_with_its_speaker(full: Path) -> None:
    pack = load_pack(full)
    test = pack.test_by_id["part-one"]
    for version in range(5):
        for kind, asked in sections(pack, test, version):
            if kind != "matching":
                continue
            (match,) = asked
            for n, pair in enumerate(match.answer.split(", ")):
                left = match.item.pairs[match.lefts[n]]
                letter = pair.split("\u2013")[1]
                expected = (pack.characters[left.character].name if left.character
                            else pack.characters[pack.quote_by_id[left.quote].speaker].name)
                assert match.rights["ABCDEFGH".index(letter)] == expected


def test_two_versions_differ_and_rebuild_byte_for_byte(full: Path, tmp_path: Path) -> None:
    from nlmg_packs.builder.run import BuildRequest, run_build

    def build(out: Path) -> dict[str, bytes]:
        run_build(BuildRequest(packs=(full,), out=out, kinds=frozenset({"tests"}), versions=2,
                               template=Path("templates/default"), formats="all"))
        return {p.relative_to(out).as_posix(): p.read_bytes()
                for p in sorted(out.rglob("*")) if p.suffix in (".pdf", ".docx")}

    first, second = build(tmp_path / "one"), build(tmp_path / "two")
    assert first == second and len(first) == 8
    a = pdf_text(first["mini/common/student/test-part-one-a.pdf"])
    b = pdf_text(first["mini/common/student/test-part-one-b.pdf"])
    order = [re.findall(r"^\d+\.\s*(.+)$", text, flags=re.M) for text in (a, b)]
    assert sorted(order[0]) == sorted(order[1]) and order[0] != order[1]


def test_total_and_score_box_show_the_sum_of_points(full: Path) -> None:
    from nlmg_packs.compose.quiz import compose_test

    pack = load_pack(full)
    total = sum(pack.item_by_id[i].points for i in pack.test_by_id["part-one"].items)
    student = pdf_text(render_pdf(compose_test(pack, "part-one", "student"), options()))
    assert f"/ {total}" in student and "Name" in student
    teacher = docx.Document(io.BytesIO(render_docx(
        compose_test(pack, "part-one", "teacher"), options())))
    last = teacher.tables[-1].rows[-1].cells
    assert (last[1].text, last[2].text) == ("Total", str(total))


@pytest.mark.parametrize(("paper", "preset"), [("a4", "standard"), ("letter", "standard")])
def test_a_wide_rubric_gets_a_landscape_page(full: Path, paper: str, preset: str) -> None:
    from nlmg_packs.compose.assignments import compose_assignment

    pack = load_pack(full)
    doc = compose_assignment(pack, "duty-essay", "student")
    pages = PdfReader(io.BytesIO(render_pdf(doc, options(paper, preset)))).pages
    shapes = [float(p.mediabox.width) > float(p.mediabox.height) for p in pages]
    assert shapes[0] is False and True in shapes
    landscape = next(p for p, wide in zip(pages, shapes, strict=True) if wide)
    assert "Total: ______ / 12" in landscape.extract_text()
    word = docx.Document(io.BytesIO(render_docx(doc, options(paper, preset))))
    assert [s.page_width > s.page_height for s in word.sections][:2] == [False, True]
    narrow = compose_assignment(pack, "harbour-project", "student")
    assert all(float(p.mediabox.width) < float(p.mediabox.height) for p in
               PdfReader(io.BytesIO(render_pdf(narrow, options()))).pages)


def test_a_rubric_too_wide_even_sideways_is_stacked_by_criterion() -> None:
    """The bundled essay rubric in large print on Letter: a grid would break words, so each
    criterion gets its own level | descriptor table, upright, and everything still prints."""
    from nlmg_packs.compose.assignments import compose_assignment

    pack = load_pack(Path("packs/never-let-me-go"))
    doc = compose_assignment(pack, "told-not-told-essay", "student")
    pages = PdfReader(io.BytesIO(render_pdf(doc, options("letter", "large-print")))).pages
    assert all(float(p.mediabox.width) < float(p.mediabox.height) for p in pages)
    text = _squash(" ".join(p.extract_text() for p in pages))
    rubric = pack.rubric_by_id["literary-essay"]
    assert all(_squash(x) in text for c in rubric.criteria for x in c.descriptors)
    assert "Total: ______ / 16" in text and "Excellent (4)" in text
    standard = PdfReader(io.BytesIO(render_pdf(doc, options("a4", "standard")))).pages
    assert any(float(p.mediabox.width) > float(p.mediabox.height) for p in standard)


def test_vocabulary_quotes_only_quotations_and_labels_examples(full: Path) -> None:
    from nlmg_packs.compose.vocabulary import compose_vocabulary_list

    text = _squash(pdf_text(render_pdf(compose_vocabulary_list(load_pack(full), "part-one"),
                                       options())))
    assert "The lamp does not ask who is out there." in text
    assert "Example (not from the novel): The keeper climbed the stairs at dusk." in text
    assert text.count("The lamp does not ask who is out there.") == 2  # `from_quote: q-lamp`


def test_the_introduction_and_guide_carry_the_front_and_back_matter(full: Path) -> None:
    from nlmg_packs.compose.guide import compose_guide
    from nlmg_packs.compose.introduction import compose_introduction

    pack = load_pack(full)
    student = _squash(pdf_text(render_pdf(compose_introduction(pack, "student"), options())))
    teacher = _squash(pdf_text(render_pdf(compose_introduction(pack, "teacher"), options())))
    for text in (student, teacher):
        assert "About the author" in text and "To the Lighthouse" in text
        assert "Lights you know" in text and "A harbour archive" in text
    assert "Read Part One aloud" in teacher and "Read Part One aloud" not in student
    guide = _squash(pdf_text(render_pdf(compose_guide(pack, "student"), options())))
    assert "grew up on a harbour" in guide and "To the Lighthouse" in guide


def test_lesson_plans_point_at_tests_and_attach_the_rubric(full: Path) -> None:
    from nlmg_packs.compose.lesson_plan import compose_course_overview, compose_lesson_plan
    from tests.conftest import edit

    edit(full / "courses.yaml", "    lessons:\n      - id: lit-1\n",
         "    lessons:\n      - id: lit-1\n        assessments: [part-one, duty-essay]\n")
    pack = load_pack(full)
    text = docx_text(render_docx(compose_lesson_plan(pack, "lit-1"), options()))
    assert "common/student/test-part-one.pdf" in text
    assert "common/student/assignment-duty-essay.pdf" in text
    assert "Marking rubric: Literary essay" in text and "Total: ______ / 12" in text
    overview = docx_text(render_docx(compose_course_overview(pack, "literature"), options()))
    assert "Common Core ELA RL.9-10.1" in overview and "AQA 8702 AO1" in overview


def test_the_format_documents_examples_validate(mini: Path) -> None:
    """Each apparatus file's example in docs/pack-format.md loads beside the mini pack."""
    doc = Path("docs/pack-format.md").read_text("utf-8")
    for name in ("matter.yaml", "vocabulary.yaml", "tests.yaml", "rubrics.yaml"):
        section = doc.split(f"## `{name}`", 1)[1].split("\n## ", 1)[0]
        example = re.search(r"```yaml\n(.*?)```", section, flags=re.S)
        assert example, name
        (mini / name).write_text(example.group(1), "utf-8")
    pack = load_pack(mini)
    assert pack.items and pack.words and pack.rubrics and pack.matter.further_reading


def test_changing_one_item_rebuilds_only_the_tests_that_ask_it(full: Path,
                                                              tmp_path: Path) -> None:
    from nlmg_packs.builder.run import BuildRequest, run_build
    from tests.conftest import edit

    def build() -> dict[str, str]:
        report = run_build(BuildRequest(packs=(full,), out=tmp_path / "out", versions=2,
                                        template=Path("templates/default")))
        return {f.path: f.status for f in report.files}

    first = build()
    assert "mini/common/student/test-part-one-b.pdf" in first
    edit(full / "tests.yaml", "Why does the lamp matter to Mara?",
         "Why does the lamp matter so much to Mara?")
    built = {p for p, s in build().items() if s == "built"}
    assert built == {f"mini/common/{e}/test-part-one-{v}.pdf"
                     for e in ("student", "teacher") for v in "ab"}


def test_a_character_the_font_lacks_is_named_at_its_apparatus_line(full: Path) -> None:
    from nlmg_packs.fonts import Coverage
    from nlmg_packs.pack.glyphs import uncovered_characters
    from tests.conftest import edit

    edit(full / "rubrics.yaml", "Hard to follow.", "Hard to follow \u2603.")
    covered = Coverage("Test font", (frozenset(range(32, 0x2600)),))
    problems = uncovered_characters(load_pack(full), covered)
    assert [p.file.rsplit("/", 1)[-1] for p in problems] == ["rubrics.yaml"]
    assert problems[0].line == 13


def test_items_and_words_may_name_reading_units_instead_of_chapters(full: Path) -> None:
    """As prompts and lessons do: `units:`/`unit:` instead of `chapters:`/`chapter:`, checked
    the same way, and not both."""
    from nlmg_packs.errors import PackError
    from tests.conftest import edit

    edit(full / "tests.yaml", "    part: part-one\n    themes: [duty]",
         "    part: part-one\n    units: [2, 3]\n    themes: [duty]")
    assert load_pack(full).item_by_id["mc-lamp"].span == [2, 3]
    edit(full / "tests.yaml", "    units: [2, 3]", "    units: [2, 5]\n    chapters: [2, 3]")
    with pytest.raises(PackError) as caught:
        load_pack(full)
    messages = [p.message for p in caught.value.problems]
    assert "`chapters` and `units` are both given" in messages
    assert any("not in Part One" in m for m in messages), messages


def test_no_label_name_is_defined_twice() -> None:
    """compose/labels.py is shared by every composer: a name given twice silently replaces the
    first message wherever it is used."""
    import ast

    tree = ast.parse(Path("src/nlmg_packs/compose/labels.py").read_text("utf-8"))
    names = [target.id for node in tree.body if isinstance(node, ast.Assign)
             for target in ast.walk(node.targets[0]) if isinstance(target, ast.Name)]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


@pytest.mark.parametrize("versions", [1, 2, 4])
def test_lesson_plans_name_the_test_files_the_build_writes(full: Path, tmp_path: Path,
                                                           versions: int) -> None:
    """A lesson's materials name only test files that a build with `versions` writes: with
    several versions there is no unlettered `test-<id>.pdf`, and the first and last are named."""
    from nlmg_packs.builder.run import BuildRequest, run_build
    from tests.conftest import edit

    edit(full / "courses.yaml", "    lessons:\n      - id: lit-1\n",
         "    lessons:\n      - id: lit-1\n        assessments: [part-one]\n")
    out = tmp_path / "out"
    run_build(BuildRequest(packs=(full,), out=out, kinds=frozenset({"tests", "plans"}),
                           versions=versions, template=Path("templates/default")))
    written = {p.relative_to(out / "mini").as_posix() for p in out.rglob("test-*.pdf")}
    plan = next(out.rglob("lesson-lit-1.docx"))
    named = set(re.findall(r"common/(?:student|teacher)/test-[a-z0-9-]+\.pdf",
                           docx_text(plan.read_bytes())))
    student = sorted(p for p in written if p.startswith("common/student/"))
    assert len(student) == versions
    assert named <= written, sorted(named - written)
    assert {student[0], student[-1]} <= named
