"""HTML pages in a real browser: headless Chromium runs axe-core (WCAG 2.0/2.1 A and AA rules,
and axe's best practices) on each page; none may have a violation.

The pages themselves carry no script: the test writes a copy with axe-core and a line that
runs it appended, and reads the results out of the DOM Chromium dumps.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path

import pytest

from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.pack import load_pack
from nlmg_packs.render.html import render_html
from nlmg_packs.template import load_template
from tests.node_tools import require_node_module
from tests.sample_documents import every_block
from tests.test_lms_cartridge import full  # noqa: F401  (fixture)
from tests.tools import require_tool

ROOT = Path(__file__).resolve().parent.parent
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
ONLY = json.dumps({"runOnly": {"type": "tag", "values": RULES}})
RUN = (f"<script>axe.run(document, {ONLY}).then(r => {{"
       "const p = document.createElement('pre'); p.id = 'axe-result';"
       "p.textContent = JSON.stringify(r.violations.map(v => [v.id, v.nodes.map(n => n.html)"
       ".slice(0, 3)])); document.body.appendChild(p); });</script>")


def options(preset: str = "standard"):
    template = load_template(ROOT / "templates" / "default")
    return template.render_options("a4", preset, False, 0, None)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        try:
            return require_tool(name)
        except pytest.skip.Exception:
            continue
    return require_tool("chromium")


def violations(page: bytes, folder: Path) -> list:
    """axe-core's violations on `page`, as [rule id, [html of up to three nodes]]."""
    axe = (require_node_module("axe-core") / "axe.min.js").read_text("utf-8")
    harness = folder / "page.html"
    harness.write_bytes(page.replace(b"</body>", f"<script>{axe}</script>{RUN}</body>".encode()))
    done = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--virtual-time-budget=5000", "--dump-dom", harness.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    return json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">")
                      .replace("&quot;", '"').replace("&amp;", "&"))


@pytest.mark.parametrize("preset", ["standard", "large-print", "dyslexia"])
def test_every_block_type_passes_axe(tmp_path, preset):
    edition = "teacher" if preset == "standard" else "student"
    assert violations(render_html(every_block(edition), options(preset)), tmp_path) == []


def test_axe_finds_a_violation_when_there_is_one(tmp_path):
    page = render_html(every_block("student"), options()).replace(
        b"<main>", b'<main><img src="missing.png">')
    assert [v[0] for v in violations(page, tmp_path)] == ["image-alt"]


@pytest.mark.slow
def test_every_document_of_a_pack_passes_axe(full, tmp_path):  # noqa: F811
    pack = load_pack(full)
    specs = catalogue(pack)
    assert len(specs) > 10
    for spec in specs:
        doc = spec.compose("pdf")
        page = render_html(doc, dataclasses.replace(options()))
        assert violations(page, tmp_path) == [], spec.relpath("html")
