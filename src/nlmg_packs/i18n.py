"""The tool's own words in the pack's language: GNU gettext catalogues chosen by `book.language`.

The catalogues are in `locale/<language>/LC_MESSAGES/nlmg_packs.po`, compiled to `.mo` beside
them (`pybabel compile -d src/nlmg_packs/locale -D nlmg_packs`; a test checks the two agree),
and read with the standard library's `gettext`. The message ids are the British English texts;
English (GB and US), French, German, Spanish and Polish are complete. A language without a
catalogue falls back to its base language (`fr-CA` → `fr`), then to British English. A
template's `labels:` replace single messages, keyed by their English text.

Numbers follow the language's conventions through Babel's CLDR data (Unicode Technical
Standard #35), imported only when a number needs grouping.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DOMAIN = "nlmg_packs"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en-GB", "en-US", "fr", "de", "es", "pl")
"""Languages with a complete catalogue, as `book.language` writes them (BCP 47)."""


@dataclass(frozen=True)
class Words:
    """The words of one language, with a template's replacements.

    Calling it translates a message and fills its `{placeholders}`:
    `words("Page {page} of {total}", page=1, total=4)` → "Strona 1 z 4" in Polish.
    """

    language: str
    """The BCP 47 tag asked for, such as "en-GB" or "pl"."""
    overrides: Mapping[str, str] = field(default_factory=dict)
    """English message → the text a template prints instead."""

    def __call__(self, message: str, **values: object) -> str:
        text = self.overrides.get(message) or _catalogue(self.language).gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The form of a message for `count` (`{count}` is filled in, in the language's
        digits and grouping)."""
        text = _catalogue(self.language).ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def number(self, value: int) -> str:
        """A whole number as the language writes it: "12 000" in French, "12.000" in German."""
        if -1000 < value < 1000:
            return str(value)
        from babel.core import UnknownLocaleError
        from babel.numbers import format_decimal

        try:
            return format_decimal(value, locale=self.language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            return format_decimal(value, locale="en_GB")

    def key(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """What the words depend on, for caching and content hashes."""
        return self.language, tuple(sorted(self.overrides.items()))


def words_for(language: str, overrides: Mapping[str, str] | None = None) -> Words:
    """The words for a pack written in `language` (BCP 47, as `book.language`)."""
    return Words(language, dict(overrides or {}))


def known_messages() -> frozenset[str]:
    """Every English message the tool prints (the msgids of the catalogue template)."""
    return _known_messages()


@lru_cache(maxsize=1)
def _known_messages() -> frozenset[str]:
    text = (LOCALE_DIR / f"{DOMAIN}.pot").read_text("utf-8")
    found = re.findall(r'^msgid(?:_plural)? "(.+)"$', text, flags=re.M)
    return frozenset(m.encode("latin-1", "backslashreplace").decode("unicode-escape")
                     if "\\" in m else m for m in found)


@lru_cache(maxsize=16)
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=_candidates(language),
                               fallback=True)


def _candidates(language: str) -> list[str]:
    """gettext locale names to try, most specific first: "fr-CA" → ["fr_CA", "fr"]."""
    name = language.replace("-", "_")
    base = name.split("_")[0]
    return [name, base] if base != name else [name]

