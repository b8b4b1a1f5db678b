"""The message catalogues: complete in every language, placeholders intact, compiled .mo files
in step with their .po sources, and shipped in the wheel's package folder."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from nlmg_packs.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, known_messages, words_for

LOCALES = sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir())
_FIELD = re.compile(r"\{(\w+)\}")


def catalogue(locale: str):
    with (LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def test_every_language_of_the_docs_has_a_catalogue() -> None:
    assert sorted(LOCALES) == sorted(tag.replace("-", "_") for tag in LANGUAGES)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_is_complete_with_the_same_placeholders(locale: str) -> None:
    found = catalogue(locale)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in found if m.id}
    assert ids | {m.id[1] for m in found if isinstance(m.id, tuple)} == known_messages()
    for message in found:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"{locale}: {source!r} is not translated"
        for form in forms:
            assert set(_FIELD.findall(form)) == set(_FIELD.findall(source)), (locale, form)


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_its_source(locale: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(locale))
    path = LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"
    assert compiled.getvalue() == path.read_bytes(), (
        "recompile: pybabel compile -d src/nlmg_packs/locale -D nlmg_packs")


@pytest.mark.parametrize("language, expected", [
    ("fr", "Nom"), ("de", "Name"), ("es", "Nombre"), ("pl", "Imię i nazwisko"),
    ("en-GB", "Name"), ("en-US", "Name"), ("fr-CA", "Nom"), ("ja", "Name")])
def test_language_falls_back_to_its_base_then_english(language: str, expected: str) -> None:
    assert words_for(language)("Name") == expected


@pytest.mark.parametrize("language, count, expected", [
    ("pl", 1, "1 lekcja"), ("pl", 3, "3 lekcje"), ("pl", 5, "5 lekcji"), ("pl", 22, "22 lekcje"),
    ("fr", 1, "1 séance"), ("fr", 2, "2 séances"), ("de", 1, "1 Stunde"),
    ("en-GB", 1, "1 lesson"), ("en-GB", 2, "2 lessons")])
def test_plural_forms_follow_the_language(language: str, count: int, expected: str) -> None:
    assert words_for(language).plural("{count} lesson", "{count} lessons", count) == expected


@pytest.mark.parametrize("language, expected", [
    ("fr", "12\u202f000"), ("de", "12.000"), ("en-GB", "12,000"), ("pl", "12\u00a0000")])
def test_numbers_follow_the_language(language: str, expected: str) -> None:
    assert words_for(language).number(12000) == expected


def test_a_template_label_replaces_one_message() -> None:
    words = words_for("fr", {"Name": "Élève"})
    assert (words("Name"), words("Date")) == ("Élève", "Date")


def test_us_spelling() -> None:
    assert words_for("en-US")("Your notes, questions and favourite lines") == \
        "Your notes, questions and favorite lines"


def test_catalogues_are_package_data() -> None:
    assert Path(LOCALE_DIR).parent.name == "nlmg_packs"


# ---- the catalogue template against the code: every message the tool prints is listed ----------

SOURCE = LOCALE_DIR.parent


def _strings(node: object) -> list[str]:
    """The string literals a message argument can take (`w("A" if x else "B")` gives both)."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _messages_in_place() -> dict[str, str]:
    """English message → `module:line` for every literal message a composer translates in place:
    `w("…")`, `words("…")` and `….plural("…", "…", n)`."""
    import ast

    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in {"w", "words"}:
                args = node.args[:1]
            elif isinstance(func, ast.Attribute) and func.attr == "plural":
                args = node.args[:2]
            else:
                continue
            for message in (m for a in args for m in _strings(a)):
                found.setdefault(message, f"{path.relative_to(SOURCE)}:{node.lineno}")
    return found


def _label_messages() -> dict[str, str]:
    """English message → constant name for every message `compose/labels.py` defines (its
    upper-case constants: strings, and tuples and dicts of them)."""
    from nlmg_packs.compose import labels

    found: dict[str, str] = {}

    def walk(name: str, value: object) -> None:
        if isinstance(value, str):
            found.setdefault(value, name)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(name, item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(f"{name}[{key!r}]", item)

    for name, value in vars(labels).items():
        if name.isupper():
            walk(name, value)
    return found


def _bloom_levels() -> dict[str, str]:
    """The question levels printed as `w(level.capitalize())`."""
    from typing import get_args

    from nlmg_packs.pack.model import Level

    return {level.capitalize(): "pack.model.Level" for level in get_args(Level)}


def test_template_lists_every_message_the_tool_prints() -> None:
    """`labels.py`, the messages composers write in place and the question levels are all in
    `nlmg_packs.pot` (and so, through the test above, translated in every catalogue)."""
    wanted = {**_bloom_levels(), **_messages_in_place(), **_label_messages()}
    missing = sorted(f"{where}: {message!r}" for message, where in wanted.items()
                     if message not in known_messages())
    assert not missing, "add to nlmg_packs.pot and every .po:\n" + "\n".join(missing)


def test_plural_messages_are_plural_entries() -> None:
    """`POINT, POINTS` and every `.plural(…)` pair are one msgid/msgid_plural entry."""
    from nlmg_packs.compose import labels

    template = (LOCALE_DIR / f"{DOMAIN}.pot").read_text("utf-8")
    for singular, plural in [(labels.POINT, labels.POINTS), ("{count} minute", "{count} minutes"),
                             ("{count} lesson", "{count} lessons")]:
        assert f'msgid "{singular}"\nmsgid_plural "{plural}"' in template, singular
