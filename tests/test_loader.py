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


# --- text YAML reads differently from how it looks ------------------------------------------

@pytest.mark.parametrize(("line", "kept", "lost_from"), [
    ("text: Use the lamp log (handout #2) as evidence.", "Use the lamp log (handout", 33),
    ("text: one #two", "one", 11),
    ("- Tom #1 and Ruth", "Tom", 7),
    ("title: Part one\t# a note", "Part one", 17),
])
def test_text_cut_by_a_comment_is_a_located_warning(tmp_path: Path, line: str, kept: str,
                                                    lost_from: int) -> None:
    from nlmg_packs.pack.loader import load_yaml

    path = tmp_path / "x.yaml"
    path.write_text(line + "\n", "utf-8")
    try:
        loaded = load_yaml(path)
    except Exception as exc:  # a tab before `#` is refused outright: also not silent
        assert "tab" in str(exc)
        return
    value = loaded.data[0] if isinstance(loaded.data, list) else next(iter(loaded.data.values()))
    assert value == kept
    [warning] = loaded.lines.warnings
    assert (warning.line, warning.col) == (1, lost_from)
    assert "put the value in quotes" in warning.hint


@pytest.mark.parametrize("line", ['text: "handout #2"', "text: 'handout #2'", "n: 3  # minutes",
                                  "text: |\n  handout #2", "text: handout#2", "# only a comment",
                                  "id: memory  # an inline comment, set off by two spaces"])
def test_comments_that_cut_no_text_are_not_reported(tmp_path: Path, line: str) -> None:
    from nlmg_packs.pack.loader import load_yaml

    path = tmp_path / "x.yaml"
    path.write_text(line + "\nother: 1\n", "utf-8")
    assert load_yaml(path).lines.warnings == []


def test_validate_strict_refuses_text_cut_by_a_comment(mini: Path) -> None:
    from tests.conftest import edit
    from tests.test_build_safety import cli

    edit(mini / "discussion.yaml", "night she lit the lamp?", "night she lit the lamp #1?")
    plain = cli("validate", str(mini))
    assert plain.returncode == 0 and "warning: " in plain.stderr and "#1?" in plain.stderr
    strict = cli("validate", "--strict", str(mini))
    assert strict.returncode == 1
    assert "starts a YAML comment" in strict.stderr


@pytest.mark.parametrize(("value", "read"), [("25:00", "whole number 1500"),
                                             ("1:30", "whole number 90"),
                                             ("1:30.5", "number 90.5")])
def test_base_60_numbers_are_explained(tmp_path: Path, value: str, read: str) -> None:
    from nlmg_packs.errors import PackError
    from nlmg_packs.pack.loader import load_yaml

    path = tmp_path / "x.yaml"
    path.write_text(f"minutes: {value}\n", "utf-8")
    with pytest.raises(PackError) as caught:
        load_yaml(path)
    assert f"`{value}` is read by YAML as the {read}" in str(caught.value)
    assert str(caught.value).startswith(f"{path.name}:1:10") or ":1:10:" in str(caught.value)


@pytest.mark.parametrize("text", ["a: b\t\n", "a:\n  - x\t\n", "a: b\tc\n", "a: [1,\t2]\n"])
def test_a_tab_after_a_value_is_not_called_indentation(tmp_path: Path, text: str) -> None:
    from nlmg_packs.errors import PackError
    from nlmg_packs.pack.loader import load_yaml

    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(PackError) as caught:
        load_yaml(path)
    assert "a tab after a value" in str(caught.value)
