"""The layer contracts in pyproject.toml ([tool.importlinter]) hold: data flows one way.

import-linter reads every import statement, lazy ones inside functions included, so an arrow
that runs back up (a renderer reading the pack model, a composer importing reportlab) fails here
and therefore in `.ci/run`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_layer_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
