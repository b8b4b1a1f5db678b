"""Any text the schema accepts builds, in every preset and on every paper (issue 10, fault 10).

A text longer than a page (a 20,000-character prompt, a 300-character title, a word longer
than a column) must split across pages or be shortened where a format limits it: `validate`
refuses it first, or the build succeeds. The default run tries a few random cases; the
`slow` run (deselect it with `-m "not slow"`) tries the longest text in every field, preset
and paper.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_packs.errors import PackError
from nlmg_packs.pack import load_pack
from tests.test_properties import DEFAULT_TEMPLATE, TEXT_FIELDS, pack_copy, put

PRESETS = ("standard", "large-print", "dyslexia")
PAPERS = ("a4", "letter")
SHORT_LIMIT = 300
LONG_LIMIT = 20_000
_WORDS = ("the", "guardians", "never", "told", "us", "properly", "Hailsham", "and", "Kathy",
          "remembers", "what", "was", "lost", "in", "Norfolk,", "carer.", "Tommy", "drew")


def prose(length: int, shape: str = "prose") -> str:
    """`length` characters of text: ordinary prose, one unbroken word, or many short lines."""
    if shape == "word":
        return ("Hailsham" * (length // 8 + 1))[:length]
    words, n = [], 0
    while n < length:
        word = _WORDS[len(words) % len(_WORDS)]
        words.append(word)
        n += len(word) + 1
    text = " ".join(words)
    if shape == "lines":
        text = text.replace(". ", ".\n")
    return text[:length].strip() or "x"


@cache
def limit(field: tuple[str, tuple]) -> int:
    """The longest text the schema accepts in `field`, in characters."""
    file, path = field
    with pack_copy() as folder:
        put(folder, file, path, prose(LONG_LIMIT))
        try:
            load_pack(folder)
        except PackError:
            return SHORT_LIMIT
    return LONG_LIMIT


def builds_or_is_refused(field: tuple[str, tuple], text: str, preset: str, paper: str) -> None:
    """Put `text` in `field`; `validate` refuses it, or a build of every document succeeds."""
    from nlmg_packs.builder.run import BuildRequest, run_build

    file, path = field
    with pack_copy() as folder:
        put(folder, file, path, text)
        try:
            load_pack(folder)
        except PackError:
            return
        with tempfile.TemporaryDirectory() as out:
            report = run_build(BuildRequest(packs=(folder,), out=Path(out), formats="all",
                                            paper=paper, preset=preset,
                                            template=DEFAULT_TEMPLATE, jobs=1))
            assert report.count("built") > 0


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(field=st.sampled_from(TEXT_FIELDS), preset=st.sampled_from(PRESETS),
       paper=st.sampled_from(PAPERS), share=st.floats(0.3, 1.0),
       shape=st.sampled_from(["prose", "word", "lines"]))
def test_text_up_to_the_schema_limit_builds_or_is_refused(field, preset, paper, share,
                                                          shape) -> None:
    text = prose(max(1, int(limit(field) * share)), shape)
    builds_or_is_refused(field, text, preset, paper)


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("field", TEXT_FIELDS, ids=lambda f: f"{f[0]}:{'.'.join(map(str, f[1]))}")
def test_the_longest_text_in_every_field_builds(field, preset: str, paper: str) -> None:
    builds_or_is_refused(field, prose(limit(field)), preset, paper)


@pytest.mark.slow
@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("field", TEXT_FIELDS, ids=lambda f: f"{f[0]}:{'.'.join(map(str, f[1]))}")
def test_the_longest_word_in_every_field_builds(field, preset: str) -> None:
    """One word as long as the field allows: split inside the word, never a crash."""
    builds_or_is_refused(field, prose(limit(field), "word"), preset, "letter")


@pytest.mark.parametrize("preset", PRESETS)
def test_a_prompt_longer_than_a_page_builds(preset: str) -> None:
    """The reproduction from the issue: a discussion prompt of 6,000 characters."""
    field = next(f for f in TEXT_FIELDS if f[0] == "discussion.yaml" and f[1][-1] == "text")
    builds_or_is_refused(field, prose(6_000), preset, "letter")
