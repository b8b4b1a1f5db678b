"""Every fixed word the composers put on a page, in one place.

Renderers print only what the composed document holds, so these are the only words of the tool
itself that a reader sees (besides page furniture such as "Page X of Y"); a message catalogue
for other languages replaces this module's values.
"""

from __future__ import annotations

from typing import Literal

TEACHER_NOTES = "Teacher notes"
"""Title of the teacher's box under a discussion prompt (guide)."""
MODEL_ANSWER = "Teacher: Model answer"
"""Title of the teacher's box under a worksheet question."""
LESSON_NOTES = "Teacher: Notes"
"""Title of the teacher's box under a prompt in a lesson plan."""
CHECK_WORDING = "Check the wording against your edition"
"""Mark on a quotation whose wording is not yet checked (teacher edition only)."""
CONFIRMED_IN = "Wording confirmed in:"
"""Opens the line naming the sources that confirm a quotation (teacher edition only)."""
SPOILER_WARNING = "Spoiler warning"
THEME_KEY = "Key"
"""Label above a theme legend."""
NAME_LINES = ("Name", "Date", "Class")
"""The write-in lines at the top of a student sheet."""
CONTENTS = "Contents"

LESSON_PLAN = "Lesson plan"
CATEGORIES = {"teacher": "Teacher edition", "student": "Student handout"}
"""A document's category (DOCX core property) by edition, for documents other than plans."""


def category(edition: Literal["student", "teacher"] | str) -> str:
    """The category recorded in a document of `edition`."""
    return CATEGORIES[edition]

# ---- reading units, page references, who speaks ------------------------------------------

CHAPTER = "Chapter {n}"
"""A unit of a plain numbered book (or of a run labelled by default)."""
CHAPTERS = "Chapters {first}–{last}"
"""A range inside such a run."""
CHAPTER_IN_SENTENCE = "chapter {n}"
"""The same unit inside a sentence ("after you have finished chapter 9")."""
UNIT_RANGE = "{first} – {last}"
"""A range across units of different kinds ("Letter 1 – Volume I, Chapter 2")."""
READING = "Reading"
"""Column heading for the units a lesson covers, in a book declared by units."""
UNIT_COLUMN = "Section"
"""Row heading of the theme tracker in a book declared by units."""
PART_KINDS = {"part": "part", "volume": "volume", "book": "book", "act": "act",
              "section": "section", "stave": "stave"}
"""What a book's parts are called inside a sentence, by `book.part_kind`."""

PAGE = "p. {page}"
PAGES = "pp. {first}–{last}"
LINE = "l. {line}"
LINES = "ll. {first}–{last}"
IN_EDITION = "{where} in {edition}"
"""A page reference: "p. 81 in the Faber 2005 paperback"."""
PAGES_FOLLOW = "Page references are to {edition}."
"""The teacher edition's note on the edition pages follow."""
PAGES_ALSO = "Some quotations also give pages in {editions}."

AND = " and "
"""Between the last two names of a list ("Ernest, William and Elizabeth")."""
SPOKEN_TO = "{speaker} to {addressees}"
"""A quotation's citation: "Kathy H. to Tommy"."""
WHO_ASKS = {"said": "Who says this, to whom, and when?",
            "thought": "Who thinks this, and when?",
            "narrated": "Who narrates this, and when?",
            "written": "Who writes this, to whom, and when?",
            "sung": "Who sings this, to whom, and when?"}
"""The who-said-it question, by the quotation's mode."""
WHO_ASKS_FRAME = "Who passes the words on to us, and to whom?"
"""Added to the question when the quotation sits inside a narrative frame."""
WHO_ANSWERS = {"said": "{speaker}", "thought": "{speaker}, thinking",
               "narrated": "{speaker}, narrating", "written": "{speaker}, writing",
               "sung": "{speaker}, singing"}
"""The model answer's first words, by mode; `TO_WHOM` follows when there are addressees."""
TO_WHOM = {"said": ", to {addressees}", "thought": ", to {addressees}",
           "narrated": " to {addressees}", "written": " to {addressees}",
           "sung": " to {addressees}"}
TOLD_BY = {"written": "as {speaker} writes it", "said": "as {speaker} tells it",
           "narrated": "as {speaker} tells it", "thought": "as {speaker} recalls it",
           "sung": "as {speaker} sings it"}
"""One layer of a narrative frame in the model answer, by the layer's mode."""
TOLD_TO = " to {addressees}"

CAST = "Characters"
"""Heading of the cast list."""
QUOTATION_BANK = "Quotation bank"
CONTEXT = "Context"
"""Label before a quotation's context in the quotation bank."""
WHO = "Who"
"""Label before who speaks, to whom, in the quotation bank."""
