"""`reportdiff --help` must not pay for pandas or the format libraries."""
from __future__ import annotations

import subprocess
import sys


def test_help_does_not_import_heavy_modules():
    code = ("import sys\n"
            "sys.argv = ['reportdiff', '--help']\n"
            "from reportdiff import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'selectolax', 'docx', 'pypdf', 'opencc', 'rjieba', 'numpy')"
            " if m in sys.modules]\n"
            "print('HEAVY', heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage" in out.stdout
    assert "HEAVY []" in out.stdout
