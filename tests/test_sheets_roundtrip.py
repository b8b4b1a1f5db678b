"""Property: any list data a pack can hold comes back unchanged from export-sheet's workbook:
prompts, quotations with their sources, pages and frame, vocabulary, test items of every type,
tests, rubrics and assignments."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_packs.pack.sheet_export import workbook_bytes
from nlmg_packs.pack.sheets import read_sheets

# Text as a pack may hold it: no control characters but tab and line break (the model refuses
# them), no surrounding spaces (a cell is read trimmed).
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x0b\x0c\x85",
                       min_codepoint=9).filter(lambda c: c in "\t\n" or ord(c) >= 32
                                               and not 0x7F <= ord(c) < 0xA0
                                               and c not in "\ufffe\uffff\u2028\u2029")
text = st.text(_chars, min_size=1, max_size=40).map(str.strip).filter(bool)
item = text.map(lambda t: " ".join(t.split())).filter(bool)  # list items: one line, one space
ident = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
chapters = st.integers(1, 99).flatmap(lambda a: st.sampled_from([[a], [a, a + 3]]))

url = st.from_regex(r"https?://[a-z]{1,8}\.[a-z]{2,3}/[A-Za-z0-9%&=?:;._-]{0,20}", fullmatch=True)
provenance = st.fixed_dictionaries({"source": text, "title": text, "url": url},
                                   optional={"chapter": st.integers(1, 999)})
quote = st.fixed_dictionaries(
    {"id": ident, "text": text, "speaker": ident, "chapter": st.integers(1, 999),
     "themes": st.lists(ident, min_size=1, max_size=3), "context": text,
     "questions": st.lists(item, min_size=2, max_size=3), "model_answer": text,
     "source": st.fixed_dictionaries({"wording": st.sampled_from(["novel", "memory"]),
                                      "verified": st.booleans()},
                                     optional={"note": text, "provenance": st.lists(
                                         provenance, min_size=1, max_size=3)})},
    optional={"addressee": ident})
unit_id = ident.filter(lambda i: not i.replace("-", "").isdigit())  # "7" and "7-3": numbers
unit = st.one_of(st.integers(1, 9999), unit_id)
units = st.lists(unit, min_size=1, max_size=2)
ids = st.lists(ident, min_size=1, max_size=3)


def _without(marks: str, fallback: str):  # noqa: ANN202 (a hypothesis strategy)
    """`item`s with `marks` (which a standards cell uses as separators) turned into spaces: a
    map, not a filter, so generating them never runs out of examples."""
    return item.map(lambda t: " ".join(t.translate({ord(m): " " for m in marks}).split())
                    or fallback)


standard = st.fixed_dictionaries({"framework": _without(":;", "Framework"),
                                  "code": _without(";", "RL.1")})
prompt = st.fixed_dictionaries({"id": ident, "text": text},
                               optional={"chapters": chapters, "teacher_notes": text,
                                         "themes": ids, "units": units,
                                         "standards": st.lists(standard, min_size=1,
                                                               max_size=2)})
page = st.one_of(st.integers(1, 99_999), st.from_regex(r"[0-9]{0,3}[a-zA-Z][0-9a-zA-Z]{0,3}",
                                                      fullmatch=True))
page_ref = st.fixed_dictionaries({}, optional={
    "edition": ident, "page": st.one_of(page, st.lists(page, min_size=2, max_size=2)),
    "line": st.one_of(st.integers(1, 999), st.lists(st.integers(1, 999), min_size=2,
                                                    max_size=2))}).filter(bool)
mode = st.sampled_from(["said", "thought", "narrated", "written", "sung"])
telling = st.fixed_dictionaries({"speaker": ident}, optional={"addressees": ids, "mode": mode})
quote_extra = st.fixed_dictionaries({}, optional={
    "addressees": ids, "mode": mode, "unit": unit, "pages": st.lists(page_ref, min_size=1,
                                                                      max_size=3),
    "frame": st.lists(telling, min_size=1, max_size=2),
    "language": st.sampled_from(["fr", "de-CH", "pt-BR"])})
level = st.sampled_from(["recall", "understand", "apply", "analyse", "evaluate", "create"])
option = st.fixed_dictionaries({"text": text},
                               optional={"correct": st.just(True), "rationale": text})
pair = st.fixed_dictionaries({}, optional={"quote": ident, "text": text, "character": ident,
                                           "match": text}).filter(bool)
test_item = st.fixed_dictionaries(
    {"id": ident, "type": st.sampled_from(["multiple-choice", "true-false", "matching",
                                           "fill-in", "short-answer"])},
    optional={"points": st.integers(1, 100), "question": text, "statement": text,
              "answer": st.booleans(), "correction": text, "model_answer": text,
              "options": st.lists(option, min_size=1, max_size=6),
              "pairs": st.lists(pair, min_size=1, max_size=6), "quote": ident, "blank": item,
              "lines": st.integers(0, 40), "part": ident, "chapters": chapters,
              "units": units, "themes": ids, "level": level,
              "standards": st.lists(standard, min_size=1, max_size=3)})
a_test = st.fixed_dictionaries({"id": ident, "title": text, "items": ids}, optional={
    "part": ident, "instructions": text, "minutes": st.integers(1, 600), "seed": item})
word = st.fixed_dictionaries(
    {"word": item, "part_of_speech": st.sampled_from(["noun", "verb", "phrase"]),
     "definition": text, "part": ident},
    optional={"form": item, "chapter": st.integers(1, 999), "unit": unit, "from_quote": ident,
              "quote": text, "example": text, "note": text,
              "source": st.fixed_dictionaries({"wording": st.sampled_from(["novel", "review"]),
                                               "verified": st.booleans()},
                                              optional={"edition": text, "provenance": st.lists(
                                                  provenance, min_size=1, max_size=2)})})
rubric = st.fixed_dictionaries(
    {"id": ident, "title": text,
     "levels": st.lists(st.fixed_dictionaries({"name": text, "points": st.integers(0, 1000)}),
                        min_size=2, max_size=6),
     "criteria": st.lists(st.fixed_dictionaries({"name": text, "descriptors": st.lists(
         item, min_size=1, max_size=4)}), min_size=1, max_size=3)},
    optional={"total": st.integers(0, 1000)})
assignment = st.fixed_dictionaries(
    {"id": ident, "type": st.sampled_from(["essay", "project"]), "title": text, "prompt": text,
     "rubric": ident},
    optional={"guidance": st.lists(item, min_size=1, max_size=3), "length": item,
              "part": ident, "themes": ids, "level": level,
              "standards": st.lists(standard, min_size=1, max_size=2)})


def unique(strategy: st.SearchStrategy, key: str = "id") -> st.SearchStrategy:
    """Lists of one to three entries with distinct ids, as the reference check demands (child
    sheets name their parent by id, or a vocabulary word by its headword)."""
    return st.lists(strategy, min_size=1, max_size=3, unique_by=lambda e: e[key])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quotes=st.lists(quote, min_size=1, max_size=3, unique_by=lambda q: q["id"]),
       prompts=st.lists(prompt, min_size=1, max_size=3, unique_by=lambda p: p["id"]))
def test_workbook_gives_back_the_same_data(quotes: list[dict[str, Any]],
                                           prompts: list[dict[str, Any]]) -> None:
    # Ids are unique, as the pack's reference check demands: child sheets (a quote's sources)
    # name their parent by id, so a pack with two quotes of one id never reaches export-sheet.
    files = {"quotes.yaml": {"quotes": quotes}, "discussion.yaml": {"prompts": prompts}}
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "lists.xlsx").write_bytes(workbook_bytes(files))
        sources = read_sheets(Path(scratch))
    assert not sources.problems, [str(p) for p in sources.problems]
    assert {name: loaded.data for name, loaded in sources.files.items()} == files


LISTS = {"quotes": unique(st.tuples(quote, quote_extra).map(lambda q: {**q[0], **q[1]})),
         "words": unique(word, "word"), "items": unique(test_item), "tests": unique(a_test),
         "rubrics": unique(rubric), "assignments": unique(assignment)}


def every_list_comes_back_the_same(quotes: list[dict[str, Any]], words: list[Any],
                                   items: list[Any], tests: list[Any], rubrics: list[Any],
                                   assignments: list[Any]) -> None:
    files = {"quotes.yaml": {"quotes": quotes}, "vocabulary.yaml": {"words": words},
             "tests.yaml": {"items": items, "tests": tests},
             "rubrics.yaml": {"rubrics": rubrics, "assignments": assignments}}
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "lists.xlsx").write_bytes(workbook_bytes(files))
        sources = read_sheets(Path(scratch))
    assert not sources.problems, [str(p) for p in sources.problems]
    assert {name: loaded.data for name, loaded in sources.files.items()} == files


# A workbook of every list takes about a second to write and read: a short run by default, a
# long one with the slow tests. Distinct ids in six lists of nested entries make hypothesis
# discard many drafts; that is expected, not a sign of a weak strategy.
_EXPECTED = [HealthCheck.too_slow, HealthCheck.filter_too_much]
test_every_list_comes_back_the_same = settings(
    max_examples=12, deadline=None, suppress_health_check=_EXPECTED)(
    given(**LISTS)(every_list_comes_back_the_same))
test_every_list_comes_back_the_same_long = pytest.mark.slow(settings(
    max_examples=300, deadline=None, suppress_health_check=_EXPECTED)(
    given(**LISTS)(every_list_comes_back_the_same)))
