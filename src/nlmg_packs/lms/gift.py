"""Question banks in Moodle's GIFT format (docs.moodle.org/en/GIFT_format).

Every special character of GIFT (`~ = # { } :` and the backslash) is escaped with a backslash
in text, answers and feedback; quotation marks, dashes and non-Latin text pass unchanged.
Tags ride in the `// [tag:…]` comment before a question, which Moodle's importer reads
(`qformat_gift::readquestion` gathers the `//` lines and passes them to
`qformat_default::extract_idnumber_and_tags_from_comment`; Moodle 3.6 and later). GIFT has no
syntax for a question's mark (the importer leaves every question at the default mark of 1), so
an item's points ride as one more tag, `points:N`: Moodle stores it with the question (not as
its mark, which the teacher sets in the quiz), and a reader of the file gets the points back.
"""

from __future__ import annotations

import re

from nlmg_packs.lms.bank import BankItem
from nlmg_packs.render.inline import plain_text

_SPECIAL = re.compile(r"([~=#{}:\\])")


def right_weight(count: int) -> float:
    """The percentage each of `count` right options earns (a wrong one costs as much).

    Moodle's importer accepts only its listed grades (`question_bank::fraction_options_full`:
    1/q for q ≤ 10 and 1/20, within 0.00001), so 100/count is one of them for 1–10 and 20
    right options; ValueError otherwise.
    """
    if not (1 <= count <= 10 or count == 20):
        raise ValueError(f"{count} right options: Moodle has no grade of 100/{count}%")
    return round(100 / count, 5)


def escape(text: str) -> str:
    """`text` as GIFT text: the inline markers dropped, specials escaped, newlines as `\\n`."""
    return _SPECIAL.sub(r"\\\1", plain_text(text)).replace("\n", "\\n")


def category_line(path: str) -> str:
    """A `$CATEGORY:` line putting the following questions under `path` ("Book/Part One")."""
    return f"$CATEGORY: $course$/top/{path}\n\n"


def gift_question(item: BankItem) -> str:
    """One question: its tags comment, `::id::`, the stem and the answer block."""
    tags = " ".join(f"[tag:{tag.replace(']', ')')}]" for tag in item.tags)
    head = (f"// [tag:points:{item.points}] {tags}\n" if tags else "") + \
        f"::{escape(item.id)}::{escape(item.stem)} "
    return head + _answers(item) + "\n\n"


def _answers(item: BankItem) -> str:
    general = f"####{escape(item.feedback)}" if item.feedback else ""
    if item.kind == "true-false":
        return f"{{{'T' if item.truth else 'F'}{general}}}"
    if item.kind == "fill-in":
        return "{" + " ".join(f"={escape(a)}" for a in item.answers) + general + "}"
    if item.kind == "matching":
        pairs = "".join(f"\n={escape(left)} -> {escape(right)}" for left, right in item.pairs)
        return "{" + pairs + general + "\n}"
    if item.kind in ("short-answer", "essay"):
        return "{" + general + "}"
    lines = []
    right = sum(c.correct for c in item.choices)
    for choice in item.choices:
        feedback = f"#{escape(choice.feedback)}" if choice.feedback else ""
        if item.kind == "multiple-choice":
            mark = "=" if choice.correct else "~"
        else:
            weight = right_weight(right) if choice.correct else -right_weight(right)
            mark = f"~%{weight:g}%"
        lines.append(f"\n{mark}{escape(choice.text)}{feedback}")
    return "{" + "".join(lines) + general + "\n}"


def gift_bank(items: list[BankItem], category: str) -> str:
    """A whole GIFT file: the category, then every question, grouped by its unit."""
    out = [f"// {escape(category)}\n\n"]
    current = None
    for item in items:
        if item.category != current:
            current = item.category
            out.append(category_line(f"{category}/{item.category}".replace("/", "/")))
        out.append(gift_question(item))
    return "".join(out)
