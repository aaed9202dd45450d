"""The comparison document does not depend on the interpreter's hash seed: sets of strings
iterate in hash order, and a float sum taken in that order can break a tie either way (a
commitment's evidence flipped between done and progress so on hailar 2016→2017)."""
from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = ("import sys, reportdiff; sys.stdout.write(reportdiff.compare(sys.argv[1], sys.argv[2])"
          ".to_json())")


def test_same_bytes_whatever_the_hash_seed(corpora, tmp_path):
    hailar = corpora / "district-hailar-derek-s"
    outs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "REPORTDIFF_CACHE_DIR": str(tmp_path / seed)}
        run = subprocess.run([sys.executable, "-c", SCRIPT, str(hailar / "hailar-2016.txt"),
                              str(hailar / "hailar-2017.txt")], capture_output=True, env=env,
                             timeout=300)
        assert run.returncode == 0, run.stderr.decode()
        outs.append(run.stdout)
    assert len(outs[0]) > 10_000 and outs[0] == outs[1] == outs[2]
