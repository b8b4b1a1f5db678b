"""Versions of a test: which items and options each version prints, in which order, and the
answer each printed question expects.

Orders come from a seeded pseudo-random generator (`random.Random`, seeded with the SHA-256 of
the test's seed and the version letter), so the same pack gives the same versions on every
machine and run. Version A keeps the authored order of the items, but shuffles every list of
options and the matching columns, so a key is never the authored order (authors often write the
right option first: a key of all A's); later versions also shuffle the items within each
section, and every list of options differs from version A's whenever two orders are possible.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from nlmg_packs.compose import labels
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model_assessment import Item, Test

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_VERSIONS = 26
SECTION_ORDER = ("multiple-choice", "true-false", "matching", "fill-in", "short-answer")
"""Item types in the order a test prints its sections."""
BLANK = "__________"


@dataclass(frozen=True)
class Asked:
    """One item as a version prints it."""

    number: int
    item: Item
    options: tuple[int, ...] = ()
    """Multiple choice: indices into `item.options`, in printed order (letters A, B, …)."""
    lefts: tuple[int, ...] = ()
    """Matching: indices into `item.pairs`, in printed order (numbered)."""
    rights: tuple[str, ...] = ()
    """Matching: the distinct right-hand texts, in printed order (lettered)."""
    answer: str = ""
    """What the key prints: letters, True/False, the blanked words or the model answer."""


def version_letter(index: int) -> str:
    """"A" for the first version (index 0), "B" for the second, …"""
    return LETTERS[index]


def _rng(test: Test, index: int, *more: str) -> random.Random:
    key = "\x1f".join((test.seed or test.id, version_letter(index), *more))
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def _order(count: int, rng: random.Random, shuffle: bool,
           avoid: list[int] | None = None) -> list[int]:
    """0..count-1, shuffled when asked; a shuffle of two or more never returns `avoid` (the
    identity when None): it is rotated by one instead."""
    order = list(range(count))
    if not shuffle or count < 2:
        return order
    rng.shuffle(order)
    if order == (avoid or sorted(order)):
        order = order[1:] + order[:1]
    return order


def sections(pack: Pack, test: Test, index: int) -> list[tuple[str, list[Asked]]]:
    """The test's sections (item type, printed items), numbered through, for version `index`."""
    by_type: dict[str, list[Item]] = {kind: [] for kind in SECTION_ORDER}
    for item_id in test.items:
        item = pack.item_by_id[item_id]
        by_type[item.type].append(item)
    out: list[tuple[str, list[Asked]]] = []
    number = 0
    for kind, items in by_type.items():
        if not items:
            continue
        rng = _rng(test, index, kind)
        asked = []
        for position in _order(len(items), rng, index > 0):
            number += 1
            asked.append(_ask(pack, items[position], number, test, index))
        out.append((kind, asked))
    return out


def _ask(pack: Pack, item: Item, number: int, test: Test, index: int) -> Asked:
    rng, shuffle = _rng(test, index, item.id), index > 0
    if item.type == "multiple-choice":
        first = _order(len(item.options), _rng(test, 0, item.id), True)  # version A's
        options = tuple(first if index == 0 else _order(len(item.options), rng, True, first))
        letters = [version_letter(k) for k, o in enumerate(options) if item.options[o].correct]
        return Asked(number, item, options=options, answer=", ".join(letters))
    if item.type == "matching":
        rights = list(dict.fromkeys(right_text(pack, pair) for pair in item.pairs))
        rights = [rights[k] for k in _order(len(rights), rng, True)]
        lefts = tuple(_order(len(item.pairs), rng, shuffle))
        letters = [version_letter(rights.index(right_text(pack, item.pairs[p]))) for p in lefts]
        answer = ", ".join(f"{n}\u2013{letter}" for n, letter in enumerate(letters, 1))
        return Asked(number, item, lefts=lefts, rights=tuple(rights), answer=answer)
    if item.type == "true-false":
        w = labels.words(pack)
        answer = (w(labels.TRUE) if item.answer is True
                  else f"{w(labels.FALSE)}. {item.correction or ''}".strip())
        return Asked(number, item, answer=answer)
    if item.type == "fill-in":
        return Asked(number, item, answer=item.blank or "")
    return Asked(number, item, answer=item.model_answer or "")


def right_text(pack: Pack, pair) -> str:  # type: ignore[no-untyped-def]
    """The right-hand side of a matching pair: its match, its character's name, or the name of
    the speaker of its quotation."""
    if pair.match:
        return pair.match
    if pair.character:
        return pack.characters[pair.character].name
    return pack.characters[pack.quote_by_id[pair.quote].speaker].name


def left_text(pack: Pack, pair) -> str:  # type: ignore[no-untyped-def]
    """The left-hand side: its text, or its quotation in quotation marks."""
    if pair.text:
        return pair.text
    return f"\u201c{pack.quote_by_id[pair.quote].text}\u201d"


def blank_out(sentence: str, words: str) -> str:
    """`sentence` with the first whole-word occurrence of `words` replaced by a blank line
    (case-insensitive; straight and curly apostrophes match each other)."""
    pattern = "".join("['\u2019]" if ch in "'\u2019" else re.escape(ch) for ch in words.strip())
    return re.sub(r"(?<!\w)" + pattern + r"(?!\w)", BLANK, sentence, count=1,
                  flags=re.IGNORECASE)


def seeded_order(count: int, *keys: str) -> list[int]:
    """A fixed shuffle of 0..count-1 for `keys` (never the identity when count ≥ 2)."""
    digest = hashlib.sha256("\x1f".join(keys).encode()).digest()
    return _order(count, random.Random(int.from_bytes(digest[:8], "big")), True)
