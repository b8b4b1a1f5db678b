"""The quotation bank's student edition does not print, beside a quotation, what the
quotation's own questions ask for; the teacher edition prints everything."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.compose.asked import ASKS, withheld
from nlmg_packs.compose.speakers import who_answer
from nlmg_packs.pack import Pack, load_pack
from nlmg_packs.paths import default_pack
from nlmg_packs.render.inline import plain_text
from tests.conftest import FIXTURES

PACKS = {"never-let-me-go": default_pack(), "frankenstein": FIXTURES / "frankenstein"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_back(path: Path) -> str:
    """The document's text as a reader gets it: pypdf for a PDF, python-docx for a DOCX."""
    if path.suffix == ".pdf":
        return squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))
    document = docx.Document(str(path))
    return squash(" ".join(p.text for p in document.paragraphs))


def beside_each_quotation(pack: Pack, text: str) -> dict[str, str]:
    """Quote id → the text printed after the quotation's words, up to the next quotation."""
    found = {}
    for quote in pack.quotes:
        words = squash(plain_text(quote.text))
        start = text.find(words)
        assert start >= 0, f"{quote.id}: the quotation is not in the bank"
        found[quote.id] = (start, start + len(words))
    starts = sorted(start for start, _ in found.values()) + [len(text)]
    return {quote_id: text[end:min(s for s in starts if s >= end)]
            for quote_id, (_, end) in found.items()}


@pytest.fixture(scope="module", params=sorted(PACKS))
def bank(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, Path]:
    out = tmp_path_factory.mktemp("out")
    path = PACKS[request.param]
    run_build(BuildRequest(packs=(path,), out=out, formats="all", kinds=frozenset({"bank"})))
    return load_pack(path), out / request.param / "common"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_student_bank_does_not_answer_who_said_it(bank: tuple[Pack, Path], fmt: str) -> None:
    pack, folder = bank
    student = beside_each_quotation(pack, read_back(folder / "student" / f"quotation-bank.{fmt}"))
    teacher = beside_each_quotation(pack, read_back(folder / "teacher" / f"quotation-bank.{fmt}"))
    for quote in pack.quotes:
        # The pack's own questions may name the speaker ("Why does Miss Lucy add…?"): what
        # the bank prints around them is what must not answer the who-said-it question.
        printed = student[quote.id]
        for question in quote.questions:
            printed = printed.replace(squash(plain_text(question)), "")
        answer = squash(plain_text(who_answer(pack, quote)))
        assert answer in teacher[quote.id], quote.id
        assert answer not in printed, quote.id
        context = squash(plain_text(quote.context))
        assert context in teacher[quote.id] and context not in printed, quote.id


def test_who_said_it_withholds_who_and_when() -> None:
    assert {"speaker", "addressees", "frame", "context"} <= withheld(["who-said-it"])
    assert withheld(["close-reading"]) == {"model_answer"}
    assert withheld(ASKS) == {f for fields in ASKS.values() for f in fields}
