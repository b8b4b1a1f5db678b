"""QTI in its two dialects: cartridges keep to the CC profile's item rules, and the standalone
zip for Canvas classic quizzes carries Canvas's own QTI, with matching questions whole, read
back here as Canvas's importer reads it (question_type, points_possible, a response_lid per
left-hand side, SCORE added per right pair)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from nlmg_packs.lms.bank import BankItem
from nlmg_packs.lms.banks import bank_files, banks
from nlmg_packs.lms.qti import CANVAS_TYPES, pair_points, qti_assessment
from nlmg_packs.pack import load_pack
from nlmg_packs.render.inline import plain_text
from tests.lms_schemas import validate
from tests.test_lms_banks import (  # noqa: F401  (items: a fixture)
    HOSTILE,
    expected_answers,
    html_plain,
    items,
)
from tests.test_lms_cartridge import full  # noqa: F401  (fixture)

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
PROFILE_FIELDS = {"cc_profile", "cc_question_category", "cc_weighting", "qmd_scoringpermitted",
                  "qmd_computerscored"}
"""Item metadata the CC profile allows (rule 2a of `ccv1p1_qtiasiv1p2p1_v1p0.xsd`)."""
PROFILE_TYPES = {"cc.multiple_choice.v0p1", "cc.multiple_response.v0p1", "cc.true_false.v0p1",
                 "cc.fib.v0p1", "cc.pattern_match.v0p1", "cc.essay.v0p1"}
"""Its item types (rule 2b)."""


def fields(item) -> list[tuple[str, str]]:
    return [(f.findtext("q:fieldlabel", namespaces=NS), f.findtext("q:fieldentry", namespaces=NS))
            for f in item.iterfind("q:itemmetadata//q:qtimetadatafield", NS)]


def test_the_cartridge_qti_keeps_to_the_profile_item_rules(items):  # noqa: F811
    root = etree.fromstring(qti_assessment("t", "T", [*items, HOSTILE]))
    for item in root.iterfind(".//q:item", NS):
        found = fields(item)
        assert {label for label, _ in found} <= PROFILE_FIELDS
        profiles = [entry for label, entry in found if label == "cc_profile"]
        assert len(profiles) == 1 and profiles[0] in PROFILE_TYPES
        weights = [entry for label, entry in found if label == "cc_weighting"]
        assert len(weights) == 1 and weights[0].isdigit() and 1 <= int(weights[0]) <= 99  # 2c
        assert len(item.findall("q:presentation/q:response_lid", NS)) <= 1


def profile_only_sets(data: bytes) -> None:
    """Validate Canvas's QTI against the profile's XSD (the only QTI 1.2 schema here) for its
    structure: the profile's `setvar` may only Set, where full QTI 1.2, and Canvas's matching,
    Add a share per right pair; Canvas's item metadata is outside the profile's rule set 2,
    which the XSD does not check."""
    assert data.count(b'action="Add"') == data.count(b"<setvar") - data.count(b'action="Set"')
    validate("qti", data.replace(b'action="Add"', b'action="Set"'))


@pytest.mark.parametrize(("points", "pairs", "shares"), [
    (4, 4, [1, 1, 1, 1]), (6, 4, [2, 2, 1, 1]), (10, 3, [4, 3, 3]), (99, 1, [99]),
    (2, 4, [1, 1, 1, 1]),  # fewer points than pairs: one point per pair, the profile's least
])
def test_matching_points_are_shared_in_whole_points(points, pairs, shares):
    assert pair_points(points, pairs) == shares


def canvas_items(data: bytes) -> list[dict]:
    """Questions as Canvas's importer takes them from its own QTI 1.2."""
    found = []
    for item in etree.fromstring(data).iterfind(".//q:item", NS):
        meta = dict(fields(item))
        presentation = item.find("q:presentation", NS)
        lids = presentation.findall("q:response_lid", NS)
        labels = [{lab.get("ident"): html_plain(lab.xpath("string(.//q:mattext)", namespaces=NS))
                   for lab in lid.iterfind(".//q:response_label", NS)} for lid in lids]
        right = {(v.get("respident"), v.text) for v in item.iterfind(
            ".//q:respcondition[q:setvar]/q:conditionvar//q:varequal", NS)
            if etree.QName(v.getparent()).localname != "not"}
        entry = {"id": item.get("title"), "type": meta["question_type"],
                 "points": float(meta["points_possible"]),
                 "stem": html_plain(presentation.findtext("q:material/q:mattext",
                                                          namespaces=NS)),
                 "answers": [], "pairs": []}
        if meta["question_type"] == "matching_question":
            by_lid = dict(right)
            entry["pairs"] = [(html_plain(lid.findtext("q:material/q:mattext", namespaces=NS)),
                               labels[n][by_lid[lid.get("ident")]])
                              for n, lid in enumerate(lids)]
        elif labels:
            entry["answers"] = [(text, ("response1", ident) in right)
                                for ident, text in labels[0].items()]
        else:
            entry["answers"] = [(text, True) for _, text in sorted(right)]
        found.append(entry)
    return found


