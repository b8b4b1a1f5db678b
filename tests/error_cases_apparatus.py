"""Errors of the apparatus files (vocabulary, tests, rubrics), registered with the catalogue
of tests/test_error_catalogue.py: each is triggered from the apparatus fixture, broken once."""

from __future__ import annotations

import shutil
from pathlib import Path

from nlmg_packs.errors import Problem
from tests.conftest import FIXTURES
from tests.test_error_catalogue import case, pack_after


def broken(mini: Path, file: str, old: str, new: str) -> list[Problem]:
    """The problems of the mini pack with the apparatus files, `old` replaced in `file`."""
    for source in (FIXTURES / "apparatus").iterdir():
        shutil.copy(source, mini / source.name)
    return pack_after(mini, file, old, new)


@case("word-needs-quote-or-example", "the word `keeper` needs either `quote:` or `example:`",
      "give a usage example", "vocabulary.yaml:6:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "vocabulary.yaml", "     example: The keeper climbed the stairs at dusk.}",
                  "     }")


@case("word-quote-without-source", "the quotation for `lamp` has no `source:`",
      "add `source:`", "vocabulary.yaml:3:6")
def _(mini: Path, tmp: Path) -> list[Problem]:
    text = (FIXTURES / "apparatus" / "vocabulary.yaml").read_text("utf-8")
    start = text.index(", source: {wording: novel, verified: false,")
    return broken(mini, "vocabulary.yaml", text[start:text.index("]}}", start) + 3], "}")


@case("word-not-in-sentence", "`harbour` is not in its sentence", "set `form:`",
      "vocabulary.yaml:9:6")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "vocabulary.yaml", "The boats waited in the harbour", "The boats waited")


@case("item-missing-field", "a multiple-choice item needs `question:`",
      "add `question:` to item `mc-lamp`", "tests.yaml:2:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "    question: What does Mara keep burning?\n", "")


@case("choice-without-correct-option", "multiple-choice item `mc-lamp` needs two options or "
      "more, one of them `correct: true`", "mark the right one", "tests.yaml:10:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "{text: The lamp, correct: true,", "{text: The lamp,")


@case("true-false-without-answer", "true-false item `tf-lamp` needs `answer: true` or "
      "`answer: false`", "say whether", "tests.yaml:27:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "    answer: true\n", "")


@case("false-without-correction", "the false statement of item `tf-tide` has no `correction:`",
      "add `correction:`", "tests.yaml:25:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "    correction: He says every tide takes a little of it "
                  "away.\n", "")


@case("matching-too-few-pairs", "matching item `match-speakers` needs two pairs or more",
      "add `pairs:`", "tests.yaml:34:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "      - {quote: q-tide}\n      - {text: The keeper's "
                  "daughter, character: mara}\n", "")


@case("matching-pair-sides", "a pair needs one left side (`quote:` or `text:`) and one right "
      "side (`character:` or `match:`)", "a quotation alone is matched to its speaker",
      "tests.yaml:37:9")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "{text: The keeper's daughter, character: mara}",
                  "{text: The keeper's daughter}")


@case("matching-unknown-character", "unknown character `marra`", "did you mean `mara`?",
      "tests.yaml:37:39")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "character: mara}", "character: marra}")


@case("blank-not-in-quote", "the blank \u201cout their\u201d is not in quote `q-lamp`",
      "copy the words exactly", "tests.yaml:41:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "    blank: out there", "    blank: out their")


@case("fill-in-unconfirmed-quote", "fill-in item `fill-tide` blanks quote `q-tide`, whose "
      "wording is not confirmed", "two public sources confirm", "tests.yaml:40:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "    quote: q-lamp\n    blank: out there",
                  "    quote: q-tide\n    blank: harbour")


@case("word-quote-unconfirmed", "the quotation for `lamp` is confirmed by 1 of the 2 public "
      "sources it needs", "replace `quote:` with an `example:`", "vocabulary.yaml:3:54")
def _(mini: Path, tmp: Path) -> list[Problem]:
    review = "{source: Harbour Review, title: The Keeper reviewed, url: 'https://example.com/review'}"
    return broken(mini, "vocabulary.yaml", ",\n                  " + review, "")


@case("short-answer-without-answer", "short-answer item `sa-duty` needs a `model_answer:`",
      "full-mark answer", "tests.yaml:42:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "tests.yaml", "    model_answer: It is her duty to strangers she will "
                  "never meet.\n", "")


@case("rubric-descriptors", "criterion \u201cWriting\u201d has 3 descriptors for 4 levels",
      "one descriptor per level", "rubrics.yaml:13:25")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "rubrics.yaml", "Clear., Uneven., Hard to follow.]", "Clear., Uneven.]")


@case("rubric-total", "rubric `essay-rubric` totals 12 points (3 criteria \u00d7 4), not 15",
      "set `total: 12`", "rubrics.yaml:4:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return broken(mini, "rubrics.yaml", "    total: 12", "    total: 15")


@case("id-repeats-file-word", "test id `part-one-test` repeats the word its files start with: "
      "`test-part-one-test.pdf`", "leave `test` out of the id", "tests.yaml:48:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.compose.naming import repeated_words
    from nlmg_packs.pack import load_pack
    from tests.conftest import edit

    for source in (FIXTURES / "apparatus").iterdir():
        shutil.copy(source, mini / source.name)
    edit(mini / "tests.yaml", "  - id: part-one\n", "  - id: part-one-test\n")
    return repeated_words(load_pack(mini))
