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
