"""Question banks: Moodle XML by the rules of Moodle's importer, GIFT read back by an independent
parser, QTI read back; each gives the pack's items again."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from nlmg_packs.lms.bank import BankItem, Choice, bank_of_test, unit_bank
from nlmg_packs.lms.banks import bank_files, banks
from nlmg_packs.lms.gift import gift_bank, right_weight
from nlmg_packs.lms.moodle_xml import moodle_bank
from nlmg_packs.lms.qti import flatten, qti_assessment
from nlmg_packs.pack import load_pack
from nlmg_packs.paths import default_pack
from nlmg_packs.render.inline import plain_text
from tests.lms_schemas import validate
from tests.node_tools import require_node_module, run_node
from tests.test_lms_cartridge import full  # noqa: F401  (fixture)

HOSTILE = BankItem(
    id="odd-one", kind="multiple-choice", points=2, category="Part One",
    stem="Which: {this} ~ that = #1 \\ “quoted” — dash, Ελληνικά, 日本語?",
    choices=(Choice("a = b: {c} ~ d #e", True, "Right: {yes} #1"),
             Choice("Ωμέγα — “x”", False, "No ~ not")),
    tags=("unit:Part One", "theme:Memory", "bloom:recall"))


@pytest.fixture(params=["example", "bundled"])
def items(request, full: Path) -> list[BankItem]:  # noqa: F811
    """The example pack's test and essay, or every bank item of the bundled pack."""
    if request.param == "example":
        pack = load_pack(full)
        return [*bank_of_test(pack, "part-one"), *unit_bank(pack, None)[-1:]]
    pack = load_pack(default_pack())
    return [item for bank in banks(pack) if bank.name.startswith("unit-") for item in bank.items]


def html_plain(fragment: str) -> str:
    """The text a reader sees in an HTML fragment."""
    return lxml_html.fragment_fromstring(fragment or "", create_parent="div").text_content()


def test_every_item_type_of_the_pack_is_in_the_bank(items):
    kinds = {i.kind for i in items}
    assert kinds == {"multiple-choice", "multiple-response", "true-false", "matching",
                     "fill-in", "short-answer", "essay"}
    assert all(any(t.startswith("bloom:") for t in i.tags) for i in items)
    assert all(any(t.startswith("unit:") for t in i.tags) for i in items)


def test_the_bank_item_is_the_pack_item(full):  # noqa: F811
    pack = load_pack(full)
    source = pack.item_by_id["mc-lamp"]
    item = next(i for i in bank_of_test(pack, "part-one") if i.id == "mc-lamp")
    assert item.stem == source.question and item.points == source.points == 2
    assert [(c.text, c.correct, c.feedback) for c in item.choices] == \
        [(o.text, o.correct, o.rationale) for o in source.options]
    assert "theme:Duty" in item.tags and "unit:Part One" in item.tags


# -- Moodle XML: one test per rule of qformat_xml ------------------------------------------------

GRADES = [0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
          0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05]
"""`question_bank::ensure_fraction_options_initialised` (question/engine/bank.php)."""
ALLOWED = {0.0, 1.0, -1.0, *GRADES, *(-g for g in GRADES)}


def moodle(items) -> etree._Element:
    return etree.fromstring(moodle_bank([*items, HOSTILE], "The Lantern Keeper"))


def questions(root, kind=None):
    return [q for q in root.iter("question") if q.get("type") != "category"
            and (kind is None or q.get("type") == kind)]


def test_moodle_root_is_quiz_of_questions(items):
    root = moodle(items)
    assert root.tag == "quiz" and {c.tag for c in root} == {"question"}


def test_moodle_every_question_has_a_name(items):
    assert all(q.findtext("name/text").strip() for q in questions(moodle(items)))


def test_moodle_only_core_types(items):
    types = {q.get("type") for q in moodle(items)}
    assert types <= {"category", "multichoice", "truefalse", "matching", "shortanswer",
                     "essay", "numerical", "description"}
    assert types >= {"category", "multichoice", "truefalse", "matching", "shortanswer", "essay"}


def test_moodle_fractions_are_grades_the_importer_accepts(items):
    fractions = [float(a.get("fraction")) / 100 for a in moodle(items).iter("answer")
                 if a.get("fraction") is not None]
    assert fractions
    assert all(any(abs(f - g) < 0.00001 for g in ALLOWED) for f in fractions)


def test_moodle_right_answers_add_up_to_full_marks(items):
    for q in questions(moodle(items), "multichoice"):
        fractions = [float(a.get("fraction")) for a in q.iter("answer")]
        if q.findtext("single") == "true":
            assert fractions.count(100) == 1
        else:
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.001


def test_moodle_true_false_answers_are_the_words(items):
    for q in questions(moodle(items), "truefalse"):
        answers = {a.findtext("text"): a.get("fraction") for a in q.iter("answer")}
        assert set(answers) == {"true", "false"}
        assert sorted(answers.values()) == ["0", "100"]


