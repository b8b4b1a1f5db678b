"""Assessments in QTI 1.2: the Common Cartridge profile, or Canvas's own QTI.

Cartridges (`canvas=False`) keep to the CC profile (IMS CC 1.1, `ccv1p1_qtiasiv1p2p1`): its
item types are multiple choice, multiple response, true/false, fill-in-the-blank and essay
(`cc.<type>.v0p1` in each item's `cc_profile`, the only item metadata besides `cc_weighting`
(points), `cc_question_category`, `qmd_scoringpermitted` and `qmd_computerscored` the
profile's rule set 2 allows). The profile has no matching type, so a matching item becomes
one multiple-choice question per pair (each offering every right-hand side), its points
shared out among them in whole points; Canvas's own cartridge export leaves matching
questions out of the profile altogether (`CC::Qti::QtiItems::CC_SUPPORTED_TYPES`, canvas-lms
`lib/cc/qti/qti_items.rb`), and Moodle's cartridge importer knows only the profile's types
(`backup/cc/entity.quiz.class.php`, `quiz::get_question_type`).

The standalone zip for Canvas classic quizzes (`canvas=True`) is QTI 1.2 as Canvas exports
and imports it outside cartridges (`CC::Qti::QtiItems#add_question`): each item names its
Canvas `question_type` and `points_possible`, and a matching item stays one
`matching_question`: a `response_lid` per left-hand side offering every right-hand side, and
a condition adding its share of 100 to SCORE per right pair (`#matching_response_lid`,
`#matching_resprocessing`), which Canvas's importer reads back as matching
(`Qti::AssessmentItemConverter.create_instructure_question` → `canvas_matching`,
`Qti::AssociateInteraction#get_canvas_matches`, `#get_canvas_answers`).
Open short answers are essays; their model answers are left out of the student's file.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from nlmg_packs.lms.bank import BankItem, Choice
from nlmg_packs.lms.html_text import html_text

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
SCHEMA = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PROFILES = {"multiple-choice": "cc.multiple_choice.v0p1",
            "multiple-response": "cc.multiple_response.v0p1",
            "true-false": "cc.true_false.v0p1", "fill-in": "cc.fib.v0p1",
            "short-answer": "cc.essay.v0p1", "essay": "cc.essay.v0p1"}
TRUE_FALSE = ("True", "False")
CANVAS_TYPES = {"multiple-choice": "multiple_choice_question",
                "multiple-response": "multiple_answers_question",
                "true-false": "true_false_question", "fill-in": "short_answer_question",
                "short-answer": "essay_question", "essay": "essay_question",
                "matching": "matching_question"}
"""Canvas's `question_type` for each bank kind (`AssessmentQuestion::ALL_QUESTION_TYPES`)."""


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None,
         text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, _q(tag), attrib or {})
    if text is not None:
        element.text = text
    return element


