"""The wheel ships rules/ and report_templates/, so `pip install .` works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("factcheck_newsroom-*.whl")
    return found


def test_wheel_contains_rules_templates_and_schemas(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("factcheck/_data/rules/") and n.endswith(".yml") for n in names)
    assert any(n.startswith("factcheck/_data/report_templates/") for n in names)
    assert "factcheck/schemas/rule.schema.json" in names
    assert "factcheck/schemas/result.schema.json" in names


def test_installed_wheel_finds_its_rules_from_any_directory(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import factcheck.resources as r, factcheck.cli as c; print(r.rules_dir()); "
            "import sys; sys.argv=['factcheck','rules','list']; c.main()",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    first_line = proc.stdout.splitlines()[0]
    assert first_line.startswith(str(target)), first_line
    assert len(proc.stdout.splitlines()) > 1
