"""Numbered questions are read as lists: one L for each run of questions, whatever sits between
them (a quotation, its sources, options, a teacher's note), with the quotation that introduces
a question inside that question's list item. Read back with poppler's `pdfinfo -struct-text`,
the structure as an assistive technology reads it (ISO 32000-1 §14.8.4.3.3)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from functools import cache

import pytest

from nlmg_packs import document as d
from nlmg_packs.render.pdf import render_pdf
from tests.test_pdf_accessibility import TEMPLATE, _specs
from tests.tools import require_tool

HEADINGS = {"H", "H1", "H2", "H3", "H4", "H5", "H6"}


@dataclass
class Node:
    role: str
    kids: list[Node] = field(default_factory=list)
    text: str = ""

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def all_text(self) -> str:
        return self.text + "".join(kid.all_text() for kid in self.kids)


def read_tree(text: str) -> Node:
    """`pdfinfo -struct-text` output as a tree: two spaces of indent a level, elements by role,
    quoted lines the text of the element above them."""
    root = Node("")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in text.splitlines():
        body = line.lstrip(" ")
        if not body:
            continue
        depth = (len(line) - len(body)) // 2
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            parent.text += body.strip('"')
        elif not body.startswith("/"):  # an attribute line (/Scope /Column) belongs above
            node = Node(body.split()[0].rstrip(":"))
            parent.kids.append(node)
            stack.append((depth, node))
    return root


@cache
def structure(name: str, fillable: bool = False) -> tuple[Node, d.Document]:
    pdfinfo = require_tool("pdfinfo")
    doc = _specs()[name].compose("pdf")
    data = render_pdf(doc, TEMPLATE.render_options(fillable=fillable))
    tree = subprocess.run([pdfinfo, "-struct-text", "-"], input=data, capture_output=True,
                          check=True).stdout.decode("utf-8")
    return read_tree(tree), doc


def _with_questions() -> list[str]:
    return [name for name, spec in _specs().items()
            if any(isinstance(b, d.Question) for b in spec.compose("pdf").blocks)]


def _numbered(items: list[Node]) -> list[str]:
    return [kid.all_text() for item in items for kid in item.kids if kid.role == "Lbl"]


SOME = ("teacher/worksheet-art-and-the-soul", "teacher/discussion-guide",
        "student/quotation-bank", "teacher/test-part-one",
        "teacher/vocabulary-activities-part-three")
"""Each kind of document with numbered questions once; `-m slow` runs every one."""


def _cases(names: list[str]) -> list:
    return [pytest.param(n, marks=() if n in SOME else pytest.mark.slow) for n in names]


@pytest.mark.parametrize("name", _cases(_with_questions()))
def test_a_run_of_questions_is_one_list(name):
    """Two lists of questions side by side in one element always have a heading between
    them: nothing else (a quotation, a teacher's note, options) parts a list."""
    tree, _ = structure(name)
    for node in tree.walk():
        lists = [i for i, kid in enumerate(node.kids)
                 if kid.role == "L" and re.fullmatch(r"\d+\.", "".join(
                     _numbered(kid.kids[:1])))]
        for before, after in zip(lists, lists[1:], strict=False):
            between = {kid.role for kid in node.kids[before + 1:after]}
            assert between & HEADINGS, (name, before, after, between)


@pytest.mark.parametrize("name", _cases([n for n in _with_questions() if "/worksheet-" in n]))
@pytest.mark.parametrize("fillable", [False, True])
def test_a_worksheets_quotations_sit_in_the_items_of_their_questions(name, fillable):
    """In a worksheet every quotation introduces a question: it is read inside that question's
    list item, after the number and before the question, and the numbers run on from one
    list to the next (1, 2, 3 ... however many activities)."""
    tree, doc = structure(name, fillable)
    quotes = sum(isinstance(b, d.Quote) for b in doc.blocks)
    parents = {id(kid): node for node in tree.walk() for kid in node.kids}
    found = [n for n in tree.walk() if n.role == "BlockQuote"]
    assert len(found) == quotes > 0
    for quote in found:
        body = parents[id(quote)]
        assert body.role == "LBody", name
        assert parents[id(body)].role == "LI"
        after = body.kids[body.kids.index(quote) + 1:]
        assert any(kid.role == "P" for kid in after)  # the question comes after its quote
    items = [kid for node in tree.walk() if node.role == "L" for kid in node.kids
             if kid.role == "LI"]
    questions = sorted(b.number for b in doc.blocks if isinstance(b, d.Question))
    assert [n for n in _numbered(items) if re.fullmatch(r"\d+\.", n)] == [
        f"{n}." for n in questions]
    lists = [n for n in tree.walk() if n.role == "L"
             and re.fullmatch(r"\d+\.", "".join(_numbered(n.kids[:1])))]
    headings = sum(isinstance(b, d.Heading) and b.level == 2 for b in doc.blocks)
    assert len(lists) == headings  # one list of questions per activity


_BLOCKS = {
    "H": d.Heading("Activity", 2), "I": d.Paragraph("Instructions", "muted"),
    "B": d.Paragraph("Body text"), "Q": d.Quote("A quotation", "Chapter 1"),
    "n": d.Paragraph("Wording confirmed in: ...", "small"), "?": d.Question(1, "Why?", 3),
    "o": d.Question(1, "Which?"), "C": d.Choices(("Yes", "No"), ("A", "B")),
    "T": d.TeacherNote("Model answer", (d.Paragraph("Because."),)),
    "G": d.Table(("Word", "Meaning"), (("a", "b"),)),
}


@pytest.mark.parametrize(("blocks", "owners"), [
    # a quotation, its notes and the teacher's note after the question: in its item
    ("HIQn?T", "--4444"),
    # each quotation in the item of the question it introduces; consecutive questions
    ("Qn?Q??T", "2224455"),
    # a note standing in for a quotation, after an item, introduces the next question
    ("?Tn?", "0033"),
    # but a section's instructions after a heading, or body text, belong to no question
    ("HI?", "--2"), ("?B?", "0-2"),
    # options and a grid after a question without answer lines, and its key
    ("oCT", "000"), ("oG", "00"), ("?G", "0-"), ("HG", "--"),
    # a quotation no question follows is no item's
    ("?Q", "0-"), ("QH?", "--2"),
])
def test_what_belongs_to_a_questions_list_item(blocks: str, owners: str):
    from nlmg_packs.render.units import list_item_of

    sequence = tuple(_BLOCKS[b] for b in blocks)
    found = [list_item_of(sequence, i) for i in range(len(sequence))]
    assert "".join("-" if f is None else str(f) for f in found) == owners
