"""What tagging costs: PDF render time of the bundled pack with and without the structure.

Renders every PDF of the bundled pack (both editions, standard preset, A4; then fillable)
in this process, alternating tagged and untagged rounds so machine load hits both alike, and
prints the best round of each (CPU seconds of this process) and the overhead. Untagged means a plain reportlab canvas and
no structure written afterwards: the same flowables, the same layout.

    PYTHONPATH=src python benchmarks/bench_tagging.py [--rounds N]
"""

from __future__ import annotations

import argparse
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
    saved = pdf.TaggingCanvas, pdf.write_structure
    pdf.TaggingCanvas, pdf.write_structure = Canvas, lambda data, *a, **k: data
    try:
        yield
    finally:
        pdf.TaggingCanvas, pdf.write_structure = saved


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
    print("| PDFs | fillable | untagged (s) | tagged (s) | overhead |")
    print("|---|---|---|---|---|")
    for fillable in (False, True):
        options = template.render_options(fillable=fillable)
        render_all(docs, options)  # warm up: imports, fonts
        plain, tagged = [], []
        for _ in range(rounds):
            with untagged():
                plain.append(render_all(docs, options))
            tagged.append(render_all(docs, options))
        a, b = min(plain), min(tagged)
        print(f"| {len(docs)} | {fillable} | {a:.3f} | {b:.3f} | {100 * (b - a) / a:+.1f}% |")


if __name__ == "__main__":
    main()
