"""What tagging costs: PDF render time of the bundled pack with and without the structure.

Renders every PDF of the bundled pack (both editions, standard preset, A4; then fillable)
in this process, alternating tagged and untagged rounds so machine load hits both alike, and
prints the median and the best round of each (CPU seconds of this process) and the overhead
of each. Untagged means a plain reportlab canvas: no marked content, no structure, form
fields in reportlab's unembedded Helvetica; the same flowables, the same layout.

    PYTHONPATH=src python benchmarks/bench_tagging.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.pack import load_pack
from nlmg_packs.render import pdf
from nlmg_packs.template import load_template

ROOT = Path(__file__).parents[1]


@contextmanager
def untagged():
    saved = pdf.TaggedCanvas
    pdf.TaggedCanvas = Canvas
    try:
        yield
    finally:
        pdf.TaggedCanvas = saved


def render_all(docs, options) -> float:
    start = time.process_time()  # CPU time: the machine is shared, wall time is noise
    for doc in docs:
        pdf.render_pdf(doc, options)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    docs = [s.compose("pdf") for s in catalogue(pack) if s.native == "pdf"]
    template = load_template(ROOT / "templates" / "default")
    print("| PDFs | fillable | untagged, median (s) | tagged, median (s) | overhead, medians |"
          " overhead, best rounds |")
    print("|---|---|---|---|---|---|")
    for fillable in (False, True):
        options = template.render_options(fillable=fillable)
        render_all(docs, options)  # warm up: imports, fonts
        plain, tagged = [], []
        for _ in range(rounds):
            with untagged():
                plain.append(render_all(docs, options))
            tagged.append(render_all(docs, options))
        a, b = statistics.median(plain), statistics.median(tagged)
        best = 100 * (min(tagged) - min(plain)) / min(plain)
        print(f"| {len(docs)} | {fillable} | {a:.3f} | {b:.3f} | {100 * (b - a) / a:+.1f}% "
              f"| {best:+.1f}% |")


if __name__ == "__main__":
    main()
