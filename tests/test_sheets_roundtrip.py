"""Property: any list data a pack can hold comes back unchanged from export-sheet's workbook."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_packs.pack.sheet_export import workbook_bytes
from nlmg_packs.pack.sheets import read_sheets

# Text as a pack may hold it: no control characters but tab and line break (the model refuses
# them), no surrounding spaces (a cell is read trimmed).
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x0b\x0c\x85",
                       min_codepoint=9).filter(lambda c: c in "\t\n" or ord(c) >= 32
                                               and not 0x7F <= ord(c) < 0xA0
                                               and c not in "\ufffe\uffff\u2028\u2029")
text = st.text(_chars, min_size=1, max_size=40).map(str.strip).filter(bool)
item = text.map(lambda t: " ".join(t.split())).filter(bool)  # list items: one line, one space
ident = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
chapters = st.integers(1, 99).flatmap(lambda a: st.sampled_from([[a], [a, a + 3]]))

url = st.from_regex(r"https?://[a-z]{1,8}\.[a-z]{2,3}/[A-Za-z0-9%&=?:;._-]{0,20}", fullmatch=True)
provenance = st.fixed_dictionaries({"source": text, "title": text, "url": url},
                                   optional={"chapter": st.integers(1, 999)})
quote = st.fixed_dictionaries(
    {"id": ident, "text": text, "speaker": ident, "chapter": st.integers(1, 999),
     "themes": st.lists(ident, min_size=1, max_size=3), "context": text,
     "questions": st.lists(item, min_size=2, max_size=3), "model_answer": text,
     "source": st.fixed_dictionaries({"wording": st.sampled_from(["novel", "memory"]),
                                      "verified": st.booleans()},
                                     optional={"note": text, "provenance": st.lists(
                                         provenance, min_size=1, max_size=3)})},
    optional={"addressee": ident})
prompt = st.fixed_dictionaries({"id": ident, "text": text},
                               optional={"chapters": chapters, "teacher_notes": text,
                                         "themes": st.lists(ident, min_size=1, max_size=3)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quotes=st.lists(quote, min_size=1, max_size=3, unique_by=lambda q: q["id"]),
       prompts=st.lists(prompt, min_size=1, max_size=3, unique_by=lambda p: p["id"]))
def test_workbook_gives_back_the_same_data(quotes: list[dict[str, Any]],
                                           prompts: list[dict[str, Any]]) -> None:
    # Ids are unique, as the pack's reference check demands: child sheets (a quote's sources)
    # name their parent by id, so a pack with two quotes of one id never reaches export-sheet.
    files = {"quotes.yaml": {"quotes": quotes}, "discussion.yaml": {"prompts": prompts}}
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "lists.xlsx").write_bytes(workbook_bytes(files))
        sources = read_sheets(Path(scratch))
    assert not sources.problems, [str(p) for p in sources.problems]
    assert {name: loaded.data for name, loaded in sources.files.items()} == files
