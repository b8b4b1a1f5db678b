"""The YAML loader: safe, strict, and precise about where things are."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_packs.errors import PackError
from nlmg_packs.pack.loader import MAX_FILE_BYTES, load_yaml


def load_text(tmp_path: Path, text: str | bytes) -> object:
    path = tmp_path / "x.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_yaml(path)


def error_of(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(PackError) as caught:
        load_text(tmp_path, text)
    return str(caught.value)


def test_line_map_points_at_keys_and_items(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, "a:\n  b: 1\n  c:\n    - x\n    - {d: 2}\n")
    assert loaded.lines.locate(("a", "b")) == (2, 3)
    assert loaded.lines.locate(("a", "c", 1, "d")) == (5, 8)
    assert loaded.lines.locate(("a", "c", 1, "missing")) == (5, 7)


def test_duplicate_key_is_an_error_with_both_lines(tmp_path: Path) -> None:
    message = error_of(tmp_path, "title: A\nyear: 1\ntitle: B\n")
    assert "x.yaml:3:1: duplicate key `title` (first used on line 1)" in message


def test_aliases_are_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert "x.yaml:2:8: YAML aliases" in error_of(tmp_path, bomb)


def test_python_tags_never_construct(tmp_path: Path) -> None:
    message = error_of(tmp_path, "a: !!python/object/apply:os.system ['echo hi']\n")
    assert "x.yaml:1:4" in message


def test_bom_is_accepted_and_crlf_normalised(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, b"\xef\xbb\xbftitle: A\r\nyear: 2\r\n")
    assert loaded.data == {"title": "A", "year": 2}


def test_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    message = error_of(tmp_path, b"title: ok\ntext: caf\xe9\n")
    assert "x.yaml:2:10: the file is not UTF-8 (byte 0xe9)" in message
    assert "save it as UTF-8" in message


def test_tab_indentation_gets_a_plain_message(tmp_path: Path) -> None:
    message = error_of(tmp_path, "book:\n\ttitle: A\n")
    assert "x.yaml:2:1: a tab is used for indentation" in message


def test_empty_file(tmp_path: Path) -> None:
    assert "x.yaml:1:1: the file is empty" in error_of(tmp_path, "# only a comment\n")


def test_syntax_error_is_located(tmp_path: Path) -> None:
    message = error_of(tmp_path, "title: A\ntext: [unclosed\nnext: 1\n")
    assert "x.yaml:3:5: YAML syntax error" in message


def test_huge_file_refused_before_parsing(tmp_path: Path) -> None:
    message = error_of(tmp_path, "a: " + "x" * (MAX_FILE_BYTES + 1) + "\n")
    assert "over the 2 MB limit" in message


def test_tens_of_megabytes_refused_from_the_size_alone(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from nlmg_packs.pack import loader

    path = tmp_path / "x.yaml"
    with path.open("wb") as handle:  # sparse: 40 MB long, nothing on disk, nothing in memory
        handle.truncate(40 * 1024 * 1024)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read or parsed")

    monkeypatch.setattr(loader, "_StrictLoader", never)
    monkeypatch.setattr(Path, "open", never)
    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(PackError) as caught:
        load_yaml(path)
    assert str(caught.value).endswith("x.yaml: file is 40.0 MB, over the 2 MB limit for a pack "
                                      "file — split it, or remove what is not lesson content")


def test_billion_laughs_refused_at_the_first_alias(tmp_path: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    message = error_of(tmp_path, "\n".join(lines) + "\n")
    assert "x.yaml:2:10: YAML aliases (`*name`) are not supported" in message


def test_deep_nesting_refused_before_the_recursion_limit(tmp_path: Path) -> None:
    message = error_of(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "x.yaml:1:27: lists and mappings are nested more than 24 deep" in message
