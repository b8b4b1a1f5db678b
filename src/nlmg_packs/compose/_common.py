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


def chapters_label(chapters: list[int] | None) -> str:
    if not chapters:
        return ""
    if len(chapters) == 1 or chapters[0] == chapters[-1]:
        return f"Chapter {chapters[0]}"
    return f"Chapters {chapters[0]}–{chapters[-1]}"


def character_name(pack: Pack, character_id: str | None) -> str:
    if character_id is None:
        return ""
    return pack.characters[character_id].name


def citation(pack: Pack, quote_index: int) -> str:
    """'Kathy H. to Tommy, Chapter 7'."""
    quote = pack.quotes[quote_index]
    who = character_name(pack, quote.speaker)
    if quote.addressee:
        who += f" to {character_name(pack, quote.addressee)}"
    return f"{who}, Chapter {quote.chapter}"


def quote_block(pack: Pack, quote_id: str, edition: str) -> d.Quote:
    """The quotation as a block; the teacher edition marks one no two sources confirm."""
    index = pack.position("quotes", quote_id)
    quote = pack.quotes[index]
    return d.Quote(quote.text, citation(pack, index), tags(pack, quote.themes),
                   check_label=(labels.CHECK_WORDING
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
    return [d.Paragraph(f"{labels.CONFIRMED_IN} {names}.", style="small",
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
    suffix = " (teacher edition)" if edition == "teacher" else ""
    return d.Document(
        title=title,
        metadata=metadata(pack, title + suffix, subject, keywords,
                          labels.category(edition)),
        blocks=tuple(blocks),
        header=f"{pack.book.title} · {title}{suffix}",
        footer=pack.citation,
        edition=edition,  # type: ignore[arg-type]
    )


def as_lesson_plan(doc: d.Document) -> d.Document:
    """`doc` recorded as a lesson plan (its category)."""
    return replace(doc, metadata=replace(doc.metadata, category=labels.LESSON_PLAN))
