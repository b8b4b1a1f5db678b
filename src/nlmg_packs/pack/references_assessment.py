"""Whole-pack checks of the apparatus files: vocabulary sentences, objective items and the tests
that group them, rubrics and their totals, assignments, and lessons' references to them.

Every problem points at the YAML line it concerns and says how to fix it (docs/errors.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlmg_packs.pack import model_assessment as a
from nlmg_packs.pack.model import CONFIRMING_SOURCES

if TYPE_CHECKING:
    from nlmg_packs.pack.references import _Checker


def contains_words(sentence: str, words: str) -> bool:
    """Whether `words` stand in `sentence` as whole words (case-insensitive), ignoring the
    inline marks `*` and `_` and the difference between straight and curly apostrophes."""
    def norm(text: str) -> str:
        return re.sub(r"[*_]", "", text).replace("\u2019", "'").lower()

    pattern = r"(?<!\w)" + re.escape(norm(words).strip()) + r"(?!\w)"
    return re.search(pattern, norm(sentence)) is not None


def check_apparatus(c: _Checker) -> None:
    """Append the apparatus files' reference problems to `c`."""
    _check_words(c)
    _check_items(c)
    _check_tests(c)
    _check_rubrics(c)
    _check_lessons(c)


def _check_words(c: _Checker) -> None:
    pack, f = c.pack, "vocabulary.yaml"
    for i, word in enumerate(pack.words):
        path = ("words", i)
        c.ref(f, (*path, "part"), word.part, pack.parts, "part")
        c.either(f, path, word, ("chapter", "unit"))
        where = word.unit if word.unit is not None else word.chapter
        if where is not None:
            c.units(f, (*path, "unit" if word.unit is not None else "chapter"), [where],
                    word.part, "unit" if word.unit is not None else "chapter")
        given = [word.quote, word.from_quote, word.example]
        if sum(x is not None for x in given) != 1:
            c.at(f, path, f"the word `{word.word}` needs either `quote:` or `example:`",
                 "quote the sentence it appears in (with `source:`, or `from_quote:` a quote "
                 "id), or give a usage example that is not a quotation")
            continue
        if word.from_quote is not None:
            c.ref(f, (*path, "from_quote"), word.from_quote, pack.quote_by_id, "quote")
            quote = pack.quote_by_id.get(word.from_quote)
            if quote is not None and not contains_words(quote.text, word.form or word.word):
                c.at(f, (*path, "from_quote"), f"`{word.form or word.word}` is not in its "
                     "sentence", "set `form:` to the word as it stands in the sentence")
            continue
        if word.quote is not None and word.source is None:
            c.at(f, (*path, "quote"), f"the quotation for `{word.word}` has no `source:`",
                 "add `source:` saying where the wording comes from, or use `example:`")
        elif word.quote is not None and word.source and not word.source.confirmed:
            c.at(f, (*path, "source"), f"the quotation for `{word.word}` is confirmed by "
                 f"{len(word.source.provenance)} of the {CONFIRMING_SOURCES} public sources it "
                 "needs", "list two independent sources under `provenance:`, or replace "
                 "`quote:` with an `example:` that is not a quotation")
        sentence = word.quote or word.example or ""
        field = "quote" if word.quote is not None else "example"
        if not contains_words(sentence, word.form or word.word):
            c.at(f, (*path, field), f"`{word.form or word.word}` is not in its sentence",
                 "set `form:` to the word as it stands in the sentence")


_REQUIRED = {"multiple-choice": ("question",), "matching": (), "short-answer": ("question",),
             "true-false": ("statement",), "fill-in": ("quote", "blank")}
"""Fields each item type needs."""


def _check_items(c: _Checker) -> None:
    pack, f = c.pack, "tests.yaml"
    c.unique(f, ("items",), pack.items, "item")
    for i, item in enumerate(pack.items):
        path = ("items", i)
        c.ref(f, (*path, "part"), item.part, pack.parts, "part")
        c.refs(f, (*path, "themes"), item.themes, pack.themes, "theme")
        c.either(f, path, item, ("chapters", "units"))
        c.units(f, (*path, "units" if item.units else "chapters"), item.span, item.part,
                "unit" if item.units else "chapter")
        for name in _REQUIRED[item.type]:
            if getattr(item, name) is None:
                c.at(f, path, f"a {item.type} item needs `{name}:`",
                     f"add `{name}:` to item `{item.id}`")
        _BY_TYPE[item.type](c, item, path)


def _multiple_choice(c: _Checker, item: a.Item, path: tuple) -> None:
    if len(item.options) < 2 or not any(o.correct for o in item.options):
        c.at("tests.yaml", (*path, "options") if item.options else path,
             f"multiple-choice item `{item.id}` needs two options or more, one of them "
             "`correct: true`", "list the options and mark the right one(s) `correct: true`")


