"""Write the reference document for a template: `python -m nlmg_packs.reference_doc OUT.docx`.

The input stage (reading the template) and the renderer (`render.reference_doc`) meet here, so
the renderer itself never reads a template.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Write the reference document for a template (the default one unless --template)."""
    from nlmg_packs.errors import NlmgError
    from nlmg_packs.paths import default_template
    from nlmg_packs.render.reference_doc import build_reference_doc
    from nlmg_packs.template import load_template

    parser = argparse.ArgumentParser(prog="python -m nlmg_packs.reference_doc",
                                     description=main.__doc__)
    parser.add_argument("out", type=Path, help="the .docx to write")
    parser.add_argument("--template", type=Path, default=None, help="a template folder")
    args = parser.parse_args(argv)
    try:
        template = load_template(args.template or default_template())
        args.out.write_bytes(build_reference_doc(template.render_options()))
    except NlmgError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
