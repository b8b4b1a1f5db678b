"""Half-empty pages of built PDFs, read back from the files, with the block that moved on.

    PYTHONPATH=.:src python benchmarks/page_fill.py OUT [OUT ...] [--list]

Each OUT is a build's output folder (one paper and preset). Prints, per folder, how many pages
that are not the last of a document or section end above `FILL` of the text area's height, and
with `--list` each such page: its document, page number, printed share, the first line of the
next page (the block that moved on) and the space that block takes on the next page before the
first later line, in points.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from tests.pdf_layout import page_fill, read_layout

FILL = 0.7


def _report(out: Path, listing: bool) -> tuple[int, int, Counter]:
    total = low = 0
    kinds: Counter = Counter()
    for pdf in sorted(out.rglob("*.pdf")):
        pages = read_layout(pdf)
        for number, share in page_fill(pages):
            total += 1
            if share >= FILL:
                continue
            low += 1
            name = pdf.stem.split("-")[0]
            kinds[f"{pdf.parent.name}/{name}"] += 1
            if listing:
                after = pages[number].content()
                first = after[0] if after else None
                print(f"  {pdf.relative_to(out)} p{number} {share:.0%} -> "
                      f"{first.kind if first else '-'} {first.text[:60] if first else ''!r}")
    return total, low, kinds


def main(argv: list[str]) -> None:
    listing = "--list" in argv
    for arg in (a for a in argv if not a.startswith("--")):
        total, low, kinds = _report(Path(arg), listing)
        print(f"{Path(arg).name}: {low}/{total} pages under {FILL:.0%}  "
              + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
