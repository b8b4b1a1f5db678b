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

# ---- the teaching apparatus: introduction, vocabulary, tests, assignments ----------------

INTRODUCTION = "Introduction to the novel"
ABOUT_AUTHOR = "About the author"
CONTEXT = "The book's context"
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
