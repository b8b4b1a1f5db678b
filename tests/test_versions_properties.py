"""Properties of test versions, for any items: every key letter names a correct option, every
version prints each item and option once, and shuffled versions differ from version A."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlmg_packs.compose.versions import LETTERS, sections
from nlmg_packs.pack.model_assessment import Item, Option, Test


@st.composite
def multiple_choice(draw: st.DrawFn, number: int) -> Item:
    count = draw(st.integers(2, 6))
    correct = draw(st.lists(st.booleans(), min_size=count, max_size=count).filter(any))
    options = [Option(text=f"option {number}.{k}", correct=c) for k, c in enumerate(correct)]
    return Item(id=f"item-{number}", type="multiple-choice", question=f"question {number}",
                options=options)


@st.composite
def a_test(draw: st.DrawFn) -> tuple[SimpleNamespace, Test]:
    count = draw(st.integers(1, 8))
    items = [draw(multiple_choice(n)) for n in range(count)]
    seed = draw(st.text(alphabet="abc-", min_size=1, max_size=8))
    test = Test(id="t", title="T", items=[i.id for i in items], seed=seed)
    return SimpleNamespace(item_by_id={i.id: i for i in items}), test


@given(a_test(), st.integers(0, 25))
def test_each_key_letter_names_a_correct_option(made, version: int) -> None:
    pack, test = made
    (kind, asked), = sections(pack, test, version)
    assert kind == "multiple-choice"
    assert sorted(a.item.id for a in asked) == sorted(test.items)
    assert [a.number for a in asked] == list(range(1, len(asked) + 1))
    for a in asked:
        assert sorted(a.options) == list(range(len(a.item.options)))
        marked = {LETTERS.index(letter) for letter in a.answer.split(", ")}
        assert marked == {k for k, o in enumerate(a.options) if a.item.options[o].correct}


@given(a_test(), st.integers(1, 25))
def test_a_shuffled_version_differs_from_version_a(made, version: int) -> None:
    pack, test = made
    def printed(index: int) -> list[tuple[str, tuple[int, ...]]]:
        return [(a.item.id, a.options) for a in sections(pack, test, index)[0][1]]
    assert printed(version) != printed(0)
    assert printed(version) == printed(version)  # the same seed, the same order


@pytest.mark.parametrize(("sentence", "blank"), [
    ("I\u2019ve been a carer now.", "I've been"), ("I've been a carer now.", "I\u2019ve been"),
    ("I\u2019ve been a carer now.", "I\u2019ve been"), ("A lamp, the LAMP.", "lamp")])
def test_a_blank_is_cut_whatever_the_apostrophe(sentence: str, blank: str) -> None:
    from nlmg_packs.compose.versions import BLANK, blank_out

    cut = blank_out(sentence, blank)
    assert cut.count(BLANK) == 1 and cut != sentence


@given(a_test())
def test_version_a_keeps_the_items_in_order_but_shuffles_the_options(made) -> None:
    """Authors often write the right option first: version A's key is not the authored order."""
    pack, test = made
    asked = sections(pack, test, 0)[0][1]
    assert [a.item.id for a in asked] == test.items
    assert all(list(a.options) != list(range(len(a.item.options))) for a in asked)


def test_the_bundled_tests_keys_use_more_than_one_letter() -> None:
    from nlmg_packs.pack import load_pack
    from tests.conftest import ROOT

    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    for test in pack.tests:
        choices = dict(sections(pack, test, 0))["multiple-choice"]
        assert len({a.answer for a in choices}) > 2, test.id
