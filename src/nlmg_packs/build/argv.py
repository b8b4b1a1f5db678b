"""A small parser for the usual `build` command lines, so a re-run with nothing to do can answer
before the full command-line machinery loads (typer builds a pydantic validator for every option,
about 0.2 s). Anything it does not fully understand gives None, and typer takes over."""

from __future__ import annotations

_VALUES = {"--out": "out", "-o": "out", "--course": "course", "--edition": "edition",
           "--format": "fmt", "--only": "only", "--paper": "paper", "--preset": "preset",
           "--template": "template", "--reference-doc": "reference_doc", "--jobs": "jobs",
           "-j": "jobs"}
_FLAGS = {"--fillable": "fillable", "--quiet": "quiet", "-q": "quiet", "--json": "json_out",
          "--zip": "zip_out", "--strict": "strict"}
_REPEATED = {"course", "only"}
_CHOICES = {"edition": {"student", "teacher", "all"}, "fmt": {"native", "pdf", "docx", "all"},
            "only": {"guide", "worksheets", "bank", "map", "plans"}, "paper": {"a4", "letter"},
            "preset": {"standard", "large-print", "dyslexia"}}


def parse_build(argv: list[str]) -> dict[str, object] | None:
    """The `build` command's values as plain strings, or None to leave it to typer."""
    if not argv or argv[0] != "build":
        return None
    values: dict[str, object] = {
        "packs": [], "out": "output", "course": [], "edition": "all", "fmt": "native",
        "only": [], "paper": None, "preset": "standard", "template": None,
        "reference_doc": None, "jobs": None, "fillable": False, "quiet": False,
        "json_out": False, "zip_out": False, "strict": False}
    args = iter(argv[1:])
    for arg in args:
        if not arg.startswith("-"):
            values["packs"].append(arg)  # type: ignore[attr-defined]
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _FLAGS and not eq:
            values[_FLAGS[name]] = True
            continue
        dest = _VALUES.get(name)
        if dest is None:
            return None  # --force, --help, -j2, a typo: typer's business
        if not eq:
            value = next(args, None)  # type: ignore[assignment]
            if value is None:
                return None
        if dest in _CHOICES and value not in _CHOICES[dest]:
            return None
        if dest == "jobs":
            if not value.isdigit() or int(value) < 1:
                return None
            values[dest] = int(value)
        elif dest in _REPEATED:
            values[dest].append(value)  # type: ignore[attr-defined]
        else:
            values[dest] = value
    return values
