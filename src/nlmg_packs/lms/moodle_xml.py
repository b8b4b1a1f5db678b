"""Question banks in Moodle XML, following the rules of Moodle's importer
(`question/format/xml/format.php`, class `qformat_xml`, in the moodle/moodle repository):

- the root is `<quiz>`, every question a `<question type="…">` in it (`readquestions`);
- only the core types the importer knows are written: multichoice, truefalse, matching,
  shortanswer, essay, and the `category` pseudo-question (`import_question`);
- every question has `<name><text>` (`import_headers` fails without one: xmlimportnoname);
- answer `fraction` is a percentage that the import matches to one of Moodle's grades
  (`question_bank::fraction_options_full`, within 0.00001), so only listed grades are used;
- true/false answers are the words `true` and `false`, the right one at 100 (`import_truefalse`);
- text formats are named as `trans_format` knows them (`html`);
- tags are `<tags><tag><text>` (`import_question_tags`);
- a matching question has at least three pairs (`qtype_match` warns "not enough answers"
  below three), and the right answers of a multiple-response question add up to 100 %.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from nlmg_packs.lms.bank import BankItem
from nlmg_packs.lms.gift import right_weight
from nlmg_packs.lms.html_text import html_text
from nlmg_packs.render.inline import plain_text

_TYPES = {"multiple-choice": "multichoice", "multiple-response": "multichoice",
          "true-false": "truefalse", "matching": "matching", "fill-in": "shortanswer",
          "short-answer": "essay", "essay": "essay"}


def _text(parent: ET.Element, tag: str, value: str, html: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = html_text(value) if html else plain_text(value)
    return element


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str = "",
            html: bool = True) -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": f"{fraction:g}",
                                              **({"format": "html"} if html else {})})
    ET.SubElement(answer, "text").text = html_text(text) if html else plain_text(text)
    _text(answer, "feedback", feedback)


def moodle_question(item: BankItem) -> ET.Element:
    """One `<question>` element for `item`."""
    question = ET.Element("question", {"type": _TYPES[item.kind]})
    ET.SubElement(ET.SubElement(question, "name"), "text").text = plain_text(item.id)
    _text(question, "questiontext", item.stem)
    _text(question, "generalfeedback", item.feedback)
    ET.SubElement(question, "defaultgrade").text = str(item.points)
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = item.id
    _body(question, item)
    tags = ET.SubElement(question, "tags")
    for tag in item.tags:
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    return question


def _body(question: ET.Element, item: BankItem) -> None:
    if item.kind in ("multiple-choice", "multiple-response"):
        single = item.kind == "multiple-choice"
        ET.SubElement(question, "single").text = "true" if single else "false"
        ET.SubElement(question, "shuffleanswers").text = "true"
        ET.SubElement(question, "answernumbering").text = "ABCD"
        right = right_weight(sum(c.correct for c in item.choices))
        for choice in item.choices:
            wrong = 0 if single else -right
            _answer(question, right if choice.correct else wrong, choice.text, choice.feedback)
    elif item.kind == "true-false":
        _answer(question, 100 if item.truth else 0, "true", html=False)
        _answer(question, 0 if item.truth else 100, "false", html=False)
    elif item.kind == "matching":
        ET.SubElement(question, "shuffleanswers").text = "true"
        for left, right in item.pairs:
            sub = _text(question, "subquestion", left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = plain_text(right)
    elif item.kind == "fill-in":
        ET.SubElement(question, "usecase").text = "0"
        for accepted in item.answers:
            _answer(question, 100, accepted, html=False)
    else:
        ET.SubElement(question, "responseformat").text = "editor"
        ET.SubElement(question, "responserequired").text = "1"
        ET.SubElement(question, "responsefieldlines").text = "15"
        ET.SubElement(question, "attachments").text = "0"
        _text(question, "graderinfo", item.grader_info)
        _text(question, "responsetemplate", "")


def moodle_bank(items: list[BankItem], category: str) -> bytes:
    """A whole Moodle XML file: a category per unit under `category`, then its questions."""
    quiz = ET.Element("quiz")
    current = None
    for item in items:
        if item.category != current:
            current = item.category
            head = ET.SubElement(quiz, "question", {"type": "category"})
            path = f"$course$/top/{category}/{item.category}"
            ET.SubElement(ET.SubElement(head, "category"), "text").text = path
        quiz.append(moodle_question(item))
    ET.indent(quiz)
    return (b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + ET.tostring(quiz, encoding="unicode").encode("utf-8") + b"\n")