def _material(parent: ET.Element, text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", {"texttype": "text/html"}, html_text(text))


def _metadata(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    meta = _sub(parent, "qtimetadata")
    for label, entry in fields:
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", text=label)
        _sub(field, "fieldentry", text=entry)


def flatten(item: BankItem) -> list[BankItem]:
    """`item` as the profile can carry it: a matching item as one choice question per pair,
    its points shared out in whole points (`pair_points`)."""
    if item.kind != "matching":
        return [item]
    rights = list(dict.fromkeys(right for _, right in item.pairs))
    shares = pair_points(item.points, len(item.pairs))
    return [BankItem(id=f"{item.id}-{n}", kind="multiple-choice",
                     stem=f"{item.stem} {left}", points=share,
                     choices=tuple(Choice(r, r == right) for r in rights),
                     category=item.category, tags=item.tags)
            for n, ((left, right), share) in enumerate(zip(item.pairs, shares, strict=True), 1)]


def pair_points(points: int, pairs: int) -> list[int]:
    """`points` shared among `pairs` questions in whole points, as even as can be, the larger
    shares first. The profile's `cc_weighting` is a whole number from 1 to 99 (rule 2c of
    `ccv1p1_qtiasiv1p2p1_v1p0.xsd`; Moodle's cartridge importer reads it with `(int)`), so
    each share is at least 1: an item worth fewer points than it has pairs gains the
    difference."""
    base, extra = divmod(points, pairs)
    return [max(1, base + (n < extra)) for n in range(pairs)]


def qti_item(parent: ET.Element, item: BankItem, canvas: bool = False) -> None:
    """Append `<item>` for `item` to `parent` (a section): in the CC profile (a matching
    item must be `flatten`ed first), or as Canvas reads it (`canvas`)."""
    element = _sub(parent, "item", {"ident": f"i-{item.id}", "title": item.id})
    _metadata(_sub(element, "itemmetadata"),
              [("question_type", CANVAS_TYPES[item.kind]),
               ("points_possible", f"{item.points:.10g}")] if canvas else
              [("cc_profile", PROFILES[item.kind]), ("cc_weighting", f"{item.points:.10g}")])
    presentation = _sub(element, "presentation")
    _material(presentation, item.stem)
    if item.kind == "matching":
        _matching(element, presentation, item)
        return
    choices = item.choices
    if item.kind == "true-false":
        choices = (Choice(TRUE_FALSE[0], bool(item.truth)), Choice(TRUE_FALSE[1], not item.truth))
    if choices:
        cardinality = "Multiple" if item.kind == "multiple-response" else "Single"
        lid = _sub(presentation, "response_lid", {"ident": "response1",
                                                  "rcardinality": cardinality})
        render = _sub(lid, "render_choice")
        for ident, choice in zip(_idents(item, choices), choices, strict=True):
            _material(_sub(render, "response_label", {"ident": ident}), choice.text)
    else:
        str_ = _sub(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
        _sub(_sub(str_, "render_fib"), "response_label", {"ident": "answer1"})
    _processing(element, item, choices)


def _matching(element: ET.Element, presentation: ET.Element, item: BankItem) -> None:
    """A Canvas `matching_question`: a `response_lid` per pair, each offering every distinct
    right-hand side; each right pair adds its share of 100 to SCORE."""
    rights = list(dict.fromkeys(right for _, right in item.pairs))
    for n, (left, _) in enumerate(item.pairs, 1):
        lid = _sub(presentation, "response_lid", {"ident": f"response_{n}"})
        _material(lid, left)
        render = _sub(lid, "render_choice")
        for k, right in enumerate(rights, 1):
            _material(_sub(render, "response_label", {"ident": f"m{k}"}), right)
    processing, feedback = _outcomes(element, item)
    share = f"{100 / len(item.pairs):.2f}"
    for n, (_, right) in enumerate(item.pairs, 1):
        condition = _sub(processing, "respcondition")
        _sub(_sub(condition, "conditionvar"), "varequal", {"respident": f"response_{n}"},
             f"m{rights.index(right) + 1}")
        _sub(condition, "setvar", {"varname": "SCORE", "action": "Add"}, share)
    _feedback(element, feedback)


def _outcomes(element: ET.Element, item: BankItem) -> tuple[ET.Element, list[tuple[str, str]]]:
    """`<resprocessing>` with its SCORE and the general feedback's condition; the feedback."""
    processing = _sub(element, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", {"maxvalue": "100", "minvalue": "0",
                                                  "varname": "SCORE", "vartype": "Decimal"})
    feedback: list[tuple[str, str]] = []
    if item.feedback:
        condition = _sub(processing, "respcondition", {"continue": "Yes"})
        _sub(_sub(condition, "conditionvar"), "other")
        _sub(condition, "displayfeedback", {"feedbacktype": "Response",
                                            "linkrefid": "general_fb"})
        feedback.append(("general_fb", item.feedback))
    return processing, feedback


def _feedback(element: ET.Element, feedback: list[tuple[str, str]]) -> None:
    for ident, text in feedback:
        _material(_sub(_sub(element, "itemfeedback", {"ident": ident}), "flow_mat"), text)


def _idents(item: BankItem, choices: tuple[Choice, ...]) -> list[str]:
    """The response labels' identifiers: `true` and `false` for a true/false question (Moodle's
    cartridge importer refuses any other, `cc11_quiz::create_node_…_true_false`), else c0, c1, …"""
    if item.kind == "true-false":
        return ["true", "false"]
    return [f"c{n}" for n in range(len(choices))]


def _processing(element: ET.Element, item: BankItem, choices: tuple[Choice, ...]) -> None:
    processing, feedback = _outcomes(element, item)
    idents = _idents(item, choices)
    for ident, choice in zip(idents, choices, strict=True):
        if choice.feedback:
            condition = _sub(processing, "respcondition", {"continue": "Yes"})
            _sub(_sub(condition, "conditionvar"), "varequal", {"respident": "response1"}, ident)
            _sub(condition, "displayfeedback", {"feedbacktype": "Response",
                                                "linkrefid": f"{ident}_fb"})
            feedback.append((f"{ident}_fb", choice.feedback))
    condition = _sub(processing, "respcondition", {"continue": "No"})
    var = _sub(condition, "conditionvar")
    if item.kind in ("short-answer", "essay"):
        _sub(var, "other")  # marked by hand: any answer, no score set
    else:
        if item.kind == "fill-in":
            for accepted in item.answers:
                _sub(var, "varequal", {"respident": "response1", "case": "No"}, accepted)
        elif item.kind == "multiple-response":
            # case="Yes": Moodle's cartridge importer counts only such right answers
            # (`cc11_quiz::get_answers`)
            both = _sub(var, "and")
            for ident, choice in zip(idents, choices, strict=True):
                holder = both if choice.correct else _sub(both, "not")
                _sub(holder, "varequal", {"respident": "response1", "case": "Yes"}, ident)
        else:
            right = next(i for i, c in zip(idents, choices, strict=True) if c.correct)
            _sub(var, "varequal", {"respident": "response1"}, right)
        _sub(condition, "setvar", {"action": "Set", "varname": "SCORE"}, "100")
    _feedback(element, feedback)


def qti_assessment(ident: str, title: str, items: list[BankItem], canvas: bool = False) -> bytes:
    """A whole `<questestinterop>` file holding one assessment of `items`: in the CC profile,
    or (`canvas`) as Canvas classic quizzes import it, matching questions kept whole."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_q("questestinterop"), {f"{{{XSI}}}schemaLocation": f"{NS} {SCHEMA}"})
    assessment = _sub(root, "assessment", {"ident": ident, "title": title})
    _metadata(assessment, [("cc_profile", "cc.exam.v0p1"),
                           ("qmd_assessmenttype", "Examination"), ("cc_maxattempts", "1")])
    section = _sub(assessment, "section", {"ident": f"{ident}-section"})
    for item in items:
        for part in [item] if canvas else flatten(item):
            qti_item(section, part, canvas)
    ET.indent(root)
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")
