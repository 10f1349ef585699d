"""The code stays lint-clean, formatted and type-checked (ruff and mypy on the package)."""

from __future__ import annotations

import subprocess

import pytest

from support import BIN, ROOT


@pytest.mark.parametrize(
    "cmd",
    [["ruff", "check", "src", "tests", "scripts"], ["ruff", "format", "--check", "src", "tests", "scripts"], ["mypy"]],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_tool_is_clean(cmd: list[str]) -> None:
    result = subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