def test_moodle_matching_has_three_or_more_pairs(items):
    """qtype_match's save_question_options gives "not enough answers" below three."""
    for q in questions(moodle(items), "matching"):
        subs = q.findall("subquestion")
        assert len(subs) >= 3 and all(s.findtext("text") and s.findtext("answer/text")
                                      for s in subs)


def test_moodle_short_answer_has_a_full_mark_answer(items):
    for q in questions(moodle(items), "shortanswer"):
        assert any(a.get("fraction") == "100" for a in q.iter("answer"))


def test_moodle_text_formats_are_known(items):
    formats = {e.get("format") for e in moodle(items).iter() if e.get("format")}
    assert formats <= {"html", "plain_text", "moodle_auto_format", "markdown", "wiki_like"}


def test_moodle_essays_give_graders_the_model_answer(items):
    essays = questions(moodle(items), "essay")
    assert essays and all(q.findtext("responseformat") == "editor" for q in essays)
    graders = {q.findtext("name/text"): html_plain(q.findtext("graderinfo/text")) for q in essays}
    for item in items:
        if item.kind in ("short-answer", "essay"):
            assert plain_text(item.grader_info.split("\n")[0]) in graders[item.id]


def test_moodle_categories_and_tags(items):
    root = moodle(items)
    paths = [c.findtext("category/text") for c in root.iter("question")
             if c.get("type") == "category"]
    assert paths and all(p.startswith("$course$/top/The Lantern Keeper/") for p in paths)
    tags = [t.findtext("text") for t in root.iter("tag")]
    assert "bloom:recall" in tags and "unit:Part One" in tags


def moodle_items(root) -> list[dict]:
    """Items read back from Moodle XML, as the importer reads them."""
    found = []
    for q in questions(root):
        answers = [(html_plain(a.findtext('text')),
                    float(a.get("fraction")) > 0) for a in q.findall("answer")]
        found.append({"id": q.findtext("name/text"), "points": int(q.findtext("defaultgrade")),
                      "stem": html_plain(q.findtext("questiontext/text")),
                      "answers": answers,
                      "pairs": [(html_plain(s.findtext('text')), s.findtext("answer/text"))
                                for s in q.findall("subquestion")]})
    return found


def expected(item: BankItem) -> dict:
    answers = [(plain_text(c.text), c.correct) for c in item.choices]
    if item.kind == "true-false":
        answers = [("true", bool(item.truth)), ("false", not item.truth)]
    if item.kind == "fill-in":
        answers = [(a, True) for a in item.answers]
    return {"id": item.id, "points": item.points, "stem": plain_text(item.stem),
            "answers": answers, "pairs": list(item.pairs)}


def test_moodle_round_trip_gives_the_items(items):
    assert moodle_items(moodle(items)) == [expected(i) for i in [*items, HOSTILE]]


# -- GIFT, read by gift-pegjs -----------------------------------------------------------------

PARSE = """const g = require(process.argv[1]); let s = '';
process.stdin.on('data', d => s += d).on('end', () => console.log(JSON.stringify(g.parse(s))));"""


def parse_gift(text: str) -> list[dict]:
    module = require_node_module("gift-pegjs")
    script = PARSE.replace("process.argv[1]", json.dumps(str(module)))
    return [q for q in run_node(script, text) if q["type"] != "Category"]  # type: ignore[union-attr]


def gift_expected(item: BankItem) -> dict:
    kind = {"multiple-choice": "MC", "multiple-response": "MC", "true-false": "TF",
            "matching": "Matching", "fill-in": "Short", "short-answer": "Essay",
            "essay": "Essay"}[item.kind]
    answers = [(plain_text(c.text), c.correct) for c in item.choices]
    if item.kind == "fill-in":
        answers = [(a, True) for a in item.answers]
    return {"type": kind, "title": item.id, "points": item.points, "stem": plain_text(item.stem),
            "answers": answers, "truth": item.truth, "pairs": [list(p) for p in item.pairs],
            "feedback": item.feedback or None}


def gift_points(tags: list[str]) -> int | None:
    """The points a `points:N` tag gives, as Moodle files it: one tag of the question."""
    found = [int(t.removeprefix("points:")) for t in tags if t.startswith("points:")]
    assert len(found) <= 1
    return found[0] if found else None


def gift_read(question: dict) -> dict:
    answers = [(c["text"]["text"], c["isCorrect"] or (c["weight"] or 0) > 0)
               for c in question.get("choices") or []]
    return {"type": question["type"], "title": question["title"],
            "points": gift_points(question.get("tags") or []),
            "stem": question["stem"]["text"], "answers": answers,
            "truth": question.get("isTrue"),
            "pairs": [[p["subquestion"]["text"], p["subanswer"]]
                      for p in question.get("matchPairs") or []],
            "feedback": (question.get("globalFeedback") or {}).get("text")}


