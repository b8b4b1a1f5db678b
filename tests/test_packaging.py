"""The wheel carries the bundled pack and template, so the tool works outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    wheel = next(dist.glob("nlmg_packs-*.whl"))
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "nlmg_packs/_bundled/packs/never-let-me-go/pack.yaml" in names
        assert "nlmg_packs/_bundled/templates/default/template.yaml" in names
        for face in ("DejaVuSans.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSerif.ttf",
                     "DejaVuSerif-BoldItalic.ttf", "LICENSE"):
            assert f"nlmg_packs/font_files/{face}" in names, face
        for language in ("en_GB", "en_US", "fr", "de", "es", "pl"):
            assert f"nlmg_packs/locale/{language}/LC_MESSAGES/nlmg_packs.mo" in names, language
        archive.extractall(target)
    return target


def test_installed_package_finds_bundled_pack_from_any_folder(unpacked_wheel: Path,
                                                              tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel)}
    result = subprocess.run([sys.executable, "-m", "nlmg_packs", "list"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "never-let-me-go: Never Let Me Go, by Kazuo Ishiguro" in result.stdout
