"""Refusing to grade nonsense: two regions, the same report twice, years that are not
consecutive (CONTRACT.md "Additions": different_regions, same_report, not_consecutive)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import reportdiff
from tests.conftest import require_corpora, validate


def _files():
    c = require_corpora()
    return {"haidian": c / "haidian-seed" / "haidian-2024-partial.txt",
            "hailar2017": c / "district-hailar-derek-s" / "hailar-2017.txt",
            "hailar2018": c / "district-hailar-derek-s" / "hailar-2018.txt",
            "hailar2019": c / "district-hailar-derek-s" / "hailar-2019.txt",
            "national2017": c / "national-dxcarl" / "national-2017.txt",
            "national2017b": c / "national-ljtyduyu" / "national-2017.txt"}


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "reportdiff", *map(str, args)],
                          capture_output=True, text=True)


def _codes(c):
    return [w.code for w in c.warnings]


def test_haidian_against_hailar_is_two_regions_and_not_graded():
    f = _files()
    c = reportdiff.compare(f["hailar2019"], f["haidian"])
    assert "different_regions" in _codes(c) and c.withheld == "different_regions"
    assert len(c.ledger) == 0 and len(c.changes) == 0
    note = next(w for w in c.warnings if w.code == "different_regions")
    assert "haidian-2024-partial.txt" in note.message and "hailar-2019.txt" in note.message
    assert "海淀区" in note.message and "海拉尔区" in note.message and "--force" in note.message
    assert "\n" not in note.message
    forced = reportdiff.compare(f["hailar2019"], f["haidian"], force=True)
    assert "different_regions" in _codes(forced) and forced.withheld is None
    assert len(forced.ledger) == len(forced.old.targets) > 0


def test_national_against_a_district_is_refused():
    f = _files()
    c = reportdiff.compare(f["national2017"], f["hailar2018"])
    assert c.withheld == "different_regions" and len(c.ledger) == 0


def test_same_district_under_a_longer_name_is_one_region():
    f = _files()  # 海拉尔区 (2018) and 呼伦贝尔市海拉尔区 (2019)
    c = reportdiff.compare(f["hailar2018"], f["hailar2019"])
    assert c.withheld is None and "different_regions" not in _codes(c)
    assert len(c.ledger) == len(c.old.targets) > 0


def test_non_consecutive_years_withhold_statuses_with_a_filled_message():
    f = _files()
    c = reportdiff.compare(f["hailar2017"], f["hailar2019"])
    assert c.withheld == "not_consecutive" and len(c.ledger) == 0
    note = next(w for w in c.warnings if w.code == "not_consecutive")
    assert "{" not in note.message and "}" not in note.message
    assert note.message.startswith("plan years 2017 and 2019 are not consecutive: the 2019 "
                                   "report reviews 2018, not 2017")
    assert "reportdiff timeline" in note.message and "--force" in note.message
    assert len(c.changes) > 0  # the two reviews can still be set side by side
    forced = reportdiff.compare(f["hailar2017"], f["hailar2019"], force=True)
    assert len(forced.ledger) == len(forced.old.targets)


def test_same_file_twice_and_same_plan_year_twice():
    f = _files()
    c = reportdiff.compare(f["national2017"], f["national2017"])
    assert c.withheld == "same_report" and "same file" in c.warnings[0].message
    c = reportdiff.compare(f["national2017"], f["national2017b"])
    assert c.old.source.sha256 != c.new.source.sha256
    assert c.withheld == "same_report" and "both the report for 2017" in c.warnings[-1].message


def test_cli_text_json_and_html_carry_the_filled_warning(tmp_path):
    f = _files()
    out = _cli("compare", f["hailar2017"], f["hailar2019"], "--json", tmp_path / "c.json",
               "--html", tmp_path / "c.html")
    assert out.returncode == 0, out.stderr
    flat = " ".join(out.stdout.split())
    assert "statuses withheld" in flat and "{o}" not in flat
    assert "plan years 2017 and 2019 are not consecutive" in flat
    doc = json.loads((tmp_path / "c.json").read_text("utf-8"))
    validate(doc, "comparison")
    assert doc["ledger"] == [] and "{o}" not in json.dumps(doc, ensure_ascii=False)
    assert [w["code"] for w in doc["warnings"]] == ["not_consecutive"]
    html = (tmp_path / "c.html").read_text("utf-8")
    assert "statuses withheld" in html and "{o}" not in html
    assert "plan years 2017 and 2019 are not consecutive" in html
    forced = _cli("compare", f["hailar2017"], f["hailar2019"], "--json", "-", "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(json.loads(forced.stdout)["ledger"]) > 0


def test_timeline_rejects_two_series():
    f = _files()
    out = _cli("timeline", f["hailar2018"], f["hailar2019"], f["haidian"])
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "haidian-2024-partial.txt" in out.stderr and "hailar-2018.txt" in out.stderr
    assert "--force" in out.stderr
    with pytest.raises(reportdiff.InputError):
        reportdiff.timeline([f["hailar2018"], f["national2017"]])
    t = reportdiff.timeline([f["hailar2018"], f["hailar2019"], f["haidian"]], force=True)
    assert len(t.comparisons) == 2 and t.comparisons[0].withheld is None


def test_timeline_withholds_the_pair_across_a_gap():
    f = _files()
    t = reportdiff.timeline([f["hailar2017"], f["hailar2019"]])
    assert t.comparisons[0].withheld == "not_consecutive"
    from rich.console import Console

    console = Console(width=100, record=True, file=open("/dev/null", "w"))
    console.print(t)
    assert "statuses withheld" in console.export_text()
