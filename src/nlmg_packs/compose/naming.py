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


def vocabulary_name(part_id: str, activities: bool = False) -> str:
    return f"vocabulary-{'activities-' if activities else ''}{part_id}"


def test_name(test_id: str, version: int = 0, versions: int = 1) -> str:
    """`test-<id>`, or `test-<id>-a`, `-b`, … when there are several versions."""
    suffix = f"-{'abcdefghijklmnopqrstuvwxyz'[version]}" if versions > 1 else ""
    return f"test-{test_id}{suffix}"


def assignment_name(assignment_id: str) -> str:
    return f"assignment-{assignment_id}"
