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
