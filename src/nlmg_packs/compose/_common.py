"""Helpers every composer shares: theme tags, origins, labels, metadata."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose.speakers import citation
from nlmg_packs.compose.units import edition_notes
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


def quote_block(pack: Pack, quote_id: str, edition: str) -> d.Quote:
    """The quotation as a block; the teacher edition marks one no two sources confirm."""
    index = pack.position("quotes", quote_id)
    quote = pack.quotes[index]
    return d.Quote(quote.text, citation(pack, quote), tags(pack, quote.themes),
                   check_label=(labels.words(pack)(labels.CHECK_WORDING)
                                if edition == "teacher" and not quote.source.confirmed else ""),
                   language=quote.language or "",
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


def edition_note(pack: Pack, edition: str,
                 quote_ids: Iterable[str] | None = None) -> list[d.Block]:
    """The book's edition note, and in the teacher edition which edition the page references
    of `quote_ids` (all quotations when None) follow."""
    blocks: list[d.Block] = []
    if pack.book.edition_note:
        blocks.append(d.Paragraph(pack.book.edition_note, "small",
                                  origin(pack, "pack.yaml", ("book", "edition_note"))))
    if edition == "teacher":
        ids = None if quote_ids is None else list(quote_ids)
        blocks += [d.Paragraph(note, "small", origin(pack, "pack.yaml", ("book", "editions")))
                   for note in edition_notes(pack, ids)]
    return blocks


def cast_list(pack: Pack, level: int = 2) -> list[d.Block]:
    """The characters and their descriptions, under a heading; none for a pack without any."""
    if not pack.meta.characters:
        return []
    return [d.Heading(labels.words(pack)(labels.CAST), level),
            *(d.Paragraph(f"**{c.name.rstrip('.')}.** {c.description}",
                          origin=origin(pack, "pack.yaml", ("characters", i, "description")))
              for i, c in enumerate(pack.meta.characters))]
