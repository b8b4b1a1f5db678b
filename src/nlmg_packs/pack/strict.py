"""Checks only `validate --strict` enforces."""

from __future__ import annotations

from nlmg_packs.errors import Problem
from nlmg_packs.pack.model import CONFIRMING_SOURCES
from nlmg_packs.pack.pack import Pack


def unverified_quotes(pack: Pack) -> list[Problem]:
    """A problem for each quotation whose words fewer than two public sources confirm.

    A quotation is confirmed when `source.provenance` lists at least `CONFIRMING_SOURCES`
    independent public sources printing the same words (the independence of the sources is
    checked when the pack loads, in `pack.references`). Problems point at the `source:` key.
    """
    lines = pack.lines.get("quotes.yaml", None)
    problems = []
    for index, quote in enumerate(pack.quotes):
        if quote.source.confirmed:
            continue
        count = len(quote.source.provenance)
        message = (f"quotation `{quote.id}` is confirmed by {count} of the "
                   f"{CONFIRMING_SOURCES} public sources it needs (its wording comes from "
                   f"{quote.source.wording})")
        hint = ("find independent sources that print the same words and list them under "
                "`source: provenance:`, or correct or remove the quotation")
        if lines is not None:
            problems.append(lines.problem(("quotes", index, "source"), message, hint))
        else:
            problems.append(Problem("quotes.yaml", None, None, message, hint))
    return problems
