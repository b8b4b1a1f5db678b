"""The words the learning-platform exports add themselves (module and resource titles), in one
place for a message catalogue, like `compose.labels` for printed documents."""

from __future__ import annotations

OVERVIEW = "Course overview"
"""Title of the teacher cartridge's first module."""
PRINTABLE = "{title} (PDF)"
"""A resource holding the printable file of a page."""
EDITABLE = "{title} (DOCX, editable)"
DISCUSSION = "Discussion: {text}"
"""A discussion topic's title: the start of its prompt."""
TEACHER_COPY = "{title}: teacher edition"
WHOLE_NOVEL = "Whole novel"
"""The unit of items and banks that cover the whole book."""
TOPIC_TITLE_LENGTH = 80
"""Characters of a prompt kept in a discussion topic's title."""
