"""Language spans in pack text: Pandoc's bracketed span with a `lang` attribute,
`[Je ne sais quoi]{lang=fr}`, marks words in another language than the pack's.

Shared by the pack model (which refuses a malformed span, `faults`) and the renderers
(`render.inline`, which reads well-formed ones). The tag follows BCP 47 (RFC 5646) as far as
`book.language` does: a language subtag with an optional region.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

LANGUAGE_TAG = r"[a-z]{2,3}(?:-[A-Z]{2})?"
"""A language tag a pack may use (book.language, spans, a quotation's language): fr, de-CH, haw."""

SPAN = rf"\[(?P<span>[^\[\]]+)\]\{{lang=(?P<lang>{LANGUAGE_TAG})\}}"
"""A well-formed span; its text holds no brackets (emphasis inside is allowed)."""

_LOOSE = re.compile(r"\[[^\[\]]+\]\{lang=(?P<lang>[^}\n]*)\}")
_OPENER = re.compile(r"\{lang=")
_TAG = re.compile(rf"^{LANGUAGE_TAG}$")

RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr",
                           "ug", "ur", "yi"})
"""Languages written right to left, by primary subtag (Unicode CLDR character order)."""


def is_rtl_language(tag: str) -> bool:
    """Whether the language `tag` is written right to left."""
    return tag.split("-")[0] in RTL_LANGUAGES


def faults(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset in `text`, what is wrong, how to fix it) for every malformed language span:
    a `{lang=…}` with a tag that is not one, or not closing a `[…]` that it follows."""
    covered: list[range] = []
    for match in _LOOSE.finditer(text):
        covered.append(range(match.start(), match.end()))
        tag = match.group("lang")
        if not _TAG.match(tag):
            yield (match.start("lang"), f"`{tag}` is not a language tag",
                   "write a tag such as fr, de-CH or pt-BR (language in lower case, "
                   "region in capitals)")
    for match in _OPENER.finditer(text):
        if not any(match.start() in span for span in covered):
            yield (match.start(), "a language span is not closed or has no `[` before it",
                   "write the words and their language as [Je ne sais quoi]{lang=fr}")
