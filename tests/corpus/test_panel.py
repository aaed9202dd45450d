"""reportdiff panel: real series against the targets gold, executors that agree byte for byte,
bad members, duplicates, gaps, series overrides and the files it writes."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

import reportdiff
from tests.conftest import ROOT, read_tsv, require_corpora, validate
from tests.corpus.gold_panel import score

SAMPLE = ROOT / "corpora" / "sample"


def _run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "reportdiff", *map(str, args)],
                          capture_output=True, text=True, **kwargs)


def test_panel_of_hailar_and_national_against_the_targets_gold(tmp_path):
    found, agree, total, lines, panel = score(jobs=1, cache_dir=tmp_path)
    report = "\n".join(lines)
    assert total >= 190
    assert found == total, report  # every target row of the gold is in the panel
    assert agree == total, report  # every status as the gold (264/264 on 2026-12-03)
    assert [(s["series"], s["first_year"], s["last_year"], s["gaps"]) for s in panel.series] == \
        [("全国", 2003, 2018, []), ("呼伦贝尔市海拉尔区", 2012, 2019, [])]
    # the last year of each series has no review yet: no status, and it says why
    last = [t for t in panel.targets if t["plan_year"] in (2018, 2019) and t["status"] is None]
    unreviewed = [r for r in read_tsv("targets.tsv") if not r["status"]]  # 28 on 2026-12-02
    assert len(last) == len(unreviewed) and all("last report" in t["note"] for t in last)
    gdp = next(t for t in panel.targets if t["plan_year"] == 2014 and t["series"] == "全国"
               and t["indicator"] == "国内生产总值" and t["measure"] == "growth_pct")
    assert (gdp["value"], gdp["outcome_value"], gdp["status"]) == (7.5, 7.4, "met")
    assert gdp["plan"]["file"].endswith("national-2014.txt") and gdp["plan"]["lines"]
    assert gdp["review"]["file"].endswith("national-2015.txt") and "7.4%" in gdp["review"]["sentence"]
    validate(panel.to_dict(), "panel")


@pytest.fixture(scope="module")
def hailar():
    return require_corpora() / "district-hailar-derek-s"


def test_dask_cluster_and_process_pool_give_the_same_bytes_as_one_job(hailar):
    from distributed import Client, LocalCluster

    one = reportdiff.panel([hailar], jobs=1, cache=False).to_json()
    pool = reportdiff.panel([hailar], jobs=2, cache=False).to_json()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        distributed = reportdiff.panel([hailar], dask=client, cache=False).to_json()
    assert one == pool == distributed
    assert json.loads(one)["targets"]


def _copy(hailar, folder, years):
    folder.mkdir(parents=True, exist_ok=True)
    for year in years:
        shutil.copy(hailar / f"hailar-{year}.txt", folder)
    return folder


def test_cache_second_run_parses_nothing_changed_file_and_truncated_entry_are_reread(
        hailar, tmp_path, monkeypatch):
    import reportdiff.parse as parse_module

    parses = []
    real = parse_module.parse_file
    monkeypatch.setattr(parse_module, "parse_file", lambda path, **kw: parses.append(path) or real(path, **kw))
    folder = _copy(hailar, tmp_path / "reports", (2016, 2017, 2018))
    cache = tmp_path / "cache"
    first = reportdiff.panel([folder], jobs=1, cache_dir=cache)
    assert len(parses) == 3 and first.stats["parsed"] == 3 and first.stats["compared"] == 2
    second = reportdiff.panel([folder], jobs=1, cache_dir=cache)
    assert len(parses) == 3  # nothing read again
    assert second.stats == {**first.stats, "parsed": 0, "from_cache": 3, "compared": 0,
                            "pairs_from_cache": 2}
    assert second.to_json() == first.to_json()
    # a changed file is read again (and the two pairs it is in are compared again)
    changed = folder / "hailar-2017.txt"
    changed.write_bytes(changed.read_bytes() + b"\r\n")
    third = reportdiff.panel([folder], jobs=1, cache_dir=cache)
    assert [p.name for p in map(__import__("pathlib").Path, parses[3:])] == ["hailar-2017.txt"]
    assert third.stats["compared"] == 2
    # a truncated entry is ignored and rebuilt
    entries = sorted((cache).rglob("report/*/*.pickle"), key=lambda p: p.stat().st_mtime)
    entries[-1].write_bytes(entries[-1].read_bytes()[:100])
    fourth = reportdiff.panel([folder], jobs=1, cache_dir=cache)
    assert fourth.stats["parsed"] == 1 and fourth.to_json() == third.to_json()
    assert reportdiff.panel([folder], jobs=1, cache_dir=cache).stats["parsed"] == 0
    assert not list(cache.rglob(".tmp-*"))  # atomic writes leave no temporary file behind


def test_bad_members_are_skipped_with_reasons_and_the_run_goes_on(hailar, tmp_path):
    folder = _copy(hailar, tmp_path / "mixed", (2018, 2019))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "notes.txt").write_text("会议记录\n今天天气很好，大家讨论了很多事情。\n" * 3, "utf-8")
    (folder / "agenda.txt").write_text("一、会议须知\n请准时入场。\n二、日程安排\n上午报到。\n", "utf-8")
    (folder / "MANIFEST.tsv").write_text("not\ta report\n", "utf-8")  # not a report format
    out = _run("panel", folder, "--json", "-", "--no-cache", "-j", "1")
    assert out.returncode == 0, out.stderr
    assert "warning: 4 file(s) skipped" in out.stderr
    document = json.loads(out.stdout)
    validate(document, "panel")
    reasons = {s["path"].rsplit("/", 1)[1]: s["reason"] for s in document["skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt", "notes.txt", "agenda.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "numbered parts" in reasons["notes.txt"]
    assert "not a government work report" in reasons["agenda.txt"]
    assert [s["years"] for s in document["series"]] == [[2018, 2019]]
    # nothing readable at all: exit status 2 and one line naming the problem
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    out = _run("panel", bad, "--no-cache", "-j", "1")
    assert out.returncode == 2 and "no report could be read" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_duplicate_copies_keep_the_better_and_gaps_are_flagged(hailar, tmp_path):
    folder = _copy(hailar, tmp_path / "a", (2013, 2014, 2016))
    second = tmp_path / "b"
    second.mkdir()
    lines = (hailar / "hailar-2014.txt").read_bytes().split(b"\n")
    (second / "hailar-2014-copy.txt").write_bytes(b"\n".join(lines[: len(lines) // 2]))
    p = reportdiff.panel([folder, second / "*.txt"], jobs=1, cache=False)
    [dup] = p.duplicates
    assert dup["plan_year"] == 2014 and dup["kept"].endswith("a/hailar-2014.txt")
    assert dup["dropped"].endswith("hailar-2014-copy.txt") and dup["same_text"]
    [series] = p.series
    assert series["years"] == [2013, 2014, 2016] and series["gaps"] == [2015]
    assert {w.code for w in p.warnings} >= {"gap", "duplicate"}
    across_gap = [t for t in p.targets if t["plan_year"] == 2014]
    assert across_gap and all(t["status"] is None and "no report for plan year 2015" in t["note"]
                              for t in across_gap)
    assert all(t["status"] for t in p.targets if t["plan_year"] == 2013)


def test_series_file_names_series_by_file_and_by_region(tmp_path):
    overrides = tmp_path / "series.toml"
    overrides.write_text('[files]\n"shili-2021.txt" = "示例区（旧）"\n'
                         '[regions]\n"示例区" = "示例"\n', "utf-8")
    p = reportdiff.panel([SAMPLE], jobs=1, cache=False, series=str(overrides))
    assert [(s["series"], s["years"]) for s in p.series] == \
        [("示例", [2022, 2023, 2024]), ("示例区（旧）", [2021])]
    bad = tmp_path / "bad.toml"
    bad.write_text("[series\n", "utf-8")
    out = _run("panel", SAMPLE, "--series", bad, "--no-cache", "-j", "1")
    assert out.returncode == 2 and "bad.toml: not valid TOML" in out.stderr


def test_panel_writes_csv_with_bom_parquet_and_frames(tmp_path):
    import pyarrow.parquet as pq

    out = _run("panel", SAMPLE, "--csv", tmp_path / "csv", "--parquet", tmp_path / "pq",
               "--cache-dir", tmp_path / "cache", "-j", "1", "--no-color")
    assert out.returncode == 0, out.stderr
    assert "示例区" in out.stdout and "2021–2024" in out.stdout
    p = reportdiff.panel([SAMPLE], jobs=1, cache_dir=tmp_path / "cache")
    frame = p.targets_frame()
    assert len(frame) == len(p.targets) and {"plan_file", "plan_line_first", "review_sentence",
                                             "status", "canonical"} <= set(frame.columns)
    csv = (tmp_path / "csv" / "targets.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and "示例区".encode() in csv
    table = pq.read_table(tmp_path / "pq" / "targets.parquet")
    assert table.num_rows == len(p.targets)
    assert pq.read_table(tmp_path / "pq" / "series.parquet").num_rows == 1
    assert not list((tmp_path / "csv").glob(".*.tmp"))
