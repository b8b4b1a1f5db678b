"""A small parser for the usual `build` command lines, so a re-run with nothing to do can answer
before the full command-line machinery loads (typer builds a pydantic validator for every option,
about 0.2 s). It reads the same declaration as typer (`nlmg_packs.cli_options.BUILD`); anything
it does not fully understand gives None, and typer takes over and reports it."""

from __future__ import annotations

from nlmg_packs.cli_options import BUILD, Opt, defaults

_BY_NAME: dict[str, Opt] = {name: o for o in BUILD for name in o.names}


def parse_build(argv: list[str]) -> dict[str, object] | None:
    """The `build` command's values as plain strings (as `cli_options.plain` gives them,
    plus `packs`), or None to leave the command line to typer."""
    if not argv or argv[0] != "build":
        return None
    values = defaults(BUILD)
    values["packs"] = []
    args = iter(argv[1:])
    for arg in args:
        if not arg.startswith("-"):
            values["packs"].append(arg)  # type: ignore[attr-defined]
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = _BY_NAME.get(name)
        if option is None or (option.flag and eq) or option.dest in ("force", "watch"):
            return None  # --force, --watch, --help, -j2, a typo: typer's business
        if option.flag:
            values[option.dest] = True
            continue
        if not eq:
            value = next(args, None)  # type: ignore[assignment]
            if value is None:
                return None
        parsed = _value(option, value)
        if parsed is None:
            return None
        if option.repeated:
            values[option.dest].append(parsed)  # type: ignore[attr-defined]
        else:
            values[option.dest] = parsed
    return values


def _value(option: Opt, value: str) -> object:
    if option.choices and value not in option.choices:
        return None
    if option.number:
        if not (value.isascii() and value.isdigit()):
            return None
        number = int(value)
        return number if 1 <= number <= (option.maximum or number) else None
    return value
