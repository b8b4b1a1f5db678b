"""Shared fixtures: copies of the small example pack to break in each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh, valid copy of tests/fixtures/mini."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be present) with `new` in `path`."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _register_hypothesis_profiles() -> None:
    """The default profile draws the same examples on every run (`derandomize`), so a CI run
    passes or fails on the code, never on the draw; HYPOTHESIS_PROFILE=long runs the property
    tests twenty times longer, with fresh random examples each time."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", deadline=None, derandomize=True)
    settings.register_profile("long", deadline=None, max_examples=2000)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_register_hypothesis_profiles()
