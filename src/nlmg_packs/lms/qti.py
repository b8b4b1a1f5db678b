"""Assessments in QTI 1.2, the Common Cartridge profile (IMS CC 1.1, `ccv1p1_qtiasiv1p2p1`).

The profile's item types: multiple choice, multiple response, true/false, fill-in-the-blank
and essay (`cc.<type>.v0p1` in each item's `cc_profile`), with points (`cc_weighting`) and
feedback. The profile has no matching type, so a matching item becomes one multiple-choice
question per pair (each offering every right-hand side), its points shared out among them.
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
    """`item` as the profile can carry it: a matching item as one choice question per pair."""
    if item.kind != "matching":
        return [item]
    rights = list(dict.fromkeys(right for _, right in item.pairs))
    share = item.points / len(item.pairs)
    return [BankItem(id=f"{item.id}-{n}", kind="multiple-choice",
                     stem=f"{item.stem} {left}", points=share,  # type: ignore[arg-type]
                     choices=tuple(Choice(r, r == right) for r in rights),
                     category=item.category, tags=item.tags)
            for n, (left, right) in enumerate(item.pairs, 1)]


def qti_item(parent: ET.Element, item: BankItem) -> None:
    """Append `<item>` for a non-matching `item` to `parent` (a section)."""
    element = _sub(parent, "item", {"ident": f"i-{item.id}", "title": item.id})
    _metadata(_sub(element, "itemmetadata"),
              [("cc_profile", PROFILES[item.kind]), ("cc_weighting", f"{item.points:.10g}")])
    presentation = _sub(element, "presentation")
    _material(presentation, item.stem)
    choices = item.choices
    if item.kind == "true-false":
        choices = (Choice(TRUE_FALSE[0], bool(item.truth)), Choice(TRUE_FALSE[1], not item.truth))
    if choices:
        cardinality = "Multiple" if item.kind == "multiple-response" else "Single"
        lid = _sub(presentation, "response_lid", {"ident": "response1",
                                                  "rcardinality": cardinality})
        render = _sub(lid, "render_choice")
        for n, choice in enumerate(choices):
            _material(_sub(render, "response_label", {"ident": f"c{n}"}), choice.text)
    else:
        str_ = _sub(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
        _sub(_sub(str_, "render_fib"), "response_label", {"ident": "answer1"})
    _processing(element, item, choices)


def _processing(element: ET.Element, item: BankItem, choices: tuple[Choice, ...]) -> None:
    processing = _sub(element, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", {"maxvalue": "100", "minvalue": "0",
                                                  "varname": "SCORE", "vartype": "Decimal"})
    feedback: list[tuple[str, str]] = []
    if item.feedback:
        condition = _sub(processing, "respcondition", {"continue": "Yes"})
        _sub(_sub(condition, "conditionvar"), "other")
        _sub(condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general"})
        feedback.append(("general", item.feedback))
    for n, choice in enumerate(choices):
        if choice.feedback:
            condition = _sub(processing, "respcondition", {"continue": "Yes"})
            _sub(_sub(condition, "conditionvar"), "varequal", {"respident": "response1"}, f"c{n}")
            _sub(condition, "displayfeedback", {"feedbacktype": "Response",
                                                "linkrefid": f"c{n}-fb"})
            feedback.append((f"c{n}-fb", choice.feedback))
    condition = _sub(processing, "respcondition", {"continue": "No"})
    var = _sub(condition, "conditionvar")
    if item.kind in ("short-answer", "essay"):
        _sub(var, "other")  # marked by hand: any answer, no score set
    else:
        if item.kind == "fill-in":
            for accepted in item.answers:
                _sub(var, "varequal", {"respident": "response1", "case": "No"}, accepted)
        elif item.kind == "multiple-response":
            both = _sub(var, "and")
            for n, choice in enumerate(choices):
                holder = both if choice.correct else _sub(both, "not")
                _sub(holder, "varequal", {"respident": "response1"}, f"c{n}")
        else:
            right = next(n for n, c in enumerate(choices) if c.correct)
            _sub(var, "varequal", {"respident": "response1"}, f"c{right}")
        _sub(condition, "setvar", {"action": "Set", "varname": "SCORE"}, "100")
    for ident, text in feedback:
        _material(_sub(_sub(element, "itemfeedback", {"ident": ident}), "flow_mat"), text)


def qti_assessment(ident: str, title: str, items: list[BankItem]) -> bytes:
    """A whole `<questestinterop>` file holding one assessment of `items`."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_q("questestinterop"), {f"{{{XSI}}}schemaLocation": f"{NS} {SCHEMA}"})
    assessment = _sub(root, "assessment", {"ident": ident, "title": title})
    _metadata(assessment, [("cc_profile", "cc.exam.v0p1"),
                           ("qmd_assessmenttype", "Examination"), ("cc_maxattempts", "1")])
    section = _sub(assessment, "section", {"ident": f"{ident}-section"})
    for item in items:
        for part in flatten(item):
            qti_item(section, part)
    ET.indent(root)
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")
