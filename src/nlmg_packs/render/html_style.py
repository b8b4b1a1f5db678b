"""The HTML renderer's one stylesheet, filled in from the preset's `Look` and the palette.

Colours used for text are checked against their background with the WCAG 2.1 contrast ratio
(success criterion 1.4.3, at least 4.5:1 for body text); a template colour that falls short is
replaced by the body text colour, so a pale brand colour cannot make a page unreadable.
"""

from __future__ import annotations

from nlmg_packs.render.look import Look

AA_CONTRAST = 4.5
"""WCAG 2.1 SC 1.4.3 minimum contrast for normal-size text."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1 definition) of "#RRGGBB", from 0 (black) to 1 (white)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two "#RRGGBB" colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str, background: str, fallback: str) -> str:
    """`colour` if it reaches AA contrast on `background`, else `fallback`."""
    return colour if contrast(colour, background) >= AA_CONTRAST else fallback


def ink_on(background: str) -> str:
    """Black or white, whichever contrasts more with `background` (for theme chips)."""
    return "#000000" if contrast("#000000", background) >= contrast("#FFFFFF", background) \
        else "#FFFFFF"


def stylesheet(look: Look) -> str:
    """The page's CSS for `look` (sizes in points, colours "#RRGGBB")."""
    page = look.page_tint or "#FFFFFF"
    text = readable(look.text, page, "#000000")
    primary = readable(look.primary, page, text)
    accent = readable(look.accent, page, text)
    on_primary = ink_on(look.primary)
    note_text = readable(text, look.teacher_tint, "#000000")
    family = ('system-ui, "Segoe UI", Arial, "Helvetica Neue", sans-serif' if look.sans
              else 'Georgia, "Times New Roman", serif')
    h1, h2, h3 = look.heading_sizes
    emphasis = "font-style: italic;" if look.italics else "font-style: normal; font-weight: 700;"
    return f"""
:root {{ color-scheme: light; }}
html {{ background: {page}; color: {text}; }}
body {{ font-family: {family}; font-size: max({look.body_size}pt, 1rem);
  line-height: {look.leading}; max-width: 42em; margin: 0 auto; padding: 1rem 1.25rem;
  text-align: left; }}
em, cite {{ {emphasis} }}
h1, h2, h3, h4, h5 {{ color: {primary}; line-height: 1.2; margin: 1.2em 0 0.4em; }}
h1 {{ font-size: {h1 + 4}pt; }} h2 {{ font-size: {h1}pt; }} h3 {{ font-size: {h2}pt; }}
h4, h5 {{ font-size: {h3}pt; }}
.running {{ font-size: {look.small_size}pt; border-bottom: 1px solid {primary}; }}
.lead {{ font-size: 1.1em; }} .small {{ font-size: {look.small_size}pt; }}
.muted {{ font-size: {look.small_size}pt; }}
.subtitle {{ font-size: 1.3em; }}
figure.quotation {{ margin: 1em 0; }}
blockquote {{ margin: 0; padding: 0.2em 1em; border-left: 4px solid {primary}; }}
figcaption {{ margin-left: 1.3em; }}
.check {{ color: {accent}; font-weight: 700; }}
.chip {{ display: inline-block; min-width: 1.4em; padding: 0 0.25em; border-radius: 0.2em;
  text-align: center; font-weight: 700; font-size: 0.85em; }}
ol.questions > li {{ margin: 0.8em 0; }}
.meta {{ font-size: {look.small_size}pt; }}
.answer-space {{ border: 1px solid {text};
  min-height: calc(var(--lines) * {look.answer_line_gap}pt);
  background: repeating-linear-gradient(to bottom, transparent 0,
  transparent {look.answer_line_gap - 1}pt, #767676 {look.answer_line_gap - 1}pt,
  #767676 {look.answer_line_gap}pt); margin: 0.4em 0 1em; }}
.teacher-note {{ background: {look.teacher_tint}; color: {note_text};
  border-left: 6px solid {look.primary}; padding: 0.5em 1em; margin: 0.8em 0; }}
.callout {{ border: 2px solid {primary}; padding: 0.5em 1em; margin: 1em 0; }}
.callout.warning {{ border-color: {accent}; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.8em 0; }}
th, td {{ border: 1px solid #767676; padding: 0.3em 0.5em; vertical-align: top;
  text-align: left; }}
thead th {{ background: {look.primary}; color: {on_primary}; }}
table.compact {{ font-size: {look.small_size}pt; }}
.legend ul {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; }}
.name-lines {{ display: flex; gap: 1.5em; flex-wrap: wrap; }}
.name-lines span {{ flex: 1 1 8em; border-bottom: 1px solid {text}; }}
.name-lines span:first-child {{ flex-grow: 2; }}
.choices {{ list-style: none; padding-left: 0.5em; }}
.score {{ border: 2px solid {primary}; display: inline-block; padding: 0.3em 1em; }}
.visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }}
.page-break {{ break-after: page; }}
@media print {{ body {{ max-width: none; }} nav.contents a {{ color: inherit; }} }}
""".strip() + "\n"
