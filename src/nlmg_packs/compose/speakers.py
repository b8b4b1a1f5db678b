"""Who speaks to whom: citations, the who-said-it question and its model answer."""

from __future__ import annotations

from nlmg_packs.compose import labels
from nlmg_packs.compose.units import join_names, where_cited
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Quote, Telling


def person(pack: Pack, person_id: str) -> str:
    """A character's or a group's name."""
    if person_id in pack.characters:
        return pack.characters[person_id].name
    return next(g.name for g in pack.meta.groups if g.id == person_id)


def people(pack: Pack, ids: list[str]) -> str:
    return join_names([person(pack, i) for i in ids])


def citation(pack: Pack, quote: Quote) -> str:
    """"Kathy H. to Tommy, Chapter 7" (and ", p. 81 in …" when the quotation gives a page)."""
    who = person(pack, quote.speaker)
    if quote.to:
        who = labels.SPOKEN_TO.format(speaker=who, addressees=people(pack, quote.to))
    return ", ".join(x for x in (who, where_cited(pack, quote)) if x)


def who_question(quote: Quote) -> str:
    """The who-said-it question for `quote`, from its mode and frame."""
    asked = labels.WHO_ASKS[quote.mode]
    return f"{asked} {labels.WHO_ASKS_FRAME}" if quote.frame else asked


def _telling(pack: Pack, telling: Telling) -> str:
    told = labels.TOLD_BY[telling.mode].format(speaker=person(pack, telling.speaker))
    if telling.addressees:
        told += labels.TOLD_TO.format(addressees=people(pack, telling.addressees))
    return told


def who_answer(pack: Pack, quote: Quote) -> str:
    """"The Creature, to Victor, as Victor tells it to Walton, as Walton writes it to
    Margaret Saville" (no final stop)."""
    answer = labels.WHO_ANSWERS[quote.mode].format(speaker=person(pack, quote.speaker))
    if quote.to:
        answer += labels.TO_WHOM[quote.mode].format(addressees=people(pack, quote.to))
    layers = [_telling(pack, t) for t in quote.frame]
    return ", ".join([answer, *layers])
