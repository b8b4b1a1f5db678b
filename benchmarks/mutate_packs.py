"""Run mutated copies of a pack through `validate` and `build`; count what should never happen.

    PYTHONPATH=src python benchmarks/mutate_packs.py --count 1000 --seed 1 [--pack DIR] [--jobs N]

Each mutant is the pack with one change: a key deleted, a value of the wrong type, an id renamed,
hostile text in a text field, or a damaged line of YAML (a tab, a duplicated or deleted line,
an alias, a stray `: `, a cut-off file, a byte that is not UTF-8). Both commands run in-process
through `nlmg_packs.cli.main` with a patched argv. The report counts:

- crashes: an exit code other than 0 or 1 (3 is "internal error"), or an exception escaping main;
- tracebacks: "Traceback" anywhere in the output;
- errors without a line number: an `error:` line not of the form `file.yaml:line:col: ...`;
- outputs written for an invalid pack: files in --out after `build` of a pack `validate` refused;
- disagreements: `validate` accepted a pack that `build` refused (or the other way round).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = ("pack.yaml", "discussion.yaml", "quotes.yaml", "worksheets.yaml", "courses.yaml")
LOCATED = re.compile(r"^error: \S+\.yaml:\d+:\d+: ")

HOSTILE_TEXT = [
    "<img src=\"/etc/passwd\"/>", "<font color='red'>x</font>", "AT&T & <b>", "{ PAGE }",
    "😀 emoji", "Привет", "\x07bell", "x" * 100_000, "", "  ", "no", "2024-01-05", "1:30",
    "'quoted' \"double\" `back`", "line\nbreak", "\u202eright-to-left", "tab\there", "#hash",
    "*unclosed **bold", "\u00a0\u2009\u200b spaces", "a" * 301,
]


# ---- mutations -------------------------------------------------------------------------

def _leaves(data: Any, path: tuple = ()) -> list[tuple[tuple, Any]]:
    """Every (path, value) in a parsed document, containers included (except the root)."""
    found = [(path, data)] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _leaves(value, (*path, index))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def delete_key(data: Any, rng: random.Random) -> str:
    keys = [p for p, _ in _leaves(data) if isinstance(p[-1], str)]
    path = rng.choice(keys)
    del _parent(data, path)[path[-1]]
    return f"delete {'.'.join(map(str, path))}"


def swap_type(data: Any, rng: random.Random) -> str:
    path, value = rng.choice(_leaves(data))
    choices: list[Any] = [["a", "list"], {"a": "mapping"}, 42, 4.5, True, None, "some text",
                          "2024-01-05"]
    choices = [c for c in choices if type(c) is not type(value)]
    _parent(data, path)[path[-1]] = rng.choice(choices)
    return f"swap type of {'.'.join(map(str, path))}"


def rename_id(data: Any, rng: random.Random) -> str:
    ids = [p for p, v in _leaves(data) if p[-1] == "id" and isinstance(v, str)]
    if not ids:
        return swap_type(data, rng)
    path = rng.choice(ids)
    old = _parent(data, path)["id"]
    new = rng.choice([old[:-1] or "x", old + "x", old.replace("-", "_"), old.upper(),
                      "../" + old, old + " "])
    _parent(data, path)["id"] = new
    return f"rename id {old!r} to {new!r}"


def hostile_text(data: Any, rng: random.Random) -> str:
    strings = [p for p, v in _leaves(data) if isinstance(v, str)]
    path = rng.choice(strings)
    text = rng.choice(HOSTILE_TEXT)
    _parent(data, path)[path[-1]] = text if rng.random() < 0.5 else f"Before {text} after"
    return f"hostile text in {'.'.join(map(str, path))}"


DATA_MUTATIONS: list[Callable[[Any, random.Random], str]] = [delete_key, swap_type, rename_id,
                                                              hostile_text]


def damage_text(text: str, rng: random.Random) -> tuple[str | bytes, str]:
    """A line-level accident, as an editor or a copy-paste would make it."""
    lines = text.split("\n")
    index = rng.randrange(max(1, len(lines) - 1))
    line = lines[index]
    kind = rng.choice(["tab", "duplicate", "delete", "alias", "colon", "cut", "latin1",
                       "indent", "crlf"])
    if kind == "tab":
        lines[index] = "\t" + line.lstrip(" ")
    elif kind == "duplicate":
        lines.insert(index, line)
    elif kind == "delete":
        del lines[index]
    elif kind == "alias":
        lines[index] = line + " *anchor" if ":" in line else "*anchor"
    elif kind == "colon":
        middle = len(line) // 2
        lines[index] = line[:middle] + ": " + line[middle:]
    elif kind == "cut":
        return "\n".join(lines[:index]), "cut the file short"
    elif kind == "latin1":
        return ("\n".join(lines).replace("e", "é", 1).encode("latin-1", "replace"),
                "saved as Latin-1")
    elif kind == "indent":
        lines[index] = " " + line
    elif kind == "crlf":
        return "\r\n".join(lines), "Windows line endings"
    return "\n".join(lines), f"{kind} at line {index + 1}"


def mutate(pack: Path, target: Path, rng: random.Random) -> str:
    """Copy `pack` to `target` with one random mutation; describe it."""
    shutil.copytree(pack, target)
    present = [f for f in FILES if (target / f).is_file()]
    file = rng.choice(present)
    path = target / file
    text = path.read_text("utf-8")
    if rng.random() < 0.3:
        damaged, what = damage_text(text, rng)
        if isinstance(damaged, bytes):
            path.write_bytes(damaged)
        else:
            path.write_text(damaged, "utf-8", newline="")
        return f"{file}: {what}"
    data = yaml.safe_load(text)
    what = rng.choice(DATA_MUTATIONS)(data, rng)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1 << 20),
                    "utf-8")
    return f"{file}: {what}"


# ---- running ---------------------------------------------------------------------------

def run_cli(*args: str) -> tuple[int, str]:
    """Run nlmg-packs in this process; its exit code and everything it printed."""
    from nlmg_packs.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["nlmg-packs", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:  # escaped main: the worst kind of crash
                import traceback

                err.write("Traceback (escaped main)\n" + traceback.format_exc())
                code = 99
    finally:
        sys.argv = saved
    return code, out.getvalue() + err.getvalue()


_BASE: dict[str, Path] = {}


def _base_output(pack: str, parent: str) -> Path:
    """The unmutated pack built once per process, so a mutant re-renders only what it changed."""
    if pack not in _BASE:
        home = Path(tempfile.mkdtemp(prefix="base-", dir=parent))
        shutil.copytree(pack, home / "mutant")
        with contextlib.chdir(home):
            code, text = run_cli("build", "mutant", "--out", "out", "-j", "1", "-q")
        if code != 0:
            raise SystemExit(f"the unmutated pack does not build:\n{text}")
        shutil.rmtree(home / "mutant")
        _BASE[pack] = home / "out"
    return _BASE[pack]


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith(".lock")}


def check_one(args: tuple[int, int, str, str]) -> dict[str, Any]:
    index, seed, pack, parent = args
    rng = random.Random(seed * 1_000_003 + index)
    base = _base_output(pack, parent)
    with tempfile.TemporaryDirectory(prefix="mutant-", dir=parent) as scratch, \
            contextlib.chdir(scratch):
        what = mutate(Path(pack), Path("mutant"), rng)
        shutil.copytree(base, "out")
        before = _snapshot(Path("out"))
        v_code, v_text = run_cli("validate", "mutant")
        b_code, b_text = run_cli("build", "mutant", "--out", "out", "-j", "1", "-q")
        after = _snapshot(Path("out"))
    changed = [name for name, data in after.items() if before.get(name) != data]
    texts = (v_text, b_text)
    return {
        "index": index, "mutation": what, "validate": v_code, "build": b_code,
        "crash": any(c not in (0, 1) for c in (v_code, b_code)),
        "traceback": any("Traceback" in t for t in texts),
        "unlocated": [line for t in texts for line in t.splitlines()
                      if line.startswith("error: ") and not LOCATED.match(line)],
        "written_for_invalid": len(changed) if v_code != 0 else 0,
        "rebuilt": len(changed),
        "disagree": (v_code == 0) != (b_code == 0),
        "output": (v_text + b_text)[-600:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pack", type=Path, default=ROOT / "packs" / "never-let-me-go")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="Write every result to this file.")
    options = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="nlmg-mutants-") as parent:
        work = [(i, options.seed, str(options.pack.resolve()), parent)
                for i in range(options.count)]
        if options.jobs > 1:
            with ProcessPoolExecutor(options.jobs) as pool:
                results = list(pool.map(check_one, work, chunksize=4))
        else:
            results = [check_one(w) for w in work]
    elapsed = time.monotonic() - started
    valid = sum(1 for r in results if r["validate"] == 0)
    figures = {
        "mutants": len(results),
        "still valid": valid,
        "refused with exit 1": sum(1 for r in results if r["validate"] == 1),
        "crashes": sum(1 for r in results if r["crash"]),
        "tracebacks": sum(1 for r in results if r["traceback"]),
        "errors without a line number": sum(len(r["unlocated"]) for r in results),
        "outputs written for an invalid pack": sum(r["written_for_invalid"] for r in results),
        "validate/build disagreements": sum(1 for r in results if r["disagree"]),
        "files re-rendered for valid mutants": sum(r["rebuilt"] for r in results
                                                   if r["validate"] == 0),
    }
    print(f"pack: {options.pack.name}, seed {options.seed}, {elapsed:.0f} s; each mutant starts "
          "from a finished build of the unmutated pack, so `build` re-renders only what the "
          "mutation changed")
    for name, value in figures.items():
        print(f"  {name:<38} {value}")
    kinds = Counter(r["mutation"].split(": ", 1)[1].split(" ")[0] for r in results)
    print("  mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for r in results:
        if r["crash"] or r["traceback"] or r["unlocated"] or r["written_for_invalid"] \
                or r["disagree"]:
            print(f"\n#{r['index']} {r['mutation']} (validate {r['validate']}, build "
                  f"{r['build']})\n{r['output']}")
    if options.json:
        options.json.write_text(json.dumps(results, indent=1))
    bad = figures["crashes"] + figures["tracebacks"] + figures["errors without a line number"] \
        + figures["outputs written for an invalid pack"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
