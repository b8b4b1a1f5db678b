"""Property-based tests: whatever the input, the answer is a pack or a located PackError.

Fast enough for CI (a few hundred examples in all). For a longer hunt:
    HYPOTHESIS_PROFILE=long PYTHONPATH=src python -m pytest tests/test_properties.py -q
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.errors import NlmgError, PackError
from nlmg_packs.pack import load_pack
from tests.conftest import FIXTURES, ROOT

SCALE = 20 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1
BUNDLED = ROOT / "packs" / "never-let-me-go"
DEFAULT_TEMPLATE = ROOT / "templates" / "default"


def budget(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _load_mutations() -> Any:
    spec = importlib.util.spec_from_file_location("mutate_packs",
                                                  ROOT / "benchmarks" / "mutate_packs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MUTATIONS = _load_mutations()


@contextmanager
def pack_copy(source: Path = FIXTURES / "mini") -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "pack"
        shutil.copytree(source, target)
        yield target


def raw(folder: Path, file: str) -> Any:
    return yaml.safe_load((folder / file).read_text("utf-8"))


def dump(folder: Path, file: str, data: Any) -> None:
    (folder / file).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                              width=1 << 20), "utf-8")


def assert_located(error: NlmgError) -> None:
    for problem in error.problems:
        assert problem.line is not None, str(problem)
        assert "\n" not in str(problem), str(problem)


# ---- random text in every text field ---------------------------------------------------

NOT_TEXT = {"id", "speaker", "addressee", "part", "theme", "level", "audience", "type",
            "wording", "colour", "letter", "language", "paper"}
REFERENCE_LISTS = {"themes", "quotes", "prompts", "worksheets"}


def text_fields() -> list[tuple[str, tuple]]:
    fields = []
    for file in ("pack.yaml", "discussion.yaml", "quotes.yaml", "worksheets.yaml",
                 "courses.yaml"):
        for path, value in MUTATIONS._leaves(raw(FIXTURES / "mini", file)):
            keys = [p for p in path if isinstance(p, str)]
            if not isinstance(value, str) or keys[-1] in NOT_TEXT:
                continue
            if isinstance(path[-1], int) and keys[-1] in REFERENCE_LISTS:
                continue
            fields.append((file, path))
    return fields


TEXT_FIELDS = text_fields()
TEXTS = st.one_of(st.text(max_size=60), st.sampled_from(MUTATIONS.HOSTILE_TEXT),
                  st.text(st.characters(codec="latin-1"), min_size=1, max_size=60))


def put(folder: Path, file: str, path: tuple, text: str) -> None:
    data = raw(folder, file)
    MUTATIONS._parent(data, path)[path[-1]] = text
    dump(folder, file, data)


def test_the_text_fields_cover_every_file() -> None:
    assert {file for file, _ in TEXT_FIELDS} == {"pack.yaml", "discussion.yaml", "quotes.yaml",
                                                 "worksheets.yaml", "courses.yaml"}
    assert len(TEXT_FIELDS) > 40


@budget(150)
@given(field=st.sampled_from(TEXT_FIELDS), text=TEXTS)
def test_random_text_validates_and_composes_or_is_a_located_error(field: tuple[str, tuple],
                                                                   text: str) -> None:
    file, path = field
    with pack_copy() as folder:
        put(folder, file, path, text)
        try:
            pack = load_pack(folder)
        except PackError as exc:
            assert_located(exc)
            return
        for spec in catalogue(pack):
            spec.compose("pdf")


@budget(30)
@given(field=st.sampled_from(TEXT_FIELDS), text=TEXTS)
def test_random_text_renders_or_is_a_pack_error(field: tuple[str, tuple], text: str) -> None:
    from nlmg_packs.builder.render_job import render_document
    from nlmg_packs.template import load_template

    file, path = field
    options = load_template(DEFAULT_TEMPLATE).render_options("a4")
    with pack_copy() as folder:
        put(folder, file, path, text)
        try:
            pack = load_pack(folder)
        except PackError:
            return
        needle = repr(text.strip())[1:-1][:30]
        docs = [spec for spec in catalogue(pack) if needle in repr(spec.compose("pdf"))][:2]
        for spec in docs or catalogue(pack)[:1]:
            try:
                render_document(spec.compose(spec.native), spec.native, options)
            except PackError as exc:
                assert any(reason in str(exc) for reason in (
                    "is not in font", "cannot be placed on its letter",
                    "needs a text shaping engine")), str(exc)


# ---- random valid packs ------------------------------------------------------------------

IDS = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5})?\Z")
WORDS = st.text(st.characters(codec="latin-1", categories=("L", "N", "P", "Zs")), min_size=1,
                max_size=40).filter(lambda s: s.strip() != "")


@st.composite
def valid_packs(draw: st.DrawFn) -> dict[str, Any]:
    chapters = draw(st.integers(1, 30))
    theme_ids = draw(st.lists(IDS, min_size=1, max_size=5, unique=True))
    letters = ["A", "B", "C", "D", "E"]
    themes = [{"id": t, "name": draw(WORDS), "colour": "#336699", "letter": letters[i],
               "summary": draw(WORDS)} for i, t in enumerate(theme_ids)]
    people = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    characters = [{"id": c, "name": draw(WORDS), "description": draw(WORDS)} for c in people]
    quote_ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    quotes = [{"id": q, "text": draw(WORDS), "speaker": draw(st.sampled_from(people)),
               "chapter": draw(st.integers(1, chapters)),
               "themes": [draw(st.sampled_from(theme_ids))], "context": draw(WORDS),
               "questions": [draw(WORDS), draw(WORDS)], "model_answer": draw(WORDS),
               "source": {"wording": "memory", "verified": False}} for q in quote_ids]
    prompts = [{"id": p, "text": draw(WORDS), "themes": [draw(st.sampled_from(theme_ids))],
                "level": draw(st.sampled_from(["recall", "analyse", "create"])),
                "audience": draw(st.sampled_from(["class", "book-club"]))}
               for p in draw(st.lists(IDS, min_size=1, max_size=4, unique=True))]
    worksheets = [{"id": "sheet", "title": draw(WORDS), "activities": [
        {"type": draw(st.sampled_from(["who-said-it", "context", "close-reading",
                                       "theme-link"])), "quotes": quote_ids[:2]},
        {"type": "written-response", "prompt": draw(WORDS), "model_answer": draw(WORDS)}]}]
    steps = draw(st.lists(st.integers(1, 30), min_size=1, max_size=4))
    lessons = [{"id": "lesson-one", "title": draw(WORDS), "minutes": max(5, sum(steps)),
                "objectives": [draw(WORDS)], "worksheets": ["sheet"],
                "prompts": [prompts[0]["id"]], "quotes": [quote_ids[0]],
                "sequence": [{"minutes": m + (max(5, sum(steps)) - sum(steps) if i == 0 else 0),
                              "activity": draw(WORDS)} for i, m in enumerate(steps)],
                "assessment": draw(WORDS),
                "differentiation": {"support": draw(WORDS), "stretch": draw(WORDS)}}]
    return {
        "pack.yaml": {"book": {"title": draw(WORDS), "author": draw(WORDS),
                               "year": draw(st.integers(1000, 2100)), "chapters": chapters},
                      "characters": characters, "themes": themes},
        "quotes.yaml": {"quotes": quotes},
        "discussion.yaml": {"prompts": prompts},
        "worksheets.yaml": {"worksheets": worksheets},
        "courses.yaml": {"courses": [{"id": "course", "name": draw(WORDS), "focus": draw(WORDS),
                                      "themes": theme_ids[:1], "lessons": lessons}]},
    }


@contextmanager
def written(files: dict[str, Any]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "random"
        folder.mkdir()
        for name, data in files.items():
            dump(folder, name, data)
        yield folder


@budget(40)
@given(files=valid_packs())
def test_random_valid_packs_validate_and_compose(files: dict[str, Any]) -> None:
    with written(files) as folder:
        pack = load_pack(folder)
        assert [q.id for q in pack.quotes] == [q["id"] for q in files["quotes.yaml"]["quotes"]]
        for spec in catalogue(pack):
            spec.compose("pdf")


@budget(5)
@given(files=valid_packs())
def test_random_valid_packs_build(files: dict[str, Any]) -> None:
    from nlmg_packs.builder.run import BuildRequest, run_build

    with written(files) as folder:
        out = folder.parent / "out"
        report = run_build(BuildRequest(packs=(folder,), out=out, template=DEFAULT_TEMPLATE,
                                        jobs=1))
        assert report.count("built") == len(catalogue(load_pack(folder)))
        again = run_build(BuildRequest(packs=(folder,), out=out, template=DEFAULT_TEMPLATE,
                                       jobs=1))
        assert again.count("built") == 0


# ---- mutated copies of the bundled pack ----------------------------------------------------

@pytest.mark.skipif(not BUNDLED.is_dir(), reason="the bundled pack is not in this checkout")
@budget(30)
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_bundled_pack_is_valid_or_every_error_is_located(seed: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "mutant"
        what = MUTATIONS.mutate(BUNDLED, folder, random.Random(seed))
        try:
            load_pack(folder)
        except PackError as exc:
            assert exc.problems, what
            assert_located(exc)
