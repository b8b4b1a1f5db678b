"""Output file names, derived only from validated ids, so none can leave the output folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlmg_packs.errors import Problem
    from nlmg_packs.pack import Pack

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


NAMED_BY_ID = (("tests.yaml", "tests", "test"), ("rubrics.yaml", "assignments", "assignment"),
               ("worksheets.yaml", "worksheets", "worksheet"))
"""Pack file, collection and the word its file names start with (`test-<id>`, …)."""


def repeated_words(pack: Pack) -> list[Problem]:
    """A warning (an error with `validate --strict`) for each test, assignment or worksheet
    whose id repeats the word its file name starts with: `part-one-test` makes
    `test-part-one-test.pdf`. Located at the entry's `id:` key."""
    from nlmg_packs.errors import Problem

    found: list[Problem] = []
    for file, collection, word in NAMED_BY_ID:
        lines = pack.lines.get(file)
        for entry in getattr(pack, collection):
            if entry.id != word and not entry.id.startswith(f"{word}-") \
                    and not entry.id.endswith(f"-{word}"):
                continue
            message = (f"{word} id `{entry.id}` repeats the word its files start with: "
                       f"`{word}-{entry.id}.pdf`")
            hint = f"leave `{word}` out of the id (and of the references to it)"
            at = (collection, pack.position(collection, entry.id), "id")
            found.append(lines.problem(at, message, hint) if lines is not None
                         else Problem(file, None, None, message, hint))
    return found
