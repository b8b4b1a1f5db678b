"""The bundled pack's teaching apparatus: what a teacher of *Never Let Me Go* is promised."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from nlmg_packs.pack import Pack, load_pack
from nlmg_packs.pack.references_assessment import contains_words

ITEM_TYPES = {"multiple-choice", "true-false", "matching", "fill-in", "short-answer"}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(Path("packs/never-let-me-go"))


def test_every_part_has_twelve_words_or_more(pack: Pack) -> None:
    counts = Counter(w.part for w in pack.words)
    assert {p.id for p in pack.book.parts} == set(counts)
    assert min(counts.values()) >= 12


def test_vocabulary_quotes_only_confirmed_wording(pack: Pack) -> None:
    """A sentence is a quotation only when two public sources confirm it; otherwise it is an
    example, and an example is never a sentence of the quote bank passed off as one."""
    quoted = 0
    for word in pack.words:
        if word.from_quote:
            quote = pack.quote_by_id[word.from_quote]
            assert quote.source.confirmed and contains_words(quote.text, word.form or word.word)
            quoted += 1
        elif word.quote:
            assert word.source is not None and word.source.confirmed
            quoted += 1
        else:
            assert word.example
            assert all(word.example not in q.text for q in pack.quotes)
    assert quoted >= 30


def test_a_test_per_part_and_one_for_the_whole_novel(pack: Pack) -> None:
    assert sorted(t.part or "" for t in pack.tests) == sorted(
        ["", *(p.id for p in pack.book.parts)])
    for test in pack.tests:
        items = [pack.item_by_id[i] for i in test.items]
        assert len(items) >= 15, test.id
        assert {i.type for i in items} == ITEM_TYPES, test.id
        if test.part:  # a part's test asks nothing about a later part
            assert all(i.part == test.part for i in items), test.id


def test_several_answer_choices_and_false_statements_are_used(pack: Pack) -> None:
    assert any(sum(o.correct for o in i.options) > 1 for i in pack.items)
    assert any(i.answer is False and i.correction for i in pack.items)
    assert all(i.standards for i in pack.items)


def test_two_essays_and_a_project_with_rubrics(pack: Pack) -> None:
    kinds = Counter(a.type for a in pack.assignments)
    assert kinds["essay"] >= 2 and kinds["project"] >= 1
    assert all(a.rubric in pack.rubric_by_id and a.standards for a in pack.assignments)


def test_front_and_back_matter(pack: Pack) -> None:
    m = pack.matter
    assert m.about_author and "Nagasaki" in m.about_author
    assert len(m.context) >= 2 and m.note_to_teacher and len(m.pre_reading) >= 2
    assert len(m.further_reading) >= 4 and len(m.sources) >= 3
    assert any(c.assessments for course in pack.courses for c in course.lessons)
