"""The README's examples run, so they cannot rot (its install commands are CI's own)."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

from tests.conftest import ROOT, require_corpora

README = (ROOT / "README.md").read_text("utf-8")


def test_python_examples_run():
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)


def test_command_examples_run():
    require_corpora()
    commands = [line.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)
                for line in block.splitlines() if line.strip().startswith("reportdiff ")]
    assert commands
    for command in commands:
        args = shlex.split(command.split("|")[0])
        out = subprocess.run([sys.executable, "-m", "reportdiff", *args[1:]], cwd=ROOT,
                             capture_output=True, text=True)
        assert out.returncode == 0, (command, out.stderr)
        assert out.stdout.strip(), command
