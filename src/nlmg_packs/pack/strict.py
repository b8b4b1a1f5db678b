"""Checks only `validate --strict` enforces."""

from __future__ import annotations

from nlmg_packs.errors import Problem
from nlmg_packs.pack.pack import Pack


def unverified_quotes(pack: Pack) -> list[Problem]:
    """A problem for each quotation whose wording nobody has checked against an edition."""
    lines = pack.lines.get("quotes.yaml", None)
    problems = []
    for index, quote in enumerate(pack.quotes):
        if quote.source.verified:
            continue
        message = (f"quotation `{quote.id}` has not been checked against an edition "
                   f"(its wording comes from {quote.source.wording})")
        hint = ("check it word for word, then set `verified: true` and `edition:` "
                "under `source:`")
        if lines is not None:
            problems.append(lines.problem(("quotes", index, "source", "verified"), message, hint))
        else:
            problems.append(Problem("quotes.yaml", None, None, message, hint))
    return problems
