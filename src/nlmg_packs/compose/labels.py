"""The fixed words the composers put on a page, and the one place they are translated.

Renderers print only what the composed document holds. Every word of the tool itself is an
English message (the constants below, and the messages the composers write in place), which
`words(pack)` translates into the pack's `book.language` through the gettext catalogues of
`nlmg_packs.i18n`, with the template's `labels:` replacing single messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from nlmg_packs.i18n import Words, words_for

if TYPE_CHECKING:
    from nlmg_packs.pack import Pack


def words(pack: Pack) -> Words:
    """The tool's words for `pack`: its book's language, its template's replacements."""
    return words_for(pack.book.language, pack.labels)


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


PAGE_LABEL = "Page {page} of {total}"
"""Page furniture: the page number and the number of pages."""
UPDATE_CONTENTS = ("Page numbers appear when the contents are updated: in Word, right-click "
                   "here and choose Update Field; in LibreOffice, Tools ▸ Update ▸ Update All.")
"""Under a DOCX contents field, until the word processor fills it in."""


def category(edition: Literal["student", "teacher"] | str) -> str:
    """The category (an English message) recorded in a document of `edition`."""
    return CATEGORIES[edition]

# ---- reading units, page references, who speaks (English messages, through `words`) -------

CHAPTER = "Chapter {number}"
"""A unit of a plain numbered book (or of a run labelled by default)."""
CHAPTERS = "Chapters {first}–{last}"
"""A range inside such a run."""
CHAPTER_IN_SENTENCE = "chapter {number}"
"""The same unit inside a sentence ("after you have finished chapter 9")."""
UNIT_RANGE = "{first} – {last}"
"""A range across units of different kinds ("Letter 1 – Volume I, Chapter 2")."""
READING = "Reading"
"""Column heading for the units a lesson covers, in a book declared by units."""
UNIT_COLUMN = "Section"
"""Row heading of the theme tracker in a book declared by units."""
CITED_AT = "{who}, {where}"
"""A quotation's citation in a book declared by units ("Robert Walton, Letter 2")."""

PAGE = "p. {page}"
PAGES = "pp. {first}–{last}"
LINE = "l. {line}"
LINES = "ll. {first}–{last}"
IN_EDITION = "{where} in {edition}"
"""A page reference: "p. 81 in the Faber 2005 paperback"."""
PAGES_FOLLOW = "Page references are to {edition}."
"""The teacher edition's note on the edition pages follow."""
PAGES_ALSO = "Some quotations also give pages in {editions}."

AND = "{first} and {last}"
"""The last two names of a list ("Ernest, William and Elizabeth")."""
SPOKEN_TO = "{speaker} to {addressee}"
"""A quotation's speaker and addressees: "Kathy H. to Tommy"."""
WHO_ASKS = {"said": "Who says this, to whom, and when?",
            "thought": "Who thinks this, and when?",
            "narrated": "Who narrates this, and when?",
            "written": "Who writes this, to whom, and when?",
            "sung": "Who sings this, to whom, and when?"}
"""The who-said-it question, by the quotation's mode."""
WHO_ASKS_FRAME = "Who passes the words on to us, and to whom?"
"""Added to the question when the quotation sits inside a narrative frame."""
WHO_ANSWERS = {"said": ("{speaker}", "{speaker}, to {addressee}"),
               "thought": ("{speaker}, thinking", "{speaker}, thinking of {addressee}"),
               "narrated": ("{speaker}, narrating", "{speaker}, narrating to {addressee}"),
               "written": ("{speaker}, writing", "{speaker}, writing to {addressee}"),
               "sung": ("{speaker}, singing", "{speaker}, singing to {addressee}")}
"""The model answer's first words by mode: without addressees, and with them."""
TOLD_BY = {"written": ("as {speaker} writes it", "as {speaker} writes it to {addressee}")}
"""One layer of a narrative frame in the model answer, by the layer's mode."""
TOLD = ("as {speaker} tells it", "as {speaker} tells it to {addressee}")
"""A layer told in any other mode."""

CAST = "Characters"
"""Heading of the cast list."""
QUOTATION_BANK = "Quotation bank"
BANK_SUBJECT = "Quotation bank for {book}"
WHO = "**Who:** {answer}"
"""Who speaks, to whom, in the quotation bank."""
CONTEXT = "**Context:** {context}"
"""The quotation's context in the quotation bank."""
PART_END = ("These questions discuss events up to the end of {part} ({unit}). "
            "Read them after you have finished {unit}.")
"""A part's spoiler warning in a book declared by units."""
ORDER_CLASS_USE = ("The questions follow the order of the novel and run from recalling what "
                   "happens to judging why it matters. Each section of questions opens with a "
                   "spoiler warning. The coloured tags show the themes a question touches; the "
                   "letters read in black-and-white print.")
"""How to use the guide, for a book whose parts are not called parts (`book.part_kind`)."""
ORDER_BOOK_CLUB_USE = ("The questions follow the order of the book, so you can meet before "
                       "everyone has finished it. Each section of questions opens with a spoiler "
                       "warning. Pick the questions that catch your group's interest; there are "
                       "no right answers.")