def canvas_expected(item: BankItem) -> dict:
    answers = [(plain_text(c.text), c.correct) for c in item.choices]
    if item.kind == "true-false":
        answers = [("True", bool(item.truth)), ("False", not item.truth)]
    if item.kind == "fill-in":
        answers = [(a, True) for a in item.answers]
    return {"id": item.id, "type": CANVAS_TYPES[item.kind], "points": float(item.points),
            "stem": plain_text(item.stem), "answers": answers,
            "pairs": [(plain_text(left), plain_text(right)) for left, right in item.pairs]}


def test_the_canvas_qti_reads_back_as_the_items_matching_whole(items):  # noqa: F811
    data = qti_assessment("bank", "Bank", [*items, HOSTILE], canvas=True)
    profile_only_sets(data)
    assert canvas_items(data) == [canvas_expected(i) for i in [*items, HOSTILE]]
    assert any(i["type"] == "matching_question" for i in canvas_items(data))


def test_a_canvas_matching_question_adds_a_share_per_right_pair(items):  # noqa: F811
    matching = next(i for i in items if i.kind == "matching")
    item = etree.fromstring(qti_assessment("b", "B", [matching], canvas=True)).find(
        ".//q:item", NS)
    lids = item.findall("q:presentation/q:response_lid", NS)
    rights = {r for _, r in matching.pairs}
    assert len(lids) == len(matching.pairs)
    assert all(len(lid.findall(".//q:response_label", NS)) == len(rights) for lid in lids)
    shares = [float(s.text) for s in item.iterfind(".//q:setvar[@action='Add']", NS)]
    assert len(shares) == len(matching.pairs) and sum(shares) == pytest.approx(100, abs=0.05)


def test_the_standalone_zip_is_canvas_qti_and_the_cartridge_is_not(full):  # noqa: F811
    pack = load_pack(full)
    bank = banks(pack)[0]
    archive = zipfile.ZipFile(io.BytesIO(bank_files(pack, bank)[f"{bank.name}.qti.zip"](0)))
    data = archive.read(f"{bank.name}/assessment.xml")
    profile_only_sets(data)
    assert [i["id"] for i in canvas_items(data)] == [i.id for i in bank.items]


# -- as Moodle's cartridge importer reads the profile: backup/cc/entity11.quiz.class.php ---------

MOODLE_TYPES = {"cc.multiple_choice.v0p1": "multichoice", "cc.multiple_response.v0p1":
                "multichoice", "cc.true_false.v0p1": "truefalse", "cc.essay.v0p1": "essay",
                "cc.fib.v0p1": "shortanswer", "cc.pattern_match.v0p1": "shortanswer"}
"""`cc11_quiz::get_question_type`: anything else is dropped."""


def moodle_cc_items(data: bytes) -> list[dict]:
    """Each question as `cc11_quiz` takes it: `get_question_type`, `get_defaultgrade` (an
    integer 0–99 from cc_weighting, else 1), `get_answers` (multiple response: right answers
    are `varequal[@case='Yes']` outside `not` in the condition setting SCORE to 100;
    multiple choice and true/false: `get_score`, the last condition whose first varequal names
    the label; true/false labels must be `true` and `false`), `get_answers_fib`."""
    found = []
    for item in etree.fromstring(data).iterfind(".//q:item", NS):
        meta = dict(fields(item))
        profile = meta["cc_profile"]
        weight = int(float(meta.get("cc_weighting", "1")))
        entry = {"id": item.get("title"), "type": MOODLE_TYPES[profile],
                 "grade": weight if 0 <= weight <= 99 else 1, "answers": []}
        conditions = item.findall("q:resprocessing/q:respcondition", NS)
        labels = item.findall("q:presentation/q:response_lid/q:render_choice/q:response_label",
                              NS)
        if profile == "cc.true_false.v0p1":
            assert [lab.get("ident") for lab in labels] == ["true", "false"]
        if profile == "cc.multiple_response.v0p1":
            right = {v.text for v in item.xpath(
                ".//q:setvar[@varname='SCORE'][.=100]/../q:conditionvar//q:varequal"
                "[@case='Yes'][not(parent::q:not)]", namespaces=NS)}
            entry["answers"] = [(html_plain(lab.findtext(".//q:mattext", namespaces=NS)),
                                 lab.get("ident") in right) for lab in labels]
        elif labels:
            for lab in labels:
                score = ""
                for condition in conditions:
                    first = condition.find("q:conditionvar/q:varequal", NS)
                    if first is not None and first.text.lower() == lab.get("ident").lower():
                        score = condition.findtext("q:setvar", "", NS)
                entry["answers"].append((html_plain(lab.findtext(".//q:mattext",
                                                                 namespaces=NS)), bool(score)))
        elif profile == "cc.fib.v0p1":
            entry["answers"] = [(v.text, True) for v in item.xpath(
                "q:resprocessing/q:respcondition/q:setvar[text()='100']/../q:conditionvar/"
                "q:varequal", namespaces=NS)]
        found.append(entry)
    return found


def moodle_cc_expected(item: BankItem) -> list[dict]:
    from nlmg_packs.lms.qti import PROFILES, flatten

    return [{"id": part.id, "type": MOODLE_TYPES[PROFILES[part.kind]], "grade": part.points,
             "answers": expected_answers(part)} for part in flatten(item)]


def test_moodle_reads_the_cartridge_qti_as_the_items(items):  # noqa: F811
    data = qti_assessment("t", "T", [*items, HOSTILE])
    assert moodle_cc_items(data) == [e for i in [*items, HOSTILE] for e in moodle_cc_expected(i)]
