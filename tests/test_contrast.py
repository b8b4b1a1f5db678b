"""WCAG 2.1 contrast, computed: every colour a pack or template can give still reads."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_packs.render.contrast import (
    AA_LARGE_TEXT,
    AA_TEXT,
    fill_for,
    ink_on,
    needed,
    ratio,
    readable,
)

colours = st.integers(0, 0xFFFFFF).map(lambda v: f"#{v:06X}")


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("#000000", "#FFFFFF", 21.0),
    ("#FFFFFF", "#FFFFFF", 1.0),
    ("#FFFFFF", "#B07400", 3.93),   # the DOCX theme chip the issue found
    ("#777777", "#FFFFFF", 4.48),   # WebAIM's well-known just-failing grey
])
def test_ratio_matches_known_values(a, b, expected):
    assert ratio(a, b) == pytest.approx(expected, abs=0.01)


def test_large_text_thresholds():
    assert needed(11) == AA_TEXT
    assert needed(18) == AA_LARGE_TEXT
    assert needed(14, bold=True) == AA_LARGE_TEXT
    assert needed(14) == AA_TEXT


@given(colours)
def test_ink_on_any_fill_meets_aa(fill):
    assert ratio(ink_on(fill), fill) >= AA_TEXT


@given(colours, colours, st.sampled_from([AA_TEXT, AA_LARGE_TEXT]))
def test_readable_text_meets_the_minimum_on_any_background(text, background, minimum):
    chosen = readable(text, background, minimum)
    assert ratio(chosen, background) >= minimum
    if ratio(text, background) >= minimum:
        assert chosen == text  # a passing colour is kept as the template gave it


@given(colours, colours)
def test_fill_for_any_text_meets_aa(fill, text):
    assert ratio(text, fill_for(fill, text)) >= AA_TEXT


def test_theme_chip_and_cream_page_cases_from_the_issue():
    assert ink_on("#B07400") == "#000000"
    assert ratio(readable("#B5562C", "#FBF6E6"), "#FBF6E6") >= AA_TEXT


@settings(max_examples=60)
@given(colours, colours, colours, st.sampled_from(["standard", "large-print", "dyslexia"]))
def test_renderer_text_colours_meet_aa_for_any_template_colours(primary, accent, text, preset):
    """Headings, numbers, labels and body text in the template's colours, on the page."""
    import dataclasses
    from pathlib import Path

    from nlmg_packs.render.look import look_for
    from nlmg_packs.render.pdf_fonts import register_family
    from nlmg_packs.render.pdf_styles import build_styles
    from nlmg_packs.template import load_template

    options = load_template(Path("templates/default")).render_options(preset=preset)
    look = dataclasses.replace(look_for(options), primary=primary, accent=accent, text=text)
    styles = build_styles(look, register_family(options.fonts))
    page = look.page_tint or "#FFFFFF"
    for style in (styles.body, styles.question, styles.number, styles.label, *styles.headings):
        colour = style.textColor.hexval().replace("0x", "#")
        bold = style.fontName == styles.fonts.bold
        assert ratio(colour, page) >= needed(style.fontSize, bold) - 1e-9, style.name
    assert ratio(readable(accent, page), page) >= AA_TEXT
