"""Start-up budget: each command imports only what its work needs.

Not a timed test: the guard is the set of modules a command leaves in ``sys.modules``
(bench/startup.py gives the times).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"

#: never on the path of --help or parse: the tokenizer (it builds its dictionary on import),
#: pydantic (typer >= 0.29 validates parameters with it), pandas, numpy, the HTML templates,
#: the format libraries and typer's rich help formatter
HEAVY = ("rjieba", "pydantic", "pandas", "numpy", "jinja2", "selectolax", "docx", "pypdf",
         "opencc", "typer.rich_utils", "rich.markdown",
         # the panel's engines: the cluster, Parquet and the cache dir are paid for only there
         "dask", "distributed", "pyarrow", "platformdirs")


def imported_by(*argv: str) -> set[str]:
    code = ("import sys\n"
            f"sys.argv = ['reportdiff', *{list(argv)!r}]\n"
            "from reportdiff import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "sys.stdout.flush()\n"
            "print('\\nMODULES', ' '.join(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.rsplit("MODULES", 1)[1].split())


@pytest.mark.parametrize("argv", [("--help",), ("compare", "--help"), ("panel", "--help"),
                                  ("parse", str(SAMPLE / "shili-2024.txt"), "--json"),
                                  ("parse", str(SAMPLE / "shili-2024.txt"))])
def test_help_and_parse_import_nothing_heavy(argv):
    modules = imported_by(*argv)
    assert not [m for m in HEAVY if m in modules]


def test_help_does_not_import_the_model_or_the_parser():
    modules = imported_by("--help")
    assert "reportdiff.model" not in modules and "reportdiff.parse" not in modules


def test_compare_json_pays_for_the_tokenizer_but_not_for_pandas_or_templates(tmp_path):
    modules = imported_by("compare", str(SAMPLE / "shili-2023.txt"), str(SAMPLE / "shili-2024.txt"),
                          "--json", str(tmp_path / "c.json"), "--no-cache")
    assert (tmp_path / "c.json").stat().st_size > 1000
    assert "rjieba" in modules
    assert not [m for m in ("pydantic", "pandas", "numpy", "jinja2", "typer.rich_utils") if m in modules]


def test_metrics_csv_is_where_pandas_comes_in(tmp_path):
    modules = imported_by("metrics", str(SAMPLE / "shili-2024.txt"), "--csv", str(tmp_path / "m.csv"))
    assert "pandas" in modules and "rjieba" not in modules


def test_parse_does_not_run_the_number_grammar():
    modules = imported_by("parse", str(SAMPLE / "shili-2024.txt"), "--json")
    assert "reportdiff.extract.numbers" not in modules
