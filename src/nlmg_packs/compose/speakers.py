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
    return join_names(pack, [person(pack, i) for i in ids])


def citation(pack: Pack, quote: Quote) -> str:
    """"Kathy H. to Tommy, Chapter 7" (and ", p. 81 in …" when the quotation gives a page)."""
    w = labels.words(pack)
    who = person(pack, quote.speaker)
    if quote.to:
        who = w(labels.SPOKEN_TO, speaker=who, addressee=people(pack, quote.to))
    if pack.numbered_chapters and quote.chapter is not None and not quote.pages:
        return w("{who}, Chapter {number}", who=who, number=quote.chapter)
    return w(labels.CITED_AT, who=who, where=where_cited(pack, quote)) if quote.where else who


def who_question(pack: Pack, quote: Quote) -> str:
    """The who-said-it question for `quote`, from its mode and frame."""
    w = labels.words(pack)
    asked = w(labels.WHO_ASKS[quote.how])
    return f"{asked} {w(labels.WHO_ASKS_FRAME)}" if quote.frame else asked


def _told(pack: Pack, speaker: str, addressees: list[str],
          messages: tuple[str, str]) -> str:
    w = labels.words(pack)
    if addressees:
        return w(messages[1], speaker=person(pack, speaker), addressee=people(pack, addressees))
    return w(messages[0], speaker=person(pack, speaker))


def _telling(pack: Pack, telling: Telling) -> str:
    return _told(pack, telling.speaker, telling.addressees,
                 labels.TOLD_BY.get(telling.mode, labels.TOLD))


def who_answer(pack: Pack, quote: Quote) -> str:
    """"The Creature, to Victor, as Victor tells it to Walton, as Walton writes it to
    Margaret Saville" (no final stop)."""
    answer = _told(pack, quote.speaker, quote.to, labels.WHO_ANSWERS[quote.how])
    return ", ".join([answer, *(_telling(pack, t) for t in quote.frame)])

