"""The HTML renderer: semantic, self-contained pages; presets; nothing of the teacher's on a
student page."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from nlmg_packs import document as d
from nlmg_packs.render.html import render_html
from nlmg_packs.render.html_style import contrast
from nlmg_packs.render.options import Palette
from nlmg_packs.template import load_template
from tests.sample_documents import every_block

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def template():
    return load_template(ROOT / "templates" / "default")


def options(template, **changes):
    opts = template.render_options("a4", changes.pop("preset", "standard"), False, 0, None)
    return dataclasses.replace(opts, **changes)


def page(template, doc=None, **changes):
    data = render_html(doc or every_block("teacher"), options(template, **changes))
    return data, lxml_html.document_fromstring(data)


def test_the_page_is_html5_with_its_language(template):
    data, tree = page(template)
    assert data.startswith(b"<!DOCTYPE html>\n")
    assert tree.get("lang") == "en-GB"
    assert tree.findtext(".//title") == "The Lantern Keeper — Discussion guide"
    assert len(tree.findall(".//main")) == 1


def test_no_script_and_no_request_leaves_the_page(template):
    data, tree = page(template)
    assert tree.xpath("//script | //link | //img | //iframe | //object | //@*[starts-with("
                      "name(), 'on')]") == []
    assert all(href.startswith("#") for href in tree.xpath("//a/@href"))
    assert not re.search(rb"url\(|@import|https?://", data)


def test_headings_never_skip_a_level(template):
    _, tree = page(template)
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


def test_quotations_questions_and_tables_use_their_elements(template):
    _, tree = page(template)
    quote = tree.find(".//figure/blockquote")
    assert quote.text_content() == "The lamp does not ask who is out there."
    assert tree.findtext(".//figcaption/cite") == "Mara to Tobias, Chapter 2"
    items = tree.xpath("//ol[@class='questions']/li")
    assert [li.get("value") for li in items][:2] == ["1", "2"]
    assert "What does the lamp stand for?" in items[0].text_content()
    assert tree.xpath("//thead//th[not(@scope='col')]") == []
    assert tree.xpath("//tbody//th[not(@scope='row')]") == []
    assert tree.xpath("//tbody/tr/th")[0].text_content() == "English Literature"


def test_contents_link_to_the_sections(template):
    _, tree = page(template)
    ids = set(tree.xpath("//@id"))
    links = tree.xpath("//nav//a")
    assert [a.text_content() for a in links] == ["Before you read", "Themes"]
    assert {a.get("href")[1:] for a in links} <= ids


def test_text_is_escaped_never_markup(template):
    data, tree = page(template)
    assert b"Tom &amp; Ruth &lt;b&gt;argue&lt;/b&gt;" in data
    assert tree.xpath("//em")[0].text == "The Lantern Keeper"
    assert "<img src='x'/>" in tree.text_content()


def test_theme_letters_are_named_for_screen_readers_and_readable(template):
    _, tree = page(template)
    chip = tree.xpath("//span[@class='chip']")[0]
    hidden = chip.getnext()
    assert hidden.get("class") == "visually-hidden" and hidden.text == " (Duty)"
    style = dict(p.split(":") for p in chip.get("style").split(";"))
    assert contrast(style["background-color"], style["color"]) >= 4.5


def test_the_student_page_has_no_teacher_material(template):
    _, student = page(template, every_block("student"))
    _, teacher = page(template, every_block("teacher"))
    assert student.xpath("//*[contains(@class, 'teacher-note')]") == []
    assert "Model answer" not in student.text_content()
    assert teacher.xpath("//*[@role='note' and @aria-label='Teacher: Model answer']")


@pytest.mark.parametrize(("preset", "size", "italic"), [
    ("standard", "11pt", True), ("large-print", "18pt", False), ("dyslexia", "13pt", False)])
def test_presets_set_size_and_emphasis(template, preset, size, italic):
    data, _ = page(template, preset=preset)
    css = data.split(b"<style>")[1].split(b"</style>")[0].decode()
    assert f"font-size: max({size}, 1rem)" in css
    assert ("em, cite { font-style: italic; }" in css) is italic
    if preset == "dyslexia":
        assert "line-height: 1.5" in css and "background: #FBF6E6" in css


def test_a_pale_template_colour_falls_back_to_the_text_colour(template):
    pale = Palette(primary="#F0F0F0", accent="#FFEEDD", teacher="#EEF3F8", text="#1A1A1A")
    data, _ = page(template, colours=pale)
    css = data.decode()
    assert "h1, h2, h3, h4, h5 { color: #1A1A1A;" in css
    assert "thead th { background: #F0F0F0; color: #000000; }" in css


def test_the_same_document_gives_the_same_bytes(template):
    assert page(template)[0] == page(template)[0]


def test_an_unknown_block_type_raises(template):
    @dataclasses.dataclass(frozen=True)
    class Mystery:
        pass

    doc = dataclasses.replace(every_block("student"), blocks=(Mystery(),))
    with pytest.raises(TypeError, match="cannot draw Mystery"):
        render_html(doc, options(template))


def test_without_a_cover_the_first_heading_is_the_title(template):
    meta = d.Metadata("T", "A", "S")
    doc = d.Document("Lesson one", meta, (d.NameLines(("Name",)), d.Heading("Lesson one", 1),
                                          d.Heading("Aims", 1), d.Heading("Detail", 2)))
    _, tree = page(template, doc)
    assert [(h.tag, h.text_content()) for h in tree.iter("h1", "h2", "h3")] == \
        [("h1", "Lesson one"), ("h2", "Aims"), ("h3", "Detail")]


def test_without_a_cover_or_heading_the_title_is_added(template):
    doc = d.Document("Lesson one", d.Metadata("T", "A", "S"), (d.Heading("Aims", 2),))
    _, tree = page(template, doc)
    assert [(h.tag, h.text_content()) for h in tree.iter("h1", "h2", "h3")] == \
        [("h1", "Lesson one"), ("h2", "Aims")]


def test_an_empty_cell_is_never_a_header(template):
    table = d.Table(("", "Memory"), ((d.Cell(""), d.Cell("x")), (d.Cell("Row"), d.Cell("y"))))
    doc = d.Document("T", d.Metadata("T", "A", "S"), (table,))
    _, tree = page(template, doc)
    assert [th.text_content() for th in tree.iter("th")] == ["Memory", "Row"]