TRACKER_UNITS = ("Where each theme runs through the novel, section by section, as tagged in "
                 "this pack's quotations and its questions on one to three sections. Add your "
                 "own marks as you read.")
"""The theme tracker's opening in a book declared by units."""
# ---- the teaching apparatus: introduction, vocabulary, tests, assignments ----------------

INTRODUCTION = "Introduction to the novel"
ABOUT_AUTHOR = "About the author"
BOOK_CONTEXT = "The book's context"
NOTE_TO_TEACHER = "Teacher: A note on teaching the novel"
PRE_READING = "Before reading"
FURTHER_READING = "Further reading"
FURTHER_READING_HEADER = ("Title", "Author", "Why read it")
PROJECTS = "Projects"
SOURCES = "Sources"
MINUTES = "{n} minutes"

VOCABULARY_LIST = "Vocabulary: {unit}"
VOCABULARY_ACTIVITIES = "Vocabulary activities: {unit}"
VOCABULARY_HEADER = ("Word", "Part of speech", "Meaning")
IN_THE_NOVEL = "In the novel"
"""Label of a sentence quoted from the novel."""
EXAMPLE = "Example (not from the novel): {example}"
"""A usage example, labelled so it cannot be taken for a quotation."""
MEANS_HERE = "What does **{word}** mean here?"
MATCH_WORDS = "Match each word to its meaning"
MATCH_WORDS_HOW = "Write the letter of the meaning beside each word."
USE_IT = "Use it in a sentence"
USE_IT_HOW = "Write a sentence of your own that shows what each word means."
IN_CONTEXT = "Find it in context"
IN_CONTEXT_HOW = ("Read each sentence. Underline the word from the list, then explain in your "
                  "own words what it means here.")
KEY = "Teacher: Answer key"
"""Title of the teacher's box holding answers."""
KEY_HEADER = ("No.", "Answer", "Points")
ANSWER_KEY = "Answer key"
MATCH_HEADER = ("No.", "Item", "Letter", "Match")
TOTAL = "Total"

SCORE = "Score"
OUT_OF = "/ {total}"
POINT, POINTS = "{count} point", "{count} points"
"""Singular and plural of a number of points (`Words.plural`)."""
VERSION = "Version {letter}"
SECTIONS = {"multiple-choice": "Multiple choice", "true-false": "True or false",
            "matching": "Matching", "fill-in": "Fill in the blank",
            "short-answer": "Short answer"}
HOW_TO_ANSWER = {
    "multiple-choice": "Tick the box of the best answer.",
    "true-false": "Write True or False. If a statement is false, correct it.",
    "matching": "Write the letter of the match beside each number.",
    "fill-in": "Write the missing words of each quotation.",
    "short-answer": "Answer in two to four sentences, using evidence from the novel.",
}
TICK_SEVERAL = "Tick every correct answer ({n})."
TRUE_FALSE_LINE = "True / False"
RATIONALE = "Teacher: Why each option is right or wrong"
CORRECTION = "Correction: {text}"
TRUE, FALSE = "True", "False"

ASSIGNMENT = {"essay": "Essay: {title}", "project": "Project: {title}"}
GUIDANCE = "What a strong answer does"
LENGTH = "Length: {length}"
RUBRIC = "Marking rubric: {title}"
RUBRIC_CRITERION = "Criterion"
RUBRIC_TOTAL = "Total: ______ / {total}"
LEVEL_POINTS = "{name} ({points})"
STANDARDS = "Standards"
ASSESSMENT_MATERIAL = {
    "test": "Test *{title}*: {path} (answer key in the teacher edition, {answers})",
    "essay": "Essay prompt *{title}*: {path} (rubric in the teacher edition, {answers})",
    "project": "Project brief *{title}*: {path} (rubric in the teacher edition, {answers})"}
LESSON_NUMBER = "Lesson {number}"
STANDARDS_HEADER = ("Standard", "Covered by")
ITEM_IN_TEST = "{test}, item {number}"
PROMPT_IN_LESSON = "Lesson {number}, prompt {prompt}"
"""A discussion prompt as its lesson plan numbers it."""

# Worksheet activities: the default title and instructions of each activity type.
ACTIVITY_TITLES = {"who-said-it": "Who said it, and to whom?", "context": "Put it in context",
          "close-reading": "Close reading", "theme-link": "Link it to a theme",
          "written-response": "Written response"}

ACTIVITY_INSTRUCTIONS = {
    "who-said-it": "For each quotation, say who speaks and to whom, and what is happening.",
    "context": "Explain where in the novel each quotation comes from and why it matters there.",
    "close-reading": "Read each quotation closely and answer the questions beneath it.",
    "theme-link": "Name a theme each quotation connects to and explain the link in a sentence "
                  "or two.",
    "written-response": "Write a full answer in paragraphs, using evidence from the novel.",
}
