"""What each kind of question on a quotation asks the student to find.

A student edition must not print, beside a quotation, what its own questions ask for: the
who-said-it question's answer (speaker, addressees, frame, and "when", which its model answer
gives as the quotation's context) would otherwise sit under the question. The kinds are the
worksheet activity types that work on one quotation (`pack.model.ActivityType`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

QuestionKind = Literal["who-said-it", "context", "theme-link", "close-reading"]
QuoteField = Literal["speaker", "addressees", "frame", "context", "themes", "model_answer"]

ASKS: dict[QuestionKind, frozenset[QuoteField]] = {
    # labels.WHO_ASKS: "Who says this, to whom, and when?" in every mode; its model answer
    # is speakers.who_answer followed by the context (worksheet._who_said_it).
    "who-said-it": frozenset({"speaker", "addressees", "frame", "context"}),
    "context": frozenset({"context"}),
    "theme-link": frozenset({"themes"}),
    "close-reading": frozenset({"model_answer"}),
}
"""Question kind → the quotation fields whose text answers it."""


def withheld(kinds: Iterable[QuestionKind]) -> frozenset[QuoteField]:
    """The quotation fields a student edition leaves out when it asks questions of `kinds`."""
    return frozenset().union(*(ASKS[kind] for kind in kinds))