def test_gift_parses_back_to_the_items(items):
    parsed = parse_gift(gift_bank([*items, HOSTILE], "The Lantern Keeper"))
    assert [gift_read(q) for q in parsed] == [gift_expected(i) for i in [*items, HOSTILE]]


def test_gift_escapes_its_special_characters_and_keeps_the_rest(items):
    text = gift_bank([HOSTILE], "Book")
    assert "Which\\: \\{this\\} \\~ that \\= \\#1 \\\\ “quoted” — dash, Ελληνικά, 日本語?" in text
    parsed = parse_gift(text)[0]
    assert parsed["stem"]["text"] == HOSTILE.stem
    assert parsed["choices"][0]["feedback"]["text"] == "Right: {yes} #1"
    assert parsed["tags"] == ["points:2", "unit:Part One", "theme:Memory", "bloom:recall"]


@pytest.mark.parametrize(("count", "weight"), [(1, 100), (2, 50), (3, 33.33333), (10, 10),
                                               (20, 5)])
def test_right_option_weights_are_moodle_grades(count, weight):
    assert right_weight(count) == weight


def test_a_weight_moodle_lacks_is_refused():
    with pytest.raises(ValueError, match="100/11"):
        right_weight(11)


# -- QTI -----------------------------------------------------------------------------------------

def qti_items(data: bytes) -> list[dict]:
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    root = etree.fromstring(data)
    found = []
    for item in root.iterfind(".//q:item", ns):
        fields = {f.findtext("q:fieldlabel", namespaces=ns): f.findtext("q:fieldentry",
                                                                        namespaces=ns)
                  for f in item.iterfind(".//q:qtimetadatafield", ns)}
        labels = {lab.get("ident"): lab.xpath("string(.//q:mattext)", namespaces=ns)
                  for lab in item.iterfind(".//q:response_label", ns)}
        scoring = item.xpath(".//q:respcondition[q:setvar]/q:conditionvar", namespaces=ns)
        right = set()
        if scoring:
            right = {v.text for v in scoring[0].iter(f"{{{ns['q']}}}varequal")
                     if v.getparent().tag != f"{{{ns['q']}}}not"}
        stem = item.xpath("string(q:presentation/q:material/q:mattext)", namespaces=ns)
        found.append({"id": item.get("title"), "profile": fields["cc_profile"],
                      "points": round(float(fields["cc_weighting"]), 6),
                      "stem": html_plain(stem),
                      "answers": sorted((html_plain(t),
                                         k in right) for k, t in labels.items()
                                        if t) or sorted((a, True) for a in right)})
    return found


def expected_answers(part) -> list[tuple[str, bool]]:  # noqa: ANN001 (a flattened QTI part)
    """What a cartridge question part should offer: (answer text, correct) pairs."""
    if part.kind == "true-false":
        return [("True", bool(part.truth)), ("False", not part.truth)]
    if part.kind == "fill-in":
        return [(a, True) for a in part.answers]
    return [(plain_text(c.text), c.correct) for c in part.choices]


def qti_expected(item: BankItem) -> list[dict]:
    return [{"id": part.id, "profile": f"cc.{_profile(part.kind)}.v0p1",
             "points": round(part.points, 6), "stem": plain_text(part.stem),
             "answers": sorted(expected_answers(part))} for part in flatten(item)]


def _profile(kind: str) -> str:
    return {"multiple-choice": "multiple_choice", "multiple-response": "multiple_response",
            "true-false": "true_false", "fill-in": "fib"}.get(kind, "essay")


def test_qti_is_valid_and_reads_back_as_the_items(items):
    data = qti_assessment("bank", "Bank", [*items, HOSTILE])
    validate("qti", data)
    assert qti_items(data) == [e for i in [*items, HOSTILE] for e in qti_expected(i)]


def test_qti_matching_keeps_its_points_across_its_questions(items):
    matching = next(i for i in items if i.kind == "matching")
    parts = flatten(matching)
    assert len(parts) == len(matching.pairs)
    # whole points, at least one a pair (the profile's cc_weighting is a whole number, 1–99)
    assert all(isinstance(p.points, int) and p.points >= 1 for p in parts)
    assert sum(p.points for p in parts) == max(matching.points, len(matching.pairs))


def test_the_standalone_qti_zip_holds_a_manifest_and_a_valid_assessment(full):  # noqa: F811
    pack = load_pack(full)
    bank = banks(pack)[0]
    data = bank_files(pack, bank)[f"{bank.name}.qti.zip"](1_700_000_000)
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    hrefs = [f.get("href") for f in manifest.iter("{*}file")]
    assert hrefs == [f"{bank.name}/assessment.xml"] and set(hrefs) <= set(archive.namelist())
    assert b"<questestinterop" in archive.read(hrefs[0])  # Canvas's QTI: test_lms_qti_profiles
