"""The code stays lint-clean, formatted and type-checked, and its imports follow the pipeline.

ruff and mypy cover the package, the tests and tools/; `lint-imports` checks the contracts in
pyproject.toml: each stage imports only the stages below it, and only the MkDocs glue imports mkdocs.
"""

from __future__ import annotations

import subprocess

import pytest

from support import BIN, ROOT

PATHS = ["src", "tests", "scripts", "tools"]


@pytest.mark.parametrize(
    "cmd",
    [["ruff", "check", *PATHS], ["ruff", "format", "--check", *PATHS], ["mypy"], ["lint-imports"]],
    ids=["ruff", "ruff-format", "mypy", "import-contracts"],
)
def test_tool_is_clean(cmd: list[str]) -> None:
    result = subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