def _true_false(c: _Checker, item: a.Item, path: tuple) -> None:
    if item.answer is None:
        c.at("tests.yaml", path,
             f"true-false item `{item.id}` needs `answer: true` or `answer: false`",
             "say whether the statement is true")
    elif item.answer is False and not item.correction:
        c.at("tests.yaml", (*path, "answer"),
             f"the false statement of item `{item.id}` has no `correction:`",
             "add `correction:` saying what is true, for the answer key")


def _matching(c: _Checker, item: a.Item, path: tuple) -> None:
    pack, f = c.pack, "tests.yaml"
    if len(item.pairs) < 2:
        c.at(f, (*path, "pairs") if item.pairs else path,
             f"matching item `{item.id}` needs two pairs or more", "add `pairs:`")
    for j, pair in enumerate(item.pairs):
        at = (*path, "pairs", j)
        c.ref(f, (*at, "quote"), pair.quote, pack.quote_by_id, "quote")
        c.ref(f, (*at, "character"), pair.character, pack.characters, "character")
        left = (pair.quote is not None) + (pair.text is not None)
        right = (pair.character is not None) + (pair.match is not None)
        if left != 1 or right > 1 or (right == 0 and pair.quote is None):
            c.at(f, at, "a pair needs one left side (`quote:` or `text:`) and one right side "
                 "(`character:` or `match:`)",
                 "a quotation alone is matched to its speaker; otherwise name both sides")


def _fill_in(c: _Checker, item: a.Item, path: tuple) -> None:
    quote = c.pack.quote_by_id.get(item.quote or "")
    if quote is None:
        c.ref("tests.yaml", (*path, "quote"), item.quote, c.pack.quote_by_id, "quote")
        return
    if not quote.source.confirmed:
        c.at("tests.yaml", (*path, "quote"), f"fill-in item `{item.id}` blanks quote "
             f"`{quote.id}`, whose wording is not confirmed", "choose a quotation two public "
             "sources confirm (`source: provenance:` in quotes.yaml)")
    if item.blank and not contains_words(quote.text, item.blank):
        c.at("tests.yaml", (*path, "blank"), f"the blank \u201c{item.blank}\u201d is not in "
             f"quote `{quote.id}`", "copy the words exactly as they stand in the quotation")


def _short_answer(c: _Checker, item: a.Item, path: tuple) -> None:
    if not item.model_answer:
        c.at("tests.yaml", path, f"short-answer item `{item.id}` needs a `model_answer:`",
             "write what a full-mark answer says, for the answer key")


_BY_TYPE = {"multiple-choice": _multiple_choice, "true-false": _true_false,
            "matching": _matching, "fill-in": _fill_in, "short-answer": _short_answer}


def _check_tests(c: _Checker) -> None:
    pack, f = c.pack, "tests.yaml"
    c.unique(f, ("tests",), pack.tests, "test")
    for i, test in enumerate(pack.tests):
        c.ref(f, ("tests", i, "part"), test.part, pack.parts, "part")
        c.refs(f, ("tests", i, "items"), test.items, pack.item_by_id, "item")


def _check_rubrics(c: _Checker) -> None:
    pack, f = c.pack, "rubrics.yaml"
    c.unique(f, ("rubrics",), pack.rubrics, "rubric")
    for i, rubric in enumerate(pack.rubrics):
        levels = len(rubric.levels)
        for j, criterion in enumerate(rubric.criteria):
            if len(criterion.descriptors) != levels:
                c.at(f, ("rubrics", i, "criteria", j, "descriptors"),
                     f"criterion \u201c{criterion.name}\u201d has {len(criterion.descriptors)} "
                     f"descriptors for {levels} levels", "write one descriptor per level, "
                     "in the order of `levels:`")
        computed = rubric_total(rubric)
        if rubric.total is not None and rubric.total != computed:
            c.at(f, ("rubrics", i, "total"), f"rubric `{rubric.id}` totals {computed} points "
                 f"({len(rubric.criteria)} criteria \u00d7 {max_points(rubric)}), not "
                 f"{rubric.total}", f"set `total: {computed}`, or change the levels' points")
    c.unique(f, ("assignments",), pack.assignments, "assignment")
    for i, task in enumerate(pack.assignments):
        c.ref(f, ("assignments", i, "rubric"), task.rubric, pack.rubric_by_id, "rubric")
        c.ref(f, ("assignments", i, "part"), task.part, pack.parts, "part")
        c.refs(f, ("assignments", i, "themes"), task.themes, pack.themes, "theme")


def max_points(rubric: a.Rubric) -> int:
    """The points of the rubric's best level."""
    return max(level.points for level in rubric.levels)


def rubric_total(rubric: a.Rubric) -> int:
    """The most a piece can score: each criterion at its best level (computed, never typed)."""
    return max_points(rubric) * len(rubric.criteria)


def _check_lessons(c: _Checker) -> None:
    known = [*c.pack.test_by_id, *c.pack.assignment_by_id]
    for i, course in enumerate(c.pack.courses):
        for j, lesson in enumerate(course.lessons):
            c.refs("courses.yaml", ("courses", i, "lessons", j, "assessments"),
                   lesson.assessments, known, "assessment")
