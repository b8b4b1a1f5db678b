"""`build --watch`: rebuilds on save, reports mistakes and keeps watching, stops on Ctrl-C."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from nlmg_packs.watch import is_relevant
from tests.conftest import edit

TIMEOUT = 60.0


class Watcher:
    """`nlmg-packs build --watch` in a child process, its output read line by line."""

    def __init__(self, pack: Path, out: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nlmg_packs", "build", str(pack), "--out", str(out),
             "--jobs", "1", "--watch"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, *needles: str) -> str:
        """The first new line holding any of `needles`; fails after TIMEOUT seconds."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if any(n in line for n in needles):
                return line
        raise AssertionError(f"none of {needles} within {TIMEOUT} s; saw {self.seen}")


def test_three_saves_two_rebuilds_one_located_error(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    watcher = Watcher(mini, out)
    try:
        watcher.wait_for("watching")
        assert any(" built, " in line for line in watcher.seen), watcher.seen
        guide = out / "mini" / "common" / "student" / "discussion-guide.pdf"
        before = guide.read_bytes()

        edit(mini / "discussion.yaml", "Is Mara right to stay?", "Should Mara stay?")
        first = watcher.wait_for(" built, ", "error:")
        assert first.startswith("2 built, "), watcher.seen  # both editions of the guide
        assert guide.read_bytes() != before

        edit(mini / "quotes.yaml", "chapter: 5", "chapter: five")
        error = watcher.wait_for(" built, ", "error:")
        assert "quotes.yaml:17:5: `chapter` must be a whole number" in error, watcher.seen
        watcher.wait_for("Still watching")

        edit(mini / "quotes.yaml", "chapter: five", "chapter: 4")
        second = watcher.wait_for(" built, ", "error:")
        assert " built, " in second and not second.startswith("0 built"), watcher.seen
        assert sum(" built, " in line for line in watcher.seen) == 3  # the first build + two
        assert sum(line.startswith("error:") for line in watcher.seen) == 1
        assert watcher.process.poll() is None, "the watch must survive the error"

        watcher.process.send_signal(signal.SIGINT)
        assert watcher.process.wait(timeout=TIMEOUT) == 0
        watcher.wait_for("stopped watching")
        assert not [p for p in out.rglob("*") if p.name.startswith(".nlmg-tmp-")]
    finally:
        if watcher.process.poll() is None:
            watcher.process.kill()


def test_lock_and_output_files_are_not_changes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert is_relevant(tmp_path / "pack" / "quotes.yaml", out)
    assert is_relevant(tmp_path / "pack" / "lists.xlsx", out)
    for name in ("~$lists.xlsx", ".~lock.lists.xlsx#", ".nlmg-tmp-abc", "quotes.yaml~"):
        assert not is_relevant(tmp_path / "pack" / name, out), name
    assert not is_relevant(out / "mini" / "guide.pdf", out)
