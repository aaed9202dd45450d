"""`compare` reads reports it has seen before from the cache, with their segmentation: the
same document, without parsing or the tokenizer."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"


def run_compare(cache: Path, out: Path, *extra: str) -> set[str]:
    code = ("import sys\n"
            f"sys.argv = ['reportdiff', 'compare', {str(SAMPLE / 'shili-2022.txt')!r}, "
            f"{str(SAMPLE / 'shili-2023.txt')!r}, '--json', {str(out)!r}, *{list(extra)!r}]\n"
            "from reportdiff import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "sys.stdout.flush()\n"
            "print('\\nMODULES', ' '.join(sorted(sys.modules)))\n")
    env = {**os.environ, "REPORTDIFF_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=env)
    return set(done.stdout.rsplit("MODULES", 1)[1].split())


def test_second_compare_reads_the_cache_and_imports_no_tokenizer(tmp_path):
    first = run_compare(tmp_path / "cache", tmp_path / "1.json")
    second = run_compare(tmp_path / "cache", tmp_path / "2.json")
    assert "rjieba" in first and "reportdiff.parse.tree" in first
    assert "rjieba" not in second and "reportdiff.parse.tree" not in second
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


def test_no_cache_keeps_nothing_and_gives_the_same_document(tmp_path):
    run_compare(tmp_path / "cache", tmp_path / "1.json")
    run_compare(tmp_path / "other", tmp_path / "2.json", "--no-cache")
    assert not (tmp_path / "other").exists()
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


def test_a_pair_compared_before_is_read_whole_keyed_by_content_paths_and_options(tmp_path):
    import json
    import shutil

    env = {**os.environ, "REPORTDIFF_CACHE_DIR": str(tmp_path / "cache")}

    def compare(folder: str, *extra: str) -> dict:
        out = tmp_path / "c.json"
        subprocess.run([sys.executable, "-m", "reportdiff", "compare", f"{folder}/shili-2022.txt",
                        f"{folder}/shili-2023.txt", "--json", str(out), *extra],
                       check=True, capture_output=True, env=env, cwd=tmp_path)
        return json.loads(out.read_text("utf-8"))

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for name in ("shili-2022.txt", "shili-2023.txt"):
            shutil.copy(SAMPLE / name, tmp_path / folder / name)
    first = compare("a")
    entries = lambda: sorted((tmp_path / "cache").glob("*/comparison/*/*.pickle"))  # noqa: E731
    assert len(entries()) == 1
    assert compare("a") == first and len(entries()) == 1
    # the same bytes at other paths: the document names the paths it was given
    moved = compare("b")
    assert moved["old"]["source"]["path"] == "b/shili-2022.txt" != first["old"]["source"]["path"]
    assert len(entries()) == 2
    # an edited file is compared afresh
    text = (tmp_path / "a" / "shili-2023.txt").read_text("utf-8")
    (tmp_path / "a" / "shili-2023.txt").write_text(text.replace("概念验证中心", "概念中心"), "utf-8")
    assert compare("a") != first and len(entries()) == 3
    compare("a", "--force")
    assert len(entries()) == 4


def test_a_new_pair_of_cached_reports_is_compared_without_parsing_or_the_tokenizer(tmp_path):
    """The pair cache does not stand in for the report cache: the same two reports in the other
    order are another pair, compared from the cached reports and their segmentation."""
    env = {**os.environ, "REPORTDIFF_CACHE_DIR": str(tmp_path / "cache")}
    a, b = str(SAMPLE / "shili-2022.txt"), str(SAMPLE / "shili-2023.txt")
    code = ("import sys\n"
            "sys.argv = ['reportdiff', 'compare', *sys.argv[1:]]\n"
            "from reportdiff import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "sys.stdout.flush()\n"
            "print('\\nMODULES', ' '.join(sorted(sys.modules)))\n")

    def modules(*argv: str) -> set[str]:
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                              text=True, check=True, env=env)
        return set(done.stdout.rsplit("MODULES", 1)[1].split())

    assert "rjieba" in modules(a, b, "--json", str(tmp_path / "ab.json"))
    swapped = modules(b, a, "--json", str(tmp_path / "ba.json"))
    assert "rjieba" not in swapped and "reportdiff.parse.tree" not in swapped
    # compared, not read whole: a second entry
    assert len(list((tmp_path / "cache").glob("*/comparison/*/*.pickle"))) == 2
    modules(b, a, "--json", str(tmp_path / "fresh.json"), "--no-cache")
    assert (tmp_path / "ba.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()
