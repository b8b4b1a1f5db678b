"""Vocabulary by reading unit: the word list (a reference handout) and the activities (match
the word to its meaning, use it in a sentence, find it in context) with the teacher's key."""

from __future__ import annotations

import re

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import document, origin
from nlmg_packs.compose.units import span_label
from nlmg_packs.compose.versions import seeded_order, version_letter
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model_assessment import Word

IN_A_SENTENCE = 6
"""How many words the "use it in a sentence" activity asks for (the first of the unit)."""


def highlight(sentence: str, words: str) -> str:
    """`sentence` with the first whole-word occurrence of `words` set in bold (`**…**`)."""
    pattern = r"(?<!\w)(" + re.escape(words.strip()).replace("'", "['\u2019]") + r")(?!\w)"
    return re.sub(pattern, r"**\1**", sentence, count=1, flags=re.IGNORECASE)


def unit_words(pack: Pack, part_id: str) -> list[tuple[int, Word]]:
    """The words of one reading unit, with their positions in vocabulary.yaml."""
    return [(i, w) for i, w in enumerate(pack.words) if w.part == part_id]


def _sentence_blocks(pack: Pack, index: int, word: Word, edition: str) -> list[d.Block]:
    at, w = ("words", index), labels.words(pack)
    if word.from_quote is not None:
        quote = pack.quote_by_id[word.from_quote]
        return [d.Quote(highlight(quote.text, word.form or word.word),
                        span_label(pack, [quote.where] if quote.where is not None else []),
                        origin=origin(
            pack, "quotes.yaml", ("quotes", pack.position("quotes", quote.id), "text")))]
    if word.quote is not None:
        unit = word.unit if word.unit is not None else word.chapter
        where = span_label(pack, [unit]) if unit is not None else w(labels.IN_THE_NOVEL)
        check = (w(labels.CHECK_WORDING) if edition == "teacher" and word.source
                 and not word.source.verified else "")
        return [d.Quote(highlight(word.quote, word.form or word.word), where, check_label=check,
                        origin=origin(pack, "vocabulary.yaml", (*at, "quote")))]
    example = highlight(word.example or "", word.form or word.word)
    return [d.Paragraph(w(labels.EXAMPLE, example=example), "small",
                        origin(pack, "vocabulary.yaml", (*at, "example")))]


def compose_vocabulary_list(pack: Pack, part_id: str, edition: str = "student") -> d.Document:
    """The unit's words: a table of word, part of speech and meaning, then each word in its
    sentence (quoted from the novel only where the pack quotes it)."""
    unit, w = pack.parts[part_id].title, labels.words(pack)
    words = unit_words(pack, part_id)
    title = w(labels.VOCABULARY_LIST, unit=unit)
    rows = tuple((d.Cell(x.word, bold=True), d.Cell(w(x.part_of_speech)), d.Cell(x.definition))
                 for _, x in words)
    blocks: list[d.Block] = [d.Heading(title, 1),
                             d.Table(tuple(w(h) for h in labels.VOCABULARY_HEADER), rows,
                                     widths=(2.0, 1.6, 6.0))]
    for index, word in words:
        blocks.append(d.Heading(word.word, 3, origin(pack, "vocabulary.yaml",
                                                     ("words", index, "word"))))
        blocks += _sentence_blocks(pack, index, word, edition)
        if word.note:
            blocks.append(d.Paragraph(word.note, "muted"))
    return document(pack, title, title, blocks, edition, ("vocabulary",))


def compose_vocabulary_activities(pack: Pack, part_id: str, edition: str) -> d.Document:
    """Three activities on the unit's words; the teacher edition holds the key."""
    unit, w = pack.parts[part_id].title, labels.words(pack)
    words = unit_words(pack, part_id)
    title = w(labels.VOCABULARY_ACTIVITIES, unit=unit)
    blocks: list[d.Block] = ([d.NameLines(tuple(w(x) for x in labels.NAME_LINES))]
                             if edition == "student" else [])
    blocks.append(d.Heading(title, 1))
    order = seeded_order(len(words), "vocabulary", part_id)
    rows = tuple((d.Cell(f"{k + 1}.", bold=True), d.Cell(word.word, bold=True), d.Cell("____"),
                  d.Cell(f"{version_letter(k)}. {words[order[k]][1].definition}"))
                 for k, (_, word) in enumerate(words))
    blocks += [d.Heading(f"1. {w(labels.MATCH_WORDS)}", 2),
               d.Paragraph(w(labels.MATCH_WORDS_HOW), "muted"),
               d.Table(tuple(w(h) for h in labels.MATCH_HEADER), rows,
                       widths=(0.6, 2.4, 1.1, 6.0))]
    if edition == "teacher":
        key = ", ".join(f"{n}\u2013{version_letter(order.index(n - 1))}"
                        for n in range(1, len(words) + 1))
        blocks.append(d.TeacherNote(w(labels.KEY), (d.Paragraph(key),)))
    blocks += [d.Heading(f"2. {w(labels.USE_IT)}", 2), d.Paragraph(w(labels.USE_IT_HOW), "muted")]
    number = 0
    for _, word in words[:IN_A_SENTENCE]:
        number += 1
        blocks.append(d.Question(number, f"**{word.word}** ({w(word.part_of_speech)})", 2))
    blocks += [d.Heading(f"3. {w(labels.IN_CONTEXT)}", 2),
               d.Paragraph(w(labels.IN_CONTEXT_HOW), "muted")]
    for index, word in words[IN_A_SENTENCE:]:
        number += 1
        blocks += _sentence_blocks(pack, index, word, edition)
        blocks.append(d.Question(number, w(labels.MEANS_HERE, word=word.form or word.word), 2))
        if edition == "teacher":
            blocks.append(d.TeacherNote(w(labels.KEY), (d.Paragraph(word.definition),)))
    return document(pack, title, title, blocks, edition,
                    ("vocabulary", "activities"))
