"""Build timings, run by hand (not part of the test suite):

    python benchmarks/bench_build.py          # everything, with the scale run (~10 min, 2 cores)
    python benchmarks/bench_build.py --quick    # skip the scale run

Each figure is the best of several runs (wall clock, a fresh process each time), since other
load on the machine only ever adds time. Results go to standard output as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "packs" / "never-let-me-go"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
CLI = [sys.executable, "-m", "nlmg_packs"]


CPU: dict[str, float] = {}
"""CPU seconds (user + system, the process and its workers) of the last run of each command."""


def timed(cmd: list[str], before: object = None) -> float:
    if callable(before):
        before()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=ENV, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[" ".join(cmd)] = (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)
    return wall


def best(runs: int, cmd: list[str], before: object = None) -> float:
    return min(timed(cmd, before) for _ in range(runs))


def pdf_pages(folder: Path) -> int:
    return sum(len(re.findall(rb"/Type /Page[^s]", p.read_bytes()))
               for p in folder.rglob("*.pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 20-pack scale run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nlmg-bench-"))
    rows: list[tuple[str, str]] = []

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name}: {value}", file=sys.stderr)

    try:
        # What this machine gives two processes right now: ~2x on an idle 2-CPU machine, less
        # when other jobs run. Read the --jobs figures against it.
        spin = [sys.executable, "-c", "sum(range(6 * 10**7))"]
        serial = min(timed(spin) + timed(spin) for _ in range(2))
        side = []
        for _ in range(2):
            start = time.perf_counter()
            for proc in [subprocess.Popen(spin) for _ in range(2)]:
                proc.wait()
            side.append(time.perf_counter() - start)
        row("control: two CPU-bound processes side by side vs one after the other",
            f"{serial / min(side):.2f}x")
        row("--help", f"{best(args.runs * 2, [*CLI, '--help']):.3f} s")
        start = best(args.runs * 2, [sys.executable, "-c", "pass"])
        row("python -c pass (interpreter start)", f"{start:.3f} s")

        out = work / "out"
        fresh = lambda: shutil.rmtree(out, ignore_errors=True)  # noqa: E731
        cold = {j: best(max(2, args.runs // 2), [*CLI, "build", str(PACK), "--out", str(out),
                                                 "-j", str(j)], fresh) for j in (1, 2)}
        files = sum(1 for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
        row(f"cold build, bundled pack ({files} files, {pdf_pages(out)} PDF pages), --jobs 1",
            f"{cold[1]:.2f} s")
        row("cold build, bundled pack, --jobs 2", f"{cold[2]:.2f} s")
        noop = best(args.runs * 2, [*CLI, "build", str(PACK), "--out", str(out)])
        row("no-op re-run", f"{noop:.3f} s")

        pack = work / "pack"
        shutil.copytree(PACK, pack)
        subprocess.run([*CLI, "build", str(pack), "--out", str(out), "-q"], env=ENV, check=True)
        quotes = pack / "quotes.yaml"
        original = quotes.read_text("utf-8")
        first = re.search(r"^    text: (.+)$", original, re.M)
        assert first is not None
        flip = [False]

        def change_quote() -> None:
            flip[0] = not flip[0]
            head, quote, rest = first.group(0).partition('text: "')
            word = "Edited: " if flip[0] else "Changed: "
            line = f"{head}{quote}{word}{rest}" if quote else first.group(0) + " " + word
            quotes.write_text(original.replace(first.group(0), line, 1), "utf-8")

        change = best(args.runs, [*CLI, "build", str(pack), "--out", str(out)], change_quote)
        row("one-quote change, default --jobs", f"{change:.2f} s")

        content = work / "content.json"
        script = [sys.executable, str(ROOT / "benchmarks" / "floor.py")]
        subprocess.run([*script, "extract", str(content)], env=ENV, check=True)
        floor_out = work / "floor"
        floor = best(max(2, args.runs // 2), [*script, "write", str(content), str(floor_out)],
                     lambda: shutil.rmtree(floor_out, ignore_errors=True))
        row(f"floor: the same documents straight on reportlab + python-docx "
            f"({pdf_pages(floor_out)} PDF pages), one process", f"{floor:.2f} s")
        row("cold build / floor (--jobs 1, --jobs 2)",
            f"{cold[1] / floor:.2f}x, {cold[2] / floor:.2f}x")

        if not args.quick:
            packs = work / "packs"
            for i in range(args.copies):
                shutil.copytree(PACK, packs / f"copy-{i:02d}")
            scale_out = work / "scale"
            scale: dict[int, float] = {}
            cpu: dict[int, float] = {}
            for j in (1, 2):
                shutil.rmtree(scale_out, ignore_errors=True)
                cmd = [*CLI, "build", str(packs), "--out", str(scale_out), "-j", str(j)]
                scale[j] = timed(cmd)
                cpu[j] = CPU[" ".join(cmd)]
                row(f"scale: {args.copies} copies, cold, --jobs {j}",
                    f"{scale[j]:.1f} s wall, {cpu[j]:.1f} s CPU")
            row("scale speed-up, --jobs 2 over --jobs 1", f"{scale[1] / scale[2]:.2f}x")
            row("scale: CPU overhead of --jobs 2 (bound on an idle machine: 2 / overhead)",
                f"{cpu[2] / cpu[1]:.2f}x, so at most {2 * cpu[1] / cpu[2]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nMachine: {os.cpu_count()} CPUs (nproc), Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; load average at the end: "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
