"""Helpers every composer shares: theme tags, origins, labels, metadata."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.pack import Pack
from nlmg_packs.pack.loader import KeyPath


def tag(pack: Pack, theme_id: str) -> d.ThemeTag:
    theme = pack.themes[theme_id]
    return d.ThemeTag(theme.id, theme.name, theme.colour, theme.letter or theme.name[0].upper())


def tags(pack: Pack, theme_ids: Iterable[str]) -> tuple[d.ThemeTag, ...]:
    return tuple(tag(pack, t) for t in theme_ids)


def all_tags(pack: Pack) -> tuple[d.ThemeTag, ...]:
    return tags(pack, pack.themes)


def origin(pack: Pack, file: str, path: KeyPath) -> d.Origin:
    """Where `path` in the pack's `file` is, for error messages about its text."""
    lines = pack.lines.get(file)
    shown = lines.file if lines else file
    line, col = lines.locate(path) if lines else (None, None)
    return d.Origin(shown, line, col)


def chapters_label(pack: Pack, chapters: list[int] | None, lower: bool = False) -> str:
    """"Chapter 3" or "Chapters 3–5" in the pack's language ("chapter 3" inside a sentence)."""
    if not chapters:
        return ""
    w = labels.words(pack)
    if len(chapters) == 1 or chapters[0] == chapters[-1]:
        return w("chapter {number}" if lower else "Chapter {number}", number=chapters[0])
    return w("chapters {first}–{last}" if lower else "Chapters {first}–{last}",
             first=chapters[0], last=chapters[-1])


def character_name(pack: Pack, character_id: str | None) -> str:
    if character_id is None:
        return ""
    return pack.characters[character_id].name


def citation(pack: Pack, quote_index: int) -> str:
    """'Kathy H. to Tommy, Chapter 7'."""
    quote, w = pack.quotes[quote_index], labels.words(pack)
    who = character_name(pack, quote.speaker)
    if quote.addressee:
        who = w("{speaker} to {addressee}", speaker=who,
                addressee=character_name(pack, quote.addressee))
    return w("{who}, Chapter {number}", who=who, number=quote.chapter)


def quote_block(pack: Pack, quote_id: str, edition: str) -> d.Quote:
    """The quotation as a block; the teacher edition marks one no two sources confirm."""
    index = pack.position("quotes", quote_id)
    quote = pack.quotes[index]
    return d.Quote(quote.text, citation(pack, index), tags(pack, quote.themes),
                   check_label=(labels.words(pack)(labels.CHECK_WORDING)
                                if edition == "teacher" and not quote.source.confirmed else ""),
                   origin=origin(pack, "quotes.yaml", ("quotes", index, "text")))


def provenance_note(pack: Pack, quote_id: str, edition: str) -> list[d.Block]:
    """Teacher edition, confirmed quotation: one small line naming the sources that print it.

    Empty for the student edition and for an unconfirmed quotation (which keeps its
    "check the wording" mark instead).
    """
    index = pack.position("quotes", quote_id)
    quote = pack.quotes[index]
    if edition != "teacher" or not quote.source.confirmed:
        return []
    names = "; ".join(dict.fromkeys(p.source for p in quote.source.provenance))
    return [d.Paragraph(f"{labels.words(pack)(labels.CONFIRMED_IN)} {names}.", style="small",
                        origin=origin(pack, "quotes.yaml", ("quotes", index, "source")))]


def metadata(pack: Pack, title: str, subject: str, keywords: Iterable[str] = (),
             category: str = "") -> d.Metadata:
    book = pack.book
    words = (book.title, book.author, subject, *keywords)
    return d.Metadata(f"{book.title} — {title}", book.author, subject,
                      tuple(dict.fromkeys(words)), book.language, category)


def document(pack: Pack, title: str, subject: str, blocks: list[d.Block], edition: str,
             keywords: Iterable[str] = ()) -> d.Document:
    """Wrap blocks with the header, footer and metadata every document of `pack` shares;
    its category is the edition's (`labels.category`; `as_lesson_plan` changes it)."""
    w = labels.words(pack)
    shown = w("{title} (teacher edition)", title=title) if edition == "teacher" else title
    return d.Document(
        title=title,
        metadata=metadata(pack, shown, subject, keywords, w(labels.category(edition))),
        blocks=tuple(blocks),
        header=f"{pack.book.title} · {shown}",
        footer=pack.citation,
        edition=edition,  # type: ignore[arg-type]
        page_label=w(labels.PAGE_LABEL),
    )


def as_lesson_plan(pack: Pack, doc: d.Document) -> d.Document:
    """`doc` recorded as a lesson plan (its category)."""
    category = labels.words(pack)(labels.LESSON_PLAN)
    return replace(doc, metadata=replace(doc.metadata, category=category))
