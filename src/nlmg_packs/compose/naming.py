"""Output file names, derived only from validated ids, so none can leave the output folder."""

from __future__ import annotations

COMMON = "common"


def folder(course: str | None, edition: str) -> str:
    """`<course or common>/<edition>`."""
    return f"{course or COMMON}/{edition}"


def worksheet_name(worksheet_id: str) -> str:
    return f"worksheet-{worksheet_id}"


def lesson_name(lesson_id: str) -> str:
    return f"lesson-{lesson_id}"
